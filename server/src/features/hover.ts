// Hover: a number cell (row path × column path, and for a total its relation with figures and ✓/✗),
// a row label (meaning and 条例 provision), an article reference (its text), a section heading
// (what the section must contain).
import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver';
import { cellName, describeFigure, localize, offsetAt, positionAt, templateOf, proseFigures, SECTIONS, spanToRange, standardHeading, type ProseFigure, type CellModel, type Locale, type RelationResult, type ReportModel, type RowModel, type Span, type TableModel } from '../engine';
import { derivedFrom } from '../engine/derived';
import type { RowSpec } from '../engine/template';
import { lineEnd } from '../engine/text';
import { relationsOf } from '../lsp/analyses';
import { invalidParams, isPosition } from '../lsp/guard';
import { offsetOf, onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { TextToSource, textOffsetOfSource } from '../lsp/published';
import { parseRef, refAt, renderRef } from './articleRefs';
import { REVIEW_GROUPS, TABLE_NAMES } from './glossary';

const within = (span: Span | null, offset: number) => !!span && offset >= span.start && offset <= span.end;
const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

export function relationArithmetic(r: RelationResult): string {
  const plus = r.plus.map((x) => String(x.cell.value)).join(' + ');
  const minus = r.minus.map((x) => ` − ${x.cell.value}`).join('');
  return `${plus}${minus} = ${r.expected}`;
}

export function relationLine(r: RelationResult, locale: Locale): string {
  const verdict = r.ok
    ? '✓'
    : t(locale, `✗ 表中为 ${r.actual}，应为 ${r.expected}`, `✗ the table says ${r.actual}, expected ${r.expected}`);
  return `**${r.id}** ${localize(r.description, locale)}  \n\`${relationArithmetic(r)}\` ${verdict}`;
}

function cellHover(relations: RelationResult[], table: TableModel, row: RowModel, cell: CellModel, locale: Locale): string {
  const parts = [`**${cellName(row, cell)}**`];
  const value = cell.value === null ? t(locale, '（无法读取为数值）', '(not readable as a number)') : String(cell.value);
  parts.push(`${t(locale, TABLE_NAMES[table.id].zh, TABLE_NAMES[table.id].en)} · ${t(locale, '数值', 'value')} ${value}${cell.raw !== String(cell.value) ? ` · ${t(locale, '原文', 'as written')} \`${cell.raw}\`` : ''}`);
  if (table.inferredCells.some((s) => s.start === cell.span.start && s.end === cell.span.end)) {
    parts.push(t(locale,
      '⚠ 原文中数字连在一起，此格的边界是按本行“总计”等于各列之和推断的（唯一可能的切分）',
      '⚠ The figures run together in the text: this cell\'s boundaries were inferred from the row\'s total (the only cut that adds up)'));
  }
  const own = relations.filter((r) => r.target.cell === cell);
  if (own.length) parts.push(own.map((r) => relationLine(r, locale)).join('\n\n'));
  const part = relations.filter((r) => r.target.cell !== cell && (r.plus.some((x) => x.cell === cell) || r.minus.some((x) => x.cell === cell)));
  if (part.length) {
    const ids = [...new Set(part.map((r) => `${r.id}${r.ok ? '✓' : '✗'}`))].join(' ');
    parts.push(t(locale, `计入：${ids}`, `Counted in: ${ids}`));
  }
  return parts.join('\n\n');
}

/** What a row counts and its provision, from the template's row. */
function meaningOf(table: TableModel, row: RowModel): Pick<RowSpec, 'meaning' | 'article'> | undefined {
  return templateOf(table)?.rows.find((r) => r.key === row.key);
}

function rowHover(table: TableModel, row: RowModel, locale: Locale): string {
  const parts = [`**${row.templateLabel || row.label}**`];
  if (row.label && row.label !== row.templateLabel) parts.push(t(locale, `原文：${row.label}`, `As written: ${row.label}`));
  parts.push(t(locale, TABLE_NAMES[table.id].zh, TABLE_NAMES[table.id].en));
  const { meaning, article } = meaningOf(table, row) ?? {};
  if (meaning) {
    parts.push(localize(meaning, locale));
    const ref = article ? parseRef(article) : null;
    const rendered = ref ? renderRef(ref, locale) : null;
    if (rendered) parts.push(rendered);
  }
  return parts.join('\n\n');
}

function sectionHover(id: number, locale: Locale): string {
  const spec = SECTIONS[id - 1];
  const parts = [`**${standardHeading(spec.id)}**`, t(locale, `本节应包括：${spec.contents}`, `This section must contain: ${spec.contentsEn}`)];
  const ref = parseRef(spec.article);
  const rendered = ref ? renderRef(ref, locale) : null;
  if (rendered) parts.push(rendered);
  return parts.join('\n\n');
}

/** Table 四 has no row labels: its cells say what the column group means. */
function reviewMeaning(cell: CellModel, locale: Locale): string | null {
  const group = REVIEW_GROUPS[cell.columnPath[0]];
  return group ? localize(group.meaning, locale) : null;
}

export interface HoverInput { model: ReportModel; relations: RelationResult[]; offset: number; locale: Locale }

export function hoverAt({ model, relations, offset, locale }: HoverInput): Hover | null {
  const make = (value: string, span: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: spanToRange(model.lineStarts, span),
  });
  for (const table of model.tables) {
    if (offset < table.span.start - 1 || offset > table.span.end + 1) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (!within(cell.span, offset)) continue;
        const value = cellHover(relations, table, row, cell, locale);
        const extra = table.id === 4 ? reviewMeaning(cell, locale) : null;
        return make(extra ? `${value}\n\n${extra}` : value, cell.span);
      }
      if (row.labelSpan && within(row.labelSpan, offset)) return make(rowHover(table, row, locale), row.labelSpan);
    }
  }
  for (const section of model.sections) {
    if (within(section.heading.span, offset)) return make(sectionHover(section.id, locale), section.heading.span);
  }
  const figure = figuresOf(model).find((f) => within(f.span, offset));
  if (figure) return make(figureHover(figure, locale), figure.span);
  return articleUnder(model, offset, locale);
}

/** Figures stated in the prose, read once per model. */
const figuresOf: (model: ReportModel) => ProseFigure[] = derivedFrom(proseFigures);

/** A figure in the prose: what it counts and the table cell(s) it was compared with. */
function figureHover(f: ProseFigure, locale: Locale): string {
  const mark = f.status === 'match' ? '✓' : f.status === 'mismatch' ? '✗' : '·';
  const head = t(locale, `**文中数字：${f.phrase}**（${localize(f.label, locale)}）`, `**Figure in the text: ${f.phrase}** (${localize(f.label, locale)})`);
  return `${head}\n\n${mark} ${localize(describeFigure(f), locale)}`;
}

function articleUnder(model: ReportModel, offset: number, locale: Locale): Hover | null {
  const line = positionAt(model.lineStarts, offset).line;
  const ref = refAt(model.text, model.lineStarts[line], lineEnd(model.text, model.lineStarts, line), offset);
  const value = ref ? renderRef(ref, locale) : null;
  return ref && value
    ? { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(model.lineStarts, ref.span) }
    : null;
}


export const capabilities = () => ({ hoverProvider: true });

export function register(connection: Connection, services: Services): void {
  connection.onHover(onReport(services, ({ model, page, locale }, params: HoverParams) => {
    const relations = relationsOf(model);
    if (!page) return hoverAt({ model, relations, offset: offsetOf(model, params.position), locale });
    // A web page: the position is in the page source; the hover is of the text read there, shown over its source.
    const html = page.extracted.sourceText ?? '';
    const offset = textOffsetOfSource(page, offsetAt(page.sourceLineStarts!, html.length, params.position));
    const hover = offset === null ? null : hoverAt({ model, relations, offset, locale });
    if (hover?.range) hover.range = new TextToSource(page, model.lineStarts).range(hover.range);
    return hover;
  }, (params) => (isPosition(params.position) ? null : invalidParams('position'))));
}
