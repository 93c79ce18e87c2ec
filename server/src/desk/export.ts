// govreport export: one row per report, every cell of tables 二, 三 and 四, to XLSX, CSV (UTF-8 with BOM) or JSON.
// Each writer reads the spool in file order and writes as it goes, so memory stays flat however many reports.
import ExcelJS from 'exceljs';
import { CELL_COLUMNS } from './columns';
import type { DeskRecord } from './record';
import { Output } from './output';
import { columnsOfTable, META_COLUMNS, UNREAD_COLUMN } from './rows';

export type ExportFormat = 'xlsx' | 'csv' | 'json';
export type Records = () => AsyncIterable<DeskRecord>;

export function exportFormatOf(file: string): ExportFormat | null {
  const m = /\.(xlsx|csv|json)$/i.exec(file);
  return m ? (m[1].toLowerCase() as ExportFormat) : null;
}

/** Writes the records to `target` (a path, or an Output already opened) in the format asked for. */
export async function writeExport(target: string | Output, format: ExportFormat, records: Records): Promise<void> {
  const out = typeof target === 'string' ? new Output(target) : target;
  if (format === 'xlsx') {
    // exceljs's zip writer (archiver-utils) calls the old Buffer(); Node flags that only outside node_modules,
    // which a bundle is, so the warning would reach the user for code they do not run themselves.
    const quiet = process.noDeprecation;
    process.noDeprecation = true;
    try { await writeXlsx(out, records); } finally { process.noDeprecation = quiet; }
  } else if (format === 'csv') {
    await writeCsv(out, records);
  } else {
    await writeJson(out, records);
  }
  await out.end();
}

// ---------------------------------------------------------------- CSV ---

/**
 * A text that Excel would take for a formula (a report's title is untrusted: =HYPERLINK(…)) gets a leading
 * apostrophe, as Excel itself writes such text; figures are numbers and never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvField = (v: string | number | null): string => {
  if (v === null) return '';
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (fields: (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** Two header lines (Chinese, then the stable keys), then one line per report. The BOM makes Excel read UTF-8. */
async function writeCsv(out: Output, records: Records): Promise<void> {
  const write = (s: string) => out.write(s);
  const meta = [...META_COLUMNS, UNREAD_COLUMN];
  await write(`\ufeff${csvLine([...meta.map((c) => c.header), ...CELL_COLUMNS.map((c) => c.header)])}`);
  await write(csvLine([...meta.map((c) => c.key), ...CELL_COLUMNS.map((c) => c.key)]));
  for await (const r of records()) await write(csvLine([...meta.map((c) => c.value(r)), ...r.values]));
}

// --------------------------------------------------------------- JSON ---

/** The same keys as the CSV's key line; cells by key (null: empty), plus the findings and what unread cells hold. */
export function jsonRecord(r: DeskRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of META_COLUMNS) out[c.key] = c.value(r);
  out.unread = r.unread.map((i) => CELL_COLUMNS[i].key);
  out.written = Object.fromEntries(Object.entries(r.written).map(([i, raw]) => [CELL_COLUMNS[Number(i)].key, raw]));
  out.cells = Object.fromEntries(CELL_COLUMNS.map((c, i) => [c.key, r.values[i]]));
  out.findings = r.findings.map((f) => ({ line: f.line + 1, column: f.character + 1, severity: f.severity, code: f.code, message: f.message }));
  return out;
}

async function writeJson(out: Output, records: Records): Promise<void> {
  const write = (s: string) => out.write(s);
  const columns = CELL_COLUMNS.map((c) => ({ key: c.key, header: c.header, years: c.years }));
  await write(`{"columns":${JSON.stringify(columns)},\n"reports":[`);
  let first = true;
  for await (const r of records()) {
    await write(`${first ? '\n' : ',\n'}${JSON.stringify(jsonRecord(r))}`);
    first = false;
  }
  await write('\n]}\n');
}

// --------------------------------------------------------------- XLSX ---

const UNREAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const KEY_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF808080' }, size: 9 };

type SheetWriter = ExcelJS.stream.xlsx.WorkbookWriter;

function addSheet(wb: SheetWriter, name: string, headers: string[], keys: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 14 }));
  const head = ws.addRow(headers);
  head.font = HEADER_FONT;
  head.commit();
  const keyRow = ws.addRow(keys);
  keyRow.font = KEY_FONT;
  keyRow.commit();
  return ws;
}

const META_WIDTHS = [28, 9, 9, 40, 6, 6, 6, 6, 30];

/**
 * One sheet of reports (who, which year, finding counts, unread cells), one per table with its cells as
 * numbers, and one of findings. The streaming writer puts each sheet into the zip as it is written, so the
 * sheets are written one after the other, each in its own pass over the spool.
 */
async function writeXlsx(out: Output, records: Records): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: false });
  const meta = [...META_COLUMNS, UNREAD_COLUMN];
  const reports = addSheet(wb, '报告', meta.map((c) => c.header), meta.map((c) => c.key), META_WIDTHS);
  for await (const r of records()) reports.addRow(meta.map((c) => c.value(r))).commit();
  await reports.commit();
  for (const [table, name] of [[2, '表二'], [3, '表三'], [4, '表四']] as const) {
    const cols = columnsOfTable(table);
    const lead = META_COLUMNS.slice(0, 4);
    const ws = addSheet(wb, name, [...lead.map((c) => c.header), ...cols.map((c) => c.column.header)],
      [...lead.map((c) => c.key), ...cols.map((c) => c.column.key)], META_WIDTHS);
    for await (const r of records()) {
      const row = ws.addRow([...lead.map((c) => c.value(r)), ...cols.map((c) => r.values[c.index])]);
      markUnread(row, r, cols.map((c) => c.index), lead.length);
      row.commit();
    }
    await ws.commit();
  }
  const findings = addSheet(wb, '发现', ['文件', '机关', '行', '列', '级别', '规则', '消息'],
    ['file', 'agency', 'line', 'column', 'severity', 'code', 'message'], [40, 28, 6, 6, 10, 20, 80]);
  for await (const r of records()) {
    for (const f of r.findings) findings.addRow([r.file, r.agency, f.line + 1, f.character + 1, f.severity, f.code, f.message]).commit();
  }
  await findings.commit();
  await wb.commit();
}

/** Unread cells stay empty, filled yellow, with a note of what is written there (if anything). */
function markUnread(row: ExcelJS.Row, r: DeskRecord, indexes: number[], offset: number): void {
  if (r.unread.length === 0) return;
  const unread = new Set(r.unread);
  indexes.forEach((index, k) => {
    if (!unread.has(index)) return;
    const cell = row.getCell(offset + k + 1);
    cell.fill = UNREAD_FILL;
    const raw = r.written[index];
    cell.note = raw !== undefined ? `未能读取：原文为“${raw}” / not read: written as "${raw}"` : '未能读取 / not read';
  });
}
