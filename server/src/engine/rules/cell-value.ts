import { cellName } from '../cellName';
import type { CellModel } from '../types';
import { templateColumnAt, templateOf, templateRow } from '../relations';
import type { RowSpec } from '../template';
import { defineRule } from './rule';


/** The cell's figure written as the template expects it: half-width, no unit, sign kept in 本年增/减. */
function canonical(cell: CellModel, kind: string): string {
  const v = cell.value ?? 0;
  return kind === 'signed' && cell.kind === 'signed' && v >= 0 ? `+${v}` : String(v);
}

/** 1,234: a comma needs at least four digits around it (the usual cell, one or two digits, is not searched). */
const hasThousandsSeparator = (raw: string): boolean => raw.length >= 5 && raw.includes(',');

export default defineRule({
  code: 'cell-value',
  defaultSeverity: 'error',
  fix: { zh: '能确定时改为纯数字：“3件”→3，全角“３”→3，“十”→10（首选）', en: 'Where unambiguous: 3件 → 3, full-width ３ → 3, 十 → 10 (preferred)' },
  description: { zh: '应填非负整数的单元格不是纯数字（如“3件”、“-1”、“十”、空格）', en: 'A count cell that is not a plain non-negative whole number' },
  rationale: {
    zh: '件数栏只应是阿拉伯数字；带单位、汉字或空白的单元格无法汇总和核对，机器读取时也会出错',
    en: 'A count is a plain number; units, Chinese numerals or a blank cannot be added up or checked, and trip every tool that reads the table',
  },
  examples: {
    valid: [{ in: { table: 2 }, snippet: '规章 | 3 | 0 | 3 |' }],
    invalid: [{ in: { table: 2 }, snippet: '规章 | 3件 | 0 | 三 |', marked: '规章 | ⟦3件⟧ | 0 | ⟦三⟧ |', fixed: '规章 | 3 | 0 | 3 |' }],
  },
  check({ model, report }) {
    for (const table of model.tables) {
      if (table.unreliable) continue; // its figures are not placed in their cells: table-shape says so once
      const tpl = templateOf(table);
      for (const row of table.rows) {
        // Looked up at the row's first cell that needs its column: most rows have none.
        let spec: RowSpec | undefined | null = null;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i];
          // A plain non-negative whole number, the usual cell, is right in any column: no need to look the column up.
          if (cell.kind === 'integer' && cell.unit === null && !cell.fullWidth && !hasThousandsSeparator(cell.raw)) continue;
          if (spec === null) spec = templateRow(tpl, row.key);
          const kind = templateColumnAt(spec, cell.columnKey, i)?.kind ?? 'count';
          if (kind === 'amount') continue; // amount-format covers money
          let problem: { zh: string; en: string } | null = null;
          let fixed: string | null = null;
          if (cell.kind === 'invalid') {
            problem = cell.raw ? { zh: `“${cell.raw}”不是数字`, en: `"${cell.raw}" is not a number` } : { zh: '单元格为空，应填0或实际数字', en: 'the cell is blank; write 0 or the figure' };
          } else if (cell.value !== null && cell.value < 0 && kind === 'count') {
            problem = { zh: `“${cell.raw}”是负数`, en: `"${cell.raw}" is negative` };
          } else if (cell.value !== null && !Number.isInteger(cell.value)) {
            problem = { zh: `“${cell.raw}”不是整数`, en: `"${cell.raw}" is not a whole number` };
          } else if (cell.unit) {
            problem = { zh: `“${cell.raw}”带有单位`, en: `"${cell.raw}" carries a unit` };
            fixed = canonical(cell, kind);
          } else if (cell.kind === 'chinese') {
            problem = { zh: `“${cell.raw}”用汉字书写`, en: `"${cell.raw}" is written in Chinese numerals` };
            fixed = String(cell.value);
          } else if (cell.fullWidth) {
            problem = { zh: `“${cell.raw}”含全角字符`, en: `"${cell.raw}" contains full-width characters` };
            fixed = canonical(cell, kind);
          } else if (cell.kind === 'signed' && kind === 'count') {
            problem = { zh: `“${cell.raw}”带有正号`, en: `"${cell.raw}" carries a sign` };
            fixed = String(cell.value);
          } else if (hasThousandsSeparator(cell.raw)) {
            problem = { zh: `“${cell.raw}”含千位分隔符`, en: `"${cell.raw}" contains thousands separators` };
            fixed = String(cell.value);
          }
          if (!problem) continue;
          const what = cellName(row, cell, 'short');
          report({
            span: cell.raw ? cell.span : { start: cell.span.start, end: cell.span.start },
            message: { zh: `${what}：${problem.zh}`, en: `${what}: ${problem.en}` },
            fixes: fixed !== null && fixed !== cell.raw
              ? [{ title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` }, edits: [{ span: cell.span, newText: fixed }], preferred: true }]
              : [],
          });
        }
      }
    }
  },
});
