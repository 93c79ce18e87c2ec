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

/**
 * What each row counts, the provision of the 条例 behind it as reports cite it (quoted in hovers), and the short
 * name of a row whose label is long. Keys are row keys; （六）其他处理 is a data row in 2019 and a group in 2021, with the same meaning.
 */
const ROW_TERMS: Record<string, Pick<RowSpec, 'meaning' | 'article' | 'short'>> = {
  new: { short: '一、本年新收', meaning: { zh: '本年度内新收到的政府信息公开申请件数。', en: 'Applications for disclosure received during the year.' }, article: '第二十七条' },
  carried: {
    short: '二、上年结转',
    meaning: { zh: '上一年度收到、结转到本年度继续办理的申请件数；应等于上一年度报告中的“四、结转下年度继续办理”。', en: 'Applications received last year and carried over into this year; should equal last year\'s "carried to next year".' },
  },
  results: { meaning: { zh: '本年度办结的申请按办理结果分类（每件只计一种结果）。', en: 'Applications completed this year, by outcome (each counted once).' }, article: '第三十六条' },
  open: { meaning: { zh: '全部予以公开的申请，含告知已主动公开信息的获取方式。', en: 'Information disclosed in full, including telling the applicant where proactively disclosed information can be found.' }, article: '第三十六条第（一）（二）项' },
  partial: { short: '（二）部分公开', meaning: { zh: '作区分处理、提供可以公开部分的申请；区分处理的只计这一情形，不计其他情形。', en: 'Partly disclosed after separating what may be disclosed; counted only here.' }, article: '第三十七条' },
  deny: { meaning: { zh: '依法决定不予公开的申请，按理由分为以下 8 类。', en: 'Disclosure refused, by the eight grounds below.' }, article: '第三十六条第（三）项' },
  deny1: { meaning: { zh: '申请的信息依法确定为国家秘密。', en: 'The information is a state secret.' }, article: '第十四条' },
  deny2: { meaning: { zh: '法律、行政法规禁止公开的信息。', en: 'Disclosure is prohibited by laws or administrative regulations.' }, article: '第十四条' },
  deny3: { meaning: { zh: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）。', en: 'Disclosure may endanger national, public or economic security or social stability.' }, article: '第十四条' },
  deny4: { meaning: { zh: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益。', en: 'Disclosure would harm a third party\'s lawful rights (trade secrets, privacy).' }, article: '第十五条' },
  deny5: { meaning: { zh: '人事管理、后勤管理、内部工作流程等内部事务信息。', en: 'Internal affairs: personnel, logistics, internal procedures.' }, article: '第十六条第一款' },
  deny6: { meaning: { zh: '讨论记录、过程稿、磋商信函、请示报告等过程性信息。', en: 'Process information: minutes, drafts, consultation letters, requests for instructions.' }, article: '第十六条第二款' },
  deny7: { meaning: { zh: '行政执法案卷信息。', en: 'Administrative law-enforcement case files.' }, article: '第十六条第二款' },
  deny8: { meaning: { zh: '工商、不动产登记资料等，有关法律、行政法规对获取另有特别规定的查询事项。', en: 'Registration records (business, real estate) obtained under special rules.' }, article: '第三十六条第（七）项' },
  unable: { meaning: { zh: '无法提供所申请信息的申请，按原因分为以下 3 类。', en: 'The information cannot be provided, by the three reasons below.' } },
  unable1: { meaning: { zh: '经检索没有所申请信息，或不属于本机关负责公开。', en: 'The agency does not hold the information, or is not the one responsible for it.' }, article: '第三十六条第（四）（五）项' },
  unable2: { meaning: { zh: '需要对现有信息进行加工、分析才能提供。', en: 'Providing it would require new processing or analysis.' }, article: '第三十八条' },
  unable3: { meaning: { zh: '经指导释明、告知补正后，申请内容仍不明确。', en: 'The request remains unclear after the applicant was asked to clarify it.' }, article: '第三十条' },
  reject: { meaning: { zh: '不作为政府信息公开申请处理的申请，按情形分为以下 5 类。', en: 'Not handled as disclosure applications, by the five cases below.' } },
  reject1: { meaning: { zh: '以政府信息公开申请的形式进行信访、投诉、举报等活动。', en: 'Petitions, complaints or reports filed as disclosure applications.' }, article: '第三十九条第一款' },
  reject2: { meaning: { zh: '已作出答复后，申请人重复申请公开相同信息。', en: 'Repeated application for information already answered.' }, article: '第三十六条第（六）项' },
  reject3: { meaning: { zh: '要求提供政府公报、报刊、书籍等公开出版物。', en: 'Requests for published materials (gazettes, newspapers, books).' }, article: '第三十九条第二款' },
  reject4: { meaning: { zh: '申请数量、频次明显超过合理范围且理由不合理。', en: 'Unreasonably large or frequent applications without a valid reason.' }, article: '第三十五条' },
  reject5: { meaning: { zh: '要求行政机关确认或重新出具申请人已获取的信息（条例无单独条款对应）。', en: 'Requests to confirm or re-issue information already obtained (no single article).' } },
  other: { meaning: { zh: '不属于以上各类的其他处理结果。', en: 'Other outcomes not listed above.' } },
  other1: { short: '（六）1.逾期不补正', meaning: { zh: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。', en: 'The applicant did not clarify in time; the application is treated as withdrawn.' }, article: '第三十条' },
  other2: { short: '（六）2.逾期未缴纳费用', meaning: { zh: '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理。', en: 'The applicant did not pay the processing fee in time.' }, article: '第四十二条' },
  other3: { short: '（六）3.其他', meaning: { zh: '其他处理情形。', en: 'Other cases.' } },
  total: { meaning: { zh: '本年度办结的申请总数，等于（一）至（六）各项之和（R2）。', en: 'All applications completed this year: the sum of (1) to (6) (R2).' } },
  carryOver: {
    short: '四、结转下年度继续办理',
    meaning: { zh: '本年度未办结、结转下年度继续办理的申请；一 + 二 = （七）总计 + 四（R1）。', en: 'Applications carried into next year; new + carried over = total handled + carried to next year (R1).' },
    article: '第三十三条',
  },
};

const data = (key: string, label: string, parent?: string): RowSpec =>
  ({ key, label, parent, columns: APPLICANT_COLUMNS, ...ROW_TERMS[key] });
const group = (key: string, label: string, parent?: string): RowSpec =>
  ({ key, label, parent, group: true, columns: [], ...ROW_TERMS[key] });

function rows(year: TemplateYear): RowSpec[] {
  const other: RowSpec[] = year === 2019
    ? [data('other', '（六）其他处理', 'results')]
    : [
      group('other', '（六）其他处理', 'results'),
      data('other1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other'),
      data('other2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other'),
      data('other3', '3.其他', 'other'),
    ];
  return [
    data('new', '一、本年新收政府信息公开申请数量'),
    data('carried', '二、上年结转政府信息公开申请数量'),
    group('results', '三、本年度办理结果'),
    data('open', '（一）予以公开', 'results'),
    data('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results'),
    group('deny', '（三）不予公开', 'results'),
    data('deny1', '1.属于国家秘密', 'deny'),
    data('deny2', '2.其他法律行政法规禁止公开', 'deny'),
    data('deny3', '3.危及“三安全一稳定”', 'deny'),
    data('deny4', '4.保护第三方合法权益', 'deny'),
    data('deny5', '5.属于三类内部事务信息', 'deny'),
    data('deny6', '6.属于四类过程性信息', 'deny'),
    data('deny7', '7.属于行政执法案卷', 'deny'),
    data('deny8', '8.属于行政查询事项', 'deny'),
    group('unable', '（四）无法提供', 'results'),
    data('unable1', '1.本机关不掌握相关政府信息', 'unable'),
    data('unable2', '2.没有现成信息需要另行制作', 'unable'),
    data('unable3', '3.补正后申请内容仍不明确', 'unable'),
    group('reject', '（五）不予处理', 'results'),
    data('reject1', '1.信访举报投诉类申请', 'reject'),
    data('reject2', '2.重复申请', 'reject'),
    data('reject3', '3.要求提供公开出版物', 'reject'),
    data('reject4', '4.无正当理由大量反复申请', 'reject'),
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
