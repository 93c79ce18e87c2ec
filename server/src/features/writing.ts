// Writing a report: a new report from the template's skeleton, and next year's report made from this year's.
import type { Connection } from 'vscode-languageserver';
import { localize, nextYearReport, reportSkeleton, type Locale } from '../engine';
import { invalidParams, isObject } from '../lsp/guard';
import type { Services } from '../lsp/services';
import { NEW_REPORT, NEXT_YEAR, type NextYearAnswer } from '../protocol';

/** The largest report text next year's report is made from (the same bound as the largest file checked). */
const MAX_NEXT_YEAR_TEXT = 256 * 1024 * 1024;

/** The text of a new report, or which param is malformed (params come from the client unchecked). */
export function newReport(params: unknown): string | { invalid: string } {
  if (!isObject(params)) return { invalid: 'params' };
  const { templateYear, reportYear, agency, eol } = params;
  if (!Number.isInteger(reportYear) || (reportYear as number) < 1990 || (reportYear as number) > 2999) return { invalid: 'reportYear' };
  if (agency !== undefined && agency !== null && (typeof agency !== 'string' || agency.length > 200)) return { invalid: 'agency' };
  if (eol !== undefined && eol !== '\n' && eol !== '\r\n') return { invalid: 'eol' };
  return reportSkeleton(templateYear === 2019 ? 2019 : 2021, reportYear as number, (agency as string | undefined) || undefined, (eol as string | undefined) ?? '\n');
}

/** Next year's report from this year's text, its notes in the locale; or why none was made. */
export function nextYear(text: string, locale: Locale): NextYearAnswer {
  const result = nextYearReport(text);
  if (!result.ok) return { error: localize(result.error, locale) };
  const { text: next, year, templateYear, notes } = result.report;
  return { text: next, year, templateYear, notes: notes.map((n) => localize(n, locale)) };
}

export function register(connection: Connection, services: Services): void {
  connection.onRequest(NEW_REPORT, (params) => {
    const answer = newReport(params);
    return typeof answer === 'string' ? answer : invalidParams(answer.invalid);
  });
  connection.onRequest(NEXT_YEAR, (params) => {
    if (!isObject(params) || typeof params.text !== 'string' || params.text.length > MAX_NEXT_YEAR_TEXT) return invalidParams('text');
    return nextYear(params.text, services.client.locale);
  });
}
