// Splits a table's region into one stream of label and value tokens, whatever separates
// the cells (newline, tab, '|', runs of spaces), with exact source spans (format.md §7–8).
import type { Span } from '../types';
import { labelKey, toHalfWidth } from '../normalize';

export const keyOf = (t: Token): string => (t.key ??= labelKey(t.text));

export type TokenKind = 'text' | 'value' | 'blank';

export interface Token {
  kind: TokenKind;
  text: string;
  /** labelKey(text), computed on first use (see keyOf): labels are compared many times. */
  key?: string;
  span: Span;
  line: number;
}

const ARTEFACT = /\[bookmark:[^\]\n]*\]|&nbsp;|&#160;|<\/?t[dhr][^>]*>/gi;
const PAGE_NUMBER = /^[\s\u3000]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)[\s\u3000]*$/;
const MARKDOWN_RULE = /^[\s|:\-–—]*-{3,}[\s|:\-–—]*$/;
const WHITE = /[\s\u3000\u00a0\u200b\ufeff]/;
const VALUE = /^[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|件|个|条|项|次|人|家)?$/;
const CHINESE_VALUE = /^[零〇一二两三四五六七八九十百千]+件$|^[零〇十百千]+$|^[一二两三四五六七八九][十百千][零〇一二三四五六七八九十百千]*$/;

export function isValueText(s: string): boolean {
  const h = toHalfWidth(s);
  return VALUE.test(h) || CHINESE_VALUE.test(h);
}

/** Tokens of lines [fromLine, toLine) of `text`. */
/** A table has a few hundred cells; a region with far more tokens than this is not read further. */
export const MAX_TOKENS = 20000;

export function tokenize(text: string, lineStarts: number[], lineEnds: number[], fromLine: number, toLine: number): Token[] {
  const tokens: Token[] = [];
  for (let line = fromLine; line < toLine && tokens.length < MAX_TOKENS; line++) {
    const start = lineStarts[line];
    const end = lineEnds[line];
    const raw = text.slice(start, end);
    if (raw.length === 0 || PAGE_NUMBER.test(raw) || MARKDOWN_RULE.test(raw)) continue;
    // Blank out artefacts so they separate cells without moving any offset.
    const masked = raw.replace(ARTEFACT, (m) => ' '.repeat(m.length));
    const separator = masked.includes('|') ? '|' : masked.includes('\t') ? '\t' : null;
    const cells: [number, number][] = [];
    if (separator) {
      let at = 0;
      for (;;) {
        const next = masked.indexOf(separator, at);
        cells.push([at, next < 0 ? masked.length : next]);
        if (next < 0) break;
        at = next + 1;
      }
    } else {
      cells.push([0, masked.length]);
    }
    const lineTokens: Token[] = [];
    for (const [cs, ce] of cells) {
      const pieces = splitPieces(masked, cs, ce, MAX_TOKENS - tokens.length - lineTokens.length);
      if (pieces.length === 0) {
        if (separator) lineTokens.push({ kind: 'blank', text: '', span: { start: start + cs, end: start + cs }, line });
        continue;
      }
      for (const [ps, pe] of pieces) {
        const piece = masked.slice(ps, pe);
        const kind: TokenKind = isValueText(piece) ? 'value' : 'text';
        lineTokens.push({ kind, text: piece, span: { start: start + ps, end: start + pe }, line });
      }
    }
    // Blank cells count only between two filled cells of one row (spans leave blanks at the edges).
    const first = lineTokens.findIndex((t) => t.kind !== 'blank');
    let last = lineTokens.length - 1;
    while (last >= 0 && lineTokens[last].kind === 'blank') last--;
    if (first < 0) continue;
    for (let i = first; i <= last; i++) {
      const t = lineTokens[i];
      // A blank directly after a label is a spanning cell, not an empty value.
      if (t.kind === 'blank' && lineTokens[i - 1]?.kind !== 'value') continue;
      tokens.push(t);
    }
  }
  return tokens;
}

function splitPieces(s: string, from: number, to: number, budget: number): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  while (i < to && out.length < budget) {
    while (i < to && WHITE.test(s[i])) i++;
    if (i >= to) break;
    const st = i;
    while (i < to && !WHITE.test(s[i])) i++;
    out.push([st, i]);
  }
  return out;
}
