// The reviewer's desk in VS Code: the summary page's data and the XLSX export over every report the server
// holds (open documents and, in workspace mode, the folder's files), with their R5 findings.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Finding, Locale } from '../engine';
import { loadDesk } from '../cli/deskLoader';
import { deskRecord, type DeskRecord } from '../desk/record';
import { pageData } from '../desk/summary';
import type { PageData } from '../desk/pageData';
import type { Analysis } from '../lsp/analyses';
import { invalidParams, isObject } from '../lsp/guard';
import { cancelled } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { uriToPath } from '../lsp/settings';
import { EXPORT_TABLES, SUMMARY_DATA } from '../protocol';

export interface DeskSources {
  /** Every report URI the server holds, open documents first. */
  uris(): string[];
  /** The report's last analysis (computed again if it was let go); undefined when gone. */
  analysis(uri: string): Promise<Analysis | undefined>;
  crossFindings(uri: string): Finding[];
  locale(): Locale;
  /** True once the client no longer waits for the answer. */
  cancelled(): boolean;
}

/** What the page and the export show as a report's file: its path on disk, else its URI (an untitled document). */
const fileOf = (uri: string): string => uriToPath(uri) ?? uri;

/** The records of every report held, in the order given; null if cancelled meanwhile. */
export async function deskRecords(src: DeskSources): Promise<DeskRecord[] | null> {
  const out: DeskRecord[] = [];
  for (const uri of new Set(src.uris())) {
    if (src.cancelled()) return null;
    const a = await src.analysis(uri);
    if (!a?.model) continue;
    out.push(deskRecord(fileOf(uri), a.model, [...a.findings, ...src.crossFindings(uri)], src.locale()));
  }
  return out;
}

export async function summaryData(src: DeskSources): Promise<PageData | null> {
  const records = await deskRecords(src);
  return records && pageData(records, src.locale());
}

/** Writes the reports' tables to `path` (the desk bundle, exceljs, is loaded now); the number of reports written. */
export async function exportTables(src: DeskSources, path: string): Promise<number | null> {
  const records = await deskRecords(src);
  if (!records) return null;
  await loadDesk().writeExport(path, 'xlsx', async function* () { yield* records; });
  return records.length;
}

/** The reports the summary page and the export read: open documents at their current version, then workspace files. */
function deskSources(services: Services, token: CancellationToken): DeskSources {
  const { documents, reports, workspace, diagnostics, client } = services;
  return {
    uris: () => [...documents.all().filter((d) => reports.isOurs(d)).map((d) => d.uri), ...workspace.uris()],
    analysis: async (uri) => {
      const doc = reports.open(uri);
      return (doc ? await reports.current(doc) : null) ?? reports.last(uri);
    },
    crossFindings: (uri) => diagnostics.crossFindingsOf(uri),
    locale: () => client.locale,
    cancelled: () => token.isCancellationRequested,
  };
}

export function register(connection: Connection, services: Services): void {
  connection.onRequest(SUMMARY_DATA, async (_params, token) => (await summaryData(deskSources(services, token))) ?? cancelled());
  connection.onRequest(EXPORT_TABLES, async (params, token) => {
    if (!isObject(params) || typeof params.path !== 'string' || !/\.xlsx$/i.test(params.path)) return invalidParams('path');
    return (await exportTables(deskSources(services, token), params.path)) ?? cancelled();
  });
}
