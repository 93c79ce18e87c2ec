// Folding ranges for sections, sub-headings, tables and table blocks, from the symbol tree.
import { FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { documentSymbols } from './symbols';

const FOLDABLE = new Set<SymbolKind>([SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Struct, SymbolKind.Object]);

export function foldingRanges(symbols: DocumentSymbol[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (s: DocumentSymbol) => {
    const startLine = s.range.start.line;
    const endLine = s.range.end.character === 0 ? s.range.end.line - 1 : s.range.end.line;
    if (FOLDABLE.has(s.kind) && endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    s.children?.forEach(visit);
  };
  symbols.forEach(visit);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export const capabilities = () => ({ foldingRangeProvider: true });

export function register(connection: Connection, services: Services): void {
  connection.onFoldingRanges(onReport(services, ({ model, page, locale }, _params: FoldingRangeParams) => (page ? null : foldingRanges(documentSymbols(model, locale)))));
}
