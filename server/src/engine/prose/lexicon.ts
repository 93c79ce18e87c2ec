// The words the prose uses around figures, as data: which subject a clause is about (domain), what a figure
// counts (metric, one per pattern family), and words that make a figure something else (咨询, 同比 …).
import type { Localized } from '../types';

/** What a clause is about. direct / after are the two kinds of 行政诉讼 in table 四. */
export type Domain = 'application' | 'proactive' | 'review' | 'litigation' | 'direct' | 'after' | 'caseAll';
/** caseAll: a clause about 行政复议 and 行政诉讼 together (被申请行政复议和提起行政诉讼共3件). */
export const CASE_DOMAINS: ReadonlySet<Domain> = new Set(['review', 'litigation', 'direct', 'after', 'caseAll']);

export type MetricId =
  | 'received' | 'applications' | 'handled' | 'carried' | 'carryOver'
  | 'open' | 'partial'
  | 'deny' | 'deny1' | 'deny2' | 'deny3' | 'deny4' | 'deny5' | 'deny6' | 'deny7' | 'deny8'
  | 'unable' | 'unable1' | 'unable2' | 'unable3'
  | 'reject' | 'reject1' | 'reject2' | 'reject3' | 'reject4' | 'reject5'
  | 'other' | 'other1' | 'other2'
  | 'upheld' | 'corrected' | 'otherResult' | 'pending' | 'caseTotal';

/**
 * How a figure that differs from its cell is judged:
 * - strict: the wording names one cell; a difference is a warning.
 * - received: 新收 (warning), but equal to 新收 + 上年结转 is accepted.
 * - applications: 办理/处理申请 N件 may be 新收, 新收 + 结转 or （七）总计; a difference from all is information.
 * - handled: 办结/答复 against （七）总计; with carried-over applications the prose may count only the new ones
 *   (information when 总计 − 结转 ≤ N < 总计).
 * - outcome: an outcome row; information when the figure may cover only new applications or the breakdown is of
 *   another population, else warning.
 * - foldable: a category the table often files under another row (信息不存在, 不属于本机关, 逾期不补正 …): information.
 */
export type Policy = 'strict' | 'received' | 'applications' | 'handled' | 'outcome' | 'foldable';

export interface Family {
  metric: MetricId;
  /** Table the figure is compared with: 三 (applications) or 四 (review and litigation). */
  scope: 'application' | 'case';
  words: string[];
  /** Higher wins when a clause holds words of several families (同意部分公开答复11件 is 部分公开, not 答复). */
  priority: number;
  policy: Policy;
  /** Table 三 rows compared (their sum) or the table 四 outcome column. */
  rows?: string[];
  column?: 'upheld' | 'corrected' | 'otherResult' | 'pending' | 'total';
  label: Localized;
}

const deny = (n: number) => `deny${n}`;

export const FAMILIES: Family[] = [
  // Applications received, carried over, handled.
  { metric: 'received', scope: 'application', priority: 40, policy: 'received', rows: ['new'],
    words: ['新收', '新受理', '新接收', '收到', '受理', '接收', '接到', '收悉'],
    label: { zh: '新收申请', en: 'applications received' } },
  { metric: 'applications', scope: 'application', priority: 35, policy: 'applications',
    words: ['申请总数', '申请总量', '申请数量', '办理', '共办理', '共处理'],
    label: { zh: '办理申请', en: 'applications dealt with' } },
  { metric: 'handled', scope: 'application', priority: 45, policy: 'handled', rows: ['total'],
    words: ['办结', '已办结', '全部办结', '答复', '已答复', '答复完毕', '办理完毕', '办理完成', '办理完结', '处理完毕', '已处理', '已办理', '办复', '作出答复', '予以答复'],
    label: { zh: '办结/答复', en: 'applications answered' } },
  { metric: 'carried', scope: 'application', priority: 60, policy: 'strict', rows: ['carried'],
    words: ['上年结转', '上年度结转', '上一年度结转', '上一年结转', '结转上年', '上年遗留', '上年度遗留', '上年未办结', '上年度未办结'],
    label: { zh: '上年结转', en: 'carried over from last year' } },
  { metric: 'carryOver', scope: 'application', priority: 60, policy: 'strict', rows: ['carryOver'],
    words: ['结转下年', '结转至下年', '结转到下年', '结转下一年', '结转至下一年', '结转到下一年', '结转至次年', '结转次年', '结转下年度继续办理',
      '转入下一年', '转入下年', '顺延', '延续至下一年', '尚未办结', '未办结', '正在办理', '继续办理'],
    label: { zh: '结转下年度', en: 'carried over to next year' } },
  // Outcomes (table 三, 三、本年度办理结果).
  { metric: 'open', scope: 'application', priority: 80, policy: 'outcome', rows: ['open'],
    words: ['予以公开', '同意公开', '全部公开', '准予公开'], label: { zh: '予以公开', en: 'disclosed' } },
  { metric: 'partial', scope: 'application', priority: 82, policy: 'outcome', rows: ['partial'],
    words: ['部分公开', '同意部分公开', '部分同意公开', '部分予以公开'], label: { zh: '部分公开', en: 'partly disclosed' } },
  { metric: 'deny', scope: 'application', priority: 85, policy: 'outcome', rows: [1, 2, 3, 4, 5, 6, 7, 8].map(deny),
    words: ['不予公开'], label: { zh: '不予公开', en: 'not disclosed' } },
  { metric: 'deny1', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny1'], words: ['国家秘密'], label: { zh: '属于国家秘密', en: 'state secret' } },
  { metric: 'deny2', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny2'], words: ['禁止公开'], label: { zh: '其他法律行政法规禁止公开', en: 'barred by law' } },
  { metric: 'deny3', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny3'], words: ['三安全一稳定'], label: { zh: '危及“三安全一稳定”', en: 'endangers security or stability' } },
  { metric: 'deny4', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny4'], words: ['第三方合法权益'], label: { zh: '保护第三方合法权益', en: 'third-party rights' } },
  { metric: 'deny5', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny5'], words: ['内部事务'], label: { zh: '属于三类内部事务信息', en: 'internal affairs' } },
  { metric: 'deny6', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny6'], words: ['过程性信息'], label: { zh: '属于四类过程性信息', en: 'process information' } },
  { metric: 'deny7', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny7'], words: ['行政执法案卷', '执法案卷'], label: { zh: '属于行政执法案卷', en: 'enforcement files' } },
  { metric: 'deny8', scope: 'application', priority: 90, policy: 'foldable', rows: ['deny8'], words: ['行政查询事项', '查询事项'], label: { zh: '属于行政查询事项', en: 'administrative enquiry' } },
  { metric: 'unable', scope: 'application', priority: 85, policy: 'outcome', rows: ['unable1', 'unable2', 'unable3'],
    words: ['无法提供'], label: { zh: '无法提供', en: 'cannot be provided' } },
  { metric: 'unable1', scope: 'application', priority: 90, policy: 'foldable', rows: ['unable1'],
    words: ['不掌握', '信息不存在', '不存在该信息', '不存在相关信息', '该信息不存在', '不属于本机关', '不属于本单位', '不属本机关', '非本机关', '不属于本行政机关'],
    label: { zh: '本机关不掌握相关政府信息', en: 'information not held' } },
  { metric: 'unable2', scope: 'application', priority: 90, policy: 'foldable', rows: ['unable2'], words: ['另行制作', '没有现成信息'], label: { zh: '没有现成信息需要另行制作', en: 'would have to be created' } },
  { metric: 'unable3', scope: 'application', priority: 90, policy: 'foldable', rows: ['unable3'], words: ['仍不明确', '申请内容不明确'], label: { zh: '补正后申请内容仍不明确', en: 'still unclear after correction' } },
  { metric: 'reject', scope: 'application', priority: 85, policy: 'outcome', rows: ['reject1', 'reject2', 'reject3', 'reject4', 'reject5'],
    words: ['不予处理'], label: { zh: '不予处理', en: 'not processed' } },
  { metric: 'reject1', scope: 'application', priority: 90, policy: 'foldable', rows: ['reject1'], words: ['信访', '举报投诉', '信访举报投诉'], label: { zh: '信访举报投诉类申请', en: 'petitions and complaints' } },
  { metric: 'reject2', scope: 'application', priority: 90, policy: 'foldable', rows: ['reject2'], words: ['重复申请'], label: { zh: '重复申请', en: 'repeated applications' } },
  { metric: 'reject3', scope: 'application', priority: 90, policy: 'foldable', rows: ['reject3'], words: ['公开出版物'], label: { zh: '要求提供公开出版物', en: 'published material' } },
  { metric: 'reject4', scope: 'application', priority: 90, policy: 'foldable', rows: ['reject4'], words: ['大量反复'], label: { zh: '无正当理由大量反复申请', en: 'mass repeated applications' } },
  { metric: 'reject5', scope: 'application', priority: 90, policy: 'foldable', rows: ['reject5'], words: ['重新出具', '确认或重新出具'], label: { zh: '要求行政机关确认或重新出具已获取信息', en: 'confirm or reissue' } },
  { metric: 'other', scope: 'application', priority: 85, policy: 'foldable', rows: ['other'], words: ['其他处理'], label: { zh: '其他处理', en: 'other handling' } },
  { metric: 'other1', scope: 'application', priority: 90, policy: 'foldable', rows: ['other1'], words: ['逾期不补正', '逾期未补正', '未按期补正'], label: { zh: '逾期不补正', en: 'not corrected in time' } },
  { metric: 'other2', scope: 'application', priority: 90, policy: 'foldable', rows: ['other2'], words: ['未按收费通知', '逾期未缴纳', '未缴纳费用', '逾期未缴费'], label: { zh: '逾期未缴纳费用', en: 'fee not paid' } },
  // Review and litigation (table 四): outcomes; a count with no outcome word is the 总计.
  { metric: 'upheld', scope: 'case', priority: 80, policy: 'strict', column: 'upheld', words: ['维持', '结果维持'], label: { zh: '结果维持', en: 'upheld' } },
  { metric: 'corrected', scope: 'case', priority: 80, policy: 'strict', column: 'corrected', words: ['纠正', '结果纠正', '撤销'], label: { zh: '结果纠正', en: 'corrected' } },
  { metric: 'otherResult', scope: 'case', priority: 80, policy: 'strict', column: 'otherResult', words: ['其他结果'], label: { zh: '其他结果', en: 'other result' } },
  { metric: 'pending', scope: 'case', priority: 80, policy: 'strict', column: 'pending', words: ['尚未审结', '未审结', '正在审理', '审理中', '尚在审理'], label: { zh: '尚未审结', en: 'pending' } },
  { metric: 'caseTotal', scope: 'case', priority: 10, policy: 'strict', column: 'total', words: [], label: { zh: '总计', en: 'total' } },
];

export const FAMILY_BY_METRIC = new Map(FAMILIES.map((f) => [f.metric, f]));

/** What an application-side word means when the clause is about review or litigation (受理行政复议申请0件 is a 总计). */
export const CASE_EQUIVALENT: Partial<Record<MetricId, MetricId>> = {
  received: 'caseTotal', applications: 'caseTotal', carryOver: 'pending',
};

export const DOMAIN_WORDS: [Domain, string[]][] = [
  ['review', ['行政复议', '复议']],
  ['litigation', ['行政诉讼', '诉讼', '起诉', '应诉']],
  ['direct', ['未经复议直接起诉', '未经复议直接诉讼', '未经复议直接提起', '未经复议', '直接起诉', '直接提起诉讼', '直接诉讼']],
  ['after', ['复议后起诉', '复议后诉讼', '复议后提起', '经复议后起诉', '经复议后提起', '经复议后', '经复议', '行政复议后起诉', '行政复议后提起', '复议后']],
  ['application', ['申请', '依申请']],
  ['proactive', ['主动公开']],
];

export const DOMAIN_LABEL: Record<Domain, Localized> = {
  application: { zh: '依申请公开', en: 'applications' },
  proactive: { zh: '主动公开', en: 'proactive disclosure' },
  review: { zh: '行政复议', en: 'administrative review' },
  litigation: { zh: '行政诉讼', en: 'litigation' },
  direct: { zh: '未经复议直接起诉', en: 'litigation without prior review' },
  after: { zh: '复议后起诉', en: 'litigation after review' },
  caseAll: { zh: '行政复议和行政诉讼', en: 'administrative review and litigation' },
};

/**
 * Words after which a count is something else (enquiries, petitions, documents) or a part of the table's figure
 * (a channel, an applicant type, answered on time): such a count is compared only when it names an outcome.
 */
export const EXCLUDE_WORDS = ['咨询', '诉求', '信箱', '留言', '提案', '建议', '热线', '来电', '来信', '来访', '政策', '文件', '解读', '培训', '会议', '粉丝', '访问', '浏览', '点击',
  '按时', '按期', '延期', '延长', '当面', '网上', '网络', '在线', '信函', '邮寄', '邮递', '传真', '现场', '电子邮件', '自然人', '法人', '其他组织', '企业'];
export const DELTA_WORDS = ['增加', '减少', '增长', '下降', '上升', '同比', '较上年', '比上年', '较去年', '比去年', '持平', '环比'];
/** 行政复议和行政诉讼均为3件 gives each, not the sum. */
export const EACH_WORDS = ['均为', '均是', '各为', '分别为', '都是', '都为'];
/** Totals in review and litigation clauses (行政复议案件总计12件). */
export const TOTAL_WORDS = ['共', '共计', '总计', '合计', '总数', '累计', '总共'];
/** A clause that says none happened: 未发生…行政复议, 没有收到申请. `metric` when the word itself says what. */
export const NEGATION_WORDS: [string, MetricId | null][] = [
  ['未发生', null], ['没有发生', null], ['未出现', null], ['没有出现', null], ['未产生', null], ['没有产生', null],
  ['未有', null], ['没有', null], ['无', null], ['不存在', null], ['尚无', null], ['均无', null],
  ['未收到', 'received'], ['没有收到', 'received'], ['未接到', 'received'], ['未受理', 'received'],
];
/** Words consumed so that a shorter entry inside them does not match (无论 is not 无). */
export const NEUTRAL_WORDS = ['无论', '无正当理由', '无法', '申请人', '上年度', '上一年度'];

export type Role =
  | { kind: 'domain'; domain: Domain }
  | { kind: 'metric'; metric: MetricId }
  | { kind: 'total' }
  | { kind: 'each' }
  | { kind: 'exclude' }
  | { kind: 'delta' }
  | { kind: 'negation'; metric: MetricId | null }
  | { kind: 'neutral' };

export interface LexiconEntry { word: string; role: Role }

function buildLexicon(): Map<number, LexiconEntry[]> {
  const entries: LexiconEntry[] = [];
  for (const f of FAMILIES) for (const w of f.words) entries.push({ word: w, role: { kind: 'metric', metric: f.metric } });
  for (const [domain, words] of DOMAIN_WORDS) for (const w of words) entries.push({ word: w, role: { kind: 'domain', domain } });
  for (const w of EXCLUDE_WORDS) entries.push({ word: w, role: { kind: 'exclude' } });
  for (const w of DELTA_WORDS) entries.push({ word: w, role: { kind: 'delta' } });
  for (const w of TOTAL_WORDS) entries.push({ word: w, role: { kind: 'total' } });
  for (const w of EACH_WORDS) entries.push({ word: w, role: { kind: 'each' } });
  for (const [w, metric] of NEGATION_WORDS) entries.push({ word: w, role: { kind: 'negation', metric } });
  for (const w of NEUTRAL_WORDS) entries.push({ word: w, role: { kind: 'neutral' } });
  const byFirst = new Map<number, LexiconEntry[]>();
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.word)) throw new Error(`lexicon word listed twice: ${e.word}`);
    seen.add(e.word);
    const list = byFirst.get(e.word.charCodeAt(0)) ?? [];
    list.push(e);
    byFirst.set(e.word.charCodeAt(0), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  return byFirst;
}

/** The lexicon's words by their first code unit (what the tokenizer has at hand), longest first. */
export const LEXICON_BY_CODE = buildLexicon();
