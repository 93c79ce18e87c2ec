// Text normalisation and fuzzy matching shared by the parser and the rules.
import { TextMemo } from './derived';

const FULLWIDTH_OFFSET = 0xfee0;

/** Code units of a string being rewritten; made into a string in chunks (an argument list has a limit). */
let units = new Uint16Array(256);
const CHUNK = 4096;
function unitsToString(n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let at = 0; at < n; at += CHUNK) out += String.fromCharCode.apply(null, units.subarray(at, Math.min(n, at + CHUNK)) as unknown as number[]);
  return out;
}

/** Full-width ASCII (！ to ～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xa0) break;
  }
  if (i === s.length) return s;
  if (units.length < s.length) units = new Uint16Array(s.length);
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    units[j] = c >= 0xff01 && c <= 0xff5e ? c - FULLWIDTH_OFFSET : c === 0x3000 || c === 0xa0 ? 0x20 : c;
  }
  return unitsToString(s.length);
}

/**
 * Where a character next occurs, found by string search and kept while it lies ahead: asked with positions that
 * never go back (line by line), it costs one pass over the text in all, not one search per line.
 */
export class NextOccurrence {
  private at = -2;
  constructor(private readonly text: string, private readonly char: string) {}
  /** The first occurrence at or after `from`, or -1. */
  from(from: number): number {
    if (this.at !== -1 && this.at < from) this.at = this.text.indexOf(this.char, from);
    return this.at;
  }
  /** Whether the character occurs in text[from, to). */
  within(from: number, to: number): boolean {
    const at = this.from(from);
    return at >= 0 && at < to;
  }
}

/** A table of the code units of `chars` (1) for lookups in loops over text, where a Set costs a hash each time. */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * White space as a regular expression's \s reads it (1), and the zero-width space too (2), by code unit.
 */
export const SPACE_KIND = new Uint8Array(65536);
for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE_KIND[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE_KIND[c] = 1;
SPACE_KIND[0x200b] = 2;

/** Whether a UTF-16 code unit is white space as a regular expression's \s reads it. */
export function isSpaceCode(c: number): boolean {
  return SPACE_KIND[c] === 1;
}

const startsWithAt = (text: string, at: number, to: number, word: string): boolean => {
  if (at + word.length > to) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
};

/**
 * Where the text of text[from, to) starts once white space, [bookmark:…] and &nbsp; before it are skipped
 * (and, with `headings`, markdown heading marks: 1–6 '#' and a space): the length the leading-junk pattern
 * ^(?:[\s\u3000\u00a0\ufeff]|\[bookmark:[^\]]*\]|&nbsp;|#{1,6}\s)* matches, without copying the line.
 */
export function skipLeadingJunk(text: string, from: number, to: number, headings: boolean): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { i++; continue; }
    if (c === 0x5b /* [ */ && startsWithAt(text, i, to, '[bookmark:')) {
      const close = text.indexOf(']', i + 10);
      if (close < 0 || close >= to) break;
      i = close + 1;
      continue;
    }
    if (c === 0x26 /* & */ && startsWithAt(text, i, to, '&nbsp;')) { i += 6; continue; }
    if (c === 0x23 /* # */ && headings) {
      let j = i;
      while (j < to && text.charCodeAt(j) === 0x23) j++;
      if (j - i <= 6 && j < to && isSpaceCode(text.charCodeAt(j))) { i = j + 1; continue; }
    }
    break;
  }
  return i;
}

/**
 * Whether text[at, end) starts with one or two ASCII digits, white space, then 、 ． or '.': what a numbered line
 * (1、 2. 3．) needs before the patterns that read it are worth running (a line of figures is not one).
 */
export function digitNumberingAhead(text: string, at: number, end: number): boolean {
  let j = at;
  while (j < end && j - at < 2 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j === at) return false;
  while (j < end && isSpaceCode(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return j < end && (c === 0x3001 || c === 0xff0e || c === 0x2e);
}

/** \s and the zero-width space: what separates table cells, and what label keys leave out. */
const isBlankCode = (c: number): boolean => SPACE_KIND[c] > 0;

/** What a label key holds for the (already half-width) code unit `c`, or -1 to drop it. */
function keyCode(c: number): number {
  // A stray control character (a NUL left by a conversion) is no part of a label: control-character points at it.
  if (isBlankCode(c) || (c < 0x20 && c !== 0x09) || c === 0x7f) return -1;
  switch (c) {
    case 0x201c: case 0x201d: case 0x27: case 0x2018: case 0x2019: // “ ” ' ‘ ’
    case 0x300c: case 0x300d: case 0x300e: case 0x300f: // 「 」 『 』
      return 0x22; // "
    case 0x3001: return 0x2e; // 、 → .
    case 0x2014: case 0x2013: return 0x2d; // — – → -
    default: return c;
  }
}

/** 1 for a code unit that a label key keeps as it is (not full-width, not dropped, not unified). */
const KEY_KEEPS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (!(c >= 0xff01 && c <= 0xff5e) && keyCode(c) === c) KEY_KEEPS[c] = 1;

/**
 * Key used to compare labels: half-width, no white space, unified quotes and dashes,
 * so that "(一)予以公开" and "（一）予以公开" compare equal. The string itself when nothing changes.
 */
export function labelKey(s: string): string {
  let i = 0;
  while (i < s.length && KEY_KEEPS[s.charCodeAt(i)] === 1) i++;
  if (i === s.length) return s;
  return s.length <= MAX_REMEMBERED_LABEL ? rewrittenLabelKeys.get(s) : rewriteLabelKey(s);
}

function rewriteLabelKey(s: string): string {
  if (units.length < s.length) units = new Uint16Array(s.length);
  let n = 0;
  for (let j = 0; j < s.length; j++) {
    let c = s.charCodeAt(j);
    if (c >= 0xff01 && c <= 0xff5e) c -= FULLWIDTH_OFFSET;
    const k = keyCode(c);
    if (k >= 0) units[n++] = k;
  }
  return unitsToString(n);
}

/** Labels recur from one report to the next (（一）予以公开 …): a short one is rewritten once. */
const MAX_REMEMBERED_LABEL = 64;
const rewrittenLabelKeys = new TextMemo(rewriteLabelKey);

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
const FAR = 0x3fffffff;

/**
 * Levenshtein distance when it is at most `limit`, else some number above `limit` (the work stops early).
 * With a finite limit only the band |i − j| ≤ limit is computed: a path that leaves it costs more. Linear memory.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  if (rowA.length < n + 1) { rowA = new Int32Array(n + 1); rowB = new Int32Array(n + 1); }
  let prev = rowA;
  let curr = rowB;
  const band = limit < n + a.length ? limit : n + a.length;
  for (let j = 0; j <= n; j++) prev[j] = j <= band ? j : FAR;
  for (let i = 1; i <= a.length; i++) {
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < n ? i + band : n;
    curr[lo - 1] = lo === 1 && i <= band ? i : FAR;
    let rowMin = curr[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      if (del < v) v = del;
      const ins = curr[j - 1] + 1;
      if (ins < v) v = ins;
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) curr[hi + 1] = FAR;
    if (rowMin > limit) return limit + 1;
    const t = prev; prev = curr; curr = t;
  }
  return prev[n];
}

const bag = new Int32Array(65536);

/**
 * A lower bound of the edit distance, in linear time: the characters one string has beyond the other
 * (as multisets), whichever side has more. Each edit changes either count by at most one.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i)]++;
  for (let i = 0; i < b.length; i++) bag[b.charCodeAt(i)]--;
  let extra = 0;
  let lacking = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const v = bag[c];
    if (v > 0) extra += v; else lacking -= v;
    bag[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    const v = bag[c];
    if (v > 0) extra += v; else lacking -= v;
    bag[c] = 0;
  }
  return extra > lacking ? extra : lacking;
}

/** Fixed keys (template wording) with their character counts, to be compared with many strings. */
export interface KeyIndex { keys: string[]; codes: Int32Array[]; counts: Int32Array[] }

export function keyIndex(keys: string[]): KeyIndex {
  const codes: Int32Array[] = [];
  const counts: Int32Array[] = [];
  for (const k of keys) {
    const m = new Map<number, number>();
    for (let i = 0; i < k.length; i++) m.set(k.charCodeAt(i), (m.get(k.charCodeAt(i)) ?? 0) + 1);
    codes.push(Int32Array.from(m.keys()));
    counts.push(Int32Array.from(m.values()));
  }
  return { keys, codes, counts };
}

/**
 * similarity(s, index.keys[i], atLeast) for every key, into out[i]: the characters of `s` are counted once
 * for all the keys, so the bag bound costs each key only its distinct characters.
 */
export function similarities(s: string, index: KeyIndex, atLeast: number, out: number[]): void {
  for (let i = 0; i < s.length; i++) bag[s.charCodeAt(i)]++;
  for (let n = 0; n < index.keys.length; n++) {
    const k = index.keys[n];
    out[n] = 0;
    if (s === k) { out[n] = 1; continue; }
    const max = Math.max(s.length, k.length);
    if (max === 0) { out[n] = 1; continue; }
    const limit = Math.floor(max * (1 - atLeast) + 1e-9);
    if (Math.abs(s.length - k.length) > limit) continue;
    const codes = index.codes[n];
    const counts = index.counts[n];
    let common = 0;
    for (let j = 0; j < codes.length; j++) {
      const have = bag[codes[j]];
      common += have < counts[j] ? have : counts[j];
    }
    if (max - common > limit) continue; // the bag distance, as in similarity()
    const d = editDistance(s, k, limit);
    out[n] = d > limit ? 0 : 1 - d / max;
  }
  for (let i = 0; i < s.length; i++) bag[s.charCodeAt(i)] = 0;
}

/**
 * Similarity in [0, 1] of two label keys; anything below `atLeast` is reported as 0,
 * which lets the edit distance stop early on strings that are far apart.
 */
export function similarity(a: string, b: string, atLeast = 0.5): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  const limit = Math.floor(max * (1 - atLeast) + 1e-9);
  if (Math.abs(a.length - b.length) > limit) return 0;
  if (bagDistance(a, b) > limit) return 0;
  const d = editDistance(a, b, limit);
  return d > limit ? 0 : 1 - d / max;
}

/** The digit (0–9) each code unit stands for in a Chinese numeral, -1 for others; CN_UNIT: 十 百 千 万 (0 for others). */
const CN_VALUE = new Int8Array(65536).fill(-1);
for (const [chars, value] of [['零〇', 0], ['一', 1], ['二两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9]] as const) {
  for (const ch of chars) CN_VALUE[ch.charCodeAt(0)] = value;
}
const CN_UNIT = new Uint16Array(65536);
for (const [ch, unit] of [['十', 10], ['百', 100], ['千', 1000], ['万', 10000]] as const) CN_UNIT[ch.charCodeAt(0)] = unit;

/** Parses a Chinese numeral such as 十二, 二十, 一百零五, 两; null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || s.length > 12) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const value = CN_VALUE[c];
    if (value >= 0) {
      digit = value;
      continue;
    }
    const unit = CN_UNIT[c];
    if (unit === 0) return null; // not a numeral character
    if (unit === 10000) {
      section = (section + (digit < 0 ? 0 : digit)) * unit;
      total += section;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * unit;
    }
    digit = -1;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** 1 → 一 … 10 → 十, for section numerals. */
export const CN_ORDINALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
