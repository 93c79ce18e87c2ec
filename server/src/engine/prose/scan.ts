// Splits the prose (the text outside the tables) into tokens: lexicon words, counts and clause boundaries.
import type { ReportModel, SectionId, Span } from '../types';
import { isChineseNumeralChar, isDigitCode, readCount, type CountToken } from './numerals';
import { matchWord, type Role } from './lexicon';

export type Token =
  | { type: 'word'; start: number; end: number; word: string; role: Role }
  | { type: 'count'; start: number; end: number; count: CountToken }
  /** End of a clause (，：) or sentence (。；！？); `sentence` tells which. */
  | { type: 'boundary'; start: number; end: number; sentence: boolean }
  | { type: 'paragraph'; start: number; end: number };

/** A stretch of prose inside one section (or before the first), tables cut out. */
export interface ProseChunk { section: SectionId | null; spans: Span[] }

/** The text outside the tables, as sorted spans. */
export function proseSpans(model: ReportModel, from = 0, to = model.text.length): Span[] {
  const tables = model.tables.map((t) => t.span).filter((s) => s.end > from && s.start < to).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = from;
  for (const t of tables) {
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
/** 行政复议：0件, 行政复议：无 — a colon between a label and its value does not end the clause. */
function labelColon(text: string, i: number, end: number): boolean {
  if (text[i] !== '：' && text[i] !== ':') return false;
  let j = i + 1;
  while (j < end && j - i <= 2 && (text[j] === ' ' || text[j] === '\u3000')) j++;
  if (j >= end) return false;
  const c = text.charCodeAt(j);
  return isDigitCode(c) || isChineseNumeralChar(text[j]) || text.startsWith('无', j) || text.startsWith('没有', j);
}

const OPEN_QUOTES = '“「『《';
const CLOSE_QUOTES = '”」』》';

/**
 * Tokens of text[span], lazily (a reader may stop early); a table cut (the end of a span) counts as a paragraph
 * break. Linear in the span length.
 */
export function* tokenize(text: string, spans: Span[]): Generator<Token> {
  for (const span of spans) {
    let quote = 0;
    let i = span.start;
    while (i < span.end) {
      const ch = text[i];
      if (ch === '\n' || ch === '\r') {
        yield { type: 'paragraph', start: i, end: i + 1 };
        quote = 0;
        i++;
        continue;
      }
      if (SENTENCE_END.includes(ch)) { yield { type: 'boundary', start: i, end: i + 1, sentence: true }; i++; continue; }
      if (CLAUSE_END.includes(ch)) {
        if (quote === 0 && !labelColon(text, i, span.end)) yield { type: 'boundary', start: i, end: i + 1, sentence: false };
        i++;
        continue;
      }
      if (OPEN_QUOTES.includes(ch)) { quote++; i++; continue; }
      if (CLOSE_QUOTES.includes(ch)) { quote = Math.max(0, quote - 1); i++; continue; }
      const code = text.charCodeAt(i);
      if (isDigitCode(code)) {
        const r = readCount(text, i, span.end);
        if (r.count) yield { type: 'count', start: r.count.start, end: r.count.unitEnd, count: r.count };
        i = r.next;
        continue;
      }
      if (isChineseNumeralChar(ch)) {
        const r = readCount(text, i, span.end);
        if (r.count) { yield { type: 'count', start: r.count.start, end: r.count.unitEnd, count: r.count }; i = r.next; continue; }
      }
      const w = matchWord(text, i);
      if (w) {
        yield { type: 'word', start: i, end: i + w.word.length, word: w.word, role: w.role };
        i += w.word.length;
        continue;
      }
      i++;
    }
    yield { type: 'paragraph', start: span.end, end: span.end };
  }
}
