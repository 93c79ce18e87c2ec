// A code lens over each table with relations: `R1 ✓ R2 ✗ R3 ✓` (table 三) or `R4 ✓` (table 四); a click goes to
// the first failing total cell (the client's reveal command), or does nothing when every relation holds.
import type { CodeLens, CodeLensParams, Connection } from 'vscode-languageserver';
import { spanToRange, type Locale, type RelationResult, type ReportModel } from '../engine';
import { relationsOf } from '../lsp/analyses';
import { onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { REVEAL_COMMAND } from '../protocol';

export interface CodeLensInput { model: ReportModel; relations: RelationResult[]; uri: string; locale: Locale }

export function codeLenses({ model, relations, uri, locale }: CodeLensInput): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const table of model.tables) {
    const own = relations.filter((r) => r.tableId === table.id);
    if (!own.length) continue;
    const ids = [...new Set(own.map((r) => r.id))].sort();
    const failing = own.filter((r) => !r.ok).sort((a, b) => a.target.cell.span.start - b.target.cell.span.start);
    const title = ids.map((id) => `${id} ${own.some((r) => r.id === id && !r.ok) ? '✗' : '✓'}`).join(' ');
    const tableStart = spanToRange(model.lineStarts, { start: table.span.start, end: table.span.start });
    const range = { start: { line: tableStart.start.line, character: 0 }, end: { line: tableStart.start.line, character: 0 } };
    const first = failing[0];
    lenses.push({
      range,
      command: first
        ? {
          title: `${title} · ${locale === 'en' ? `go to ${first.id}` : `转到 ${first.id}`}`, command: REVEAL_COMMAND,
          arguments: [uri, spanToRange(model.lineStarts, first.target.cell.span)],
        }
        : { title, command: '' },
    });
  }
  return lenses;
}

export const capabilities = () => ({ codeLensProvider: { resolveProvider: false } });

export function register(connection: Connection, services: Services): void {
  connection.onCodeLens(onReport(services, ({ uri, model, locale }, _params: CodeLensParams) => codeLenses({ model, relations: relationsOf(model), uri, locale })));
}
