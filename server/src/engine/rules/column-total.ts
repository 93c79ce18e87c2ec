import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'column-total',
  relation: 'R2',
  description: { zh: '表三“（七）总计”不等于各办理结果之和（R2）', en: 'R2: a （七）总计 cell ≠ the sum of the outcome rows above it' },
  fix: { zh: '将（七）总计改为各办理结果之和（首选）', en: 'Set the （七）总计 to the sum (preferred)' },
  preferredFix: true,
});
