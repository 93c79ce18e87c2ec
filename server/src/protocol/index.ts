// The protocol between the extension client and the server, typed once for both sides: the custom requests and
// notifications with their params and answers, the settings both sides agree on, and the report view's URIs.
// Only types, message types and small constants, so the client bundle stays small; compiled by the server's and
// the client's tsconfig.
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';
import type { RelationId } from '../engine/types';
import type { PageData } from '../desk/pageData';

export const LANGUAGE_ID = 'govreport';
export const SETTINGS_SECTION = 'govreport';

/** Client command behind "turn this rule off in this workspace"; argument: the rule code. */
export const DISABLE_RULE_COMMAND = 'govreport.disableRuleInWorkspace';
/** Client command that opens a document at a range (arguments: uri, range): code lenses and the checks view. */
export const REVEAL_COMMAND = 'govreport.reveal';

export type RunMode = 'onType' | 'onSave';

/** The `govreport.*` settings as VS Code stores them. */
export interface GovreportSettings {
  rules: Record<string, string>;
  templateYear: 'auto' | '2019' | '2021' | 2019 | 2021;
  run: RunMode;
  debounce: number;
  workspace: { enable: boolean };
  detectLanguage: boolean;
  /** In megabytes. */
  maxFileSize: number;
  /** After total cells: off, the expected figure when it differs (default), or always. */
  inlayHints: { totals: 'off' | 'whenDifferent' | 'always' };
}

export interface InitializationOptions {
  /** The client's display language, e.g. zh-cn or en. */
  locale?: string;
  /** Commands the client implements (so the server may offer them in code actions). */
  clientCommands?: string[];
}

export interface CheckCounts { error: number; warning: number; information: number; hint: number }

export interface CheckSummary {
  uri: string;
  /** Document version, or null for a file read from disk. */
  version: number | null;
  title: string | null;
  isReport: boolean;
  templateYear: number | null;
  templateYearSource: string | null;
  reportYear: number | null;
  counts: CheckCounts;
  /** ISO time of the check, and how long parsing and checking took. */
  checkedAt: string;
  durationMs: number;
  /** Set when the file was too large to check. */
  skipped?: string;
}

export interface RelationOutline {
  id: RelationId;
  ok: boolean;
  /** e.g. （七）总计 × 自然人: 21 = 21 */
  label: string;
  expected: number;
  actual: number;
  range: Range;
}

export interface TableOutline {
  id: number;
  name: string;
  variant: string;
  range: Range;
  relations: RelationOutline[];
}

export interface SectionOutline {
  id: number;
  name: string;
  standard: boolean;
  range: Range;
  selectionRange: Range;
  tables: TableOutline[];
}

export interface ReportOutline extends CheckSummary {
  sections: SectionOutline[];
  /** Tables found where no section heading is (missing heading). */
  looseTables: TableOutline[];
  /** Sections not found, with their standard headings. */
  missingSections: { id: number; name: string }[];
}

export interface NewReportParams { templateYear: 2019 | 2021; reportYear: number; agency?: string; eol?: string }

export interface NextYearParams { text: string }
/** The new report's text and year, notes on what could not be carried over; or why none was made. */
export type NextYearAnswer = { text: string; year: number; templateYear: number; notes: string[] } | { error: string };
export interface ExportTablesParams { /** File-system path of the .xlsx to write. */ path: string }
/**
 * The read-only report view of a Word or PDF file: a virtual document holding the text read from it, at
 * `govreport-view:` + the file's path (file:///a/b.docx ↔ govreport-view:/a/b.docx). Its findings are
 * published at this URI, so that clicking one opens the view.
 */
export const VIEW_SCHEME = 'govreport-view';
export interface ReportViewText { text: string; format: string }

/** File extensions that open as a report view (their text is not editable where it is). */
export const VIEW_EXTENSIONS = ['.docx', '.pdf'];

/** The report view URI of a file URI. */
export function viewUriOf(fileUri: string): string {
  return fileUri.replace(/^file:\/\/\//, `${VIEW_SCHEME}:/`).replace(/^file:\/\//, `${VIEW_SCHEME}://`);
}

/** The file URI behind a report view URI, or null for any other URI. */
export function fileUriOfView(uri: string): string | null {
  if (uri.startsWith(`${VIEW_SCHEME}://`)) return `file://${uri.slice(VIEW_SCHEME.length + 3)}`;
  if (uri.startsWith(`${VIEW_SCHEME}:/`)) return `file:///${uri.slice(VIEW_SCHEME.length + 2)}`;
  return null;
}

/** A report by URI (the custom requests that name one report). */
export interface ReportParams { uri: string }
/** The params of requests about every report: an empty object. */
export type NoParams = Record<string, never>;

/** Client → server: the outline of one report, for the "Report checks" view. */
export const REPORT_OUTLINE = new RequestType<ReportParams, ReportOutline | null, void>('govreport/reportOutline');
/** Client → server: every report the server has checked (open documents and, in workspace mode, files). */
export const REPORT_LIST = new RequestType<NoParams, CheckSummary[], void>('govreport/reports');
/** Client → server: forget caches and check everything again. */
export const RECHECK = new RequestType<NoParams, null, void>('govreport/recheck');
/** Client → server: the text of a new report from a template. */
export const NEW_REPORT = new RequestType<NewReportParams, string, void>('govreport/newReport');
/** Client → server: next year's report made from this year's report text. */
export const NEXT_YEAR = new RequestType<NextYearParams, NextYearAnswer, void>('govreport/nextYear');
/** Client → server: the summary page's data over every report the server holds. */
export const SUMMARY_DATA = new RequestType<NoParams, PageData, void>('govreport/summaryData');
/** Client → server: write every report's tables to an XLSX file; answers the number of reports. */
export const EXPORT_TABLES = new RequestType<ExportTablesParams, number, void>('govreport/exportTables');
/** Client → server: the text read from a Word or PDF file (the file's URI), for its report view. */
export const REPORT_VIEW = new RequestType<ReportParams, ReportViewText, void>('govreport/reportView');
/** Server → client: a document or file was checked. */
export const DID_CHECK = new NotificationType<CheckSummary>('govreport/didCheck');
