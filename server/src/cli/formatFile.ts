// Checking a published file (web page, Word document, PDF): read it through the formats registry, check the
// extracted text, and tell every finding where the user sees it — line:column of the page source for HTML, the
// table, row and column or the paragraph or page for Word and PDF. Loaded only when such a file is checked.
import * as fsSync from 'node:fs';
import { checkText, computeLineStarts, offsetAt, positionAt, type EngineConfig, type Finding, type Fix, type Range, type TextEdit } from '../engine';
import { describeLocation, exactSourceRange, extractReport, locate, tablePlaceAt, tablePlaces, userLocation, DEFAULT_LIMITS, type ExtractedReport, type FormatEntry, type TablePlace } from '../formats';
import { mainPart, readDocumentXml } from '../formats/docx';
import { decodePage, readHtmlText } from '../formats/html';
import { replaceZipPart } from '../formats/zipPart';
import { encode, type FileEncoding } from './encoding';
import type { FindingLocation, FindingNeeds, LocatedFinding } from './formatters/types';

const MAX_FIX_PASSES = 10;

/**
 * What it takes to place findings of an extracted text in its file: small enough to keep for every file of a run
 * and send between threads (carry-over-mismatch, R5, is found once every file is checked).
 */
export interface Locator {
  format: ExtractedReport['format'];
  /** The segments that findings may fall on (for R5: table 三's 上年结转 and 结转下年度 rows). */
  segments: ExtractedReport['segments'];
  textLength: number;
  lineStarts: number[];
  /** HTML: line starts of the page source. */
  sourceLineStarts?: number[];
  /** PDF: the report's tables, rows and cells, to name where in a table a finding on a page is. */
  places?: TablePlace[];
}

/** A published file's findings, in the file's own terms, and what --fix did to it. */
export interface FormatCheck {
  extracted: ExtractedReport;
  findings: LocatedFinding[];
  model: ReturnType<typeof checkText>['model'] | null;
  /** Nothing could be read at all: the problems are the file's only findings. */
  unreadable: boolean;
  writeError?: string;
  /** Why --fix left the file as it was (Word, PDF). */
  fixNote?: string;
  /** Where R5's findings, made later, are placed in the file. */
  locator?: Locator;
}

const atStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Reads and checks one published file; with `fix`, writes preferred fixes back into an HTML page first. */
export async function checkFormatFile(file: string, bytes: Uint8Array, entry: FormatEntry, config: EngineConfig, fix: boolean, maxBytes: number, needs: FindingNeeds): Promise<FormatCheck> {
  const limits = { ...DEFAULT_LIMITS, maxBytes: Math.max(maxBytes, 1) };
  let extracted = await extractReport(bytes, entry, limits);
  let writeError: string | undefined;
  let fixNote: string | undefined;
  if (extracted.text.trim() === '' && extracted.problems.length > 0) {
    const findings = extracted.problems.map((p): LocatedFinding => ({ code: 'file-unreadable', severity: 'error', message: p, range: atStart, related: [], fixes: [] }));
    return { extracted, findings, model: null, unreadable: true };
  }
  if (fix && (entry.format === 'html' || (entry.format === 'docx' && extracted.partSegments))) {
    const fixed = entry.format === 'html' ? fixHtml(bytes, extracted, config) : fixDocx(bytes, extracted, config);
    if (fixed) {
      try {
        fsSync.writeFileSync(file, fixed);
        extracted = await extractReport(fixed, entry, limits);
      } catch (e) {
        writeError = (e as Error).message;
      }
    }
  } else if (fix) {
    fixNote = entry.format === 'pdf'
      ? '--fix 不修改 PDF 文件 / --fix never writes to a PDF file'
      : '--fix 只改写 .docx 文档 / --fix writes only to .docx documents';
  }
  const { model, findings } = checkText(extracted.text, config);
  const full = locatorOf(extracted, model.lineStarts, extracted.format === 'pdf' ? tablePlaces(model) : undefined);
  const located = locateFindings(full, findings, needs);
  const carryRows = model.tables.find((t) => t.id === 3)?.rows.filter((r) => r.key === 'carried' || r.key === 'carryOver') ?? [];
  const spans = carryRows.flatMap((r) => [...(r.labelSpan ? [r.labelSpan] : []), ...r.cells.map((c) => c.span)]);
  const locator: Locator = { ...full, segments: full.segments.filter((g) => spans.some((sp) => g.textEnd >= sp.start && g.textStart <= sp.end)) };
  const notes = extracted.problems.map((p): LocatedFinding => ({ code: 'file-partly-read', severity: 'information', message: p, range: atStart, related: [], fixes: [] }));
  return { extracted, findings: [...notes, ...located], model, unreadable: false, locator, ...(writeError !== undefined ? { writeError } : {}), ...(fixNote ? { fixNote } : {}) };
}

/**
 * Findings moved into the file's terms: HTML ranges into the page source; Word and PDF get their location. Related
 * locations and fixes are built when read, so only those the output needs are read and moved (see FindingNeeds).
 */
export function locateFindings(extracted: Locator, findings: Finding[], needs: FindingNeeds): LocatedFinding[] {
  const offsetOf = (p: Range['start']) => offsetAt(extracted.lineStarts, extracted.textLength, p);
  if (extracted.format === 'html' && extracted.sourceLineStarts !== undefined) {
    const sourceStarts = extracted.sourceLineStarts;
    const toSource = (r: Range): Range => {
      const start = sourceOffset(extracted, offsetOf(r.start), 'start');
      const end = Math.max(start, sourceOffset(extracted, offsetOf(r.end), 'end'));
      return { start: positionAt(sourceStarts, start), end: positionAt(sourceStarts, end) };
    };
    return findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: toSource(f.range),
      related: needs.related ? f.related.map((rel) => (rel.file === undefined ? { ...rel, range: toSource(rel.range) } : rel)) : [],
      fixes: needs.fixes === 'none' ? [] : f.fixes.filter((x) => x.preferred).flatMap((x) => sourceFix(extracted, x, offsetOf, sourceStarts)),
    }));
  }
  const where = (r: Range): FindingLocation | undefined => {
    const offset = offsetOf(r.start);
    const loc = locate(extracted, offset);
    const place = extracted.places && tablePlaceAt(extracted.places, offset);
    const user = loc && userLocation(loc, place);
    return user && loc ? { ...user, description: describeLocation(loc, place) } : undefined;
  };
  return findings.map((f) => {
    const location = where(f.range);
    const related = needs.related ? f.related.map((rel) => {
      const at = rel.file === undefined ? where(rel.range) : undefined;
      return at ? { ...rel, location: at } : rel;
    }) : [];
    const plain: LocatedFinding = {
      code: f.code, severity: f.severity, message: f.message, range: f.range, related,
      fixes: needs.fixes === 'none' ? [] : f.fixes.filter((x) => x.preferred),
    };
    return location ? { ...plain, location } : plain;
  });
}

const locatorOf = (extracted: ExtractedReport, lineStarts: number[], places?: TablePlace[]): Locator => ({
  format: extracted.format,
  segments: extracted.segments,
  textLength: extracted.text.length,
  lineStarts,
  ...(extracted.sourceText !== undefined ? { sourceLineStarts: computeLineStarts(extracted.sourceText) } : {}),
  ...(places ? { places } : {}),
});

/** A text offset's place in the page source; a range's end maps through the character before it. */
function sourceOffset(extracted: Pick<ExtractedReport, 'segments'>, offset: number, side: 'start' | 'end'): number {
  if (side === 'end' && offset > 0) {
    const loc = locate(extracted, offset - 1);
    if (loc?.kind === 'offset') return loc.start === loc.end ? loc.end + 1 : loc.end;
  }
  const loc = locate(extracted, offset);
  return loc?.kind === 'offset' ? loc.start : 0;
}

/** A fix carried over to the page source, when every edit falls on page text that maps one to one. */
function sourceFix(extracted: Pick<ExtractedReport, 'segments'>, fix: Fix, offsetOf: (p: Range['start']) => number, sourceStarts: number[]): Fix[] {
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const r = exactSourceRange(extracted, offsetOf(e.range.start), offsetOf(e.range.end));
    if (!r || /[<>&\n]/.test(e.newText)) return [];
    edits.push({ range: { start: positionAt(sourceStarts, r.start), end: positionAt(sourceStarts, r.end) }, newText: e.newText });
  }
  return [{ ...fix, edits }];
}

/**
 * --fix on a page: preferred fixes whose edits fall on cell text that maps one to one are written into the page
 * source, byte for byte in its encoding, leaving every other byte as it was; fixes that would add rows or
 * headings (no place in the markup to carry them to) are left to the user. Null when nothing changes.
 */
export function fixHtml(bytes: Uint8Array, first: ExtractedReport, config: Partial<EngineConfig>): Buffer | null {
  const page = decodePage(bytes);
  let source = page.text;
  let extracted = first;
  let current: Buffer = Buffer.from(bytes);
  let changed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const spans = mappedEdits(extracted, extracted.segments, config);
    const next = spliceBytes(current, source, spans, page.encoding);
    if (!next) break;
    current = next;
    source = decodePage(current).text;
    extracted = readHtmlText(source, DEFAULT_LIMITS, page.encoding);
    changed = true;
  }
  return changed ? current : null;
}

/** The preferred fixes of a check whose edits all map one to one onto the source (`segments`), as source spans. */
function mappedEdits(extracted: ExtractedReport, segments: ExtractedReport['segments'], config: Partial<EngineConfig>): { start: number; end: number; newText: string }[] {
  const spans: { start: number; end: number; newText: string }[] = [];
  const lineStarts = computeLineStarts(extracted.text);
  const at = (p: Range['start']) => offsetAt(lineStarts, extracted.text.length, p);
  for (const f of checkText(extracted.text, config).findings) {
    const preferred = f.fixes.find((x) => x.preferred);
    if (!preferred) continue;
    const mapped = preferred.edits.map((e) => {
      const r = exactSourceRange({ segments }, at(e.range.start), at(e.range.end));
      return r && !/[<>&\n]/.test(e.newText) ? { ...r, newText: e.newText } : null;
    });
    if (mapped.every((m) => m !== null)) spans.push(...(mapped as typeof spans));
  }
  return spans;
}

/**
 * --fix on a Word document: preferred fixes whose edits fall on text that stands one to one in the main part's
 * XML are written there; the zip is rewritten with that part replaced and every other part byte for byte. Fixes
 * that would add rows or headings are left to the user. Null when nothing changes or the zip cannot be rewritten.
 */
export function fixDocx(bytes: Uint8Array, first: ExtractedReport, config: Partial<EngineConfig>): Buffer | null {
  const part = mainPart(bytes);
  if ('problem' in part || !first.part) return null;
  let xml = part.xml;
  let extracted = first;
  let changed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const spans = mappedEdits(extracted, extracted.partSegments ?? [], config)
      .filter((sp) => xml.slice(sp.start, sp.end) !== sp.newText)
      .sort((a, b) => b.start - a.start);
    const kept = spans.filter((sp, i) => spans.findIndex((o) => sp.end > o.start && sp.start < o.end) === i);
    if (kept.length === 0) break;
    for (const sp of kept) xml = xml.slice(0, sp.start) + sp.newText + xml.slice(sp.end);
    extracted = readDocumentXml(xml, DEFAULT_LIMITS);
    changed = true;
  }
  return changed ? replaceZipPart(bytes, first.part, new TextEncoder().encode(xml)) : null;
}

/** Replaces source spans in the page's bytes, each encoded as the page is; null when no span is left to apply. */
function spliceBytes(bytes: Buffer, source: string, spans: { start: number; end: number; newText: string }[], encoding: FileEncoding): Buffer | null {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  const kept: typeof spans = [];
  for (const s of sorted) if (!kept.some((k) => s.end > k.start && s.start < k.end)) kept.push(s);
  const applicable = kept.filter((s) => source.slice(s.start, s.end) !== s.newText);
  if (applicable.length === 0) return null;
  // Byte offsets from the encoded prefix: exact for the page's own encoding, whatever its byte-order mark.
  const bomLength = encode('', encoding).length;
  const byteAt = (offset: number) => encode(source.slice(0, offset), encoding).length;
  let out = bytes;
  for (const s of applicable) {
    const from = byteAt(s.start);
    const to = byteAt(s.end);
    out = Buffer.concat([out.subarray(0, from), encode(s.newText, encoding).subarray(bomLength), out.subarray(to)]);
  }
  return out;
}
