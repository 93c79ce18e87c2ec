// Splits the prose (the text outside the tables) into tokens: lexicon words, counts and clause boundaries.
import { derivedFrom } from '../derived';
import { charTable } from '../normalize';
import { flattenedLineLength } from '../parse/flattened';
import { lineAt } from '../text';
import type { ReportModel, SectionId, Span } from '../types';
import { CN_NUMERAL, isChineseNumeralCode, isDigitCode, readCount, type CountToken } from './numerals';
import { LEXICON_BY_CODE, type LexiconEntry, type Role } from './lexicon';

export type Token =
  | { type: 'word'; start: number; end: number; word: string; role: Role }
  | { type: 'count'; start: number; end: number; count: CountToken }
  /** End of a clause (，：) or sentence (。；！？). */
  | { type: 'boundary' }
  /** A line break or a table cut. */
  | { type: 'paragraph' };

/** The cuts carry nothing of their own: one object each, not one per cut (a report has a hundred or more). */
const BOUNDARY: Token = { type: 'boundary' };
const PARAGRAPH: Token = { type: 'paragraph' };

/** A stretch of prose inside one section (or before the first), tables cut out. */
export interface ProseChunk { section: SectionId | null; spans: Span[] }

/** The tables' spans of each model in text order (asked for by every prose reader, section by section). */
const sortedTableSpans = derivedFrom((model: ReportModel): Span[] => model.tables.map((t) => t.span).sort((a, b) => a.start - b.start));

/** The text outside the tables, as sorted spans. */
export function proseSpans(model: ReportModel, from = 0, to = model.text.length): Span[] {
  const out: Span[] = [];
  let at = from;
  const tables = sortedTableSpans(model);
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.end <= from || t.start >= to) continue;
    if (t.start > at) out.push({ start: at, end: Math.min(t.start, to) });
    at = Math.max(at, t.end);
  }
  if (at < to) out.push({ start: at, end: to });
  return out;
}

/** The prose cut at section starts, so that what a clause is about does not leak from one section into the next. */
export function proseChunks(model: ReportModel): ProseChunk[] {
  const sections = [...model.sections].sort((a, b) => a.span.start - b.span.start);
  const chunks: ProseChunk[] = [];
  const first = sections.length ? sections[0].span.start : model.text.length;
  if (first > 0) chunks.push({ section: null, spans: proseSpans(model, 0, first) });
  sections.forEach((s, i) => {
    const end = i + 1 < sections.length ? sections[i + 1].span.start : model.text.length;
    chunks.push({ section: s.id, spans: proseSpans(model, s.span.start, Math.max(s.span.start, end)) });
  });
  return chunks;
}

const SENTENCE_END = '。！？!?；;';
const CLAUSE_END = '，,：:';
const isColonSpace = (c: number) => c === 0x20 || c === 0x3000;
/** 行政复议：0件, 行政复议：无 — a colon between a label and its value does not end the clause. */
function labelColon(text: string, i: number, end: number): boolean {
  if (text[i] !== '：' && text[i] !== ':') return false;
  // Up to two spaces after the colon.
  let j = i + 1;
  j += j < end && isColonSpace(text.charCodeAt(j)) ? 1 : 0;
  j += j < end && isColonSpace(text.charCodeAt(j)) ? 1 : 0;
  if (j >= end) return false;
  const c = text.charCodeAt(j);
  return isDigitCode(c) || isChineseNumeralCode(c) || text.startsWith('无', j) || text.startsWith('没有', j);
}

const OPEN_QUOTES = '“「『《';
const CLOSE_QUOTES = '”」』》';

/** What a code unit is to the tokenizer; 0: nothing. Word: only the start of a lexicon word (one table read a character). */
const enum Kind { None = 0, Break, Sentence, Clause, Open, Close, Digit, Numeral, Word }
const KIND = new Uint8Array(65536);
const mark = (chars: string, k: Kind) => { for (let i = 0; i < chars.length; i++) KIND[chars.charCodeAt(i)] = k; };
for (const code of LEXICON_BY_CODE.keys()) KIND[code] = Kind.Word;
// The kinds below win over Word: a numeral that starts no count may still start a word (looked up after it).
for (let c = 0x30; c <= 0x39; c++) KIND[c] = Kind.Digit;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = Kind.Digit;
mark(CN_NUMERAL, Kind.Numeral);
mark(SENTENCE_END, Kind.Sentence);
mark(CLAUSE_END, Kind.Clause);
mark(OPEN_QUOTES, Kind.Open);
mark(CLOSE_QUOTES, Kind.Close);
mark('\n\r', Kind.Break);

/**
 * The lexicon's words by their first two code units (hashed), each list in the lexicon's longest-first order: at a
 * position only the words that begin with the two code units there are compared (公开 and 信息 begin many clauses
 * and few words). A slot may also hold words of another pair that hashes the same: every word is compared whole.
 */
/** The length of the lexicon's longest word. */
const LONGEST_WORD = Math.max(...[...LEXICON_BY_CODE.values()].flat().map((e) => e.word.length));

const pairHash = (first: number, second: number): number => (Math.imul(first, 0x9e37) ^ second) & 0xffff;
const PAIR_SLOT = new Uint16Array(65536);
const PAIR_LISTS: LexiconEntry[][] = [];
/** The one-character word (共, 无) of a code unit, 1 + its index in SINGLE_WORDS: the shortest, tried last. */
const SINGLE_SLOT = new Uint16Array(65536);
const SINGLE_WORDS: LexiconEntry[] = [];
for (const list of LEXICON_BY_CODE.values()) {
  for (const e of list) {
    const first = e.word.charCodeAt(0);
    if (e.word.length < 2) {
      SINGLE_WORDS.push(e);
      SINGLE_SLOT[first] = SINGLE_WORDS.length;
      continue;
    }
    const h = pairHash(first, e.word.charCodeAt(1));
    if (PAIR_SLOT[h] === 0) PAIR_SLOT[h] = PAIR_LISTS.push([]);
    PAIR_LISTS[PAIR_SLOT[h] - 1].push(e);
  }
}

/** text.startsWith(word, at), without a runtime call. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 0; j < word.length; j++) if (text.charCodeAt(at + j) !== word.charCodeAt(j)) return false;
  return true;
}

/** The longest lexicon word at `at`, whose first code unit is `code`, if any. */
function wordStartingAt(text: string, at: number, code: number): LexiconEntry | null {
  // Past the end, 0: no word's second character.
  const next = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
  const slot = PAIR_SLOT[pairHash(code, next)];
  if (slot !== 0) {
    const list = PAIR_LISTS[slot - 1];
    for (let w = 0; w < list.length; w++) if (wordAt(text, at, list[w].word)) return list[w];
  }
  const single = SINGLE_SLOT[code];
  return single === 0 ? null : SINGLE_WORDS[single - 1];
}

/**
 * Gives the tokens of text[spans] to `emit` in order, until it returns true (a reader may stop early); a table
 * cut (the end of a span) counts as a paragraph break. Linear in the span length.
 */
export function scanTokens(text: string, spans: Span[], layout: () => ProseLayout, emit: (t: Token) => boolean): void {
  const { wrapped: wrappedText, flattened } = spans.length > 0 ? layout() : LINES;
  // Indexed loops: an iterator's protocol would make the optimized scanner larger to compile.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    let quote = 0;
    const end = span.end;
    let i = span.start;
    while (i < end) {
      const code = text.charCodeAt(i);
      const kind = KIND[code] as Kind;
      // Most characters are neither a boundary, a quote, a number nor the start of a lexicon word.
      if (kind === Kind.None) { i++; continue; }
      switch (kind) {
        case Kind.Break:
          // A line a PDF's text wrapped mid-sentence goes on in the next line: no paragraph ends there.
          if (wrappedText && isSoftBreak(text, i)) { i++; continue; }
          if (emit(PARAGRAPH)) return;
          quote = 0;
          i++;
          continue;
        case Kind.Sentence:
          if (emit(BOUNDARY)) return;
          i++;
          continue;
        case Kind.Clause:
          if (quote === 0 && !labelColon(text, i, end) && emit(BOUNDARY)) return;
          i++;
          continue;
        case Kind.Open: quote++; i++; continue;
        case Kind.Close: quote = Math.max(0, quote - 1); i++; continue;
        case Kind.Digit: {
          const { count, next } = readCount(text, i, end);
          if (count && emit({ type: 'count', start: count.start, end: count.unitEnd, count })) return;
          i = next;
          continue;
        }
        case Kind.Numeral: {
          const { count, next } = readCount(text, i, end);
          if (count) {
            if (emit({ type: 'count', start: count.start, end: count.unitEnd, count })) return;
            i = next;
            continue;
          }
          break;
        }
        default:
          break;
      }
      // The longest lexicon word starting here, if any; in text wrapped at a width, one a line break cut (答 / 复,
      // 复议 / 后起诉) is longer than what stands before the break, and in a flattened text one cut by the space such
      // a break left (答 复).
      const hit = wordStartingAt(text, i, code);
      const across = kind === Kind.Word && (wrappedText || flattened) ? wordAcrossBreak(text, i, code, flattened) : null;
      if (hit && !across) {
        if (emit({ type: 'word', start: i, end: i + hit.word.length, word: hit.word, role: hit.role })) return;
        i += hit.word.length;
        continue;
      }
      if (across) {
        if (emit({ type: 'word', start: i, end: across.end, word: across.hit.word, role: across.hit.role })) return;
        i = across.end;
        continue;
      }
      i++;
    }
    if (emit(PARAGRAPH)) return;
  }
}

/** Prose lines of some length enough to tell how a text was wrapped: its opening is read, not all of it. */
const WRAP_SAMPLE = 40;
const WRAP_SCAN = 6000;
/** Lines at least this long that end without a stop: a PDF's text wraps lines at the page width, mid-sentence. */
const WRAP_LINE = 15;
const ENDS_PARAGRAPH = charTable('。！？!?；;：:）)」”》');

const isLineSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09;

/**
 * How a report's prose was laid out where that changes its reading: wrapped at a width (a PDF's text: a line break
 * may only wrap a line), or flattened onto one or a few lines (a crawler's page text: a space may be what is left of
 * such a line break, 答 复 for 答复).
 */
export interface ProseLayout { wrapped: boolean; flattened: boolean }
const LINES: ProseLayout = { wrapped: false, flattened: false };

export const proseLayout = derivedFrom((model: ReportModel): ProseLayout => ({ wrapped: isWrapped(model), flattened: isFlattened(model) }));

/** Whether a report is flattened: one of its lines is as long as unflatten takes for a flattened page. */
const isFlattened = derivedFrom((model: ReportModel): boolean => {
  const longest = flattenedLineLength(model.text.length);
  const starts = model.lineStarts;
  for (let l = 0; l < starts.length; l++) if ((l + 1 < starts.length ? starts[l + 1] : model.text.length) - starts[l] > longest) return true;
  return false;
});

/** Whether a report's prose lines are wrapped at a width (see isWrappedText), worked out once a model. */
export const isWrapped = derivedFrom((model: ReportModel): boolean => isWrappedText(model.text, model.lineStarts, sortedTableSpans(model)));

/**
 * Whether the text's prose lines are wrapped at a width (text copied from a PDF): most lines of some length end
 * without a full stop. Text copied from Word or a web page has one line a paragraph, ending with one. The tables'
 * lines are no prose: a row written with pipes (规范性文件 | 4 | 4 | 31 |) ends without a stop too.
 */
function isWrappedText(text: string, lineStarts: number[], tables: Span[]): boolean {
  let long = 0;
  let open = 0;
  let table = 0;
  // The model's line starts: each line's end is read, no character searched for.
  for (let l = 0; l < lineStarts.length && lineStarts[l] < WRAP_SCAN && long < WRAP_SAMPLE; l++) {
    const start = lineStarts[l];
    while (table < tables.length && tables[table].end <= start) table++;
    // A table's lines are passed over at once: the loop goes on from the line its end is in.
    if (table < tables.length && tables[table].start <= start) { l = lineAt(lineStarts, tables[table].end); continue; }
    let end = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 10 || isLineSpace(text.charCodeAt(end - 1)))) end--;
    // A line ending in a figure tells nothing: a table's row, or prose wrapped after a number. One starting or
    // ending with a cell separator is a row of a table the parser did not place.
    const last = text.charCodeAt(end - 1);
    if (end - start < 20 || text.charCodeAt(start) === 0x7c || text.charCodeAt(start) === 0x09 || last === 0x7c || isDigitCode(last)) continue;
    long++;
    if (ENDS_PARAGRAPH[last] !== 1) open++;
  }
  return long >= 5 && open * 2 > long;
}

/** Whether the line break at `i` only wraps a line: the line before is long and ends without a stop. */
export function isSoftBreak(text: string, i: number): boolean {
  let end = i;
  while (end > 0 && (text.charCodeAt(end - 1) === 13 || isLineSpace(text.charCodeAt(end - 1)))) end--;
  if (end < WRAP_LINE || ENDS_PARAGRAPH[text.charCodeAt(end - 1)] === 1) return false;
  // The line is long enough when no break stands in its last WRAP_LINE characters (no search back to its start).
  for (let k = end - WRAP_LINE; k < end; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return false;
  return true;
}

/** White space around a wrapped line's break that a word cut by it may stand across (spaces, a CRLF, an indent). */
const MAX_BREAK_SPACE = 8;

/** White space left where a flattened page's line break was (a space, with the line's trailing spaces or the next one's indent). */
const MAX_FLATTENED_GAP = 8;

/**
 * A lexicon word that starts at `at` and goes on past a soft line break (the break and the white space around it
 * left out), or in a flattened text past a space or two, with where it ends; null when no such break comes before
 * the longest word could end.
 */
function wordAcrossBreak(text: string, at: number, code: number, flattened: boolean): { hit: LexiconEntry; end: number } | null {
  // The line's written end: at most the longest word's length ahead, with nothing but white space after it.
  let lineEnd = at + 1;
  while (lineEnd < text.length && lineEnd - at < LONGEST_WORD && !isBreakOrSpace(text.charCodeAt(lineEnd))) lineEnd++;
  let j = lineEnd;
  let lineBreak = -1;
  for (; j < text.length && j - lineEnd <= MAX_BREAK_SPACE; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) { if (lineBreak < 0) lineBreak = j; } else if (!isLineSpace(c)) break;
  }
  if (lineBreak < 0 ? !flattened || j === lineEnd || j - lineEnd > MAX_FLATTENED_GAP : j - lineEnd > MAX_BREAK_SPACE || !isSoftBreak(text, lineBreak)) return null;
  const before = lineEnd - at;
  const hit = wordStartingAt(text.slice(at, lineEnd) + text.slice(j, j + LONGEST_WORD), 0, code);
  return hit && hit.word.length > before ? { hit, end: j + hit.word.length - before } : null;
}

const isBreakOrSpace = (c: number) => c === 10 || c === 13 || isLineSpace(c);
