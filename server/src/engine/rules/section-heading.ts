import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'section-heading',
  defaultSeverity: 'warning',
  fix: { zh: '替换为标准标题（首选）', en: 'Replace with the standard heading (preferred)' },
  description: { zh: '章节标题可以识别但不是标准写法', en: 'A section heading that is recognisable but not in the standard form' },
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
