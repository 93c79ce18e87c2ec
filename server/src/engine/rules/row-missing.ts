import type { ReportModel, Span, TableModel } from '../types';
import { templateOf, templateRow } from '../relations';
import { emptyTable, standardHeading } from '../skeleton';
import { defineRule, type RuleFinding } from './rule';
import { sectionName } from './util';

type Layout = 'cells' | 'pipe' | 'tab' | 'space';

/** Section 二 with the empty table 二 of the 2021 template, line by line, for the examples. */
const TABLE_2 = `${standardHeading(2)}\n${emptyTable(2, 2021)}`.split('\n');

/** How the table writes a row, judged from its first data row. */
function layoutOf(model: ReportModel, table: TableModel): Layout {
  const row = table.rows.find((r) => r.labelSpan && r.cells.length > 0);
  if (!row || !row.labelSpan) return 'pipe';
  const between = model.text.slice(row.labelSpan.end, row.cells[0].span.start);
  if (/[\r\n]/.test(between)) return 'cells';
  if (between.includes('|')) return 'pipe';
  if (between.includes('\t')) return 'tab';
  return 'space';
}

function lineEndAfter(text: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  const hit = m.exec(text);
  return hit ? hit.index : text.length;
}

/**
 * A copy that stops inside the table (a page cut short): one finding naming the last row read, not one for each
 * row after it. Information: the report may well have those rows; this copy does not.
 */
function reportCut(table: TableModel, report: (f: RuleFinding) => void): void {
  const cut = table.cut!;
  const last = cut.lastRow;
  const rest = cut.missingKeys.length;
  report({
    span: last?.span ?? { start: table.span.start, end: table.span.start },
    severity: 'information',
    message: last
      ? {
        zh: `${sectionName(table.id)}：表格在“${last.label}”${cut.insideLastRow ? '处' : '之后'}中断，其后${rest}行未读到（文本可能不完整），未检查缺少的行`,
        en: `${sectionName(table.id)}: the table stops ${cut.insideLastRow ? 'inside' : 'after'} row "${last.label}"; ${rest} rows after it are not in the text (an incomplete copy?) and were not checked`,
      }
      : {
        zh: `${sectionName(table.id)}：表格在第一行之前中断（文本可能不完整），未检查缺少的行`,
        en: `${sectionName(table.id)}: the table stops before its first row (an incomplete copy?); missing rows were not checked`,
      },
  });
}

export default defineRule({
  code: 'row-missing',
  defaultSeverity: 'warning',
  fix: { zh: '按表格原有排版插入该行，数值为0（非首选）', en: 'Insert the row in the layout of the table, with zeros (offered, not preferred)' },
  description: { zh: '表格缺少模板规定的行', en: 'A template row is absent from the table' },
  rationale: {
    zh: '模板的每一行都是必报项，即使为0也应列出；缺行让人无法分辨是没有发生还是漏报',
    en: 'Every row of the template must be reported, zeros included; a missing row cannot be told apart from a figure left out',
  },
  examples: {
    valid: [{ in: { section: 2 }, snippet: TABLE_2.join('\n') }],
    invalid: [{
      in: { section: 2 },
      snippet: TABLE_2.filter((l) => l !== '行政强制 | 0 |').join('\n'),
      marked: TABLE_2.filter((l) => l !== '行政强制 | 0 |').join('\n').replace('行政处罚 | 0 |', '行政处罚 | ⟦0⟧ |'),
      fixed: TABLE_2.join('\n'),
    }],
  },
  check({ model, report }) {
    // Most reports miss no row: the text's line breaks and the table's layout are read only for one that does.
    let eol: string | null = null;
    for (const table of model.tables) {
      if (table.unreliable) continue; // table-shape says once that the table cannot be read
      if (table.cut) reportCut(table, report);
      if (table.missingRows.length === 0) continue;
      eol ??= /\r\n/.test(model.text) ? '\r\n' : '\n';
      const tpl = templateOf(table);
      const layout = layoutOf(model, table);
      for (const missing of table.missingRows) {
        const spec = templateRow(tpl, missing.key);
        const n = spec?.group ? 0 : spec?.columns.length ?? 0;
        const zeros = Array(n).fill('0');
        const row = layout === 'cells' ? [missing.label, ...zeros].map((c) => `\t${c}`).join(eol)
          : layout === 'pipe' ? `${missing.label} | ${zeros.join(' | ')}${n ? ' |' : ''}`
            : [missing.label, ...zeros].join(layout === 'tab' ? '\t' : ' ');
        const at: Span = missing.after ?? { start: table.span.start, end: table.span.start };
        const insertAt = missing.after ? lineEndAfter(model.text, at.end) : table.span.start;
        const newText = missing.after ? `${eol}${layout === 'cells' ? eol : ''}${row}` : `${row}${eol}`;
        report({
          span: missing.after ? at : { start: table.span.start, end: table.span.start },
          message: {
            zh: `${sectionName(table.id)}：缺少“${missing.label}”行`,
            en: `${sectionName(table.id)}: row "${missing.label}" is missing`,
          },
          fixes: [{
            title: { zh: `插入“${missing.label}”行${n ? '（数值为0）' : ''}`, en: `Insert row "${missing.label}"${n ? ' with zeros' : ''}` },
            edits: [{ span: { start: insertAt, end: insertAt }, newText }],
            preferred: false,
          }],
        });
      }
    }
  },
});
