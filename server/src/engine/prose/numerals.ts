// Numbers as the prose writes them: Arabic (half- or full-width) or Chinese (八件, 十二件, 两件), followed by a counting unit.
import { parseChineseNumeral } from '../normalize';

/** Units that count applications and cases; figures with other units (人, 次, 条) are never compared with the tables. */
export const COUNT_UNITS = '件宗起例份';

export const CN_NUMERAL = '零〇一二两三四五六七八九十百千万';
const CN_DIGIT = '一二两三四五六七八九';
/** A Chinese numeral right after one of these is part of a word or an ordinal (第一件, 统一, 唯一, 每一件, 同一件). */
const NOT_BEFORE_CN = '第每统唯同逐之单专万其任某无';
/** An Arabic number right after one of these is part of a code, a decimal or an ordinal: [A-Za-z0-9０-９.．_/\\第#№-]. */
const MAX_GAP = 2;

export interface CountToken {
  /** Span of the number alone (what a diagnostic underlines). */
  start: number;
  end: number;
  /** End of the unit (件 …). */
  unitEnd: number;
  value: number;
  raw: string;
  unit: string;
  kind: 'arabic' | 'chinese';
}

export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isFullWidthDigit = (c: number): boolean => c >= 0xff10 && c <= 0xff19;
export const isDigitCode = (c: number): boolean => isAsciiDigit(c) || isFullWidthDigit(c);

/** Flags per UTF-16 code unit, so that the scanners test a character without making a string of it. */
const CN_NUMERAL_FLAG = 1;
const NOT_BEFORE_CN_FLAG = 2;
const COUNT_UNIT_FLAG = 4;
const NOT_BEFORE_ARABIC_FLAG = 8;
const CN_DIGIT_FLAG = 16;
const FLAGS = new Uint8Array(65536);
const flag = (chars: string, f: number) => { for (let i = 0; i < chars.length; i++) FLAGS[chars.charCodeAt(i)] |= f; };
flag(CN_NUMERAL, CN_NUMERAL_FLAG);
flag(NOT_BEFORE_CN, NOT_BEFORE_CN_FLAG);
flag(COUNT_UNITS, COUNT_UNIT_FLAG);
flag(CN_DIGIT, CN_DIGIT_FLAG);
// The characters that may not precede an Arabic number, by range.
for (const [from, to] of [[0x41, 0x5a], [0x61, 0x7a], [0x30, 0x39], [0xff10, 0xff19]]) for (let c = from; c <= to; c++) FLAGS[c] |= NOT_BEFORE_ARABIC_FLAG;
flag('.．_/\\第#№-', NOT_BEFORE_ARABIC_FLAG);

export const isChineseNumeralCode = (c: number): boolean => (FLAGS[c] & CN_NUMERAL_FLAG) !== 0;

/** ' ', ideographic space, no-break space, tab. */
const isGapCode = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09;

/** Reads a well-formed Chinese numeral (no two digits in a row except after 零: 一二 is not a number). */
export function chineseNumeralValue(s: string): number | null {
  for (let i = 1; i < s.length; i++) {
    if (FLAGS[s.charCodeAt(i)] & CN_DIGIT_FLAG && FLAGS[s.charCodeAt(i - 1)] & CN_DIGIT_FLAG) return null;
  }
  return parseChineseNumeral(s);
}

/** The value of a number as written: Arabic (either width) or Chinese; null when it is neither. */
export function numeralValue(raw: string): number | null {
  if (/^[0-9０-９]+$/.test(raw)) {
    let v = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      v = v * 10 + (isFullWidthDigit(c) ? c - 0xff10 : c - 48);
    }
    return v;
  }
  return chineseNumeralValue(raw);
}

/** The counting unit after a number: a space or two between them, or a line break (共32 / 件, a PDF's text wrapped). */
function unitAfter(text: string, at: number, limit: number): { unit: string; end: number } | null {
  let j = at;
  while (j < limit && j - at < MAX_GAP && isGapCode(text.charCodeAt(j))) j++;
  if (j < limit && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) {
    j += text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    const lineStart = j;
    while (j < limit && j - lineStart < MAX_GAP && isGapCode(text.charCodeAt(j))) j++;
  }
  if (j < limit && FLAGS[text.charCodeAt(j)] & COUNT_UNIT_FLAG) return { unit: text[j], end: j + 1 };
  return null;
}

/**
 * Whether the line break before `i` cuts a number: the line before ends with a digit (收到7 / 0件, a PDF's text
 * wrapped at the page width). The digits after it are no count of their own.
 */
function afterDigitsAndBreak(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isGapCode(text.charCodeAt(k))) k--;
  if (k < 0 || (text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13)) return false;
  if (text.charCodeAt(k) === 10 && k > 0 && text.charCodeAt(k - 1) === 13) k--;
  k--;
  while (k >= 0 && isGapCode(text.charCodeAt(k))) k--;
  return k >= 0 && isDigitCode(text.charCodeAt(k));
}

/** What readCount found: the count (or null) and where a scanner goes on. */
export interface CountRead { count: CountToken | null; next: number }
const result = (count: CountToken | null, next: number): CountRead => ({ count, next });

/**
 * A count starting exactly at `i` (digits or a Chinese numeral followed by a counting unit), or null.
 * `next` is where a scanner should continue when it is not a count: past the whole digit run, so that
 * 2021年 is never read again as 021.
 */
export function readCount(text: string, i: number, limit = text.length): CountRead {
  const c = text.charCodeAt(i);
  if (isDigitCode(c)) {
    let j = i;
    while (j < limit && isDigitCode(text.charCodeAt(j))) j++;
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    const after = j < limit ? text.charCodeAt(j) : -1;
    const decimal = (after === 0x2e || after === 0xff0e) && j + 1 < limit && isDigitCode(text.charCodeAt(j + 1));
    if (j - i > 9 || (prev >= 0 && FLAGS[prev] & NOT_BEFORE_ARABIC_FLAG) || decimal || afterDigitsAndBreak(text, i)) return result(null, j);
    const u = unitAfter(text, j, limit);
    if (!u) return result(null, j);
    const raw = text.slice(i, j);
    return result({ start: i, end: j, unitEnd: u.end, value: numeralValue(raw)!, raw, unit: u.unit, kind: 'arabic' }, u.end);
  }
  if (i >= text.length || !(FLAGS[c] & CN_NUMERAL_FLAG)) return result(null, i + 1);
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  // Only at the start of a run, and not inside a word (统一, 第一 …).
  if (prev >= 0 && FLAGS[prev] & (CN_NUMERAL_FLAG | NOT_BEFORE_CN_FLAG)) return result(null, i + 1);
  let j = i;
  while (j < limit && j - i < 8 && FLAGS[text.charCodeAt(j)] & CN_NUMERAL_FLAG) j++;
  const u = unitAfter(text, j, limit);
  if (!u) return result(null, i + 1);
  const raw = text.slice(i, j);
  const value = chineseNumeralValue(raw);
  if (value === null) return result(null, i + 1);
  return result({ start: i, end: j, unitEnd: u.end, value, raw, unit: u.unit, kind: 'chinese' }, u.end);
}

/** Every count in text[start, end). Linear: each character is looked at a bounded number of times. */
export function findCounts(text: string, start = 0, end = text.length): CountToken[] {
  const out: CountToken[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c) || (FLAGS[c] & CN_NUMERAL_FLAG)) {
      const r = readCount(text, i, end);
      if (r.count) out.push(r.count);
      i = r.next;
    } else {
      i++;
    }
  }
  return out;
}
