import type { ControlCharacters, Position, Range, Span, TextEdit } from './types';

/** Where each line of a text starts and ends (before its line break). */
export interface Lines { starts: number[]; ends: number[] }

/**
 * Where each line starts and ends (before its break: \n, \r\n or a lone \r), and where the control characters are:
 * one pass over the text (the checker makes as few as it can; each costs about a quarter of the benchmark's floor).
 */
export function lineIndex(text: string): Lines & { controls: ControlCharacters } {
  const starts = [0];
  const ends: number[] = [];
  let first = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // Nearly every character is printable: one comparison each.
    if (ch > 0x1f && ch !== 0x7f) continue;
    if (ch === 10 /* \n */) {
      ends.push(i);
      starts.push(i + 1);
    } else if (ch === 13 /* \r */) {
      ends.push(i);
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch !== 9 /* tab */ && ch !== 12 /* form feed */) {
      if (first < 0) first = i;
      count++;
    }
  }
  ends.push(text.length);
  return { starts, ends, controls: { first, count } };
}

/** Offsets of the start of each line; a line ends at \n, \r\n or a lone \r. */
export const computeLineStarts = (text: string): number[] => lineIndex(text).starts;

/** The line an offset is on, by binary search of the line starts. */
export function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** End offset of line `line`, excluding its line break. */
export function lineEnd(text: string, lineStarts: number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  if (end > lineStarts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > lineStarts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lineAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: number[], textLength: number, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lineStarts.length) return textLength;
  return Math.min(textLength, lineStarts[pos.line] + Math.max(0, pos.character));
}

export function spanToRange(lineStarts: number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

/** Applies non-overlapping edits; overlapping ones after the first are dropped. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const resolved = edits
    .map((e) => ({
      start: offsetAt(lineStarts, text.length, e.range.start),
      end: offsetAt(lineStarts, text.length, e.range.end),
      newText: e.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of resolved) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Share of NUL bytes above which a file is binary, not text with a stray control character in it. */
const MAX_NUL_SHARE = 0.01;

/**
 * Whether bytes without a UTF-16 byte-order mark are mostly not text: a real document or image holds NUL bytes
 * throughout, a text file copied from somewhere may carry one or two.
 */
export function isMostlyBinary(bytes: Uint8Array): boolean {
  let nul = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) nul++;
  return nul > 0 && nul > bytes.length * MAX_NUL_SHARE;
}
