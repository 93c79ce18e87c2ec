import { defineRule } from './rule';
import { sectionName } from './util';

/** Beyond this many, one summary finding: a mangled table must not flood the Problems panel. */
const MAX_PER_TABLE = 50;

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

export default defineRule({
  code: 'table-shape',
  defaultSeverity: 'error',
  description: { zh: '表格中数值个数不对，或有内容无法对应到模板', en: 'A row with the wrong number of values, or table content that could not be read' },
  rationale: {
    zh: '数值个数不对时各数字会错位到别的单元格，后面的勾稽检查就无从谈起，须先把表格理顺',
    en: 'With a value too few or too many the figures slide into the wrong cells and no sum can be checked; the table must be put right first',
  },
  examples: {
    valid: [{ in: { table: 2 }, snippet: '规章 | 1 | 0 | 5 |' }],
    invalid: [
      { in: { table: 2 }, snippet: '规章 | 1 | 0 |', marked: '规章 | 1 | ⟦0⟧ |' },
      { in: { table: 2 }, snippet: '规章 | 1 | 0 | 1 | 9 |', marked: '规章 | 1 | 0 | 1 | ⟦9⟧ |' },
    ],
  },
  check({ model, report }) {
    for (const table of model.tables) {
      const where = sectionName(table.id);
      if (table.unreliable) {
        // One finding for a table whose figures cannot be placed: a finding per cell would only repeat it.
        report({
          span: table.rows.find((r) => r.labelSpan)?.labelSpan ?? { start: table.span.start, end: table.span.start },
          message: { zh: `${where}：${table.unreliable.zh}`, en: `${where}: ${table.unreliable.en}` },
          severity: 'information',
        });
        continue;
      }
      const shown = table.unread.slice(0, MAX_PER_TABLE);
      const rest = table.unread.length - shown.length;
      if (rest > 0) {
        const last = shown[shown.length - 1];
        report({
          span: last.span,
          message: { zh: `${where}：另有 ${rest} 处表格内容无法识别，未逐一列出`, en: `${where}: ${rest} more unreadable parts of the table not listed` },
        });
      }
      for (const part of shown) {
        if (part.reason === 'short-row') {
          const row = table.rows.find((r) => r.key === part.rowKey);
          const got = row?.cells.length ?? 0;
          const want = row?.expectedValues ?? 0;
          report({
            span: part.span,
            message: {
              zh: `${where}：“${clip(row?.templateLabel || part.text || '数据行')}”应有${want}个数值，只读到${got}个`,
              en: `${where}: row "${clip(row?.templateLabel || part.text || 'data')}" should have ${want} values, ${got} read`,
            },
          });
        } else if (part.reason === 'extra-value') {
          report({
            span: part.span,
            message: { zh: `${where}：数值“${clip(part.text)}”无法对应到表格模板的任何一格`, en: `${where}: value "${clip(part.text)}" does not fit any cell of the template` },
          });
        } else {
          report({
            span: part.span,
            message: { zh: `${where}：无法识别表格内容“${clip(part.text)}”`, en: `${where}: could not read table content "${clip(part.text)}"` },
          });
        }
      }
    }
  },
});
