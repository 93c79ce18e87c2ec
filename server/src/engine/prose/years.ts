// Years that must be the report year: the title's, the statistics period (统计期限自…至…), and the prose's
// mentions of this report (…2021年度政府信息公开工作年度报告, 截至2021年底).
import { charTable, toHalfWidth } from '../normalize';
import type { ReportModel, Span } from '../types';
import { proseSpans } from './scan';

export type YearKind = 'title' | 'period-start' | 'period-end' | 'as-of' | 'report';

export interface YearMention {
  kind: YearKind;
  year: number;
  /** The four digits. */
  span: Span;
  /** The phrase it sits in, e.g. 统计期限自2020年1月1日起至2020年12月31日止. */
  phrase: string;
}

export interface ReportYears {
  title: YearMention | null;
  periods: { start: YearMention; end: YearMention | null }[];
  mentions: YearMention[];
}

const PERIOD_WORDS = ['统计期限', '统计期间', '统计时限', '统计时间', '统计区间', '统计周期', '统计时段'];
// Bounded slices only (80 characters): no backtracking over the document.
const PERIOD = /^[^0-9]{0,12}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?[^0-9]{0,8}?(?:至|到|—|–|-|～|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?/d;
/** 统计期限为2021年度 / 2021年全年: the start year only. */
const PERIOD_YEAR = /^[^0-9]{0,6}?(\d{4})\s*年(?:度|全年)/d;
const AS_OF = /^(?:到|至)?\s*(\d{4})\s*年\s*(?:底|末|12\s*月\s*31\s*日|十二月三十一日)/d;
const REPORT_WORDS = ['年度报告', '工作报告', '年报'];
/** A report named with another year is legitimately last year's (上一年度年报所提问题). */
const EXCUSE_BEFORE = /上一?年|去年|往年|历年|针对|对照|前一年/;
const EXCUSE_AFTER = /所提|提出|中提|反映|指出|问题|整改|意见|建议/;
/**
 * `s` with full-width digits and dashes made half-width, as the patterns here read them; `s` itself when it has none.
 * Nothing else full-width can change what they match (\s takes the ideographic space, [^0-9] any punctuation, and
 * ～ is written in both forms), so most text needs no copy.
 */
function halfWidthDigits(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff10 && c <= 0xff19) || c === 0xff0d) return toHalfWidth(s);
  }
  return s;
}

/** What ends a sentence: a year before it is not the one a report word after it names. */
const SENTENCE_END = charTable('。；;！？!?\n\r');
/** Characters between a year and 年报/工作报告 that need not say whose report it is (年度工作). */
const MAX_PLAIN_BETWEEN = 5;
/** A report names its year a handful of times; past this many mentions the rest are not read. */
export const MAX_MENTIONS = 500;

function within(spans: Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

const AS_OF_WORDS = ['截至', '截止'];
/**
 * Every word's occurrences in one search of the text (not one per word). No word holds another or begins where
 * another ends, so the search finds exactly what a search per word would.
 */
const WORDS = new RegExp([...PERIOD_WORDS, ...AS_OF_WORDS, ...REPORT_WORDS].join('|'), 'g');
const NOWHERE: readonly number[] = [];

function occurrences(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const list = found.get(m[0]);
    if (list) list.push(m.index); else found.set(m[0], [m.index]);
  }
  return found;
}

export function titleYear(model: ReportModel): YearMention | null {
  if (!model.title) return null;
  const { start, end } = model.title.span;
  const m = /(\d{4})\s*年/d.exec(halfWidthDigits(model.text.slice(start, end)));
  if (!m || !m.indices) return null;
  const [s, e] = m.indices[1];
  return { kind: 'title', year: Number(m[1]), span: { start: start + s, end: start + e }, phrase: model.title.text };
}

/** The years of a report, each with the exact span of its digits. Linear in the text length. */
export function reportYears(model: ReportModel): ReportYears {
  const text = model.text;
  const prose = proseSpans(model);
  const title = titleYear(model);
  const titleSpan = model.title?.span ?? null;
  const outsideTitle = (at: number) => !titleSpan || at < titleSpan.start || at >= titleSpan.end;
  const found = occurrences(text);

  const periods: ReportYears['periods'] = [];
  for (const word of PERIOD_WORDS) {
    for (const at of found.get(word) ?? NOWHERE) {
      if (periods.length >= MAX_MENTIONS) break;
      if (!within(prose, at)) continue;
      const from = at + word.length;
      const slice = halfWidthDigits(text.slice(from, from + 80));
      const m = PERIOD.exec(slice) ?? PERIOD_YEAR.exec(slice);
      if (!m || !m.indices) continue;
      const phraseEnd = from + m[0].length;
      const mention = (g: number, kind: YearKind): YearMention => ({
        kind, year: Number(m[g]), span: { start: from + m.indices![g][0], end: from + m.indices![g][1] },
        phrase: text.slice(at, phraseEnd).replace(/\s+/g, ''),
      });
      periods.push({ start: mention(1, 'period-start'), end: m.length > 4 && m[4] ? mention(4, 'period-end') : null });
    }
  }

  const mentions: YearMention[] = [];
  for (const word of AS_OF_WORDS) {
    for (const at of found.get(word) ?? NOWHERE) {
      if (mentions.length >= MAX_MENTIONS) break;
      if (!within(prose, at)) continue;
      const from = at + word.length;
      const m = AS_OF.exec(halfWidthDigits(text.slice(from, from + 20)));
      if (!m || !m.indices) continue;
      mentions.push({
        kind: 'as-of', year: Number(m[1]), span: { start: from + m.indices[1][0], end: from + m.indices[1][1] },
        phrase: text.slice(at, from + m[0].length),
      });
    }
  }
  const seen = new Set<number>();
  for (const word of REPORT_WORDS) {
    for (const at of found.get(word) ?? NOWHERE) {
      if (mentions.length >= MAX_MENTIONS) break;
      if (!within(prose, at) || !outsideTitle(at)) continue;
      // The nearest year before the word, in the same sentence and at most 40 characters back.
      let from = at;
      while (from > 0 && at - from < 40 && SENTENCE_END[text.charCodeAt(from - 1)] !== 1) from--;
      const window = halfWidthDigits(text.slice(from, at));
      let last: RegExpExecArray | null = null;
      const re = /(\d{4})\s*年/g;
      for (let m = re.exec(window); m; m = re.exec(window)) last = m;
      if (!last) continue;
      const yearStart = from + last.index;
      if (seen.has(yearStart)) continue;
      seen.add(yearStart);
      const before = window.slice(Math.max(0, last.index - 8), last.index);
      const after = text.slice(at + word.length, at + word.length + 10);
      if (EXCUSE_BEFORE.test(before) || EXCUSE_AFTER.test(after)) continue;
      // Another report of that year (2021年度行政执法统计年报, 财政决算报告): it names its subject between.
      const between = text.slice(yearStart + 4, at).replace(/\s+/g, '');
      if (between.length > MAX_PLAIN_BETWEEN && !/信息公开|政务公开/.test(between)) continue;
      mentions.push({
        kind: 'report', year: Number(last[1]), span: { start: yearStart, end: yearStart + 4 },
        phrase: text.slice(yearStart, at + word.length).replace(/\s+/g, ''),
      });
    }
  }
  mentions.sort((a, b) => a.span.start - b.span.start);
  return { title, periods, mentions };
}
