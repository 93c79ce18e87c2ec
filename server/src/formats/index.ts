// The formats registry: which reader reads which file, and how a place in the extracted text is told in the
// user's terms. Readers are loaded on first use, so that checking text files never pays for them.
import type { CellModel, Localized, ReportModel, TableId } from '../engine';
import type { ExtractedReport, ReaderLimits, SourceFormat, SourceLocation, SourceSegment } from './types';

export * from './types';

/** A reader turns a file's bytes into report text; PDF reading is asynchronous, so any reader may be. */
export type Reader = (bytes: Uint8Array, limits: ReaderLimits) => ExtractedReport | Promise<ExtractedReport>;

export interface FormatEntry {
  format: Exclude<SourceFormat, 'text'>;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /** The reader, required on first use (its libraries are part of it). */
  load: () => Reader;
}

/** Adding a format is one line here. */
export const FORMATS: FormatEntry[] = [
  { format: 'html', extensions: ['.html', '.htm'], load: () => (require('./html') as typeof import('./html')).readHtml },
  { format: 'docx', extensions: ['.docx'], load: () => (require('./docx') as typeof import('./docx')).readDocx },
  { format: 'docx', extensions: ['.doc', '.wps'], load: () => (require('./docx') as typeof import('./docx')).readLegacyWord },
  { format: 'pdf', extensions: ['.pdf'], load: () => (require('./pdf') as typeof import('./pdf')).readPdf },
];

const readers = new Map<FormatEntry, Reader>();

/** The format entry reading files with this extension (e.g. '.docx'), if any. */
export function formatOf(extension: string): FormatEntry | undefined {
  const ext = extension.toLowerCase();
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** Every extension a reader is registered for. */
export const formatExtensions = (): string[] => FORMATS.flatMap((f) => f.extensions);

/**
 * Reads a file with the reader registered for `entry` (or for an extension). Never throws: a reader that fails
 * gives one problem saying so.
 */
export async function extractReport(bytes: Uint8Array, entry: FormatEntry | string, limits: ReaderLimits): Promise<ExtractedReport> {
  const e = typeof entry === 'string' ? formatOf(entry) : entry;
  if (!e) return { format: 'text', text: '', segments: [], problems: [{ zh: `不支持的文件类型 ${String(entry)}`, en: `Unsupported file type ${String(entry)}` }] };
  try {
    let read = readers.get(e);
    if (!read) readers.set(e, read = e.load());
    return await read(bytes, limits);
  } catch (err) {
    return {
      format: e.format, text: '', segments: [],
      problems: [{ zh: `无法读取文件：${(err as Error)?.message ?? String(err)}`, en: `Cannot read the file: ${(err as Error)?.message ?? String(err)}` }],
    };
  }
}

/** The segment holding text offset `offset` (or the nearest one before it), by binary search. */
export function segmentAt(segments: SourceSegment[], offset: number): SourceSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found: SourceSegment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].textStart <= offset) { found = segments[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * Where text offset `offset` came from. Within a segment that maps one to one (HTML text without character
 * references), the exact source offset; otherwise the whole segment's source.
 */
export function locate(report: Pick<ExtractedReport, 'segments'>, offset: number): SourceLocation | undefined {
  const seg = segmentAt(report.segments, offset);
  if (!seg) return undefined;
  const s = seg.source;
  if (s.kind === 'offset' && offset >= seg.textStart && s.end - s.start === seg.textEnd - seg.textStart) {
    const at = s.start + Math.min(offset, seg.textEnd) - seg.textStart;
    return { kind: 'offset', start: at, end: at };
  }
  return s;
}

/**
 * The source range [start, end) of the text range [start, end), when it maps onto the source exactly (one
 * segment, one to one): what an edit of the extracted text may be carried over to the source by.
 */
export function exactSourceRange(report: Pick<ExtractedReport, 'segments'>, start: number, end: number): { start: number; end: number } | null {
  const seg = segmentAt(report.segments, start);
  if (!seg || seg.source.kind !== 'offset') return null;
  const s = seg.source;
  if (s.end - s.start !== seg.textEnd - seg.textStart || start < seg.textStart || end > seg.textEnd) return null;
  return { start: s.start + start - seg.textStart, end: s.start + end - seg.textStart };
}

/** A location as the user reads it: `第3页`, `表3 第5行 第2列`, `第12段` (numbers counted from 1); a PDF's page with
 * the table, row and column it falls in when known (`第3页 表三 （七）总计 × 总计`). */
export function describeLocation(loc: SourceLocation, place?: TablePlace): Localized {
  if (loc.kind === 'pdf') {
    if (!place) return { zh: `第${loc.page}页`, en: `page ${loc.page}` };
    const cell = [place.row, place.column].filter((x) => x).join(' × ');
    return { zh: `第${loc.page}页 表${TABLE_NUMERALS[place.table]}${cell ? ` ${cell}` : ''}`, en: `page ${loc.page}, table ${place.table}${cell ? `, ${cell}` : ''}` };
  }
  if (loc.kind === 'offset') return { zh: `第${loc.start}个字符处`, en: `at character ${loc.start}` };
  if (loc.table !== undefined) {
    const parts = [`表${loc.table + 1}`];
    const en = [`table ${loc.table + 1}`];
    if (loc.row !== undefined) { parts.push(`第${loc.row + 1}行`); en.push(`row ${loc.row + 1}`); }
    if (loc.column !== undefined) { parts.push(`第${loc.column + 1}列`); en.push(`column ${loc.column + 1}`); }
    return { zh: parts.join(' '), en: en.join(', ') };
  }
  if (loc.paragraph !== undefined) return { zh: `第${loc.paragraph + 1}段`, en: `paragraph ${loc.paragraph + 1}` };
  return { zh: '文档中', en: 'in the document' };
}

const TABLE_NUMERALS: Record<TableId, string> = { 2: '二', 3: '三', 4: '四' };

/**
 * A stretch of the extracted text that is a table, a row's label or a cell of a checked report, named as the user
 * names it: the template's table number, the row's label as printed, the column's labels (without the umbrella header
 * 申请人情况 / 信息内容). A PDF knows only pages and rectangles; the report's model knows the cells.
 */
export interface TablePlace { start: number; end: number; table: TableId; row?: string; column?: string }

const columnName = (c: CellModel): string =>
  (c.columnPath[0] === '申请人情况' || c.columnPath[0] === '信息内容' ? c.columnPath.slice(1) : c.columnPath).join(' › ');

/** Every table, row label and cell of the report, each with its text range. */
export function tablePlaces(model: ReportModel): TablePlace[] {
  const places: TablePlace[] = [];
  for (const t of model.tables) {
    places.push({ start: t.span.start, end: t.span.end, table: t.id });
    for (const r of t.rows) {
      // The label as printed, which is what the reader looks for on the page.
      const row = r.label?.trim() || r.templateLabel || undefined;
      if (r.labelSpan) places.push({ start: r.labelSpan.start, end: r.labelSpan.end, table: t.id, ...(row ? { row } : {}) });
      for (const c of r.cells) places.push({ start: c.span.start, end: c.span.end, table: t.id, ...(row ? { row } : {}), column: columnName(c) });
    }
  }
  return places;
}

/** The narrowest place holding text offset `offset` (a cell before its row, a row before its table). */
export function tablePlaceAt(places: readonly TablePlace[], offset: number): TablePlace | undefined {
  let best: TablePlace | undefined;
  for (const p of places) {
    if (offset >= p.start && offset <= p.end && (!best || p.end - p.start < best.end - best.start)) best = p;
  }
  return best;
}

/** A location in the JSON and SARIF output: numbers counted from 1, as the user counts them; for a PDF, the
 * template's table number and the row's and column's labels when the place is in a table. */
export interface UserLocation {
  page?: number; table?: number; row?: number; column?: number; paragraph?: number; rect?: [number, number, number, number];
  rowLabel?: string; columnLabel?: string;
}

export function userLocation(loc: SourceLocation, place?: TablePlace): UserLocation | undefined {
  if (loc.kind === 'offset') return undefined;
  if (loc.kind === 'pdf') {
    if (!place) return { page: loc.page, rect: loc.rect };
    return { page: loc.page, rect: loc.rect, table: place.table, ...(place.row ? { rowLabel: place.row } : {}), ...(place.column ? { columnLabel: place.column } : {}) };
  }
  const u: UserLocation = {};
  if (loc.table !== undefined) u.table = loc.table + 1;
  if (loc.row !== undefined) u.row = loc.row + 1;
  if (loc.column !== undefined) u.column = loc.column + 1;
  if (loc.paragraph !== undefined) u.paragraph = loc.paragraph + 1;
  return u;
}
