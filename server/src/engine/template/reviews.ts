// Table 四 (行政复议、行政诉讼): one row of 15 values, the same in both years.
import type { ColumnSpec, RelationSpec, TableTemplate } from './types';
import type { TemplateYear } from '../types';

const OUTCOMES: [string, string][] = [
  ['upheld', '结果维持'], ['corrected', '结果纠正'], ['otherResult', '其他结果'], ['pending', '尚未审结'], ['total', '总计'],
];
const GROUPS: [string, string[]][] = [
  ['review', ['行政复议']],
  ['direct', ['行政诉讼', '未经复议直接起诉']],
  ['after', ['行政诉讼', '复议后起诉']],
];

export const REVIEW_COLUMNS: ColumnSpec[] = GROUPS.flatMap(([g, path]) =>
  OUTCOMES.map(([k, label]) => ({ key: `${g}.${k}`, path: [...path, label], kind: 'count' as const })));

/**
 * R4, checked by rules/review-total.ts: in 行政复议 and in each kind of 行政诉讼,
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (one relation per group of five columns).
 */
export const REVIEW_TOTALS: RelationSpec[] = GROUPS.map(([g]) => ({
  id: 'R4', within: 'row', target: `${g}.total`,
  plus: OUTCOMES.slice(0, 4).map(([k]) => `${g}.${k}`),
}));

export function reviewsTable(year: TemplateYear): TableTemplate {
  return {
    id: 4,
    variant: String(year),
    year,
    headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...OUTCOMES.map(([, l]) => l)],
    rows: [{ key: 'cases', label: '', columns: REVIEW_COLUMNS }],
    relations: REVIEW_TOTALS,
  };
}
