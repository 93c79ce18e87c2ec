// What the summary page is given: shared by the writer (CLI, language server) and the page script, so types
// and plain data only (no Node import: the page bundle for the browser includes this file).

/** Key figures of a report, in this order in PageReport.figures. */
export const FIGURES = [
  'received', 'carried', 'open', 'partial', 'deny', 'unable', 'reject', 'other', 'handled', 'carryOver',
  'review', 'reviewUpheld', 'reviewCorrected', 'reviewOther', 'reviewPending',
  'litigation', 'litigationUpheld', 'litigationCorrected', 'litigationOther', 'litigationPending',
] as const;
export type FigureKey = typeof FIGURES[number];

/** [line, character] (0-based), severity, rule code, message. */
export type PageFinding = [number, number, 'error' | 'warning' | 'information' | 'hint', string, string];

export interface PageReport {
  file: string;
  agency: string | null;
  reportYear: number | null;
  templateYear: number | null;
  isReport: boolean;
  /** error, warning, information, hint. */
  counts: [number, number, number, number];
  /** By FIGURES; null where the cells could not be read. */
  figures: (number | null)[];
  findings: PageFinding[];
}

/** One R5 pair: last year's 四、结转下年度继续办理 against this year's 二、上年结转. */
export interface PagePair {
  agency: string;
  fromYear: number;
  toYear: number;
  /** Indexes into PageData.reports. */
  from: number;
  to: number;
  /** True when every column both read agrees; null when no column could be compared. */
  ok: boolean | null;
  /** Per applicant column: its name, last year's carry-over, this year's carried. */
  cells: [string, number | null, number | null][];
}

export interface PageData {
  lang: 'zh-cn' | 'en';
  reports: PageReport[];
  pairs: PagePair[];
}

/** Messages from the page to the VS Code extension. */
export interface OpenMessage { type: 'open'; file: string; line: number; character: number }
