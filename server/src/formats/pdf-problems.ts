// The PDF reader's limits and the problems it reports, shared by the caller and the worker thread (kept apart from
// pdf.js, so that the caller's bundle does not carry it).
import type { Localized } from '../engine';
import type { ReaderLimits } from './types';

/** More pages than any annual report has (they run 4–20): a larger file is read up to here, with a note. */
export const MAX_PAGES = 200;

/** Text runs read on one page: a report's page has a few hundred to two thousand; the layout is not linear in them. */
export const MAX_RUNS_PER_PAGE = 10_000;

export const problem = (zh: string, en: string): Localized => ({ zh, en });

export const timeoutProblem = (limits: ReaderLimits): Localized =>
  problem(`PDF 读取超时（${limits.maxMillis} 毫秒），未读取`, `Reading the PDF took longer than ${limits.maxMillis} ms; not read`);
