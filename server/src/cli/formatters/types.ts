import type { Finding, Locale, Localized, TemplateYear } from '../../engine';

/** Where a finding stands in a Word or PDF file, as the user counts (1-based), with its description. */
export interface FindingLocation {
  page?: number;
  table?: number;
  row?: number;
  column?: number;
  paragraph?: number;
  rect?: [number, number, number, number];
  /** PDF: the row's and the column's labels, when the finding is in a table (`table` is then the template's number). */
  rowLabel?: string;
  columnLabel?: string;
  description: Localized;
}

/** A related location in a Word or PDF file, with its place there (its range is in the extracted text). */
export type LocatedRelated = Finding['related'][number] & { location?: FindingLocation };

/** A finding with, for a Word or PDF file, its place there (its range is in the extracted text). */
export type LocatedFinding = Omit<Finding, 'related'> & { related: LocatedRelated[]; location?: FindingLocation };

export interface FileResult {
  /** The path as given on the command line (or found under a folder given there). */
  file: string;
  templateYear: TemplateYear | null;
  reportYear: number | null;
  findings: LocatedFinding[];
}

export type Formatter = (results: FileResult[], locale: Locale) => string;

/**
 * What a formatter reads of a finding besides its code, severity, message and range: the CLI drops the
 * rest as soon as a file is checked, so that a run over thousands of files does not hold every related
 * location and fix until the end.
 */
export interface FindingNeeds { related: boolean; fixes: 'none' | 'preferred' }
