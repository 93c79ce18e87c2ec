// Splits the prose (the text outside the tables) into tokens: lexicon words, counts and clause boundaries.
import type { ReportModel, SectionId, Span } from '../types';
import { CN_NUMERAL, isChineseNumeralCode, isDigitCode, readCount, type CountToken } from './numerals';
import { LEXICON_BY_CODE, type Role } from './lexicon';

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
const tableSpans = new WeakMap<ReportModel, Span[]>();
function sortedTableSpans(model: ReportModel): Span[] {
  let spans = tableSpans.get(model);
  if (!spans) {
    spans = model.tables.map((t) => t.span).sort((a, b) => a.start - b.start);
    tableSpans.set(model, spans);
  }
  return spans;
}

/** The text outside the tables, as sorted spans. */
export function proseSpans(model: ReportModel, from = 0, to = model.text.length): Span[] {
  const out: Span[] = [];
  let at = from;
  for (const t of sortedTableSpans(model)) {
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
  // Up to two spaces after the colon, skipped without a loop: every operation here runs for every colon, so that an
  // optimized scanner does not deoptimize the first time a space follows one.
  let j = i + 1;
  j += j < end && isColonSpace(text.charCodeAt(j)) ? 1 : 0;
  j += j < end && isColonSpace(text.charCodeAt(j)) ? 1 : 0;
  if (j >= end) return false;
  const c = text.charCodeAt(j);
  return isDigitCode(c) || isChineseNumeralCode(c) || text.startsWith('无', j) || text.startsWith('没有', j);
}

const OPEN_QUOTES = '“「『《';
const CLOSE_QUOTES = '”」』》';

/** What a code unit is to the tokenizer; 0: nothing of its own (it may still start a lexicon word). */
const enum Kind { None = 0, Break, Sentence, Clause, Open, Close, Digit, Numeral }
const KIND = new Uint8Array(65536);
const mark = (chars: string, k: Kind) => { for (let i = 0; i < chars.length; i++) KIND[chars.charCodeAt(i)] = k; };
for (let c = 0x30; c <= 0x39; c++) KIND[c] = Kind.Digit;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = Kind.Digit;
mark(CN_NUMERAL, Kind.Numeral);
mark(SENTENCE_END, Kind.Sentence);
mark(CLAUSE_END, Kind.Clause);
mark(OPEN_QUOTES, Kind.Open);
mark(CLOSE_QUOTES, Kind.Close);
mark('\n\r', Kind.Break);

/** For each code unit that begins a lexicon word, 1 + the index of its list (longest word first) in WORD_LISTS. */
const WORD_START = new Uint16Array(65536);
const WORD_LISTS = [...LEXICON_BY_CODE.values()];
[...LEXICON_BY_CODE.keys()].forEach((code, i) => { WORD_START[code] = i + 1; });

/**
 * A filter on the first two code units of every lexicon word (hashed into a bitmap): most characters that can
 * begin a word (不, 上, 行 …) are not followed by one of its second characters, and need no list walk. A word of
 * one character lets any pair through.
 */
const WORD_PAIR = new Uint8Array(65536);
const WORD_SINGLE = new Uint8Array(65536);
const pairHash = (first: number, second: number): number => (Math.imul(first, 0x9e37) ^ second) & 0xffff;
for (const list of WORD_LISTS) {
  for (const e of list) {
    const first = e.word.charCodeAt(0);
    // A one-character word (共, 无) matches whatever follows: its first character always passes.
    if (e.word.length < 2) WORD_SINGLE[first] = 1;
    else WORD_PAIR[pairHash(first, e.word.charCodeAt(1))] = 1;
  }
}

/** 1 for a code unit the tokenizer looks at twice: one of KIND's or the start of a lexicon word. */
const NOTABLE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (KIND[c] !== Kind.None || WORD_START[c] !== 0) NOTABLE[c] = 1;

/** text.startsWith(word, at) for a word whose first code unit is already known to match, without a runtime call. */
function restMatches(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 1; j < word.length; j++) if (text.charCodeAt(at + j) !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * Gives the tokens of text[spans] to `emit` in order, until it returns true (a reader may stop early); a table
 * cut (the end of a span) counts as a paragraph break. Linear in the span length.
 */
export function scanTokens(text: string, spans: Span[], emit: (t: Token) => boolean): void {
  // Indexed loops: an iterator's protocol would make the optimized scanner larger to compile.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    let quote = 0;
    const end = span.end;
    let i = span.start;
    while (i < end) {
      const code = text.charCodeAt(i);
      // Most characters are neither a boundary, a quote, a number nor the start of a lexicon word.
      if (NOTABLE[code] === 0) { i++; continue; }
      const kind = KIND[code] as Kind;
      switch (kind) {
        case Kind.Break:
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
          // readCount's result is overwritten by its next call: read it before anything else runs.
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
      // The longest lexicon word starting here, if any.
      const listIndex = WORD_START[code];
      if (listIndex && (WORD_SINGLE[code] || WORD_PAIR[pairHash(code, text.charCodeAt(i + 1))])) {
        const list = WORD_LISTS[listIndex - 1];
        let hit = null;
        for (let w = 0; w < list.length && !hit; w++) if (restMatches(text, i, list[w].word)) hit = list[w];
        if (hit) {
          if (emit({ type: 'word', start: i, end: i + hit.word.length, word: hit.word, role: hit.role })) return;
          i += hit.word.length;
          continue;
        }
      }
      i++;
    }
    if (emit(PARAGRAPH)) return;
  }
}
