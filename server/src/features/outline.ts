// The data of the "Report checks" view: each report's sections, tables and the relations R1–R4 with ✓/✗.
import { spanToRange, standardHeading, type RelationResult, type TableModel } from '../engine';
import type { Locale } from '../engine';
import type { Analysis } from './documentCache';
import { summarize } from './diagnostics';
import { TABLE_NAMES } from './glossary';
import { cellLabel } from './hover';
import type { RelationOutline, ReportOutline, TableOutline } from './protocol';

function relationOutline(analysis: Analysis, r: RelationResult): RelationOutline {
  const label = `${cellLabel(r.target.row, r.target.cell)}: ${r.ok ? `${r.actual}` : `${r.actual} ≠ ${r.expected}`}`;
  return { id: r.id, ok: r.ok, label, expected: r.expected, actual: r.actual, range: spanToRange(analysis.model!.lineStarts, r.target.cell.span) };
}

function tableOutline(analysis: Analysis, table: TableModel, locale: Locale): TableOutline {
  const relations = analysis.relations.filter((r) => r.tableId === table.id).map((r) => relationOutline(analysis, r));
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
