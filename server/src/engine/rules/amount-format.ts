import { cellName } from '../cellName';
import { derivedFrom } from '../derived';
import { templateColumnAt, templateOf, templateRow } from '../relations';
import type { RowSpec, TableTemplate } from '../template';
import { defineRule, type RuleFinding } from './rule';
import type { TableModel } from '../types';

/** Whether a template row has a money column (most have none, and their cells need no look). */
const anyAmount = derivedFrom((spec: RowSpec): boolean => spec.columns.some((c) => c.kind === 'amount'));

/** Whether any row of a template has a money column (tables 三 and 四 have none: their rows need no look). */
const tableAnyAmount = derivedFrom((tpl: TableTemplate): boolean => tpl.rows.some(anyAmount));

/** Writes a 万元 figure without float noise, keeping at most `decimals` places. */
function formatWan(v: number, decimals: number | null): string {
  if (decimals !== null) return v.toFixed(decimals);
  return String(Number(v.toFixed(6)));
}

/**
 * In a table whose figures cannot be placed (digits run together), a money row's last piece that ends in a unit
 * still shows the fault: however its digits are cut, the unit is inside the amount cell. Only the unit is pointed
 * at, and nothing is rewritten.
 */
function unitOfUnplacedAmount(table: TableModel, tpl: TableTemplate, report: (f: RuleFinding) => void): void {
  for (const row of table.rows) {
    const spec = templateRow(tpl, row.key);
    const last = row.cells[row.cells.length - 1];
    if (!spec || !anyAmount(spec) || spec.columns[spec.columns.length - 1].kind !== 'amount' || !last) continue;
    const unit = /(万元|元)$/.exec(last.raw);
    if (!unit) continue;
    const at = last.span.end - unit[1].length;
    report({
      span: { start: at, end: last.span.end },
      message: {
        zh: `${row.templateLabel} × ${spec.columns[spec.columns.length - 1].path.at(-1)}：金额单元格内写了单位“${unit[1]}”${unit[1] === '元' ? '，表头单位为万元' : ''}（本表数字连写，金额无法单独读出）`,
        en: `${row.templateLabel}: the amount cell carries the unit "${unit[1]}"${unit[1] === '元' ? ' while the header\'s unit is 万元' : ''} (the table's figures run together; the amount cannot be read on its own)`,
      },
    });
  }
}

export default defineRule({
  code: 'amount-format',
  defaultSeverity: 'warning',
  fix: { zh: '按表头单位改写数字（去掉单位、元换算为万元、补足四位小数）（首选）', en: 'Rewrite the number in the header unit (preferred)' },
  description: { zh: '金额单元格带单位、单位不是万元，或（北京格式）未保留四位小数', en: 'A money amount with a unit in the cell, in 元 where 万元 is expected, or not four decimals' },
  rationale: {
    zh: '表头已规定金额单位为万元；单元格里再写单位或用元填写，数字会被误读一万倍',
    en: 'The header fixes the unit as 万元; a unit in the cell or a figure in 元 is easily read ten thousand times off',
  },
  examples: {
    valid: [{ in: { table: 2 }, snippet: '行政事业性收费 | 12.35 |' }],
    invalid: [
      { in: { table: 2 }, snippet: '行政事业性收费 | 12.35万元 |', marked: '行政事业性收费 | ⟦12.35万元⟧ |', fixed: '行政事业性收费 | 12.35 |' },
      { in: { table: 2 }, snippet: '行政事业性收费 | 123500元 |', marked: '行政事业性收费 | ⟦123500元⟧ |', fixed: '行政事业性收费 | 12.35 |' },
    ],
  },
  check({ model, report }) {
    for (const table of model.tables) {
      const tpl = templateOf(table);
      if (!tpl || !tableAnyAmount(tpl)) continue;
      if (table.unreliable) {
        unitOfUnplacedAmount(table, tpl, report);
        continue;
      }
      for (const row of table.rows) {
        const spec = templateRow(tpl, row.key);
        if (!spec || !anyAmount(spec)) continue;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i];
          if (templateColumnAt(spec, cell.columnKey, i)?.kind !== 'amount' || cell.value === null) continue;
          const decimals = table.fourDecimalAmounts ? 4 : null;
          const what = cellName(row, cell, 'short');
          let fixed: string | null = null;
          let problem: { zh: string; en: string } | null = null;
          if (cell.unit === '元') {
            fixed = formatWan(cell.value / 10000, decimals);
            problem = { zh: `“${cell.raw}”以元为单位，表头单位为万元，应写作 ${fixed}`, en: `"${cell.raw}" is in 元 but the header's unit is 万元: ${fixed}` };
          } else if (cell.unit) {
            fixed = formatWan(cell.value, decimals);
            problem = { zh: `“${cell.raw}”单元格内写了单位，应只写数字 ${fixed}`, en: `"${cell.raw}" has its unit inside the cell; write the number only: ${fixed}` };
          } else if (decimals !== null && !new RegExp(`^\\d+\\.\\d{${decimals}}$`).test(cell.raw.trim()) && !(cell.value === 0 && cell.raw.trim() === '0')) {
            fixed = formatWan(cell.value, decimals);
            problem = { zh: `表头要求保留四位小数，“${cell.raw}”应写作 ${fixed}`, en: `The header asks for four decimals: "${cell.raw}" should be ${fixed}` };
          } else if (cell.fullWidth) {
            fixed = formatWan(cell.value, decimals);
            problem = { zh: `“${cell.raw}”含全角字符`, en: `"${cell.raw}" contains full-width characters` };
          }
          if (!problem || fixed === null) continue;
          report({
            span: cell.span,
            message: { zh: `${what}：${problem.zh}`, en: `${what}: ${problem.en}` },
            fixes: [{ title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` }, edits: [{ span: cell.span, newText: fixed }], preferred: true }],
          });
        }
      }
    }
  },
});
