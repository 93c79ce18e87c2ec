// R3. In each data row of table 三, the 总计 column must equal 自然人 + the five kinds of 法人或其他组织
// (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). Data: ROW_TOTAL in ../template/applications.ts.
import { ROW_TOTAL } from '../template/applications';
import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'row-total',
  relation: ROW_TOTAL.id,
  description: { zh: '表三某行的“总计”不等于六类申请人之和（R3）', en: 'R3: a 总计 cell of table 三 ≠ the sum of the six applicant columns' },
  rationale: {
    zh: '每行的总计是该项的申请数，正文和汇总只引用总计列，与各类申请人之和不符时总计或分项必有一错',
    en: "Each row's 总计 is the figure the text and the summaries quote; if the applicant columns do not add up to it, one of them is wrong",
  },
  examples: {
    valid: [{
      in: { table: 3 },
      snippet: '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    }],
    invalid: [{
      in: { table: 3 },
      snippet: '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 3 |\n四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 3 |',
      marked: '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | ⟦3⟧ |\n四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | ⟦3⟧ |',
      fixed: '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    }],
  },
  fix: { zh: '将总计改为六类申请人之和（首选）', en: 'Set the 总计 to the sum (preferred)' },
  preferredFix: true,
});
