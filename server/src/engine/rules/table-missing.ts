import type { TableId } from '../types';
import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'table-missing',
  defaultSeverity: 'error',
  description: { zh: '第二、三、四部分没有可识别的统计表', en: 'Section 二, 三 or 四 has no recognisable table' },
  rationale: {
    zh: '第二、三、四部分的统计表是格式的核心，没有表格就无法核对数字，常见于表格以图片或附件形式发布',
    en: 'The tables of sections 二, 三 and 四 are the core of the format; without one no figure can be checked (often a table published as an image)',
  },
  examples: {
    valid: [{ in: { table: 4 }, snippet: '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' }],
    invalid: [{
      in: { section: 4 },
      snippet: '四、政府信息公开行政复议、行政诉讼情况\n（见附表）',
      marked: '⟦四、政府信息公开行政复议、行政诉讼情况⟧\n（见附表）',
    }],
  },
  check({ model, report }) {
    for (const id of [2, 3, 4] as TableId[]) {
      if (model.tables.some((t) => t.id === id)) continue;
      const section = model.sections.find((s) => s.id === id);
      if (!section) continue; // section-missing says it already
      // No section after this one: the copy may stop inside it (a page cut short), its table beyond the cut.
      if (!model.sections.some((s) => s.id > id)) {
        report({
          span: section.heading.span,
          severity: 'information',
          message: {
            zh: `“${sectionName(id)}”中没有找到统计表；其后没有其他章节，文本可能在此中断`,
            en: `No table found in "${sectionName(id)}"; no section follows it, so the text may stop there`,
          },
        });
        continue;
      }
      report({
        span: section.heading.span,
        message: { zh: `“${sectionName(id)}”中没有找到统计表`, en: `No table found in "${sectionName(id)}"` },
      });
    }
  },
});
