// Format table: aligns the columns of tables written as pipe rows or markdown, writes full-width digits as ASCII
// and drops stray spaces in cells — nothing else. The same figures come out (a test holds the parser to that),
// and formatting twice gives what formatting once did.
import type { Connection, DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { offsetAt, positionAt, type ReportModel, type Span } from '../engine';
import { lineEnd } from '../engine/text';
import { invalidParams, isRange } from '../lsp/guard';
import { onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const CJK = '[\\u2e80-\\u303e\\u3041-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff01-\\uff0f\\uff1a-\\uff60]';
const SPACE_BETWEEN_CJK = new RegExp(`(${CJK})[\\s\\u3000]+(?=${CJK})`, 'g');
const MARKDOWN_RULE_CELL = /^:?-{3,}:?$/;

/** Columns a cell takes in a fixed-width font: two for CJK and full-width forms. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** A cell as it should read: trimmed, ASCII digits, no spaces between Chinese characters, one space elsewhere. */
export function normalizeCell(cell: string): string {
  return cell
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '$1');
}

interface Row { lead: boolean; trail: boolean; cells: string[]; rule: boolean }

function splitRow(line: string): Row {
  const lead = /^[\s\u3000]*\|/.test(line);
  const trail = /\|[\s\u3000]*$/.test(line) && line.trim() !== '|';
  let inner = line.trim();
  if (lead) inner = inner.slice(1);
  if (trail && inner.endsWith('|')) inner = inner.slice(0, -1);
  const cells = inner.split('|').map(normalizeCell);
  return { lead, trail, cells, rule: cells.every((c) => MARKDOWN_RULE_CELL.test(c)) };
}

/** The lines of one block of consecutive pipe rows, aligned column by column. */
export function alignRows(lines: string[]): string[] {
  const rows = lines.map(splitRow);
  const widths: number[] = [];
  for (const r of rows) if (!r.rule) r.cells.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, displayWidth(c), 3); });
  return rows.map((r) => {
    const last = r.cells.length - 1;
    const cells = r.cells.map((c, i) => {
      if (r.rule) {
        const left = c.startsWith(':') ? ':' : '';
        const right = c.endsWith(':') ? ':' : '';
        return left + '-'.repeat(Math.max((widths[i] ?? 3) - left.length - right.length, 3)) + right;
      }
      // No padding after the last cell of a row without a closing pipe: that would be trailing space.
      return i === last && !r.trail ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c));
    });
    return `${r.lead ? '| ' : ''}${cells.join(' | ')}${r.trail ? ' |' : ''}`.replace(/ +$/, '');
  });
}

/** Edits that format the pipe-row and markdown tables of the report (those meeting `within`, if given). */
export function formatTables(model: ReportModel, within?: Span): TextEdit[] {
  const edits: TextEdit[] = [];
  const { text, lineStarts } = model;
  const lineOf = (offset: number) => positionAt(lineStarts, offset).line;
  for (const table of model.tables) {
    if (within && (table.span.end < within.start || table.span.start > within.end)) continue;
    let block: number[] = [];
    const flush = () => {
      if (!block.length) return;
      const before = block.map((l) => text.slice(lineStarts[l], lineEnd(text, lineStarts, l)));
      const after = alignRows(before);
      block.forEach((l, i) => {
        if (after[i] === before[i]) return;
        edits.push({ range: { start: { line: l, character: 0 }, end: { line: l, character: before[i].length } }, newText: after[i] });
      });
      block = [];
    };
    for (let l = lineOf(table.span.start); l <= lineOf(Math.max(table.span.start, table.span.end - 1)); l++) {
      if (text.slice(lineStarts[l], lineEnd(text, lineStarts, l)).includes('|')) block.push(l);
      else flush();
    }
    flush();
  }
  return edits;
}

export const capabilities = () => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true });

export function register(connection: Connection, services: Services): void {
  connection.onDocumentFormatting(onReport(services, ({ model }, _params: DocumentFormattingParams) => formatTables(model)));
  connection.onDocumentRangeFormatting(onReport(services, ({ model }, { range }: DocumentRangeFormattingParams) => {
    const offset = (position: typeof range.start) => offsetAt(model.lineStarts, model.text.length, position);
    return formatTables(model, { start: offset(range.start), end: offset(range.end) });
  }, (params) => (isRange(params.range) ? null : invalidParams('range'))));
}
