// Shared by the protocol tests: the shared reports, positions of cells, applying edits.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, parseReport, positionAt, type ReportModel } from '../../server/src/engine';
import { REPORTS_DIR, SERVER, uriOf } from './lsp';

export const HAVE_SERVER = existsSync(SERVER);
export const HAVE_REPORTS = existsSync(REPORTS_DIR);
/** A reason to skip when the shared reports are not beside the repository. */
export const SKIP_REPORTS = HAVE_REPORTS ? false : `the shared reports are not at ${REPORTS_DIR} (expected ../shared/reports from the repository root)`;

export interface Report { name: string; file: string; uri: string; text: string }

export function reports(): Report[] {
  if (!HAVE_REPORTS) return [];
  return readdirSync(REPORTS_DIR).filter((n) => n.endsWith('.txt')).sort().map((name) => {
    const file = path.join(REPORTS_DIR, name);
    return { name, file, uri: uriOf(file), text: readFileSync(file, 'utf8') };
  });
}

export function report(prefix: string): Report {
  const r = reports().find((x) => x.name.startsWith(prefix));
  if (!r) throw new Error(`no shared report ${prefix}`);
  return r;
}

export function model(text: string): ReportModel { return parseReport(text); }

/** Position of the cell (table, row key, column key) in `text`. */
export function cellPosition(text: string, tableId: number, rowKey: string, columnKey: string) {
  const m = model(text);
  const cell = m.tables.find((t) => t.id === tableId)?.rows.find((r) => r.key === rowKey)?.cells.find((c) => c.columnKey === columnKey);
  if (!cell) throw new Error(`no cell ${tableId}/${rowKey}/${columnKey}`);
  return { span: cell.span, position: positionAt(m.lineStarts, cell.span.start), raw: cell.raw };
}

export function editsOf(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version: number | null } {
  const change = edit?.documentChanges?.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  if (change) return { edits: change.edits as TextEdit[], version: change.textDocument.version };
  return { edits: edit?.changes?.[uri] ?? [], version: null };
}

export const apply = (text: string, edits: TextEdit[]) => applyEdits(text, edits);

export const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
