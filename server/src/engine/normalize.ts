// Text normalisation and fuzzy matching shared by the parser and the rules.

const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (！ to ～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - FULLWIDTH_OFFSET);
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += s[i];
  }
  return out;
}

/**
 * Key used to compare labels: half-width, no white space, unified quotes and dashes,
 * so that "(一)予以公开" and "（一）予以公开" compare equal.
 */
export function labelKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '"')
    .replace(/[、，,．.：:；;]/g, (m) => (m === '、' || m === '.' || m === '．' ? '.' : m === '，' ? ',' : m))
    .replace(/[—–－-]/g, '-');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. Linear memory. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
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
  const d = editDistance(a, b, limit);
  return d > limit ? 0 : 1 - d / max;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral such as 十二, 二十, 一百零五, 两; null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || s.length > 12 || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else {
      const unit = CN_UNITS[ch];
      if (unit === 10000) {
        section = (section + (digit < 0 ? 0 : digit)) * unit;
        total += section;
        section = 0;
      } else {
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** 1 → 一 … 10 → 十, for section numerals. */
export const CN_ORDINALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
