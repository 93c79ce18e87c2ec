import { arithmeticRule } from './arithmetic';

export default arithmeticRule({
  code: 'review-total',
  relation: 'R4',
  description: { zh: '表四“总计”不等于维持、纠正、其他、尚未审结之和（R4）', en: 'R4: a 总计 in table 四 ≠ 维持 + 纠正 + 其他 + 尚未审结' },
  fix: { zh: '将总计改为四项之和（首选）', en: 'Set the 总计 to the sum (preferred)' },
  preferredFix: true,
});
