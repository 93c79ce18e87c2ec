// What the rows of the report's tables mean, and the 条例 provision behind each, for hovers.
// References are written as in reports (第三十六条第（七）项) and resolved by articleRefs.ts.
import type { Localized } from '../engine';

export interface Meaning { text: Localized; ref?: string }

/** Table 三, by template row key. */
export const APPLICATION_ROWS: Record<string, Meaning> = {
  new: { text: { zh: '本年度内新收到的政府信息公开申请件数。', en: 'Applications for disclosure received during the year.' }, ref: '第二十七条' },
  carried: {
    text: { zh: '上一年度收到、结转到本年度继续办理的申请件数；应等于上一年度报告中的“四、结转下年度继续办理”。', en: 'Applications received last year and carried over into this year; should equal last year\'s "carried to next year".' },
  },
  results: { text: { zh: '本年度办结的申请按办理结果分类（每件只计一种结果）。', en: 'Applications completed this year, by outcome (each counted once).' }, ref: '第三十六条' },
  open: { text: { zh: '全部予以公开的申请，含告知已主动公开信息的获取方式。', en: 'Information disclosed in full, including telling the applicant where proactively disclosed information can be found.' }, ref: '第三十六条第（一）（二）项' },
  partial: { text: { zh: '作区分处理、提供可以公开部分的申请；区分处理的只计这一情形，不计其他情形。', en: 'Partly disclosed after separating what may be disclosed; counted only here.' }, ref: '第三十七条' },
  deny: { text: { zh: '依法决定不予公开的申请，按理由分为以下 8 类。', en: 'Disclosure refused, by the eight grounds below.' }, ref: '第三十六条第（三）项' },
  deny1: { text: { zh: '申请的信息依法确定为国家秘密。', en: 'The information is a state secret.' }, ref: '第十四条' },
  deny2: { text: { zh: '法律、行政法规禁止公开的信息。', en: 'Disclosure is prohibited by laws or administrative regulations.' }, ref: '第十四条' },
  deny3: { text: { zh: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）。', en: 'Disclosure may endanger national, public or economic security or social stability.' }, ref: '第十四条' },
  deny4: { text: { zh: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益。', en: 'Disclosure would harm a third party\'s lawful rights (trade secrets, privacy).' }, ref: '第十五条' },
  deny5: { text: { zh: '人事管理、后勤管理、内部工作流程等内部事务信息。', en: 'Internal affairs: personnel, logistics, internal procedures.' }, ref: '第十六条第一款' },
  deny6: { text: { zh: '讨论记录、过程稿、磋商信函、请示报告等过程性信息。', en: 'Process information: minutes, drafts, consultation letters, requests for instructions.' }, ref: '第十六条第二款' },
  deny7: { text: { zh: '行政执法案卷信息。', en: 'Administrative law-enforcement case files.' }, ref: '第十六条第二款' },
  deny8: { text: { zh: '工商、不动产登记资料等，有关法律、行政法规对获取另有特别规定的查询事项。', en: 'Registration records (business, real estate) obtained under special rules.' }, ref: '第三十六条第（七）项' },
  unable: { text: { zh: '无法提供所申请信息的申请，按原因分为以下 3 类。', en: 'The information cannot be provided, by the three reasons below.' } },
  unable1: { text: { zh: '经检索没有所申请信息，或不属于本机关负责公开。', en: 'The agency does not hold the information, or is not the one responsible for it.' }, ref: '第三十六条第（四）（五）项' },
  unable2: { text: { zh: '需要对现有信息进行加工、分析才能提供。', en: 'Providing it would require new processing or analysis.' }, ref: '第三十八条' },
  unable3: { text: { zh: '经指导释明、告知补正后，申请内容仍不明确。', en: 'The request remains unclear after the applicant was asked to clarify it.' }, ref: '第三十条' },
  reject: { text: { zh: '不作为政府信息公开申请处理的申请，按情形分为以下 5 类。', en: 'Not handled as disclosure applications, by the five cases below.' } },
  reject1: { text: { zh: '以政府信息公开申请的形式进行信访、投诉、举报等活动。', en: 'Petitions, complaints or reports filed as disclosure applications.' }, ref: '第三十九条第一款' },
  reject2: { text: { zh: '已作出答复后，申请人重复申请公开相同信息。', en: 'Repeated application for information already answered.' }, ref: '第三十六条第（六）项' },
  reject3: { text: { zh: '要求提供政府公报、报刊、书籍等公开出版物。', en: 'Requests for published materials (gazettes, newspapers, books).' }, ref: '第三十九条第二款' },
  reject4: { text: { zh: '申请数量、频次明显超过合理范围且理由不合理。', en: 'Unreasonably large or frequent applications without a valid reason.' }, ref: '第三十五条' },
  reject5: { text: { zh: '要求行政机关确认或重新出具申请人已获取的信息（条例无单独条款对应）。', en: 'Requests to confirm or re-issue information already obtained (no single article).' } },
  other: { text: { zh: '不属于以上各类的其他处理结果。', en: 'Other outcomes not listed above.' } },
  other1: { text: { zh: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。', en: 'The applicant did not clarify in time; the application is treated as withdrawn.' }, ref: '第三十条' },
  other2: { text: { zh: '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理。', en: 'The applicant did not pay the processing fee in time.' }, ref: '第四十二条' },
  other3: { text: { zh: '其他处理情形。', en: 'Other cases.' } },
  total: { text: { zh: '本年度办结的申请总数，等于（一）至（六）各项之和（R2）。', en: 'All applications completed this year: the sum of (1) to (6) (R2).' } },
  carryOver: {
    text: { zh: '本年度未办结、结转下年度继续办理的申请；一 + 二 = （七）总计 + 四（R1）。', en: 'Applications carried into next year; new + carried over = total handled + carried to next year (R1).' },
    ref: '第三十三条',
  },
};

/** Table 二, by row label. */
export const DISCLOSURE_ROWS: Record<string, Localized> = {
  规章: { zh: '本机关制定的规章。', en: 'Rules issued by the agency.' },
  规范性文件: { zh: '本机关制发的规范性文件。', en: 'Normative documents issued by the agency.' },
  行政规范性文件: { zh: '本机关制发的行政规范性文件。', en: 'Administrative normative documents issued by the agency.' },
  行政许可: { zh: '办理行政许可的依据、条件、程序以及办理结果。', en: 'Administrative licensing: basis, conditions, procedure and decisions.' },
  其他对外管理服务事项: { zh: '行政许可以外的其他对外管理服务事项。', en: 'Other external administrative services.' },
  行政检查: { zh: '其他对外管理服务事项中的行政检查。', en: 'Administrative inspections.' },
  行政确认: { zh: '其他对外管理服务事项中的行政确认。', en: 'Administrative confirmations.' },
  行政处罚: { zh: '实施行政处罚的依据、条件、程序以及处罚决定。', en: 'Administrative penalties: basis, conditions, procedure and decisions.' },
  行政强制: { zh: '实施行政强制的依据、条件、程序以及强制决定。', en: 'Administrative enforcement: basis, conditions, procedure and decisions.' },
  行政事业性收费: { zh: '行政事业性收费项目及其依据、标准；金额以万元计。', en: 'Administrative fees and their basis and rates; amounts in 10,000 yuan.' },
  政府集中采购: { zh: '政府集中采购项目的目录、标准及实施情况；金额以万元计。', en: 'Centralised government procurement; amounts in 10,000 yuan.' },
};

/** Table 四, by the first element of a column path. */
export const REVIEW_GROUPS: Record<string, Meaning> = {
  行政复议: { text: { zh: '因政府信息公开工作被申请行政复议的案件，按结果统计。', en: 'Administrative reconsiderations about disclosure, by result.' }, ref: '第五十一条' },
  行政诉讼: { text: { zh: '因政府信息公开工作被提起行政诉讼的案件，分未经复议直接起诉和复议后起诉。', en: 'Lawsuits about disclosure, filed directly or after reconsideration.' }, ref: '第五十一条' },
};

/** The item of 条例第五十条 behind each section. */
export const SECTION_REFS: Record<number, string> = {
  1: '第五十条',
  2: '第五十条第（一）项',
  3: '第五十条第（二）项',
  4: '第五十条第（三）项',
  5: '第五十条第（四）项',
  6: '第五十条第（五）项',
};

export const SECTION_EN: Record<number, string> = {
  1: 'Overview of the year\'s disclosure work (proactive disclosure, applications, information management, platforms, oversight).',
  2: 'Proactive disclosure (Article 50(1)), with the table of Article 20 items.',
  3: 'Applications received and handled (Article 50(2)), with the applicant and outcome table.',
  4: 'Administrative reconsideration and litigation about disclosure (Article 50(3)).',
  5: 'Main problems and improvements (Article 50(4)).',
  6: 'Other matters (Article 50(5)); from the 2021 format, the information processing fees charged.',
};

export const TABLE_NAMES: Record<number, Localized> = {
  2: { zh: '主动公开政府信息情况表', en: 'Proactive disclosure table' },
  3: { zh: '收到和处理政府信息公开申请情况表', en: 'Applications table' },
  4: { zh: '行政复议、行政诉讼情况表', en: 'Reconsideration and litigation table' },
};
