// R6: a figure stated in the prose differs from the table cell it names.
import { proseFigures, targetText } from '../prose/figures';
import { defineRule } from './rule';

export default defineRule({
  code: 'text-table-mismatch',
  defaultSeverity: 'warning',
  description: {
    zh: '正文中的数字（新收、办结、结转、办理结果、行政复议、行政诉讼）与表格不一致（R6）；措辞无法对应到唯一单元格时为提示',
    en: 'R6: a figure in the prose (received, answered, carried over, outcomes, review, litigation) differs from the table; information where the wording is ambiguous',
  },
  rationale: {
    zh: '正文数字与表格不一致时读者不知道该信哪一个，多为表格更新后正文未改',
    en: 'When the text and the table disagree a reader cannot tell which to trust; usually the table was updated and the text was not',
  },
  examples: {
    valid: [
      { in: { section: 1 }, snippet: '一、总体情况\n本年度共新收政府信息公开申请0件。' },
      { in: { section: 1 }, snippet: '一、总体情况\n本年度未发生政府信息公开行政复议、行政诉讼案件。' },
    ],
    invalid: [{
      in: { section: 1 },
      snippet: '一、总体情况\n本年度共新收政府信息公开申请3件。',
      marked: '一、总体情况\n本年度共新收政府信息公开申请⟦3⟧件。',
    }],
  },
  check({ model, report }) {
    for (const f of proseFigures(model)) {
      if (f.status !== 'mismatch' || !f.target) continue;
      const target = f.target;
      const t = targetText(target);
      const said = f.zero
        ? { zh: `文中“${f.phrase}”（即 0 件）`, en: `The text says none (“${f.phrase}”)` }
        : { zh: `文中“${f.phrase}”`, en: `The text says ${f.value} (“${f.phrase}”)` };
      const extra = f.note ? { zh: `（${f.note.zh}）`, en: ` (${f.note.en})` } : { zh: '', en: '' };
      report({
        span: f.span,
        message: {
          zh: `${said.zh}与表格不一致：${t.zh}，文中为 ${f.value}${extra.zh}`,
          en: `${said.en}, but table ${t.en}${extra.en}`,
        },
        related: () => target.cells.map((c) => ({
          span: c.span,
          message: { zh: `${c.name.zh}：${c.value}（文中 ${f.value}）`, en: `${c.name.en}: ${c.value} (text: ${f.value})` },
        })),
        severity: f.severity === 'information' ? 'information' : undefined,
      });
    }
  },
});
