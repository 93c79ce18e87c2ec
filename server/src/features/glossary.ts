// Names the features show for the report's tables, and what table 四's column groups mean. What each row counts
// and the provision behind it are on the template's rows (RowSpec.meaning, RowSpec.article); what each section
// must contain on the template's sections (SectionSpec.contents, .contentsEn, .article).
import type { Localized, TableId } from '../engine';

export const TABLE_NAMES: Record<TableId, Localized> = {
  2: { zh: '主动公开政府信息情况表', en: 'Proactive disclosure table' },
  3: { zh: '收到和处理政府信息公开申请情况表', en: 'Applications table' },
  4: { zh: '行政复议、行政诉讼情况表', en: 'Reconsideration and litigation table' },
};

/** Short names of the tables, as completion labels them (表二 …). */
export const TABLE_SHORT_NAMES: Record<TableId, string> = { 2: '表二', 3: '表三', 4: '表四' };

/** Table 四 has no row labels: what each column group counts (the first element of a column path), and its provision. */
export const REVIEW_GROUPS: Record<string, { meaning: Localized; article: string }> = {
  行政复议: { meaning: { zh: '因政府信息公开工作被申请行政复议的案件，按结果统计。', en: 'Administrative reconsiderations about disclosure, by result.' }, article: '第五十一条' },
  行政诉讼: { meaning: { zh: '因政府信息公开工作被提起行政诉讼的案件，分未经复议直接起诉和复议后起诉。', en: 'Lawsuits about disclosure, filed directly or after reconsideration.' }, article: '第五十一条' },
};
