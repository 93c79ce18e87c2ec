// Reports flattened onto one or a few long lines (a crawler's page text, text copied from a web page): section
// headings stand inside running text (…编制本报告。一、总体情况2021年…) and table cells run together with no
// separator (规范性文件898989). This module finds the headings' places, so that the parser can read such a
// line as the lines it once was, and cuts run-together table text into labels and figures.
import { labelKey } from '../normalize';
import { SECTIONS, TEMPLATE_YEARS } from '../template';
import type { Lines } from './document';

/**
 * A line this long, holding this share of the text at least, is a flattened page (one or a few lines), not a long
 * paragraph of a report laid out in lines (whose introduction may list the six sections with their numerals); so
 * is a shorter one holding most of the text (a partial copy flattened).
 */
export const FLATTENED_LINE = 1000;
const FLATTENED_SHARE = 0.25;
const SHORT_FLATTENED_LINE = 200;
const SHORT_FLATTENED_SHARE = 0.5;

/** Every standard title and wording variant of each section, as written (the text is matched as it stands). */
const SECTION_WORDS = SECTIONS.map((s) => ({ id: s.id, words: [s.title, ...s.aliases].sort((a, b) => b.length - a.length) }));
const INLINE_NUMBER = /[一二三四五六][、．.]\s*/g;

/** A line longer than this, in a text of this length, is a flattened page (see FLATTENED_LINE). */
export function flattenedLineLength(textLength: number): number {
  return Math.min(Math.max(FLATTENED_LINE, textLength * FLATTENED_SHARE), Math.max(SHORT_FLATTENED_LINE, textLength * SHORT_FLATTENED_SHARE));
}

/**
 * The lines with each flattened line (over FLATTENED_LINE) broken before and after each section heading inside
 * it (see inlineHeadings) and each page number (a PDF's text flattened: a line of its own, which a table passes
 * over). Offsets are the text's own: the breaks are between characters, no character is added or removed.
 */
export function unflatten(text: string, lines: Lines): Lines {
  const longest = flattenedLineLength(text.length);
  let long = false;
  for (let line = 0; line < lines.starts.length && !long; line++) long = lines.ends[line] - lines.starts[line] > longest;
  if (!long) return lines; // the usual report: nothing to do
  let changed = false;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let line = 0; line < lines.starts.length; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    const cuts = end - start > longest ? lineCuts(text, start, end) : [];
    let at = start;
    for (const [from, to] of cuts) {
      if (from > at) { starts.push(at); ends.push(from); }
      starts.push(from); ends.push(to);
      at = to;
      changed = true;
    }
    starts.push(at); ends.push(end);
  }
  return changed ? { starts, ends } : lines;
}

/** The forms of a page number as a PDF's text keeps them: - 4 -, 第 4 页, 第 4 页 共 9 页. */
const DASHED_PAGE = String.raw`[-—–－] ?\d{1,4} ?[-—–－]`;
const PAGE = String.raw`第 ?\d{1,4} ?页`;
const PAGE_OF_PAGES = String.raw`${PAGE} ?[,，]? ?共 ?\d{1,4} ?页`;

/**
 * A page number between white space (- 4 -, 第4页, 第 4 页 共 9 页), or one a PDF's text flattened with nothing between
 * its lines left run together with the text around it, told by the spaces inside its dashes (…第（六）项- 4 -信息内容…)
 * or by naming the page count (…0 0 0第 2 页 共 9 页行政许可…).
 */
const INLINE_PAGE_NUMBER = new RegExp(String.raw`${PAGE_OF_PAGES}|(?<=\s)(?:${DASHED_PAGE}|${PAGE})(?=\s)|[-—–－] \d{1,3} [-—–－](?![-—–－])`, 'g');

/** Where text[start, end) is to be broken into lines: its section headings and page numbers, in order. */
function lineCuts(text: string, start: number, end: number): [number, number][] {
  const headings = inlineHeadings(text, start, end);
  const clear = (from: number, to: number) => to <= end && !headings.some(([a, b]) => from < b && a < to);
  const pages: [number, number][] = [];
  INLINE_PAGE_NUMBER.lastIndex = start;
  for (let m = INLINE_PAGE_NUMBER.exec(text); m && m.index < end; m = INLINE_PAGE_NUMBER.exec(text)) {
    const to = m.index + m[0].length;
    if (clear(m.index, to)) pages.push([m.index, to]);
  }
  // Running titles where no page number was cut: both lists are in text order, walked side by side.
  const titles: [number, number][] = [];
  let p = 0;
  for (const [from, to] of runningTitles(text, start, end)) {
    while (p < pages.length && pages[p][1] <= from) p++;
    if (clear(from, to) && !(p < pages.length && pages[p][0] < to)) titles.push([from, to]);
  }
  return pages.length + titles.length === 0 ? headings : [...headings, ...pages, ...titles].sort((a, b) => a[0] - b[0]);
}

/** The title's words from its year on (2023 年政府信息公开工作年度报告), as a PDF's running header repeats them. */
const TITLE_FROM_YEAR = /(?:19|20)\d{2} ?年度?[^\d。；;，,！？!?]{0,40}?(?:年度报告|年报)/;
/** How far into a flattened line its title is looked for. */
const TITLE_REACH = 300;
/** The longest agency name before the title's year. */
const MAX_AGENCY = 30;

/**
 * The title repeated inside a flattened line (a PDF's running header, its line breaks gone): each occurrence after
 * the first, with the agency's name before it when the first has one. Run together with a table's figures it would
 * make one number of the last figure and the year (…1 0 0 0 0 0 12023 年…年度报告7.属于…).
 */
function runningTitles(text: string, start: number, end: number): [number, number][] {
  const head = TITLE_FROM_YEAR.exec(text.slice(start, Math.min(end, start + TITLE_REACH)));
  if (!head) return [];
  const phrase = head[0];
  const first = start + head.index;
  // The agency before the year (a space between them or not): back to white space, punctuation or a page number's
  // dash, a few characters at most.
  const nameEnd = first > start && text[first - 1] === ' ' ? first - 1 : first;
  let agencyStart = nameEnd;
  while (agencyStart > start && first - agencyStart < MAX_AGENCY && !/[\s\d。；;，,！？!?:：>＞»\-—–－]/.test(text[agencyStart - 1])) agencyStart--;
  if (agencyStart === nameEnd) agencyStart = first;
  const agency = text.slice(agencyStart, first);
  const out: [number, number][] = [];
  for (let at = text.indexOf(phrase, first + phrase.length); at >= 0 && at + phrase.length <= end; at = text.indexOf(phrase, at + phrase.length)) {
    const from = agency.length > 0 && text.startsWith(agency, at - agency.length) ? at - agency.length : at;
    out.push([from, at + phrase.length]);
  }
  return out;
}

/**
 * Spans [from, to) of the section headings inside text[start, end), in section order: those numbered 一 to 六, then
 * in the gaps they leave those numbered otherwise or not at all (see otherHeading).
 */
function inlineHeadings(text: string, start: number, end: number): [number, number][] {
  const numbered = numberedHeadings(text, start, end);
  const out: [number, number][] = [];
  let from = start;
  let k = 0;
  for (let id = 1; id <= 6; id++) {
    const found = numbered.find((h) => h.id === id);
    if (found) {
      out.push(found.span);
      from = found.span[1];
      k = numbered.indexOf(found) + 1;
      continue;
    }
    const span = otherHeading(text, id, from, k < numbered.length ? numbered[k].span[0] : end);
    if (span) { out.push(span); from = span[1]; }
  }
  return out;
}

/** Characters a heading is followed by in running text, never a sentence that merely begins with its words. */
const GOES_ON = new Set('的如为是，,、：:和与及等中下');
const BEFORE_HEADING = new Set('。！？；!?; \u3000\t');
const OTHER_NUMBER = /[0-9０-９一二三四五六][、．.]\s*$/;
/** A table's last figure, with or without its unit, run together with the heading after it (…24存在的主要问题…). */
const AFTER_FIGURE = /[0-9](?:万元|元|件|个|条|项)?$/;
/** A page number run together with the heading after it (…- 3 -收到和处理…, …第 3 页 共 9 页收到和处理…). */
const AFTER_PAGE_NUMBER = new RegExp(String.raw`(?:${DASHED_PAGE}|${PAGE_OF_PAGES}|${PAGE})$`);

/**
 * The first heading of section `id` in text[from, to) numbered with a digit (3、收到和处理…) or not at all (总体情况):
 * its title or a known variant, numbered, or standing after a sentence's end, white space or a table's last figure,
 * and not going on as a sentence.
 */
function otherHeading(text: string, id: number, from: number, to: number): [number, number] | null {
  for (const word of SECTION_WORDS[id - 1].words) {
    for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= to; at = text.indexOf(word, at + 1)) {
      const after = at + word.length;
      if (after < to && GOES_ON.has(text[after])) continue;
      const number = OTHER_NUMBER.exec(text.slice(Math.max(from, at - 4), at));
      // A heading whose numeral was lost (、主动公开…) keeps its 、, which in a sentence separates the items of a list.
      const lost = !number && text[at - 1] === '、' ? 1 : 0;
      const begin = number ? at - number[0].length : at - lost;
      if (begin === from || number || BEFORE_HEADING.has(text[begin - 1]) || AFTER_FIGURE.test(text.slice(Math.max(from, begin - 3), begin))
        || AFTER_PAGE_NUMBER.test(text.slice(Math.max(from, begin - 16), begin))) return [begin, after];
    }
  }
  return null;
}

/** The headings numbered 一 to 六 (numeral, 、, title or variant) inside text[start, end), in section order. */
function numberedHeadings(text: string, start: number, end: number): { id: number; span: [number, number] }[] {
  const out: { id: number; span: [number, number] }[] = [];
  let next = 1;
  INLINE_NUMBER.lastIndex = start;
  for (let m = INLINE_NUMBER.exec(text); m && m.index < end && next <= 6; m = INLINE_NUMBER.exec(text)) {
    const id = '一二三四五六'.indexOf(m[0][0]) + 1;
    if (id < next) continue;
    const after = m.index + m[0].length;
    const word = SECTION_WORDS[id - 1].words.find((w) => text.startsWith(w, after));
    if (!word) continue;
    out.push({ id, span: [m.index, after + word.length] });
    next = id + 1;
    INLINE_NUMBER.lastIndex = after + word.length;
  }
  return out;
}

/** Keys of every label a table template writes (rows, aliases, headers, block captions), longest first by first character. */
const DICTIONARY = buildDictionary();
function buildDictionary(): Map<string, string[]> {
  const words = new Set<string>();
  for (const y of TEMPLATE_YEARS) {
    for (const id of [2, 3, 4] as const) {
      for (const t of y.tables[id]) {
        for (const h of t.headers) words.add(labelKey(h));
        for (const r of t.rows) {
          if (r.label) words.add(labelKey(r.label));
          for (const a of r.aliases ?? []) words.add(labelKey(a));
          for (const h of r.headers ?? []) words.add(labelKey(h));
          if (r.block) words.add(labelKey(r.block));
        }
      }
    }
  }
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 2) continue;
    const list = byFirst.get(w[0]) ?? [];
    list.push(w);
    byFirst.set(w[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Units a figure may carry in its cell (3件, 12.5万元): they stay with it. */
const UNIT = /^(?:万元|元|件|个|条|项|次|人|家)/;

/**
 * Cuts a run-together piece s[from, to) into labels and figures: [start, end) pairs. Digits end where text begins,
 * except a unit that stays with its figure and a label's own numbering (…0000000 2.其他… gives the 2 to the label);
 * a text run is cut into the template's labels where it is a sequence of them.
 */
export function splitRunTogether(s: string, from: number, to: number): [number, number][] {
  const runs: [number, number, boolean][] = [];
  let i = from;
  while (i < to) {
    const digits = (isDigit(s.charCodeAt(i)) && !numberingAt(s, i, to)) || ((s[i] === '+' || s[i] === '-') && isDigit(s.charCodeAt(i + 1)));
    let j = i + 1;
    if (digits) {
      while (j < to && (isDigit(s.charCodeAt(j)) || (s[j] === '.' && isDigit(s.charCodeAt(j + 1))))) j++;
      const unit = UNIT.exec(s.slice(j, Math.min(to, j + 2)));
      // A label's numbering (2.其他…, 1、…) right after the figures: one digit before 、 or a full stop and text.
      const numbered = !unit && j < to && (s[j] === '.' || s[j] === '、' || s[j] === '．') && j - i > 1 && !isDigit(s.charCodeAt(j + 1));
      if (numbered) j--;
      else if (unit) j += unit[0].length;
    } else {
      while (j < to && !(isDigit(s.charCodeAt(j)) && !numberingAt(s, j, to))) j++;
    }
    runs.push([i, j, digits]);
    i = j;
  }
  const out: [number, number][] = [];
  for (const [a, b, digits] of runs) {
    if (digits) out.push([a, b]);
    else for (const part of segmentLabels(s, a, b)) out.push(part);
  }
  return out;
}

/** Whether the digit at j begins a label's numbering (2.其他…): one digit, then 、 or a full stop, then text. */
function numberingAt(s: string, j: number, to: number): boolean {
  const c = s[j + 1];
  return j + 2 < to && (c === '.' || c === '、' || c === '．') && !isDigit(s.charCodeAt(j + 2));
}

/** A run of label text cut at the template's labels, longest first; what is not a label stays in one piece. */
function segmentLabels(s: string, from: number, to: number): [number, number][] {
  const key = labelKey(s.slice(from, to));
  // The key keeps one character for each (no white space inside a piece): positions carry over.
  if (key.length !== to - from) return [[from, to]];
  const out: [number, number][] = [];
  let unknown = -1;
  let i = 0;
  while (i < key.length) {
    const word = DICTIONARY.get(key[i])?.find((w) => key.startsWith(w, i));
    if (!word) {
      if (unknown < 0) unknown = i;
      i++;
      continue;
    }
    if (unknown >= 0) { out.push([from + unknown, from + i]); unknown = -1; }
    out.push([from + i, from + i + word.length]);
    i += word.length;
  }
  if (unknown >= 0) out.push([from + unknown, to]);
  return out;
}
