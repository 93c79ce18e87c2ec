import type { ValueKind } from '../types';
import { parseChineseNumeral, toHalfWidth } from '../normalize';

export interface ParsedValue {
  value: number | null;
  kind: ValueKind;
  unit: string | null;
  fullWidth: boolean;
  /** The plain number the cell should hold, written the way the template expects (no unit, half-width). */
  plain: string | null;
}

export const MAX_DIGITS = 15;
const NUMBER = /^([+\-−]?)(\d+(?:,\d{3})*)(?:\.(\d+))?(万元|元|件|个|条|项|次|人|家)?$/;
const CHINESE = /^([零〇一二两三四五六七八九十百千]+)(件|个|条|项)?$/;

/**
 * The value of `raw` when it is 1 to 15 ASCII digits (the usual cell, an integer with nothing else to say about it),
 * else -1. Read digit by digit: exact below 2^53, and cheaper than Number() on a string.
 */
export function plainCount(raw: string): number {
  if (raw.length === 0 || raw.length > MAX_DIGITS) return -1;
  let value = 0;
  for (let d = 0; d < raw.length; d++) {
    const c = raw.charCodeAt(d);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

export function parseCellValue(raw: string): ParsedValue {
  // The usual cell (what the general path below gives for it, without its work).
  const count = plainCount(raw);
  if (count >= 0) return { value: count, kind: 'integer', unit: null, fullWidth: false, plain: raw };
  const half = toHalfWidth(raw).trim();
  const fullWidth = half !== raw.trim();
  const m = NUMBER.exec(half);
  if (m) {
    const [, sign, intPart, frac, unit] = m;
    const whole = intPart.replace(/,/g, '');
    // Beyond 15 digits a double no longer holds the figure exactly: not a count anyone wrote on purpose.
    if (whole.length > MAX_DIGITS || (frac?.length ?? 0) > MAX_DIGITS) return { value: null, kind: 'invalid', unit: null, fullWidth, plain: null };
    const digits = whole + (frac !== undefined ? `.${frac}` : '');
    const magnitude = Number(digits);
    const negative = sign === '-' || sign === '−';
    const kind: ValueKind = sign ? 'signed' : frac !== undefined ? 'decimal' : 'integer';
    const plain = (sign ? (negative ? '-' : '+') : '') + digits;
    return { value: negative ? -magnitude : magnitude, kind, unit: unit ?? null, fullWidth, plain };
  }
  const c = CHINESE.exec(half);
  if (c) {
    const n = parseChineseNumeral(c[1]);
    if (n !== null) return { value: n, kind: 'chinese', unit: c[2] ?? null, fullWidth, plain: String(n) };
  }
  return { value: null, kind: 'invalid', unit: null, fullWidth, plain: null };
}
