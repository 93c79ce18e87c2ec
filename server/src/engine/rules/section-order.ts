import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: { zh: '章节顺序错误或重复出现', en: 'Sections out of order, or one appearing twice' },
  rationale: {
    zh: '格式规定了六个部分的顺序，读者和汇总工具按顺序查找；顺序错乱或重复多为拼接、复制时出错',
    en: 'The format fixes the order of the six sections, which readers and summaries rely on; a section out of place or twice is usually a paste error',
  },
  examples: {
    valid: [{ in: { section: 5, through: 6 }, snippet: '五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本机关未收取信息处理费。' }],
    invalid: [{
      in: { section: 5, through: 6 },
      snippet: '六、其他需要报告的事项\n本机关未收取信息处理费。\n五、存在的主要问题及改进情况\n无。',
      marked: '六、其他需要报告的事项\n本机关未收取信息处理费。\n⟦五、存在的主要问题及改进情况⟧\n无。',
    }, {
      in: { section: 6 },
      snippet: '六、其他需要报告的事项\n本机关未收取信息处理费。\n六、其他需要报告的事项\n无。',
      marked: '六、其他需要报告的事项\n本机关未收取信息处理费。\n⟦六、其他需要报告的事项⟧\n无。',
    }],
  },
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
