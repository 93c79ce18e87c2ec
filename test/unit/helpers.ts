// Shared helpers for the engine tests: fixtures, the shared reports, cell editing by model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, parseReport, spanToRange, type Finding, type Range, type ReportModel, type Span } from '../../server/src/engine';

/** Repository root (tests run from out/test/unit). */
export const ROOT = path.resolve(__dirname, '../../..');
export const SHARED_REPORTS = path.resolve(ROOT, '../shared/reports');
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

export const hasSharedReports = fs.existsSync(SHARED_REPORTS);
export const SKIP_SHARED = hasSharedReports ? false : `shared reports not found at ${SHARED_REPORTS}`;

export function sharedReport(prefix: string): string {
  const name = fs.readdirSync(SHARED_REPORTS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no shared report ${prefix}`);
  return fs.readFileSync(path.join(SHARED_REPORTS, name), 'utf8');
}

export function sample(contains: string): string {
  const name = fs.readdirSync(SAMPLES).find((f) => f.includes(contains) && f.endsWith('.txt'));
  if (!name) throw new Error(`no sample containing ${contains}`);
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

export const CLEAN_2021 = () => sample('示例市民政局2021');
export const CLEAN_2020 = () => sample('示例县人民政府2020');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function textOf(text: string, range: Range): string {
  const model = parseReport(text);
  const start = model.lineStarts[range.start.line] + range.start.character;
  const end = model.lineStarts[range.end.line] + range.end.character;
  return text.slice(start, end);
}

export function findings(text: string, code?: string): Finding[] {
  const all = checkText(text).findings;
  return code ? all.filter((f) => f.code === code) : all;
}

export function cellSpan(model: ReportModel, tableId: number, rowKey: string, columnKey: string): Span {
  const cell = model.tables.find((t) => t.id === tableId)?.rows.find((r) => r.key === rowKey)?.cells.find((c) => c.columnKey === columnKey);
  if (!cell) throw new Error(`no cell ${tableId}/${rowKey}/${columnKey}`);
  return cell.span;
}

/** Replaces one cell's text, found through the parsed model; returns the new text and the cell's new range. */
export function setCell(text: string, tableId: number, rowKey: string, columnKey: string, value: string): { text: string; range: Range } {
  const model = parseReport(text);
  const span = cellSpan(model, tableId, rowKey, columnKey);
  const next = text.slice(0, span.start) + value + text.slice(span.end);
  const nextModel = parseReport(next);
  return { text: next, range: spanToRange(nextModel.lineStarts, { start: span.start, end: span.start + value.length }) };
}

/** Replaces the first occurrence of `from` (which must occur) with `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not found: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export const severities = (fs: Finding[]) => fs.map((f) => f.severity);
