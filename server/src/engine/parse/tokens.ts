// Splits a table's region into one stream of label and value tokens, whatever separates
// the cells (newline, tab, '|', runs of spaces), with exact source spans (format.md §7–8).
import type { Span } from '../types';
import { charTable, isSpaceCode, labelKey, NextOccurrence, SPACE_KIND, toHalfWidth } from '../normalize';
import { MAX_DIGITS, plainCount } from './values';
import { splitRunTogether } from './flattened';

export const keyOf = (t: Token): string => (t.key ??= labelKey(t.text));

export type TokenKind = 'text' | 'value' | 'blank';

export interface Token {
  kind: TokenKind;
  text: string;
  /** labelKey(text), computed on first use (see keyOf): labels are compared many times. */
  key?: string;
  /** The value of a plain count (1 to 15 ASCII digits, see plainCount), else -1. */
  count: number;
  span: Span;
  line: number;
  /**
   * An empty cell between a label and the row's first figure on its line: a blank first cell, or the rest of a label
   * spanning two columns. Only the row's column count tells which (Aligner.readCells).
   */
  afterLabel: boolean;
}

const PAGE_NUMBER = /^[\s\u3000]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)[\s\u3000]*$/;
const VALUE = /^[+\-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:万元|元|件|个|条|项|次|人|家)?$/;
const CHINESE_VALUE = /^[零〇一二两三四五六七八九十百千]+件$|^[零〇十百千]+$|^[一二两三四五六七八九][十百千][零〇一二三四五六七八九十百千]*$/;

/** Code units a value can start with (either width): a sign, a digit, a Chinese numeral. */
const VALUE_START = charTable('+-−＋－0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千');

export function isValueText(s: string): boolean {
  if (VALUE_START[s.charCodeAt(0)] !== 1) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === s.length) return true; // plain digits, the usual cell
  const h = toHalfWidth(s);
  return VALUE.test(h) || CHINESE_VALUE.test(h);
}

/**
 * A markdown table rule: only white space, | : - – — and a run of at least three '-'
 * (what /^[\s|:\-–—]*-{3,}[\s|:\-–—]*$/ says, without its cubic backtracking on a long run of dashes).
 */
function isMarkdownRule(s: string, from = 0, to = s.length): boolean {
  let run = 0;
  let dashes = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2d) { if (++run >= 3) dashes = true; continue; }
    run = 0;
    if (c !== 0x7c && c !== 0x3a && c !== 0x2013 && c !== 0x2014 && !isSpaceCode(c)) return false;
  }
  return dashes;
}

const startsWithFolded = (s: string, at: number, lower: string): boolean => {
  if (at + lower.length > s.length) return false;
  for (let k = 0; k < lower.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
};

/**
 * Blanks out conversion artefacts so that they separate cells without moving any offset: [bookmark:…], &nbsp;,
 * &#160;, <td>/<th>/<tr> tags (case-insensitive). The same as replacing
 * /\[bookmark:[^\]\n]*\]|&nbsp;|&#160;|<\/?t[dhr][^>]*>/gi by spaces, in one pass over a line (no line break inside):
 * once no ']' (or '>') follows, no later bookmark (or tag) can close either.
 */
function maskArtefacts(raw: string): string {
  let out: string | null = null;
  let at = 0;
  let bookmarks = true;
  let tags = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    let end = -1;
    if (c === 0x5b /* [ */) {
      if (bookmarks && startsWithFolded(raw, i, '[bookmark:')) {
        const close = raw.indexOf(']', i + 10);
        if (close < 0) bookmarks = false; else end = close + 1;
      }
    } else if (c === 0x26 /* & */) {
      if (startsWithFolded(raw, i, '&nbsp;') || startsWithFolded(raw, i, '&#160;')) end = i + 6;
    } else if (c === 0x3c /* < */ && tags) {
      const t = raw.charCodeAt(i + 1) === 0x2f /* / */ ? i + 2 : i + 1;
      let k = raw.charCodeAt(t + 1);
      if (k >= 0x41 && k <= 0x5a) k += 0x20;
      if ((raw.charCodeAt(t) | 0x20) === 0x74 /* t */ && (k === 0x64 || k === 0x68 || k === 0x72) /* d h r */) {
        const close = raw.indexOf('>', t + 2);
        if (close < 0) tags = false; else end = close + 1;
      }
    }
    if (end < 0) continue;
    out = (out ?? '') + raw.slice(at, i) + ' '.repeat(end - i);
    at = end;
    i = end - 1;
  }
  return out === null ? raw : out + raw.slice(at);
}

/** A table has a few hundred cells; a region with far more tokens than this is not read further. */
export const MAX_TOKENS = 20000;

/** First characters (after white space) of a page number line, and of a markdown rule. */
const PAGE_NUMBER_START = charTable('-—–－第');
const RULE_START = charTable('|:-–—');

/** The report's title as a page header or footer repeats it: …政府信息公开工作年度报告 (or 年报). */
export const RUNNING_TITLE = /信息公开.{0,4}(?:年度报告|年报)$/;

/** A title is a line of at most this many characters. */
const MAX_TITLE_LINE = 80;

/** Whether text[start, end) is a PDF's running header or footer inside a table that crosses a page: the report's title. */
function isRunningTitle(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last > start && SPACE_KIND[text.charCodeAt(last)] === 1) last--;
  const c = text.charCodeAt(last);
  if (c !== 0x544a /* 告 */ && c !== 0x62a5 /* 报 */) return false;
  return last - start < MAX_TITLE_LINE && RUNNING_TITLE.test(labelKey(text.slice(start, last + 1)));
}

/**
 * Tokens of lines [fromLine, toLine) of `text`. One pass over each line's characters; the line is copied
 * only when it holds an artefact to blank out.
 */
export function tokenize(text: string, lineStarts: number[], lineEnds: number[], fromLine: number, toLine: number, runTogether = false): Token[] {
  const tokens: Token[] = [];
  const regionStart = lineStarts[fromLine] ?? text.length;
  const regionEnd = toLine > fromLine ? lineEnds[toLine - 1] : regionStart;
  const region = new RegionSearch(text.slice(regionStart, regionEnd), regionStart);
  for (let line = fromLine; line < toLine && tokens.length < MAX_TOKENS; line++) {
    // Only a line with a pipe can be a bare one (most tables have none: the search for one is shared by all lines).
    const bare = region.pipes.within(lineStarts[line] - region.start, lineEnds[line] - region.start) ? barePipeAt(text, lineStarts[line], lineEnds[line]) : -1;
    if (bare >= 0) {
      // Cells a line each, ending " |", rows ended by a bare "|": in a run of bare "|" lines after a row's cells, all
      // but the last are its blank cells.
      const last = tokens.length > 0 ? tokens[tokens.length - 1].kind : 'text';
      // The next line that holds anything (a copy may put a blank line between every two).
      let following = line + 1;
      while (following < toLine && isBlankLine(text, lineStarts[following], lineEnds[following])) following++;
      const another = following < toLine && barePipeAt(text, lineStarts[following], lineEnds[following]) >= 0;
      if (another && (last === 'value' || last === 'blank')) tokens.push(blankToken(bare, line));
      continue;
    }
    const start = lineStarts[line];
    const end = lineEnds[line];
    // Where the line's text begins, after its white space.
    let lead = start;
    while (lead < end && SPACE_KIND[text.charCodeAt(lead)] === 1) lead++;
    if (isSkippedLine(text, start, lead, end, region)) continue;
    const masked = region.artefacts ? maskedLine(text, start, end, region) : null;
    if (masked !== null) tokenizeLine(tokens, masked, 0, masked.length, start, masked.includes('|') ? 0x7c : masked.includes('\t') ? 0x09 : -1, line, runTogether);
    else tokenizeLine(tokens, text, start, end, 0, lineSeparator(text, start, lead, end, region), line, runTogether);
  }
  return tokens;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (SPACE_KIND[text.charCodeAt(i)] !== 1) return false;
  return true;
}

/** Where the pipe of a line holding nothing else is, or -1. */
function barePipeAt(text: string, start: number, end: number): number {
  let at = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c && at < 0) at = i;
    else if (SPACE_KIND[c] !== 1) return -1;
  }
  return at;
}

/**
 * Separators and artefacts, searched for in the region only (positions relative to its start): in the whole
 * text, a character the region lacks would cost a search through the rest of the text for each table.
 */
class RegionSearch {
  readonly pipes: NextOccurrence;
  readonly tabs: NextOccurrence;
  readonly brackets: NextOccurrence;
  readonly ampersands: NextOccurrence;
  readonly angles: NextOccurrence;
  /** Artefacts are rare: a region without any of their first characters needs no look for them line by line. */
  readonly artefacts: boolean;
  /** Whether the region may hold the report's title (a running header): most hold no 年度报告 or 年报 at all. */
  readonly titles: boolean;
  constructor(region: string, readonly start: number) {
    this.titles = region.includes('年度报告') || region.includes('年报');
    this.pipes = new NextOccurrence(region, '|');
    this.tabs = new NextOccurrence(region, '\t');
    this.brackets = new NextOccurrence(region, '[');
    this.ampersands = new NextOccurrence(region, '&');
    this.angles = new NextOccurrence(region, '<');
    this.artefacts = this.brackets.from(0) >= 0 || this.ampersands.from(0) >= 0 || this.angles.from(0) >= 0;
  }
}

/** Whether the line text[start, end) is no table line: empty, a page number, a markdown rule or a running title. */
function isSkippedLine(text: string, start: number, lead: number, end: number, region: RegionSearch): boolean {
  if (end <= start) return true;
  const first = text.charCodeAt(lead);
  if (lead < end && PAGE_NUMBER_START[first] === 1 && PAGE_NUMBER.test(text.slice(start, end))) return true;
  if (lead < end && RULE_START[first] === 1 && isMarkdownRule(text, start, end)) return true;
  return region.titles && isRunningTitle(text, start, end);
}

/** A copy of the line text[start, end) with its artefacts blanked out, or null when it has none. */
function maskedLine(text: string, start: number, end: number, region: RegionSearch): string | null {
  const rs = start - region.start;
  const re = end - region.start;
  if (!region.brackets.within(rs, re) && !region.ampersands.within(rs, re) && !region.angles.within(rs, re)) return null;
  const raw = text.slice(start, end);
  const masked = maskArtefacts(raw);
  return masked === raw ? null : masked;
}

/** The line's cell separator: '|', a tab, or -1 for none (cells parted by white space). */
function lineSeparator(text: string, start: number, lead: number, end: number, region: RegionSearch): number {
  // The usual table line starts with its separator: known then without a search.
  const rs = start - region.start;
  const re = end - region.start;
  if (text.charCodeAt(lead) === 0x7c || region.pipes.within(rs, re)) return 0x7c;
  return text.charCodeAt(start) === 0x09 || region.tabs.within(rs, re) ? 0x09 : -1;
}

/**
 * The tokens of one line, pushed onto `tokens`: cells between separators (the whole line when there is none), each
 * split at white space into pieces, while the token budget lasts; one pass over the characters. An empty cell counts
 * only between two filled cells of one row (spans leave blanks at the edges): after a value at most one is pending
 * until the next piece shows it is inside; those after a label are kept, marked, only when a figure follows.
 */
function tokenizeLine(tokens: Token[], s: string, from: number, to: number, base: number, separator: number, line: number, runTogether: boolean): void {
  const before = tokens.length;
  let n = 0; // pieces and empty cells of the line so far, for the budget
  let pending = -1; // where the empty cell waiting to be kept is, or -1
  let afterValue = false; // whether the line's last cell or piece so far is a value
  let afterLabel = false; // whether it is a label, or an empty cell after one
  let gaps: number[] | null = null; // where the empty cells after a label are, until the next piece says whether to keep them
  let cs = from;
  for (;;) {
    const budget = MAX_TOKENS - before - n;
    let pieces = 0;
    let i = cs;
    let c = 0;
    for (;;) {
      while (i < to && (c = s.charCodeAt(i)) !== separator && SPACE_KIND[c] !== 0) i++;
      if (i >= to || c === separator) break;
      if (pieces >= budget) {
        while (i < to && s.charCodeAt(i) !== separator) i++;
        break;
      }
      const ps = i;
      // plainCount's value, read in the same walk: most pieces are plain counts.
      let value = 0;
      let digits = true;
      while (i < to && (c = s.charCodeAt(i)) !== separator && SPACE_KIND[c] === 0) {
        if (digits) {
          const d = c - 48;
          // A stray control character inside a figure (15␀36) is passed over: control-character points at it.
          if (d >= 0 && d <= 9) value = value * 10 + d; else if (c >= 0x20 || c === 0x09) digits = false;
        }
        i++;
      }
      if (pending >= 0) { tokens.push(blankToken(pending, line)); pending = -1; }
      pieces++;
      n++;
      if (runTogether && !digits) {
        // Labels and figures with nothing between them (a flattened page): cut apart, see splitRunTogether.
        for (const [a, b] of splitRunTogether(s, ps, i)) tokens.push(pieceToken(s, a, b, base, line));
        afterValue = tokens[tokens.length - 1].kind === 'value';
        afterLabel = !afterValue;
        gaps = null;
        continue;
      }
      const piece = s.slice(ps, i);
      const count = digits && i - ps <= MAX_DIGITS ? value : -1;
      const kind: TokenKind = count >= 0 || isValueText(piece) ? 'value' : 'text';
      if (gaps !== null) {
        if (kind === 'value') for (const at of gaps) tokens.push(blankToken(at, line, true));
        gaps = null;
      }
      tokens.push({ kind, text: piece, key: undefined, count, span: { start: base + ps, end: base + i }, line, afterLabel: false });
      afterValue = kind === 'value';
      afterLabel = !afterValue;
    }
    if (pieces === 0 && separator >= 0) {
      // Empty cells in a run after a value each count (12 |  |  | 0); what follows a row's last pipe is no cell,
      // what follows its last tab is (a blank last cell).
      const last = i >= to;
      if (pending >= 0 && !(last && separator === 0x7c)) {
        tokens.push(blankToken(pending, line));
        pending = base + cs;
      } else if (afterValue && !(last && separator === 0x7c)) pending = base + cs;
      else if (afterLabel && !last) (gaps ??= []).push(base + cs);
      afterValue = false;
      n++;
    }
    if (i >= to) break;
    cs = i + 1;
  }
  if (pending >= 0) tokens.push(blankToken(pending, line));
}

const blankToken = (at: number, line: number, afterLabel = false): Token => ({ kind: 'blank', text: '', key: undefined, count: -1, span: { start: at, end: at }, line, afterLabel });

/** The token of the piece s[a, b) (offsets in s; `base` places them in the text). */
function pieceToken(s: string, a: number, b: number, base: number, line: number): Token {
  const piece = s.slice(a, b);
  const count = plainCount(piece);
  const kind: TokenKind = count >= 0 || isValueText(piece) ? 'value' : 'text';
  return { kind, text: piece, key: undefined, count, span: { start: base + a, end: base + b }, line, afterLabel: false };
}
