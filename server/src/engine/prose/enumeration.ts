// Enumeration markers in the prose: 一是/二是, 第一，/第二，, and at a line start （一） （1） 1. 一、.
import { derivedFrom } from '../derived';
import { charTable, CN_ORDINALS, digitNumberingAhead, NextOccurrence, parseChineseNumeral, skipLeadingJunk } from '../normalize';
import type { ReportModel, SectionId, Span } from '../types';
import { lineEnd as lineEndOffset, positionAt } from '../text';
import { proseSpans } from './scan';

/** Line markers nest (a stack per section); inline markers (一是, 第一) run inside the innermost line block. */
export type MarkerKind = 'cn-dun' | 'paren-cn' | 'paren-arabic' | 'arabic' | 'shi' | 'di';

export interface Marker { kind: MarkerKind; n: number; span: Span; text: string; section: SectionId }

/** Objects, not pairs: destructuring a pair in sectionMarkers compiled the whole iterator protocol into it. */
const LINE_MARKERS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'paren-cn', re: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]/ },
  { kind: 'paren-arabic', re: /^[（(]\s*(\d{1,2})\s*[)）]/ },
  { kind: 'arabic', re: /^(\d{1,2})\s*(?:[、．]|\.(?!\d))/ },
  { kind: 'cn-dun', re: /^([一二三四五六七八九十]{1,3})\s*、/ },
];
/** What may precede an inline marker: the start of a clause. */
const INLINE_BEFORE = charTable('。；;：:，,！？!?）)”"\u3000 \t');
const CN_DIGITS = '一二三四五六七八九十';
const CN_DIGIT = charTable(CN_DIGITS);
/** What follows 第一 when it is a marker (第一，), not a word (第一次). */
const DI_AFTER = charTable('，,、：:');
const SHI = 0x662f; // 是

const cnNumber = (s: string): number | null => {
  for (const ch of s) if (!CN_DIGITS.includes(ch)) return null;
  return parseChineseNumeral(s);
};

export function cnOrdinal(n: number): string {
  if (n <= 10) return CN_ORDINALS[n] ?? String(n);
  if (n < 20) return `十${CN_ORDINALS[n - 10]}`;
  if (n < 100) return `${CN_ORDINALS[Math.floor(n / 10)]}十${n % 10 ? CN_ORDINALS[n % 10] : ''}`;
  return String(n);
}

export function markerText(kind: MarkerKind, n: number): string {
  switch (kind) {
    case 'shi': return `${cnOrdinal(n)}是`;
    case 'di': return `第${cnOrdinal(n)}`;
    case 'paren-cn': return `（${cnOrdinal(n)}）`;
    case 'paren-arabic': return `（${n}）`;
    case 'arabic': return `${n}.`;
    case 'cn-dun': return `${cnOrdinal(n)}、`;
  }
}

/** Inline markers (一是, 第一，) in text[from, to) of a line starting at lineStart; visit returns true to stop. */
function inlineMarkers(text: string, from: number, to: number, lineStart: number, section: SectionId, visit: (m: Marker) => boolean, next: InlineSearch): boolean {
  for (let i = from; i < to; i++) {
    // The next 是 or 第, by string search (positions only move forward: lines come in text order).
    const shi = next.shi.from(i);
    const di = next.di.from(i);
    i = shi < 0 ? di : di < 0 ? shi : Math.min(shi, di);
    if (i < 0 || i >= to) return false;
    if (text.charCodeAt(i) === SHI) {
      let j = i;
      while (j > lineStart && i - j < 3 && CN_DIGIT[text.charCodeAt(j - 1)] === 1) j--;
      if (j === i) continue;
      if (j > lineStart && INLINE_BEFORE[text.charCodeAt(j - 1)] !== 1) continue;
      const n = cnNumber(text.slice(j, i));
      if (n && visit({ kind: 'shi', n, span: { start: j, end: i + 1 }, text: text.slice(j, i + 1), section })) return true;
    } else {
      // 第
      if (i > lineStart && INLINE_BEFORE[text.charCodeAt(i - 1)] !== 1) continue;
      let j = i + 1;
      while (j < to && j - i <= 3 && CN_DIGIT[text.charCodeAt(j)] === 1) j++;
      if (j === i + 1 || j >= to || DI_AFTER[text.charCodeAt(j)] !== 1) continue;
      const n = cnNumber(text.slice(i + 1, j));
      if (n && visit({ kind: 'di', n, span: { start: i, end: j }, text: text.slice(i, j), section })) return true;
    }
  }
  return false;
}

interface InlineSearch { shi: NextOccurrence; di: NextOccurrence }

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/** What a line marker can start with: a bracket, a digit, a Chinese numeral. */
const LINE_MARKER_START = charTable('（(0123456789一二三四五六七八九十');

/** The starts of the model's headings in text order (asked for by every section). */
const headingStartsOf = derivedFrom((model: ReportModel): number[] =>
  [...model.sections, ...model.extraHeadings].map((s) => s.heading.span.start).sort((a, b) => a - b));

/**
 * Markers of one section in text order (tables and section headings left out), each given to `visit`, which
 * returns true to stop. Linear in the text length.
 */
export function sectionMarkers(model: ReportModel, section: { id: SectionId; span: Span; heading: { span: Span } }, visit: (m: Marker) => boolean): void {
  const text = model.text;
  // Heading starts in text order, passed by a pointer as the lines go by (they come in text order too).
  const headingStarts = headingStartsOf(model);
  let nextHeading = 0;
  const isHeadingStart = (at: number): boolean => {
    while (nextHeading < headingStarts.length && headingStarts[nextHeading] < at) nextHeading++;
    return headingStarts[nextHeading] === at;
  };
  const starts = model.lineStarts;
  const next: InlineSearch = { shi: new NextOccurrence(text, '是'), di: new NextOccurrence(text, '第') };
  // Indexed loops: an iterator's protocol would make this function, run for every section, larger to compile.
  const spans = proseSpans(model, section.span.start, section.span.end);
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    // Lines as the model counts them (LF, CRLF or CR), cut to the span.
    let line = positionAt(starts, span.start).line;
    for (; line < starts.length && starts[line] < span.end; line++) {
      const lineStart = Math.max(starts[line], span.start);
      const lineEnd = Math.min(lineEndOffset(text, starts, line), span.end);
      if (lineEnd <= lineStart) continue;
      // White space, [bookmark:…] and &nbsp; before the text, looked for in the line's first 64 characters.
      const bodyStart = skipLeadingJunk(text, lineStart, Math.min(lineEnd, lineStart + 64), false);
      let inlineFrom = bodyStart;
      if (!isHeadingStart(bodyStart) && !(bodyStart >= section.heading.span.start && bodyStart < section.heading.span.end)) {
        if (bodyStart < lineEnd && LINE_MARKER_START[text.charCodeAt(bodyStart)] === 1 && !(isAsciiDigit(text.charCodeAt(bodyStart)) && !digitNumberingAhead(text, bodyStart, lineEnd))) {
          const head = text.slice(bodyStart, Math.min(lineEnd, bodyStart + 12));
          for (let r = 0; r < LINE_MARKERS.length; r++) {
            const kind = LINE_MARKERS[r].kind;
            const m = LINE_MARKERS[r].re.exec(head);
            if (!m) continue;
            const n = kind === 'arabic' || kind === 'paren-arabic' ? Number(m[1]) : cnNumber(m[1]);
            if (n) {
              if (visit({ kind, n, span: { start: bodyStart, end: bodyStart + m[0].length }, text: m[0], section: section.id })) return;
              inlineFrom = bodyStart + m[0].length;
            }
            break;
          }
        }
      } else {
        inlineFrom = lineEnd;
      }
      if (inlineMarkers(text, inlineFrom, lineEnd, bodyStart, section.id, visit, next)) return;
    }
  }
}

export type EnumerationProblem = 'skip' | 'repeat' | 'backwards';

export interface EnumerationFault { marker: Marker; previous: Marker; problem: EnumerationProblem; expected: string }

const INLINE: ReadonlySet<MarkerKind> = new Set(['shi', 'di']);
/** Past this many faults the text is not a report's prose; the rest are not reported. */
export const MAX_FAULTS = 200;

/**
 * Runs of markers that skip or repeat a number. A run is one kind of marker inside one block: a line marker
 * (（二）下一步工作打算) closes the blocks below it and the inline runs; a run may restart at 1 (a new list).
 */
export function enumerationFaults(model: ReportModel): EnumerationFault[] {
  const faults: EnumerationFault[] = [];
  for (const section of model.sections) {
    const stack: MarkerKind[] = [];
    const last = new Map<MarkerKind, Marker>();
    let full = false;
    sectionMarkers(model, section, (m) => {
      if (!INLINE.has(m.kind)) {
        const at = stack.indexOf(m.kind);
        if (at >= 0) {
          for (const k of stack.splice(at + 1)) last.delete(k);
        } else {
          stack.push(m.kind);
        }
        last.delete('shi');
        last.delete('di');
      }
      const prev = last.get(m.kind);
      last.set(m.kind, m);
      if (!prev || m.n === 1 || m.n === prev.n + 1) return false;
      const problem: EnumerationProblem = m.n === prev.n ? 'repeat' : m.n > prev.n ? 'skip' : 'backwards';
      faults.push({ marker: m, previous: prev, problem, expected: markerText(m.kind, prev.n + 1) });
      full = faults.length >= MAX_FAULTS;
      return full;
    });
    if (full) return faults;
  }
  return faults;
}
