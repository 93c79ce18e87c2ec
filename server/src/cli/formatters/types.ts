import type { Finding, Locale, TemplateYear } from '../../engine';

export interface FileResult {
  /** The path as given on the command line (or found under a folder given there). */
  file: string;
  templateYear: TemplateYear | null;
  reportYear: number | null;
  findings: Finding[];
}

export type Formatter = (results: FileResult[], locale: Locale) => string;

/**
 * What a formatter reads of a finding besides its code, severity, message and range: the CLI drops the
 * rest as soon as a file is checked, so that a run over thousands of files does not hold every related
 * location and fix until the end.
 */
export interface FindingNeeds { related: boolean; fixes: 'none' | 'preferred' }
