// One report as the reviewer's desk sees it: who and which year, how many findings, and every cell of tables
// 二, 三 and 四 by column (see columns.ts). Small and plain, so a checking thread can send it and a spool can
// hold it as one line of JSON.
import { bodyKey, localize, TEMPLATE_YEARS, type Finding, type Locale, type ReportModel, type TableId, type TableModel, type TemplateYear } from '../engine';
import { cellIndexes, cellKey, CELL_COLUMNS, COLUMN_INDEX, TABLE_IDS } from './columns';

export interface SeverityCounts { error: number; warning: number; information: number; hint: number }

export interface DeskFinding {
  code: string;
  severity: Finding['severity'];
  /** 0-based, as in the editor's ranges. */
  line: number;
  character: number;
  message: string;
}

export interface DeskRecord {
  file: string;
  agency: string | null;
  /** The body the report is about, as R5 compares them (bodyKey); null when there is none. */
  body: string | null;
  reportYear: number | null;
  templateYear: TemplateYear | null;
  isReport: boolean;
  counts: SeverityCounts;
  /** One entry per CELL_COLUMNS: the figure read, or null (not read, or not in this report's template). */
  values: (number | null)[];
  /** Indexes of the columns this report's tables have but whose figure could not be read (never shown as 0). */
  unread: number[];
  /** What is written in unread cells that hold something (e.g. a dash or a word), by column index. */
  written: Record<number, string>;
  findings: DeskFinding[];
}

/** The column indexes a table variant has, by variant name (2019, 2019-beijing, 2021). */
const VARIANT_COLUMNS = new Map<string, number[]>();
for (const spec of TEMPLATE_YEARS) {
  for (const id of TABLE_IDS) {
    for (const template of spec.tables[id]) {
      const table = { id, variantYear: spec.year } as TableModel;
      const indexes = template.rows.filter((r) => !r.group)
        .flatMap((r) => r.columns.map((c) => COLUMN_INDEX.get(cellKey(table, r.key, c.key))!));
      VARIANT_COLUMNS.set(`${id}/${template.variant}`, indexes);
    }
  }
}

/** The columns a report should have filled: its tables' variants, or its template year's for a missing table. */
function expectedColumns(model: ReportModel, tables: Map<TableId, TableModel>): number[] {
  const out: number[] = [];
  for (const id of TABLE_IDS) {
    const t = tables.get(id);
    const variant = t ? t.variant : model.templateYear !== null ? String(model.templateYear) : null;
    if (variant !== null) out.push(...(VARIANT_COLUMNS.get(`${id}/${variant}`) ?? []));
  }
  return out;
}

export function countSeverities(findings: readonly { severity: Finding['severity'] }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export const deskFinding = (f: Finding, locale: Locale): DeskFinding =>
  ({ code: f.code, severity: f.severity, line: f.range.start.line, character: f.range.start.character, message: localize(f.message, locale) });

/** The record of a checked report: the first table of each number and the first row of each key, as the rules read them. */
export function deskRecord(file: string, model: ReportModel, findings: readonly Finding[], locale: Locale): DeskRecord {
  const values: (number | null)[] = new Array(CELL_COLUMNS.length).fill(null);
  const written: Record<number, string> = {};
  const tables = new Map<TableId, TableModel>();
  for (const t of model.tables) if (!tables.has(t.id)) tables.set(t.id, t);
  for (const t of tables.values()) {
    const indexes = cellIndexes(t);
    const seen = new Set<string>();
    for (const row of t.rows) {
      if (row.group || seen.has(row.key)) continue;
      seen.add(row.key);
      const columns = indexes?.get(row.key);
      if (!columns) continue;
      for (const cell of row.cells) {
        const i = columns.get(cell.columnKey);
        if (i === undefined) continue;
        if (cell.value !== null) values[i] = cell.value;
        else if (cell.raw.trim() !== '') written[i] = cell.raw.trim();
      }
    }
  }
  return {
    file,
    agency: model.agency === null ? null : String(model.agency),
    body: bodyKey(model),
    reportYear: model.reportYear,
    templateYear: model.templateYear,
    isReport: model.isReport,
    counts: countSeverities(findings),
    values,
    // A text that is no report (a memo in the folder) has no cells to miss.
    unread: model.isReport ? expectedColumns(model, tables).filter((i) => values[i] === null) : [],
    written,
    findings: findings.map((f) => deskFinding(f, locale)),
  };
}

/** The record of a file that could not be checked (unreadable, too large): its one finding and no figures. */
export function unreadRecord(file: string, problem: Finding, locale: Locale): DeskRecord {
  return {
    file, agency: null, body: null, reportYear: null, templateYear: null, isReport: false,
    counts: countSeverities([problem]), values: new Array(CELL_COLUMNS.length).fill(null), unread: [], written: {},
    findings: [deskFinding(problem, locale)],
  };
}
