// Completion where the template expects something: the missing section headings (the next one first), the
// next row label of a table in the layout the table is written in, column headers, and snippets of each
// section and table of the report's template year. Every label is the template's wording.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionParams, type Connection, type Range } from 'vscode-languageserver';
import { positionAt, SECTIONS, standardHeading, templateOf, templateYearForReportYear, type Locale, type ReportModel, type SectionId, type TableId, type TableModel, type TemplateYear } from '../engine';
import { templateYearSpec, type RowSpec, type TableTemplate } from '../engine/template';
import { invalidParams, isPosition } from '../lsp/guard';
import { offsetOf, onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { TABLE_SHORT_NAMES } from './glossary';
import { fileLayout, layoutOf, rowSnippet, snippetEscape, tableSnippet, type TableLayout } from './tableLayout';

export interface CompletionInput { model: ReportModel; offset: number; locale: Locale }

const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
const LAYOUT_NAMES: Record<TableLayout, [string, string]> = { pipe: ['管道行', 'pipe rows'], markdown: ['Markdown 表格', 'markdown table'], cells: ['每格一行', 'cell per line'] };

/** The template year new text is written in: the report's, else the one its year calls for, else the newest. */
export function writingTemplateYear(model: ReportModel): TemplateYear {
  if (model.templateYear) return model.templateYear;
  return model.reportYear ? templateYearForReportYear(model.reportYear) : 2021;
}

/** The section the offset is in (after its heading), if any. */
function sectionAt(model: ReportModel, offset: number) {
  return model.sections.find((s) => offset >= s.heading.span.end && offset <= s.span.end);
}

export function completions({ model, offset, locale }: CompletionInput): CompletionItem[] {
  const lineIndex = positionAt(model.lineStarts, offset).line;
  const lineStart = model.lineStarts[lineIndex];
  const prefix = model.text.slice(lineStart, offset);
  const range: Range = { start: { line: lineIndex, character: 0 }, end: { line: lineIndex, character: offset - lineStart } };
  const section = sectionAt(model, offset);
  const table = section && section.id >= 2 && section.id <= 4 ? model.tables.find((x) => x.id === section.id) : undefined;
  const items: CompletionItem[] = [];
  // Past the first cell of a row only column headers make sense.
  const pastFirstCell = /^[\t |]*[^\t |][^|]*\|/.test(prefix);
  if (table) items.push(...tableCompletions(model, table, lineStart, prefix, range, locale, pastFirstCell));
  if (pastFirstCell) return items;
  items.push(...headingCompletions(model, section?.id ?? 0, prefix, range, locale));
  // Inside a table the rows are what is typed: the section and table snippets are offered elsewhere.
  if (!table) items.push(...snippetCompletions(model, section?.id, range, locale));
  return items;
}

/** The missing section headings, the one expected next preselected. */
function headingCompletions(model: ReportModel, currentId: number, prefix: string, range: Range, locale: Locale): CompletionItem[] {
  const present = new Set(model.sections.map((s) => s.id));
  const missing = SECTIONS.filter((s) => !present.has(s.id));
  const next = missing.find((s) => s.id > currentId) ?? missing[0];
  return missing.map((s) => {
    const heading = standardHeading(s.id);
    return {
      label: heading, kind: CompletionItemKind.Module, preselect: s === next, sortText: `0${s === next ? 0 : 1}${s.id}`,
      detail: t(locale, '章节标题', 'section heading'), documentation: s.contents,
      filterText: prefix.trim() ? prefix.replace(/\S.*$/, '') + heading : heading,
      textEdit: { range, newText: heading },
    };
  });
}

/** A snippet of each section (its heading and table or prose) and of each table, in the file's layout. */
function snippetCompletions(model: ReportModel, sectionId: SectionId | undefined, range: Range, locale: Locale): CompletionItem[] {
  const year = writingTemplateYear(model);
  const spec = templateYearSpec(year);
  const layout = fileLayout(model);
  const layoutName = t(locale, ...LAYOUT_NAMES[layout]);
  const items: CompletionItem[] = [];
  for (const s of SECTIONS) {
    const heading = standardHeading(s.id);
    const tableId = s.id >= 2 && s.id <= 4 ? (s.id as TableId) : null;
    const body = tableId ? tableSnippet(spec.tables[tableId][0], layout) : '${1:（文字描述）}';
    items.push({
      label: `${heading}…`, kind: CompletionItemKind.Snippet, sortText: `2${s.id}`,
      detail: t(locale, `章节${tableId ? '与表格' : ''}（${year} 模板${tableId ? `，${layoutName}` : ''}）`, `section${tableId ? ' with its table' : ''} (${year} template${tableId ? `, ${layoutName}` : ''})`),
      filterText: heading, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: `${snippetEscape(heading)}\n${body}\n` },
    });
    // A table alone: first where its section has none yet, further down elsewhere.
    if (tableId) {
      const here = sectionId === s.id && !model.tables.some((x) => x.id === tableId);
      items.push({
        label: `${TABLE_SHORT_NAMES[tableId]}：${s.title}`, kind: CompletionItemKind.Snippet, preselect: here, sortText: here ? '00' : `3${s.id}`,
        detail: t(locale, `表格（${year} 模板，${layoutName}）`, `table (${year} template, ${layoutName})`),
        filterText: `${TABLE_SHORT_NAMES[tableId]}${s.title}`, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs,
        textEdit: { range, newText: `${tableSnippet(spec.tables[tableId][0], layout)}\n` },
      });
    }
  }
  return items;
}

/** The template row after the last row written before this line, then the template's rows the table lacks. */
function rowCandidates(table: TableModel, tpl: TableTemplate, lineStart: number): { next: RowSpec | undefined; missing: RowSpec[] } {
  let last = -1;
  for (const row of table.rows) {
    if (!row.labelSpan || row.labelSpan.end > lineStart) continue;
    const i = tpl.rows.findIndex((r) => r.key === row.key);
    if (i > last) last = i;
  }
  const labelled = tpl.rows.filter((r) => r.label);
  const next = tpl.rows.slice(last + 1).find((r) => r.label);
  const present = new Set(table.rows.filter((r) => r.labelSpan).map((r) => r.key));
  return { next, missing: labelled.filter((r) => r !== next && !present.has(r.key)) };
}

/** Row labels (as whole rows in the table's layout) and column headers, inside a table's section. */
function tableCompletions(model: ReportModel, table: TableModel, lineStart: number, prefix: string, range: Range, locale: Locale, pastFirstCell: boolean): CompletionItem[] {
  // A table read against another year's template (too few rows to tell) is continued in the report's year.
  const year = writingTemplateYear(model);
  const tpl = table.variantYear === year ? templateOf(table) : templateYearSpec(year).tables[table.id][0];
  if (!tpl) return [];
  const layout = layoutOf(model.text, table);
  const items: CompletionItem[] = [];
  const { next, missing } = rowCandidates(table, tpl, lineStart);
  const leading = /^[\t |]*/.exec(prefix)![0];
  const rowItem = (row: RowSpec, sortText: string, preselect: boolean): CompletionItem => {
    let text = rowSnippet(row, layout);
    // The line's own tab (cell per line) or pipe (markdown) stays; the snippet brings the rest.
    if (layout === 'cells' && leading.includes('\t')) text = text.replace(/^\t/, '');
    if (layout === 'markdown' && leading.includes('|')) text = text.replace(/^\| /, '');
    const start = { line: range.start.line, character: leading.length };
    return {
      label: row.label, kind: row.group ? CompletionItemKind.Folder : CompletionItemKind.Field, preselect, sortText,
      detail: t(locale, `${TABLE_SHORT_NAMES[table.id]}的行（${LAYOUT_NAMES[layout][0]}）`, `row of table ${table.id} (${LAYOUT_NAMES[layout][1]})`),
      filterText: row.label, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs,
      textEdit: { range: { start, end: range.end }, newText: text },
    };
  };
  if (next && !pastFirstCell) items.push(rowItem(next, '00', true));
  if (!pastFirstCell) missing.forEach((row, i) => items.push(rowItem(row, `1${String(i).padStart(3, '0')}`, false)));
  // Column headers: the table's, and table 二's block headers.
  const cellStart = prefix.lastIndexOf('|') + 1 || leading.length;
  const typedStart = cellStart + (/^\s*/.exec(prefix.slice(cellStart))![0].length);
  const headers = new Set([...tpl.headers, ...tpl.rows.flatMap((r) => r.headers ?? [])]);
  for (const h of headers) {
    items.push({
      label: h, kind: CompletionItemKind.EnumMember, sortText: `4${h}`,
      detail: t(locale, `${TABLE_SHORT_NAMES[table.id]}的列标题`, `column header of table ${table.id}`),
      filterText: h, textEdit: { range: { start: { line: range.start.line, character: typedStart }, end: range.end }, newText: h },
    });
  }
  return items;
}

export const capabilities = () => ({ completionProvider: { resolveProvider: false } });

export function register(connection: Connection, services: Services): void {
  connection.onCompletion(onReport(services, ({ model, locale }, params: CompletionParams) =>
    completions({ model, offset: offsetOf(model, params.position), locale }),
  (params) => (isPosition(params.position) ? null : invalidParams('position'))));
}
