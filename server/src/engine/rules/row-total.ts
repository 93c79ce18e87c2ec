import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'row-total',
  relation: 'R3',
  description: { zh: '表三某行的“总计”不等于六类申请人之和（R3）', en: 'R3: a 总计 cell of table 三 ≠ the sum of the six applicant columns' },
  fix: { zh: '将总计改为六类申请人之和（首选）', en: 'Set the 总计 to the sum (preferred)' },
  preferredFix: true,
});
