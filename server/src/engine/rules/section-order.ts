import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: { zh: '章节顺序错误或重复出现', en: 'Sections out of order, or one appearing twice' },
  check({ model, report }) {
    let highest = model.sections[0];
    for (const s of model.sections.slice(1)) {
      if (highest && s.id < highest.id) {
        report({
          span: s.heading.span,
          message: {
            zh: `“${sectionName(s.id)}”应在“${sectionName(highest.id)}”之前`,
            en: `"${sectionName(s.id)}" should come before "${sectionName(highest.id)}"`,
          },
          related: [{ span: highest.heading.span, message: { zh: '排在前面的章节', en: 'the section placed before it' } }],
        });
      } else {
        highest = s;
      }
    }
    for (const extra of model.extraHeadings) {
      const first = model.sections.find((s) => s.id === extra.id);
      report({
        span: extra.heading.span,
        message: { zh: `“${sectionName(extra.id)}”重复出现`, en: `"${sectionName(extra.id)}" appears twice` },
        related: first ? [{ span: first.heading.span, message: { zh: '第一次出现', en: 'first occurrence' } }] : [],
      });
    }
  },
});
