// The title year, the statistics period and the prose's mentions of this report must name the same year.
import { reportYears, type YearMention } from '../prose/years';
import type { Localized } from '../types';
import { defineRule } from './rule';

const KIND: Record<YearMention['kind'], Localized> = {
  'title': { zh: '标题', en: 'the title' },
  'period-start': { zh: '统计期限的起始年份', en: 'the start of the statistics period' },
  'period-end': { zh: '统计期限的截止年份', en: 'the end of the statistics period' },
  'as-of': { zh: '正文“截至…”中的年份', en: 'the “as of” date in the text' },
  'report': { zh: '正文中提到本报告时的年份', en: 'the year the text gives this report' },
};

export default defineRule({
  code: 'year-mismatch',
  defaultSeverity: 'warning',
  description: {
    zh: '标题年份、统计期限和正文中提到的报告年份不一致',
    en: 'The title year, the statistics period and the report year mentioned in the text disagree',
  },
  rationale: {
    zh: '年份不一致多因套用上一年度报告时漏改，读者会怀疑数据也是旧的',
    en: "A stray year usually comes from reusing last year's report, and makes a reader doubt the figures are this year's",
  },
  examples: {
    valid: [{ in: { section: 1 }, snippet: '一、总体情况\n现向社会公布本机关2021年度政府信息公开工作年度报告。' }],
    invalid: [{
      in: { section: 1 },
      snippet: '一、总体情况\n现向社会公布本机关2020年度政府信息公开工作年度报告。',
      marked: '一、总体情况\n现向社会公布本机关⟦2020⟧年度政府信息公开工作年度报告。',
    }],
  },
  check({ model, report }) {
    const { title, periods, mentions } = reportYears(model);
    // The reference: the title's year, else the first statistics period's.
    const reference: YearMention | null = title ?? periods[0]?.start ?? null;
    if (!reference) return;
    const flag = (m: YearMention) => {
      if (m === reference || m.year === reference.year) return;
      const what = KIND[m.kind];
      const ref = KIND[reference.kind];
      report({
        span: m.span,
        message: {
          zh: `${what.zh}为 ${m.year} 年，与${ref.zh}的 ${reference.year} 年不一致（“${m.phrase}”）`,
          en: `${what.en} says ${m.year}, but ${ref.en} says ${reference.year} (“${m.phrase}”)`,
        },
        related: [{ span: reference.span, message: { zh: `${ref.zh}：${reference.year} 年`, en: `${ref.en}: ${reference.year}` } }],
      });
    };
    for (const p of periods) {
      flag(p.start);
      if (p.end) flag(p.end);
    }
    for (const m of mentions) flag(m);
  },
});
