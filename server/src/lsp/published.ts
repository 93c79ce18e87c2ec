// Findings of a published report shown where the user sees them. The engine checks the text a reader took out
// of the file; a web page is edited as HTML, so every range (finding, related location, hover, fix edit) is
// carried back to the page source through the reader's segments; a Word or PDF report is shown as a read-only
// view of that text, so ranges stay, each message names its place in the original (table, row, column,
// paragraph or page), and no edit is offered.
import { computeLineStarts, offsetAt, positionAt, type Finding, type Fix, type Localized, type Range, type TextEdit } from '../engine';
import { derivedFrom } from '../engine/derived';
import { describeLocation, exactSourceRange, locate, type ExtractedReport } from '../formats';

/** What a report read from a published file keeps of its reading. */
export interface Published {
  extracted: ExtractedReport;
  /** HTML: line starts of the page source, to turn its offsets into positions. */
  sourceLineStarts?: number[];
}

export const publishedOf = (extracted: ExtractedReport): Published =>
  extracted.format === 'html' && extracted.sourceText !== undefined
    ? { extracted, sourceLineStarts: computeLineStarts(extracted.sourceText) }
    : { extracted };

/** Edited in its source (a page) rather than shown as a read-only view of its text. */
export const isSourceMapped = (p: Published): boolean => p.sourceLineStarts !== undefined;

/** Nothing could be read from the file: its problems are its only findings. */
export const isUnreadable = (p: Published): boolean => p.extracted.text.trim() === '' && p.extracted.problems.length > 0;

export const FILE_UNREADABLE = 'file-unreadable';
export const FILE_PARTLY_READ = 'file-partly-read';

const atStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

interface Shown { findings: Finding[]; model: { lineStarts: number[] } | null; published?: Published }

/** A published report's findings placed in its file, once an analysis (an analysis never changes once made). */
const placedOf = derivedFrom((a: Shown) => placeFindings(a.published!, a.findings, a.model!.lineStarts));

/** The findings of an analysis as shown: placed in the file for a published report. */
export function shownFindings(a: Shown): Finding[] {
  return a.published && a.model ? placedOf(a) : a.findings;
}

/** The checks' findings in the terms of the file: see the head of this module. */
export function placeFindings(p: Published, findings: Finding[], textLineStarts: number[]): Finding[] {
  const problem = (code: string, severity: Finding['severity']) => (message: Localized): Finding =>
    ({ code, severity, message, range: atStart, related: [], fixes: [] });
  if (isUnreadable(p)) return p.extracted.problems.map(problem(FILE_UNREADABLE, 'error'));
  const notes = p.extracted.problems.map(problem(FILE_PARTLY_READ, 'information'));
  const map = new TextToSource(p, textLineStarts);
  const placed = isSourceMapped(p)
    ? findings.map((f): Finding => ({
      code: f.code, severity: f.severity, message: f.message, range: map.range(f.range),
      related: f.related.map((r) => (r.file === undefined ? { ...r, range: map.range(r.range) } : r)),
      fixes: f.fixes.flatMap((x) => map.fix(x)),
    }))
    : findings.map((f): Finding => ({
      code: f.code, severity: f.severity, message: withPlace(f.message, map.describe(f.range)), range: f.range,
      related: f.related.map((r) => (r.file === undefined ? { ...r, message: withPlace(r.message, map.describe(r.range)) } : r)),
      fixes: [],
    }));
  return [...notes, ...placed];
}

const withPlace = (m: Localized, place: Localized | null): Localized =>
  (place ? { zh: `${m.zh}（原文：${place.zh}）`, en: `${m.en} (in the original: ${place.en})` } : m);

/** Ranges of the extracted text carried over to the file. */
export class TextToSource {
  private readonly sourceLineStarts: number[];

  constructor(private readonly p: Published, private readonly textLineStarts: number[]) {
    this.sourceLineStarts = p.sourceLineStarts ?? [];
  }

  private offset(pos: Range['start']): number { return offsetAt(this.textLineStarts, this.p.extracted.text.length, pos); }

  /** A text range as a range of the page source (a range's end maps through the character before it). */
  range(r: Range): Range {
    const start = this.sourceOffset(this.offset(r.start), 'start');
    const end = Math.max(start, this.sourceOffset(this.offset(r.end), 'end'));
    return { start: positionAt(this.sourceLineStarts, start), end: positionAt(this.sourceLineStarts, end) };
  }

  private sourceOffset(offset: number, side: 'start' | 'end'): number {
    if (side === 'end' && offset > 0) {
      const loc = locate(this.p.extracted, offset - 1);
      if (loc?.kind === 'offset') return loc.start === loc.end ? loc.end + 1 : loc.end;
    }
    const loc = locate(this.p.extracted, offset);
    return loc?.kind === 'offset' ? loc.start : 0;
  }

  /**
   * A fix carried over to the page source when every edit falls on page text that maps one to one (a cell's
   * text): it edits only that text. A fix adding rows or headings has no place in the markup and is dropped.
   */
  fix(fix: Fix): Fix[] {
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      const r = exactSourceRange(this.p.extracted, this.offset(e.range.start), this.offset(e.range.end));
      if (!r || /[<>&\r\n]/.test(e.newText)) return [];
      edits.push({ range: { start: positionAt(this.sourceLineStarts, r.start), end: positionAt(this.sourceLineStarts, r.end) }, newText: e.newText });
    }
    return [{ title: fix.title, preferred: fix.preferred, edits }];
  }

  /** Where a text range's start stands in the original Word or PDF file, in the user's words. */
  describe(r: Range): Localized | null {
    const loc = locate(this.p.extracted, this.offset(r.start));
    return loc && loc.kind !== 'offset' ? describeLocation(loc) : null;
  }
}

/** The text offset shown at an offset of the page source (a hover there), or null outside the report's text. */
export function textOffsetOfSource(p: Published, sourceOffset: number): number | null {
  let best: number | null = null;
  for (const seg of p.extracted.segments) {
    const s = seg.source;
    if (s.kind !== 'offset' || sourceOffset < s.start || sourceOffset > s.end) continue;
    const exact = s.end - s.start === seg.textEnd - seg.textStart;
    const at = exact ? seg.textStart + sourceOffset - s.start : seg.textStart;
    if (exact || best === null) best = at;
    if (exact) break;
  }
  return best;
}

/** Every range in a JSON-like value (an outline) carried over to the page source. */
export function mapRanges<T>(value: T, map: (r: Range) => Range): T {
  if (Array.isArray(value)) return value.map((v) => mapRanges(v, map)) as T;
  if (!value || typeof value !== 'object') return value;
  if (isRange(value)) return map(value) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapRanges(v, map);
  return out as T;
}

const isRange = (v: object): v is Range => {
  const r = v as Partial<Range>;
  return typeof r.start?.line === 'number' && typeof r.end?.character === 'number' && Object.keys(v).length === 2;
};
