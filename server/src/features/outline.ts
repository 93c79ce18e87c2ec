// The data of the "Report checks" view: each report's sections, tables and the relations R1–R4 with ✓/✗.
import { ResponseError, type Connection } from 'vscode-languageserver';
import { cellName, spanToRange, standardHeading, type Locale, type RelationResult, type TableModel } from '../engine';
import { relationsOf, summarize, type Analysis } from '../lsp/analyses';
import { plainUri } from '../lsp/guard';
import { analysisOf, unlessCancelled } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { REPORT_OUTLINE, type RelationOutline, type ReportOutline, type TableOutline } from '../protocol';
import { TABLE_NAMES } from './glossary';
import { isSourceMapped, mapRanges, TextToSource } from '../lsp/published';

function relationOutline(analysis: Analysis, r: RelationResult): RelationOutline {
  const label = `${cellName(r.target.row, r.target.cell)}: ${r.ok ? `${r.actual}` : `${r.actual} ≠ ${r.expected}`}`;
  return { id: r.id, ok: r.ok, label, expected: r.expected, actual: r.actual, range: spanToRange(analysis.model!.lineStarts, r.target.cell.span) };
}

function tableOutline(analysis: Analysis, table: TableModel, locale: Locale): TableOutline {
  const relations = relationsOf(analysis.model!).filter((r) => r.tableId === table.id).map((r) => relationOutline(analysis, r));
  return {
    id: table.id,
    name: locale === 'en' ? TABLE_NAMES[table.id].en : TABLE_NAMES[table.id].zh,
    variant: table.variant,
    range: spanToRange(analysis.model!.lineStarts, table.span),
    relations,
  };
}

export function reportOutline(analysis: Analysis, locale: Locale): ReportOutline {
  const base = summarize(analysis);
  const model = analysis.model;
  if (!model) return { ...base, sections: [], looseTables: [], missingSections: [] };
  const placed = new Set<TableModel>();
  const sections = model.sections.map((s) => {
    const tables = model.tables.filter((t) => t.span.start >= s.span.start && t.span.start < s.span.end);
    tables.forEach((t) => placed.add(t));
    return {
      id: s.id,
      name: s.heading.text,
      standard: s.heading.standard,
      range: spanToRange(model.lineStarts, s.span),
      selectionRange: spanToRange(model.lineStarts, s.heading.span),
      tables: tables.map((t) => tableOutline(analysis, t, locale)),
    };
  });
  const present = new Set(model.sections.map((s) => s.id));
  return {
    ...base,
    sections,
    looseTables: model.tables.filter((t) => !placed.has(t)).map((t) => tableOutline(analysis, t, locale)),
    missingSections: ([1, 2, 3, 4, 5, 6] as const).filter((id) => !present.has(id)).map((id) => ({ id, name: standardHeading(id) })),
  };
}

export function register(connection: Connection, services: Services): void {
  connection.onRequest(REPORT_OUTLINE, async (params, token) => {
    const uri = plainUri(params);
    if (uri instanceof ResponseError) return uri;
    // An open report at its current version, else the last check of a workspace file or a closed view.
    const a = await analysisOf(services, uri, token);
    const analysis = a ?? (await unlessCancelled(services.reports.last(uri), token));
    if (analysis instanceof ResponseError) return analysis;
    if (!analysis) return null;
    const outline = reportOutline(analysis, services.client.locale);
    const page = analysis.published && analysis.model && isSourceMapped(analysis.published) ? analysis.published : null;
    return page ? mapRanges(outline, (r) => new TextToSource(page, analysis.model!.lineStarts).range(r)) : outline;
  });
}
