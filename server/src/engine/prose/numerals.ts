// Numbers as the prose writes them: Arabic (half- or full-width) or Chinese (八件, 十二件, 两件), followed by a counting unit.
import { parseChineseNumeral } from '../normalize';

/** Units that count applications and cases; figures with other units (人, 次, 条) are never compared with the tables. */
export const COUNT_UNITS = '件宗起例份';

const CN_NUMERAL = '零〇一二两三四五六七八九十百千万';
const CN_DIGIT = '一二两三四五六七八九';
/** A Chinese numeral right after one of these is part of a word or an ordinal (第一件, 统一, 唯一, 每一件, 同一件). */
const NOT_BEFORE_CN = '第每统唯同逐之单专万其任某无';
/** An Arabic number right after one of these is part of a code, a decimal or an ordinal. */
const NOT_BEFORE_ARABIC = /[A-Za-z0-9０-９.．_\/\\第#№-]/;
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
export const isChineseNumeralChar = (ch: string): boolean => ch.length === 1 && CN_NUMERAL.includes(ch);

const isGap = (ch: string) => ch === ' ' || ch === '\u3000' || ch === '\u00a0' || ch === '\t';

/** Reads a well-formed Chinese numeral (no two digits in a row except after 零: 一二 is not a number). */
export function chineseNumeralValue(s: string): number | null {
  for (let i = 1; i < s.length; i++) {
    if (CN_DIGIT.includes(s[i]) && CN_DIGIT.includes(s[i - 1])) return null;
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

function unitAfter(text: string, at: number, limit: number): { unit: string; end: number } | null {
  let j = at;
  while (j < limit && j - at < MAX_GAP && isGap(text[j])) j++;
  if (j < limit && COUNT_UNITS.includes(text[j])) return { unit: text[j], end: j + 1 };
  return null;
}

/**
 * A count starting exactly at `i` (digits or a Chinese numeral followed by a counting unit), or null.
 * `next` is where a scanner should continue when it is not a count: past the whole digit run, so that
 * 2021年 is never read again as 021.
 */
export function readCount(text: string, i: number, limit = text.length): { count: CountToken | null; next: number } {
  const c = text.charCodeAt(i);
  if (isDigitCode(c)) {
    let j = i;
    while (j < limit && isDigitCode(text.charCodeAt(j))) j++;
    const prev = i > 0 ? text[i - 1] : '';
    const decimal = j < limit && (text[j] === '.' || text[j] === '．') && j + 1 < limit && isDigitCode(text.charCodeAt(j + 1));
    if (j - i > 9 || (prev && NOT_BEFORE_ARABIC.test(prev)) || decimal) return { count: null, next: j };
    const u = unitAfter(text, j, limit);
    if (!u) return { count: null, next: j };
    const raw = text.slice(i, j);
    return { count: { start: i, end: j, unitEnd: u.end, value: numeralValue(raw)!, raw, unit: u.unit, kind: 'arabic' }, next: u.end };
  }
  const ch = text[i];
  if (!isChineseNumeralChar(ch)) return { count: null, next: i + 1 };
  const prev = i > 0 ? text[i - 1] : '';
  // Only at the start of a run, and not inside a word (统一, 第一 …).
  if (prev && (isChineseNumeralChar(prev) || NOT_BEFORE_CN.includes(prev))) return { count: null, next: i + 1 };
  let j = i;
  while (j < limit && j - i < 8 && isChineseNumeralChar(text[j])) j++;
  const u = unitAfter(text, j, limit);
  if (!u) return { count: null, next: i + 1 };
  const raw = text.slice(i, j);
  const value = chineseNumeralValue(raw);
  if (value === null) return { count: null, next: i + 1 };
  return { count: { start: i, end: j, unitEnd: u.end, value, raw, unit: u.unit, kind: 'chinese' }, next: u.end };
}

/** Every count in text[start, end). Linear: each character is looked at a bounded number of times. */
export function findCounts(text: string, start = 0, end = text.length): CountToken[] {
  const out: CountToken[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c) || isChineseNumeralChar(text[i])) {
      const r = readCount(text, i, end);
      if (r.count) out.push(r.count);
      i = r.next;
    } else {
      i++;
    }
  }
  return out;
}
