// Reads what sits outside the tables: title, agency, report year, section headings, sub-headings.
import { CN_ORDINALS, digitNumberingAhead, isSpaceCode, keyIndex, labelKey, parseChineseNumeral, similarities, skipLeadingJunk, charTable } from '../normalize';
import { TextMemo } from '../derived';
import { SECTIONS } from '../template';
import { lineAt, type Lines } from '../text';
import type { ExtraHeading, SectionHeading, SectionId, SectionModel, Span, SubHeading } from '../types';

export type { Lines };

const MAX_HEADING_LENGTH = 48;
const HEADING_MATCH = 0.8;

/** Where a line's text starts once white space, [bookmark:…], &nbsp; and markdown #s before it are skipped. */
function textStart(text: string, lines: Lines, line: number): number {
  return skipLeadingJunk(text, lines.starts[line], lines.ends[line], true);
}

/** White space, colons and full stops at a line's end (a loop: /[…]*$/ backtracks quadratically on long lines). */
const isTrailingJunk = (c: number) => isSpaceCode(c) || c === 0x3a /* : */ || c === 0xff1a /* ： */ || c === 0x3002 /* 。 */ || c === 0x2e /* . */;

/** text[from, to) with artefacts at its ends removed, and where that text starts. */
function cleanSpan(text: string, from: number, to: number): { text: string; start: number } {
  const start = skipLeadingJunk(text, from, to, true);
  let end = to;
  while (end > start && isTrailingJunk(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), start };
}

/** Text of a line with artefacts at its ends removed, and where that text starts. */
export const cleanLine = (text: string, lines: Lines, line: number): { text: string; start: number } => cleanSpan(text, lines.starts[line], lines.ends[line]);

interface Numbering { ordinal: number | null; style: 'cn' | 'paren' | 'arabic' | 'part' | 'none'; rest: string; prefix: string }

const NUMBERING: [RegExp, Numbering['style']][] = [
  [/^([一二三四五六七八九十]{1,2})\s*[、．.，,]\s*/, 'cn'],
  [/^[（(]\s*([一二三四五六七八九十]{1,2})\s*[)）]\s*[、．.]?\s*/, 'paren'],
  [/^(\d{1,2})\s*(?:[、．.，,]|\s)\s*/, 'arabic'],
  [/^第([一二三四五六七八九十]{1,2})部分\s*[、：:．.]?\s*/, 'part'],
  // A heading whose numeral was lost in the copy (、主动公开政府信息情况): numbered, the number unknown.
  [/^()、\s*/, 'cn'],
];

/** What a numbering can start with: a Chinese numeral, a bracket, a digit, 第. */
const NUMBERING_START = charTable('一二三四五六七八九十（(0123456789第、');

export function readNumbering(s: string): Numbering {
  if (NUMBERING_START[s.charCodeAt(0)] !== 1) return { ordinal: null, style: 'none', rest: s, prefix: '' };
  for (const [re, style] of NUMBERING) {
    const m = re.exec(s);
    if (m) {
      const ordinal = m[1] === '' ? null : style === 'arabic' ? Number(m[1]) : parseChineseNumeral(m[1]);
      return { ordinal, style, rest: s.slice(m[0].length), prefix: m[0] };
    }
  }
  return { ordinal: null, style: 'none', rest: s, prefix: '' };
}

/**
 * Every title and wording variant holds one of these (two characters each): one search of the whole text finds the
 * lines worth the fuzzy match.
 */
const HEADING_HINT = /情况|事项|申请|复议|诉讼|问题|改进|主动|总体|其他/g;

/** Every title and alias key, in section order, with the section it names. */
const SECTION_KEYS = SECTIONS.flatMap((s) => [s.title, ...s.aliases].map((w) => ({ id: s.id, key: labelKey(w) })));
const SECTION_INDEX = keyIndex(SECTION_KEYS.map((k) => k.key));
const sims: number[] = [];
/** The section whose title or alias has exactly this key (the first, as the fuzzy loop would pick). */
const EXACT_SECTION = new Map<string, SectionId>();
for (const { id, key } of SECTION_KEYS) if (!EXACT_SECTION.has(key)) EXACT_SECTION.set(key, id);

interface Candidate { id: SectionId; heading: SectionHeading; score: number; line: number }

interface SectionMatch { id: SectionId; sim: number }

/** The section whose title or an alias is most like `key` (at least HEADING_MATCH), the first on a tie. */
const sectionsByKey = new TextMemo((key: string): SectionMatch | null => {
  const exact = EXACT_SECTION.get(key);
  if (exact !== undefined) return { id: exact, sim: 1 };
  let best: SectionMatch | null = null;
  similarities(key, SECTION_INDEX, HEADING_MATCH, sims);
  for (let i = 0; i < SECTION_KEYS.length; i++) {
    if (Math.abs(SECTION_KEYS[i].key.length - key.length) > 6) continue;
    const sim = sims[i];
    if (sim >= HEADING_MATCH && (!best || sim > best.sim)) best = { id: SECTION_KEYS[i].id, sim };
  }
  return best;
});

/** What headingCandidate reads from a line's text alone; null when the line is no heading. */
interface LineHeading { id: SectionId; score: number; offset: number; body: string; standard: boolean }

function headingCandidate(text: string, lines: Lines, line: number): Candidate | null {
  const lineStart = lines.starts[line];
  const h = headingsByLine.get(text.slice(lineStart, lines.ends[line]));
  if (!h) return null;
  const start = lineStart + h.offset;
  return { id: h.id, line, score: h.score, heading: { span: { start, end: start + h.body.length }, text: h.body, standard: h.standard } };
}

/** A sentence that says a section has nothing to report (无其他需要报告的事项。) is the section's prose, not its heading. */
const NOTHING_TO_REPORT = /^(?:无|没有|暂无|本年度无|本年无)/;

/** Whether a line's text is a section heading: it alone decides (headings recur from one report to the next). */
const headingsByLine = new TextMemo((line: string): LineHeading | null => {
  const { text: body, start } = cleanSpan(line, 0, line.length);
  if (body.length < 4 || body.length > MAX_HEADING_LENGTH) return null;
  if (NOTHING_TO_REPORT.test(body)) return null;
  const n = readNumbering(body);
  const key = labelKey(n.rest);
  if (key.length < 4) return null;
  const best = sectionsByKey.get(key);
  if (!best) return null;
  // A numbered line whose number is not the section's is a sub-heading, e.g. （一）主动公开政府信息情况 inside 一.
  if (n.ordinal !== null && n.ordinal !== best.id) return null;
  const standardText = `${CN_ORDINALS[best.id]}、${SECTIONS[best.id - 1].title}`;
  const score = (n.style === 'cn' ? 3 : n.style === 'none' ? 1 : 2) + best.sim;
  return { id: best.id, score, offset: start, body, standard: body === standardText };
});

export interface SectionsResult { sections: SectionModel[]; extra: ExtraHeading[] }

const byHeadingStart = (a: Candidate, b: Candidate): number => a.heading.span.start - b.heading.span.start;

export function findSections(text: string, lines: Lines): SectionsResult {
  const byId = new Map<SectionId, Candidate[]>();
  HEADING_HINT.lastIndex = 0;
  while (HEADING_HINT.test(text)) {
    // A hint holds no line break: it lies in one line, read once; the search goes on from the next line.
    const line = lineOf(lines, HEADING_HINT.lastIndex - 2);
    HEADING_HINT.lastIndex = line + 1 < lines.starts.length ? lines.starts[line + 1] : text.length;
    if (lines.ends[line] - lines.starts[line] > MAX_HEADING_LENGTH * 2) continue;
    const c = headingCandidate(text, lines, line);
    if (!c) continue;
    const list = byId.get(c.id);
    if (list) list.push(c); else byId.set(c.id, [c]);
  }
  const chosen: Candidate[] = [];
  const extra: ExtraHeading[] = [];
  // Indexed loops and forEach: no iterators, cheaper before the optimising compiler has run.
  byId.forEach((cands, id) => {
    // The first of the candidates with the top whole score; the others with that score are duplicates.
    let best = 0;
    for (let i = 1; i < cands.length; i++) if (Math.floor(cands[i].score) > Math.floor(cands[best].score)) best = i;
    chosen.push(cands[best]);
    const top = Math.floor(cands[best].score);
    for (let i = best + 1; i < cands.length; i++) {
      if (Math.floor(cands[i].score) === top) extra.push({ id, heading: cands[i].heading, reason: 'duplicate' });
    }
  });
  chosen.sort(byHeadingStart);
  const sections: SectionModel[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i];
    sections.push({
      id: c.id,
      heading: c.heading,
      span: { start: c.heading.span.start, end: i + 1 < chosen.length ? chosen[i + 1].heading.span.start : text.length },
    });
  }
  return { sections, extra };
}

const SUB_HEADING_START = charTable('（(一二三四五六七八九十0123456789');
const SUB_HEADING = /^(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是|\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）])/;

/** Sub-headings of a section (（一）…, 1. …), skipping lines inside tables. */
export function findSubHeadings(text: string, lines: Lines, section: SectionModel, excluded: Span[]): SubHeading[] {
  const out: SubHeading[] = [];
  const first = lineOf(lines, section.heading.span.end - 1) + 1;
  for (let line = first; line < lines.starts.length && lines.starts[line] < section.span.end; line++) {
    const start = lines.starts[line];
    const table = excluded.find((s) => start >= s.start && start < s.end);
    // The lines up to the one the table ends in all start inside it.
    if (table) { line = lineOf(lines, table.end - 1); continue; }
    // A sub-heading starts with a bracket, a Chinese numeral or a digit (then 、 ． or .): other lines need no closer look.
    const at = textStart(text, lines, line);
    const first = text.charCodeAt(at);
    if (SUB_HEADING_START[first] !== 1 || (first >= 48 && first <= 57 && !digitNumberingAhead(text, at, lines.ends[line]))) continue;
    const { text: body, start: bodyStart } = cleanLine(text, lines, line);
    if (!SUB_HEADING.test(body) || /^[一二三四五六七八九十]{1,2}是/.test(body)) continue;
    const stop = body.search(/[。；;！!]/);
    const head = stop >= 0 ? body.slice(0, stop) : body;
    if (head.length > 30) continue;
    out.push({ span: { start: bodyStart, end: bodyStart + head.length }, text: head });
  }
  return out;
}

export const lineOf = (lines: Lines, offset: number): number => lineAt(lines.starts, offset);

export interface TitleResult { text: string; span: Span }

/**
 * Lines around a title that are not part of it: page numbers of a PDF's text (- 1 -), a web page's breadcrumb
 * (当前位置：首页 > …) and its crawler's or site's labels (发布时间：…).
 */
const NOT_TITLE = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页|当前位置|您的位置|首页\s*[>＞»]|.*\s[>＞»]\s.*\s[>＞»]\s|(?:发布时间|发布日期|发布机构|来源|作者|字号|栏目|文号|索引号|原文链接|本地目录|更新时间|日期)\s*[:：])/;
/** A site's label before the title itself (a crawler writes 标题: …). */
const TITLE_PREFIX = /^(?:标题|题目|文章标题|名称)\s*[:：]\s*/;

/**
 * The title: up to three short lines at the top ending in one that names the 年度报告. `flattened`: the lines are a
 * flattened page's (parse/flattened.ts), whose first may hold the title and more (see leadingTitle).
 */
export function findTitle(text: string, lines: Lines, before: number, flattened = false): TitleResult | null {
  const nonEmpty: number[] = [];
  for (let line = 0; line < lines.starts.length && nonEmpty.length < 5 && lines.starts[line] < before; line++) {
    const body = cleanLine(text, lines, line).text;
    if (flattened && nonEmpty.length === 0 && body.length > 60) return leadingTitle(text, lines, line);
    if (body.length > 0 && !NOT_TITLE.test(body)) nonEmpty.push(line);
  }
  // A title names its year: a line without one (a breadcrumb's end wrapped onto a line of its own, 政府信息公开工作
  // 年度报告) is taken only when no line after it among the first few is a title with a year.
  let yearless: TitleResult | null = null;
  for (let i = 0; i < nonEmpty.length; i++) {
    const { text: body } = cleanLine(text, lines, nonEmpty[i]);
    if (body.length > 60) break;
    if (!/年度报告|年报/.test(body)) continue;
    let first = i;
    while (first > 0 && i - first < 2) {
      const prev = cleanLine(text, lines, nonEmpty[first - 1]).text;
      if (prev.length > 40 || /[。；]$/.test(prev) || /年度报告|年报/.test(prev)) break;
      first--;
    }
    // The title is lines first…i joined.
    let joined = '';
    let start = 0;
    let end = 0;
    for (let k = first; k <= i; k++) {
      const part = cleanLine(text, lines, nonEmpty[k]);
      const prefix = k === first ? TITLE_PREFIX.exec(part.text)?.[0].length ?? 0 : 0;
      if (k === first) start = part.start + prefix;
      joined += part.text.slice(prefix).trim();
      end = part.start + part.text.length;
    }
    if (yearOfTitle(joined) !== null) return { text: joined, span: { start, end } };
    yearless ??= { text: joined, span: { start, end } };
  }
  return yearless;
}


/** A title inside a line: no sentence, breadcrumb or label punctuation, single spaces at most, up to 年度报告 or 年报. */
const TITLE_IN_LINE = /(?:[^\s>＞»:：，。；;,《》“”()（）]| (?=\S)){2,60}?(?:年度报告|年报)/g;
/** How far into a flattened page's first line its title is looked for (behind breadcrumbs and site labels). */
const TITLE_SCAN = 300;

/**
 * The title near the start of a flattened page's first line (当前位置:首页 > … > 2022年度…年度报告 日期:… 一、…): the
 * first title-like run that names a year and 信息公开, white space left out.
 */
function leadingTitle(text: string, lines: Lines, line: number): TitleResult | null {
  const part = cleanLine(text, lines, line);
  const head = part.text.slice(0, TITLE_SCAN);
  TITLE_IN_LINE.lastIndex = 0;
  for (let m = TITLE_IN_LINE.exec(head); m; m = TITLE_IN_LINE.exec(head)) {
    const raw = m[0];
    if (!raw.includes('信息公开') || !/(?:19|20)\d{2}/.test(raw)) continue;
    const start = part.start + m.index + (raw.length - raw.trimStart().length);
    return { text: raw.replace(/\s+/g, ''), span: { start, end: part.start + m.index + raw.length } };
  }
  return null;
}

export function yearOfTitle(title: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

const PERIOD = /(?:统计期限|统计时限|统计期间|统计时段|统计周期)[^。\n]{0,24}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;

export function yearOfPeriod(text: string): { year: number; span: Span } | null {
  const m = PERIOD.exec(text.length > 200000 ? text.slice(0, 200000) : text);
  if (!m) return null;
  const at = m.index + m[0].lastIndexOf(m[1]);
  return { year: Number(m[1]), span: { start: at, end: at + 4 } };
}

/** How much of the text's opening a report year is read from when there is no title and no statistics period. */
const OPENING = 2000;
/** A line break inside a year, as a PDF's text wrapped at the page width may leave one (20 / 19年), or the space a
 * flattening left of it (20 19年). */
const WRAP = String.raw`(?:[ \t]*(?:\r\n|\r|\n)[ \t\u3000]*| )?`;
const YEAR = new RegExp(String.raw`((?:1${WRAP}9|2${WRAP}0)${WRAP}\d${WRAP}\d)\s*年`, 'g');

/**
 * The report year of a copy without its title or statistics period (a page's text cut from its top): the year its
 * opening speaks of most, when one year is spoken of more than any other.
 */
export function yearOfOpening(text: string): number | null {
  const counts = new Map<number, number>();
  const opening = text.slice(0, OPENING);
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(opening); m; m = YEAR.exec(opening)) {
    const year = Number(m[1].replace(/\s+/g, ''));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [year, count] of counts) {
    if (count > bestCount) { best = year; bestCount = count; tie = false; } else if (count === bestCount) tie = true;
  }
  return tie ? null : best;
}

const TITLE_YEAR = /(?:19|20)\d{2}\s*年度?/;
const TITLE_SUFFIX = /(?:政府)?信息公开(?:工作)?(?:年度报告|年报)$/;

/**
 * The title's first '|'-separated part before its year, or after it up to the 信息公开…年度报告 suffix. Read in
 * place (was two replaces and a split): the suffix begins with 政府 or 信息, so it lies after the year or not at all.
 */
export function agencyOfTitle(title: string): string | null {
  const year = TITLE_YEAR.exec(title);
  const suffix = TITLE_SUFFIX.exec(title);
  const end = suffix ? suffix.index : title.length;
  const s = year ? firstPart(title, 0, year.index) ?? firstPart(title, year.index + year[0].length, end) : firstPart(title, 0, end);
  return s && s.length >= 2 ? s : null;
}

/** The first non-empty trimmed part of s[from, to) split at '|'. */
function firstPart(s: string, from: number, to: number): string | null {
  while (from <= to) {
    let bar = s.indexOf('|', from);
    if (bar < 0 || bar > to) bar = to;
    const part = s.slice(from, bar).trim();
    if (part) return part;
    from = bar + 1;
  }
  return null;
}
