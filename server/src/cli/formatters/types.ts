import type { Finding, Locale, TemplateYear } from '../../engine';

export interface FileResult {
  /** The path as given on the command line (or found under a folder given there). */
  file: string;
  templateYear: TemplateYear | null;
  reportYear: number | null;
  findings: Finding[];
}

export type Formatter = (results: FileResult[], locale: Locale) => string;
