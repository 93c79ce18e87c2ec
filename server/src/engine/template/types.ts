import type { Localized, RelationId, SectionId, TableId, TemplateYear } from '../types';

export type ColumnKind = 'count' | 'signed' | 'amount';

export interface ColumnSpec {
  key: string;
  /** Header path from the top, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  path: string[];
  kind: ColumnKind;
}

export interface RowSpec {
  key: string;
  label: string;
  /** Other wordings accepted as the same row without a row-label finding. */
  aliases?: string[];
  /** A group label carries no values of its own. */
  group?: boolean;
  /** Key of the enclosing group row. */
  parent?: string;
  /** Columns of this row; group rows have none. */
  columns: ColumnSpec[];
  /** Header labels that may follow this row (table 二: 信息内容 and the block's column names). */
  headers?: string[];
  /** Caption of the block this row belongs to (table 二). */
  block?: string;
  /** The provision of the 条例 behind the row as reports cite it, e.g. 第三十六条第（一）（二）项 (hovers quote it). */
  article?: string;
  /** What the row counts, in a sentence (hovers). */
  meaning?: Localized;
  /** How messages name a row whose label is long (二、上年结转, （六）2.逾期未缴纳费用); else its label. */
  short?: string;
}

/**
 * An arithmetic relation: for each row (within 'row') or each column (within 'column'),
 * target = Σ plus − Σ minus. Keys name columns for 'row' and rows for 'column'. Each relation's data sits in its
 * table's file with a comment naming the rule that checks it.
 */
export interface RelationSpec {
  id: RelationId;
  within: 'row' | 'column';
  target: string;
  plus: string[];
  minus?: string[];
  /** Restrict a 'row' relation to these rows (default: every data row). */
  rows?: string[];
}

export interface TableTemplate {
  id: TableId;
  /** Variant name, e.g. '2019', '2019-beijing', '2021'. */
  variant: string;
  year: TemplateYear;
  /** Header labels that may precede the first row. */
  headers: string[];
  rows: RowSpec[];
  relations: RelationSpec[];
}

export interface SectionSpec {
  id: SectionId;
  title: string;
  /** Wording variants seen in real reports. */
  aliases: string[];
  /** What the section must contain (条例第五十条), for hovers; contentsEn in English. */
  contents: string;
  contentsEn: string;
  /** The item of 条例第五十条 behind the section, as reports cite it. */
  article: string;
}

export interface TemplateYearSpec {
  year: TemplateYear;
  /** Document name of the format. */
  source: string;
  /** Words only this template year's tables use (format.md §6). */
  markers: string[];
  /** Table variants, best-aligned one wins. */
  tables: Record<TableId, TableTemplate[]>;
}
