// Table 三 (收到和处理政府信息公开申请情况): the same in both years but for （六）其他处理.
import type { ColumnSpec, RelationSpec, RowSpec, TableTemplate } from './types';
import type { TemplateYear } from '../types';

const APPLICANT = '申请人情况';
const ORG = '法人或其他组织';

export const APPLICANT_COLUMNS: ColumnSpec[] = [
  { key: 'natural', path: [APPLICANT, '自然人'], kind: 'count' },
  { key: 'business', path: [APPLICANT, ORG, '商业企业'], kind: 'count' },
  { key: 'research', path: [APPLICANT, ORG, '科研机构'], kind: 'count' },
  { key: 'charity', path: [APPLICANT, ORG, '社会公益组织'], kind: 'count' },
  { key: 'legal', path: [APPLICANT, ORG, '法律服务机构'], kind: 'count' },
  { key: 'other', path: [APPLICANT, ORG, '其他'], kind: 'count' },
  { key: 'total', path: [APPLICANT, '总计'], kind: 'count' },
];

const HEADERS = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  APPLICANT, '自然人', ORG, '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
];

const data = (key: string, label: string, parent?: string, extra: Partial<RowSpec> = {}): RowSpec =>
  ({ key, label, parent, columns: APPLICANT_COLUMNS, ...extra });
const group = (key: string, label: string, parent?: string): RowSpec =>
  ({ key, label, parent, group: true, columns: [] });

function rows(year: TemplateYear): RowSpec[] {
  const other: RowSpec[] = year === 2019
    ? [data('other', '（六）其他处理', 'results')]
    : [
      group('other', '（六）其他处理', 'results'),
      data('other1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other', { article: '第三十条' }),
      data('other2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other', { article: '第四十二条' }),
      data('other3', '3.其他', 'other'),
    ];
  return [
    data('new', '一、本年新收政府信息公开申请数量'),
    data('carried', '二、上年结转政府信息公开申请数量'),
    group('results', '三、本年度办理结果'),
    data('open', '（一）予以公开', 'results', { article: '第三十六条' }),
    data('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results', { article: '第三十七条' }),
    group('deny', '（三）不予公开', 'results'),
    data('deny1', '1.属于国家秘密', 'deny', { article: '第十四条' }),
    data('deny2', '2.其他法律行政法规禁止公开', 'deny', { article: '第十四条' }),
    data('deny3', '3.危及“三安全一稳定”', 'deny', { article: '第十四条' }),
    data('deny4', '4.保护第三方合法权益', 'deny', { article: '第十五条' }),
    data('deny5', '5.属于三类内部事务信息', 'deny', { article: '第十六条' }),
    data('deny6', '6.属于四类过程性信息', 'deny', { article: '第十六条' }),
    data('deny7', '7.属于行政执法案卷', 'deny', { article: '第十六条' }),
    data('deny8', '8.属于行政查询事项', 'deny', { article: '第三十六条' }),
    group('unable', '（四）无法提供', 'results'),
    data('unable1', '1.本机关不掌握相关政府信息', 'unable', { article: '第三十六条' }),
    data('unable2', '2.没有现成信息需要另行制作', 'unable', { article: '第三十八条' }),
    data('unable3', '3.补正后申请内容仍不明确', 'unable', { article: '第三十条' }),
    group('reject', '（五）不予处理', 'results'),
    data('reject1', '1.信访举报投诉类申请', 'reject', { article: '第三十九条' }),
    data('reject2', '2.重复申请', 'reject', { article: '第三十六条' }),
    data('reject3', '3.要求提供公开出版物', 'reject', { article: '第三十九条' }),
    data('reject4', '4.无正当理由大量反复申请', 'reject', { article: '第三十五条' }),
    data('reject5', '5.要求行政机关确认或重新出具已获取信息', 'reject'),
    ...other,
    data('total', '（七）总计', 'results'),
    data('carryOver', '四、结转下年度继续办理'),
  ];
}

// The arithmetic relations of table 三. Keys in `plus`/`minus` name columns for a 'row' relation, rows for a
// 'column' one (see RelationSpec).

/** R3, checked by rules/row-total.ts: in each data row, 总计 = 自然人 + the five kinds of 法人或其他组织. */
export const ROW_TOTAL: RelationSpec = {
  id: 'R3', within: 'row', target: 'total', plus: ['natural', 'business', 'research', 'charity', 'legal', 'other'],
};

/**
 * R2, checked by rules/column-total.ts: in each column, （七）总计 = the outcome rows under 三、本年度办理结果
 * (（一） to （六）, sub-items rather than their group rows): `outcomeRows` of the year's rows, as （六） differs.
 */
export const COLUMN_TOTAL = { id: 'R2', within: 'column', target: 'total' } as const;
const outcomeRows = (rows: RowSpec[]): string[] =>
  rows.filter((r) => !r.group && r.parent !== undefined && r.key !== 'total').map((r) => r.key);

/** R1, checked by rules/balance.ts: in each column, 四、结转下年度继续办理 = 一、本年新收 + 二、上年结转 − （七）总计. */
export const BALANCE: RelationSpec = {
  id: 'R1', within: 'column', target: 'carryOver', plus: ['new', 'carried'], minus: ['total'],
};

export function applicationsTable(year: TemplateYear): TableTemplate {
  const r = rows(year);
  return { id: 3, variant: String(year), year, headers: HEADERS, rows: r, relations: [ROW_TOTAL, { ...COLUMN_TOTAL, plus: outcomeRows(r) }, BALANCE] };
}
