// R4. In table 四, for 行政复议 and for each kind of 行政诉讼 (未经复议直接起诉, 复议后起诉), 总计 must equal
// 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Data: REVIEW_TOTALS in ../template/reviews.ts.
import { REVIEW_TOTALS } from '../template/reviews';
import { arithmeticRule } from './arithmetic';

const ROW = (cells: string) => `| ${cells} |`;

export default arithmeticRule({
  code: 'review-total',
  relation: REVIEW_TOTALS[0].id,
  description: { zh: '表四“总计”不等于维持、纠正、其他、尚未审结之和（R4）', en: 'R4: a 总计 in table 四 ≠ 维持 + 纠正 + 其他 + 尚未审结' },
  rationale: {
    zh: '复议和诉讼的总计是被纠错风险的直接指标，各结果之和与总计不符说明有案件漏计',
    en: 'The review and litigation totals measure how often the body is challenged; outcomes that do not add up mean a case is miscounted',
  },
  examples: {
    valid: [{ in: { table: 4 }, snippet: ROW('1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0') }],
    invalid: [{
      in: { table: 4 },
      snippet: ROW('1 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0'),
      marked: ROW('1 | 0 | 0 | 1 | ⟦1⟧ | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0'),
      fixed: ROW('1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0'),
    }],
  },
  fix: { zh: '将总计改为四项之和（首选）', en: 'Set the 总计 to the sum (preferred)' },
  preferredFix: true,
});
