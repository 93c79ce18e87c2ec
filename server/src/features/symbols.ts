// Document symbols (hierarchical): sections → sub-headings and tables → table blocks and rows.
import { SymbolKind, type Connection, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { spanToRange, subHeadingsOf, type Locale, type ReportModel, type RowModel, type Span, type SubHeading, type TableModel } from '../engine';
import { derivedFrom } from '../engine/derived';
import { onReport } from '../lsp/requests';
import type { ClientOptions, Services } from '../lsp/services';
import { TABLE_NAMES } from './glossary';

/** End of a span with trailing whitespace left out, so ranges end on the last written character. */
function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

function symbol(model: ReportModel, name: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol {
  const range = trimmed(model.text, span);
  const sel = { start: Math.max(selection.start, range.start), end: Math.min(Math.max(selection.end, selection.start), range.end) };
  if (sel.end < sel.start) sel.end = sel.start;
  return {
    name: name.trim() || '—',
    detail,
    kind,
    range: spanToRange(model.lineStarts, range),
    selectionRange: spanToRange(model.lineStarts, sel),
    children: children.length ? children : undefined,
  };
}

function rowSpan(row: RowModel): Span | null {
  const starts = [row.labelSpan?.start, ...row.cells.map((c) => c.span.start)].filter((n): n is number => n !== undefined);
  const ends = [row.labelSpan?.end, ...row.cells.map((c) => c.span.end)].filter((n): n is number => n !== undefined);
  return starts.length ? { start: Math.min(...starts), end: Math.max(...ends) } : null;
}

interface Node { row: RowModel; span: Span; children: Node[] }

/** Rows nested by their label path (group rows hold the rows below them). */
function rowTree(table: TableModel): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const row of table.rows) {
    const span = rowSpan(row);
    if (!span) continue;
    const node: Node = { row, span, children: [] };
    while (stack.length && !isAncestor(stack[stack.length - 1].row, row)) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    if (row.group) stack.push(node);
  }
  const extend = (n: Node): Span => {
    for (const c of n.children) {
      const s = extend(c);
      n.span = { start: Math.min(n.span.start, s.start), end: Math.max(n.span.end, s.end) };
    }
    return n.span;
  };
  roots.forEach(extend);
  return roots;
}

function isAncestor(group: RowModel, row: RowModel): boolean {
  return row.path.length > group.path.length && group.path.every((p, i) => row.path[i] === p);
}

function rowSymbol(model: ReportModel, node: Node, locale: Locale): DocumentSymbol {
  const { row } = node;
  const name = row.templateLabel || row.label || (locale === 'en' ? 'Cases' : '案件数');
  const values = row.cells.map((c) => c.raw).join(' ');
  const kind = row.group ? (row.block && row.templateLabel === row.block ? SymbolKind.Object : SymbolKind.Namespace) : SymbolKind.Field;
  const selection = row.labelSpan ?? node.span;
  return symbol(model, name, kind, node.span, selection, node.children.map((c) => rowSymbol(model, c, locale)), row.group ? undefined : values.slice(0, 80));
}

export function tableSymbol(model: ReportModel, table: TableModel, locale: Locale): DocumentSymbol {
  const name = locale === 'en' ? TABLE_NAMES[table.id].en : TABLE_NAMES[table.id].zh;
  const first = table.rows.map(rowSpan).find((s): s is Span => s !== null) ?? table.span;
  return symbol(model, name, SymbolKind.Struct, table.span, { start: first.start, end: first.start }, rowTree(table).map((n) => rowSymbol(model, n, locale)), `${table.variant}`);
}

/**
 * Where each sub-heading of a section ends: at the next sub-heading or table of the section, else at its end.
 * Sub-headings come in the order of the text, so one walk over the sorted stops serves them all (a 20 MB file
 * has thousands).
 */
function subHeadingEnds(section: ReportModel['sections'][number], subHeadings: SubHeading[], tables: TableModel[]): number[] {
  const stops = [...subHeadings.map((h) => h.span.start), ...tables.map((t) => t.span.start), section.span.end].sort((a, b) => a - b);
  let next = 0;
  return subHeadings.map((h) => {
    if (next > 0 && stops[next - 1] > h.span.start) next = 0; // out of order: look from the start again
    while (next < stops.length && stops[next] <= h.span.start) next++;
    return stops[next] ?? section.span.end;
  });
}

/**
 * The outline of each model (one per document version), by locale: the outline, breadcrumbs and sticky scroll
 * ask for it again and again while the text stays the same.
 */
const outlines: Record<Locale, (model: ReportModel) => DocumentSymbol[]> = {
  'zh-cn': derivedFrom((model) => buildSymbols(model, 'zh-cn')),
  en: derivedFrom((model) => buildSymbols(model, 'en')),
};

export function documentSymbols(model: ReportModel, locale: Locale): DocumentSymbol[] {
  return outlines[locale](model);
}

function buildSymbols(model: ReportModel, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const placed = new Set<TableModel>();
  for (const section of model.sections) {
    const inside = (s: Span) => s.start >= section.span.start && s.start < section.span.end;
    const tables = model.tables.filter((t) => inside(t.span));
    tables.forEach((t) => placed.add(t));
    const subHeadings = subHeadingsOf(model, section);
    const ends = subHeadingEnds(section, subHeadings, tables);
    const subs = subHeadings.map((h, i) => symbol(model, h.text, SymbolKind.Namespace, { start: h.span.start, end: ends[i] }, h.span));
    const children = [...subs, ...tables.map((t) => tableSymbol(model, t, locale))]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const detail = section.heading.standard ? undefined : (locale === 'en' ? 'non-standard heading' : '标题不规范');
    out.push(symbol(model, section.heading.text, SymbolKind.Module, section.span, section.heading.span, children, detail));
  }
  for (const t of model.tables) if (!placed.has(t)) out.push(tableSymbol(model, t, locale));
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

export const capabilities = (client: ClientOptions) => ({ documentSymbolProvider: { label: client.locale === 'en' ? 'Report' : '年报' } });

export function register(connection: Connection, services: Services): void {
  // A web page's outline is the HTML one; the report's sections are in the Report checks view.
  connection.onDocumentSymbol(onReport(services, ({ model, page, locale }, _params: DocumentSymbolParams) => (page ? null : documentSymbols(model, locale))));
}
