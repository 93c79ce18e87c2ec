import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'section-heading',
  defaultSeverity: 'warning',
  fix: { zh: '替换为标准标题（首选）', en: 'Replace with the standard heading (preferred)' },
  description: { zh: '章节标题可以识别但不是标准写法', en: 'A section heading that is recognisable but not in the standard form' },
  rationale: {
    zh: '标准标题让各机关的报告可以并列比较、自动汇总；变体标题虽能读懂，但不合格式',
    en: "Standard headings let reports of different bodies be compared side by side and summarised; a variant is readable but not the format's",
  },
  examples: {
    valid: [{ in: { section: 5 }, snippet: '五、存在的主要问题及改进情况\n无。' }],
    invalid: [{
      in: { section: 5 },
      snippet: '五、存在的问题及改进情况\n无。',
      marked: '⟦五、存在的问题及改进情况⟧\n无。',
      fixed: '五、存在的主要问题及改进情况\n无。',
    }],
  },
  check({ model, report }) {
    for (const s of model.sections) {
      if (s.heading.standard) continue;
      const standard = sectionName(s.id);
      report({
        span: s.heading.span,
        message: {
          zh: `章节标题“${s.heading.text}”不规范，应为“${standard}”`,
          en: `Section heading "${s.heading.text}" is not in the standard form "${standard}"`,
        },
        fixes: [{ title: { zh: `改为“${standard}”`, en: `Replace with "${standard}"` }, edits: [{ span: s.heading.span, newText: standard }], preferred: true }],
      });
    }
  },
});
