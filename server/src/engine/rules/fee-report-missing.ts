// A report of 2021 or later must report the 信息处理费 in section 六 (template: “收取信息处理费情况在此处报告”).
import { feeReport } from '../prose/fees';
import { defineRule } from './rule';

export default defineRule({
  code: 'fee-report-missing',
  defaultSeverity: 'warning',
  description: {
    zh: '2021年及以后的报告在“六、其他需要报告的事项”中没有报告信息处理费收取情况',
    en: 'A report of 2021 or later whose section 六 says nothing about the 信息处理费 (information processing fee)',
  },
  rationale: {
    zh: '2021年格式要求在第六部分报告信息处理费收取情况，以便监督收费；未收取也应写明',
    en: 'The 2021 format asks section 六 to report the information processing fee so charging can be overseen; none charged must be said too',
  },
  examples: {
    valid: [{ in: { section: 6 }, snippet: '六、其他需要报告的事项\n本机关未收取信息处理费。' }],
    invalid: [{ in: { section: 6 }, snippet: '六、其他需要报告的事项\n无。', marked: '⟦六、其他需要报告的事项⟧\n无。' }],
  },
  check({ model, report }) {
    const year = model.reportYear ?? (model.templateYear === 2021 ? 2021 : null);
    if (year === null || year < 2021) return;
    const six = model.sections.find((s) => s.id === 6);
    const { sectionSix, elsewhere } = feeReport(model);
    if (!six || !sectionSix) return;
    if (sectionSix.some((m) => m.reported)) return;
    const reportedElsewhere = elsewhere.find((m) => m.reported);
    const unreported = sectionSix[0];
    const hint = { zh: '（如“发出收费通知的件数0件，总金额0元。实际收取的总金额0元”，或“未收取信息处理费”）', en: ' (e.g. “发出收费通知的件数0件，总金额0元” or “未收取信息处理费”)' };
    if (reportedElsewhere) {
      report({
        span: six.heading.span,
        message: {
          zh: `信息处理费的收取情况写在了其他部分，按2021年格式应在“六、其他需要报告的事项”中报告`,
          en: 'The 信息处理费 is reported elsewhere; the 2021 format puts it in section 六',
        },
        related: [{ span: reportedElsewhere.span, message: { zh: '此处提到收费情况', en: 'the fee is mentioned here' } }],
        severity: 'information',
      });
      return;
    }
    report({
      span: unreported ? unreported.span : six.heading.span,
      message: unreported
        ? { zh: `第六部分提到“${unreported.word}”，但没有写明收取情况${hint.zh}`, en: `Section 六 mentions ${unreported.word} but states no figure and no “none charged”${hint.en}` }
        : { zh: `${year}年度报告的“六、其他需要报告的事项”没有报告信息处理费收取情况${hint.zh}`, en: `Section 六 of a ${year} report says nothing about the 信息处理费${hint.en}` },
    });
  },
});
