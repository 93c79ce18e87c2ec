import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'balance',
  relation: 'R1',
  description: { zh: '表三勾稽关系不成立：第一项加第二项之和不等于第三项加第四项之和（R1）', en: 'R1: 一 + 二 ≠ （七）总计 + 四 in a column of table 三' },
  // Which side is wrong is not known; setting 四 is offered, never applied by "fix all".
  fix: { zh: '将“四、结转下年度继续办理”改为 一 + 二 − （七）（结果不小于0时提供，非首选：哪一项填错需要人来判断）', en: 'Set 四 to 一 + 二 − （七） when that is ≥ 0 (offered, not preferred: which side is wrong needs a person)' },
  preferredFix: false,
});
