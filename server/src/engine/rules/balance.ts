// R1. In each column of table 三, 四、结转下年度继续办理 must equal 一、本年新收 + 二、上年结转 − （七）总计:
// what is left of this year's and last year's applications once those dealt with are taken away (the template's
// own note: 第一项加第二项之和，等于第三项加第四项之和). Data: BALANCE in ../template/applications.ts.
import { BALANCE } from '../template/applications';
import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'balance',
  relation: BALANCE.id,
  description: { zh: '表三勾稽关系不成立：第一项加第二项之和不等于第三项加第四项之和（R1）', en: 'R1: 一 + 二 ≠ （七）总计 + 四 in a column of table 三' },
  rationale: {
    zh: '模板在表头写明了这一勾稽关系；不成立说明有申请被漏计或重复计入，结转数也会带错到下一年度报告',
    en: 'The template states this balance in its header; when it fails an application is lost or counted twice, and the carry-over passes the error on to next year',
  },
  examples: {
    valid: [{
      in: { table: 3 },
      snippet: [
        '一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |',
        '（一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
        '（七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
        '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      ].join('\n'),
    }],
    invalid: [{
      in: { table: 3 },
      snippet: '一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      marked: '一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n四、结转下年度继续办理 | ⟦4⟧ | 0 | 0 | 0 | 0 | 0 | ⟦4⟧ |',
      fixed: '一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n四、结转下年度继续办理 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |',
    }],
  },
  // Which side is wrong is not known; setting 四 is offered, never applied by "fix all".
  fix: { zh: '将“四、结转下年度继续办理”改为 一 + 二 − （七）（结果不小于0时提供，非首选：哪一项填错需要人来判断）', en: 'Set 四 to 一 + 二 − （七） when that is ≥ 0 (offered, not preferred: which side is wrong needs a person)' },
  preferredFix: false,
});
