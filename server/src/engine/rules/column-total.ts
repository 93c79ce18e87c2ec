// R2. In each column of table 三 (the six applicant columns and 总计), （七）总计 must equal the sum of the outcome
// rows above it: （一）予以公开, （二）部分公开, the eight rows of （三）, three of （四）, five of （五） and （六）
// (one row in the 2019 template, three in 2021). Data: COLUMN_TOTAL in ../template/applications.ts.
import { COLUMN_TOTAL } from '../template/applications';
import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'column-total',
  relation: COLUMN_TOTAL.id,
  description: { zh: '表三“（七）总计”不等于各办理结果之和（R2）', en: 'R2: a （七）总计 cell ≠ the sum of the outcome rows above it' },
  rationale: {
    zh: '（七）总计是本年办结申请数，是公众和上级最常引用的数字，与各办理结果对不上说明漏计或错计',
    en: 'The （七）总计 is the number of applications dealt with, the figure most quoted; if the outcomes do not add up to it, one is miscounted',
  },
  examples: {
    valid: [{
      in: { table: 3 },
      snippet: [
        '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        '（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      ].join('\n'),
    }],
    invalid: [{
      in: { table: 3 },
      snippet: '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      marked: '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n（七）总计 | ⟦0⟧ | 0 | 0 | 0 | 0 | 0 | ⟦0⟧ |',
      fixed: '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    }],
  },
  fix: { zh: '将（七）总计改为各办理结果之和（首选）', en: 'Set the （七）总计 to the sum (preferred)' },
  preferredFix: true,
});
