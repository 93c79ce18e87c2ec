// The input layer: a published file (web page, Word document, PDF) turned into the report text the engine reads,
// with a map from that text back to the original so that every finding can be shown where the user sees it.
import type { Localized } from '../engine';

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

/** Where a piece of the extracted text stands in the original file. */
export type SourceLocation =
  /** HTML: offsets [start, end) in the decoded page source (UTF-16 code units), so a finding maps to line:column. */
  | { kind: 'offset'; start: number; end: number }
  /** Word: the n-th body paragraph, or a table cell (all 0-based; row and column in the table's grid). */
  | { kind: 'docx'; paragraph?: number; table?: number; row?: number; column?: number }
  /** PDF: 1-based page and the rectangle of the text on it, in PDF user-space units [x0, y0, x1, y1]. */
  | { kind: 'pdf'; page: number; rect: [number, number, number, number] };

/** The extracted text [textStart, textEnd) came from `source`. Segments are sorted by textStart and do not overlap. */
export interface SourceSegment { textStart: number; textEnd: number; source: SourceLocation }

export interface ExtractedReport {
  format: SourceFormat;
  /** The report as text, tables written as pipe rows (`label | 1 | 2 |`), one table row a line, blank cells kept. */
  text: string;
  segments: SourceSegment[];
  /** What the reader could not read or chose to skip (a damaged part, a limit reached): one finding each. */
  problems: Localized[];
  /** HTML: the decoded page, which the offset locations index (to turn them into line:column, and for --fix). */
  sourceText?: string;
  /** HTML: the encoding the page was decoded from ('utf8', 'gb18030', …), to write a fixed page back in it. */
  encoding?: string;
  /** Word: the zip entry of the main document part. */
  part?: string;
  /** Word: text that stands one to one in the main part's XML, as offsets into that XML (to write fixes back). */
  partSegments?: SourceSegment[];
}

/** Limits that keep a hostile or huge file from exhausting memory or time. */
export interface ReaderLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Wall-clock budget for one file, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ReaderLimits = { maxBytes: 64 * 1024 * 1024, maxMillis: 20_000 };
