// Reports flattened onto one or a few long lines (a crawler's page text, text copied from a web page): section
// headings stand inside running text (…编制本报告。一、总体情况2021年…) and table cells run together with no
// separator (规范性文件898989). This module finds the headings' places, so that the parser can read such a
// line as the lines it once was, and cuts run-together table text into labels and figures.
import { labelKey } from '../normalize';
import { SECTIONS, TEMPLATE_YEARS } from '../template';
import type { Lines } from './document';

/**
 * A line this long, holding this share of the text at least, is a flattened page (one or a few lines), not a long
 * paragraph of a report laid out in lines (whose introduction may list the six sections with their numerals).
 */
export const FLATTENED_LINE = 1000;
const FLATTENED_SHARE = 0.25;

/** Every standard title and wording variant of each section, as written (the text is matched as it stands). */
const SECTION_WORDS = SECTIONS.map((s) => ({ id: s.id, words: [s.title, ...s.aliases].sort((a, b) => b.length - a.length) }));
const INLINE_NUMBER = /[一二三四五六][、．.]\s*/g;

/**
 * The lines with each flattened line (over FLATTENED_LINE) broken before and after each section heading inside
 * it: a numeral 一 to 六 with 、 followed by that section's title or a known variant, in section order. Offsets are
 * the text's own: the breaks are between characters, no character is added or removed.
 */
export function unflatten(text: string, lines: Lines): Lines {
  const longest = Math.max(FLATTENED_LINE, text.length * FLATTENED_SHARE);
  let long = false;
  for (let line = 0; line < lines.starts.length && !long; line++) long = lines.ends[line] - lines.starts[line] > longest;
  if (!long) return lines; // the usual report: nothing to do
  let changed = false;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let line = 0; line < lines.starts.length; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    const cuts = end - start > longest ? inlineHeadings(text, start, end) : [];
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

/** Spans [from, to) of the section headings inside text[start, end), in section order. */
function inlineHeadings(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let next = 1;
  INLINE_NUMBER.lastIndex = start;
  for (let m = INLINE_NUMBER.exec(text); m && m.index < end && next <= 6; m = INLINE_NUMBER.exec(text)) {
    const id = '一二三四五六'.indexOf(m[0][0]) + 1;
    if (id < next) continue;
    const after = m.index + m[0].length;
    const word = SECTION_WORDS[id - 1].words.find((w) => text.startsWith(w, after));
    if (!word) continue;
    out.push([m.index, after + word.length]);
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
