// Public types of the report engine. Positions follow LSP: 0-based lines, UTF-16 code units.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh-cn' | 'en';
export type TemplateYear = 2019 | 2021;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
/** Half-open offset span [start, end) into the document text. */
export interface Span { start: number; end: number }

export interface TextEdit { range: Range; newText: string }

/** A message in both user languages; the adapters pick one. */
export interface Localized { zh: string; en: string }

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** True when the fix is the one obvious correction (used by "fix all" and --fix). */
  preferred: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: Localized;
  /** Set when the range is in another report (its id as given to crossReportFindings); absent: the same report. */
  file?: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: Localized;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
}

export type SectionId = 1 | 2 | 3 | 4 | 5 | 6;
export type TableId = 2 | 3 | 4;

export interface SectionHeading {
  span: Span;
  /** The heading text as written (trimmed). */
  text: string;
  /** Whether it is written exactly in the standard form, e.g. 一、总体情况. */
  standard: boolean;
}

export interface SubHeading { span: Span; text: string }

export interface SectionModel {
  id: SectionId;
  heading: SectionHeading;
  /** From the heading to the start of the next section heading (or the end). */
  span: Span;
}

/** A section heading candidate that was not taken as the section (duplicate or out of order). */
export interface ExtraHeading { id: SectionId; heading: SectionHeading; reason: 'duplicate' | 'order' }

export type ValueKind =
  | 'integer'       // 12
  | 'signed'        // +12 / -12
  | 'decimal'       // 12.5
  | 'chinese'       // 十二
  | 'invalid';      // anything else that sits where a value belongs

export interface CellModel {
  /** Column path, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  columnPath: string[];
  columnKey: string;
  raw: string;
  span: Span;
  /** The figure the cell stands for when it can be read unambiguously (full-width, units stripped), else null. */
  value: number | null;
  kind: ValueKind;
  /** Unit written inside the cell, e.g. 件 or 万元. */
  unit: string | null;
  fullWidth: boolean;
}

export interface RowModel {
  key: string;
  /** Template label of the row (empty for the unlabelled row of table 四). */
  templateLabel: string;
  /** Label as written, with fragments joined; null when the row has no label. */
  label: string | null;
  labelSpan: Span | null;
  /** Where a label wrapped past its values continues (PDF rows); the label text includes it. */
  labelTail?: Span;
  /** Path of labels from the table down to this row. */
  path: string[];
  group: boolean;
  cells: CellModel[];
  /** Number of values the template expects in this row. */
  expectedValues: number;
  /** Block this row belongs to (table 二), e.g. 第二十条第（一）项. */
  block?: string;
}

export interface UnreadPart { span: Span; text: string; reason: 'extra-value' | 'extra-text' | 'short-row'; rowKey?: string }

export interface TableModel {
  id: TableId;
  /** Template variant the table was aligned with, e.g. '2019', '2019-beijing', '2021'. */
  variant: string;
  variantYear: TemplateYear;
  span: Span;
  rows: RowModel[];
  /** Template rows not found in the text. */
  missingRows: { key: string; label: string; after: Span | null; group?: boolean }[];
  unread: UnreadPart[];
  /** Header cells read (column labels), with the template label they matched. */
  headers: { span: Span; text: string; templateLabel: string }[];
  /** Whether the 2019 Beijing amount header (保留四位小数) was used. */
  fourDecimalAmounts: boolean;
  /**
   * Set when the copy stops inside the table (a page cut short): the last row read, whether the cut fell inside
   * it (its label or values cut off), and the template rows after it, which are not in the text.
   */
  cut: TableCut | null;
  /** Set when the table's figures cannot be placed in their cells with certainty: one finding says so, no table errors. */
  unreliable: Localized | null;
  /** Cells whose boundaries were worked out from the row's own total (digits run together): the hover says so. */
  inferredCells: Span[];
  /** Whether the table was read from text run together (a flattened page): a label may carry a neighbour's text. */
  runTogether: boolean;
}

export interface TableCut {
  /** The last row read (null when the copy stops before the first row). */
  lastRow: { key: string; label: string; span: Span } | null;
  /** Whether that row is itself incomplete: its values or label end with the text. */
  insideLastRow: boolean;
  /** Keys of the template rows after the cut. */
  missingKeys: string[];
}

/**
 * The text's C0 control characters other than tab, form feed and the line breaks, and DEL: nothing a report writes on
 * purpose. `first` is -1 when there are none.
 */
export interface ControlCharacters { first: number; count: number }

export interface ReportModel {
  text: string;
  /** Offsets of the start of every line. */
  lineStarts: number[];
  /** Found with the lines, in the same pass over the text. */
  controlCharacters: ControlCharacters;
  title: { text: string; span: Span } | null;
  agency: string | null;
  reportYear: number | null;
  /** prose: no title or statistics period, the one year the opening prose speaks of (a partial copy). */
  reportYearSource: 'title' | 'period' | 'prose' | null;
  templateYear: TemplateYear | null;
  templateYearSource: 'markers' | 'override' | 'report-year' | null;
  /** Looks like a report at all (title or at least three section headings). */
  isReport: boolean;
  sections: SectionModel[];
  extraHeadings: ExtraHeading[];
  tables: TableModel[];
}

export interface RelationTerm { cell: CellModel; row: RowModel }

/** The arithmetic relations of the templates (spec/rules.md): their data is in template/applications.ts and reviews.ts. */
export type RelationId = 'R1' | 'R2' | 'R3' | 'R4';

/** One arithmetic relation evaluated on a table. */
export interface RelationResult {
  id: RelationId;
  tableId: TableId;
  /** The total cell the relation sits on. */
  target: RelationTerm;
  /** Terms added up; for R1 the left side (一 + 二) and the subtracted terms are in `minus`. */
  plus: RelationTerm[];
  minus: RelationTerm[];
  expected: number;
  actual: number;
  ok: boolean;
  /** Human-readable description, e.g. 总计 = 自然人 + 商业企业 + … */
  description: Localized;
}
