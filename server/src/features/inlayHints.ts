// Inlay hints after the total cells of tables 三 and 四: the figure the cell's relation (R1–R4) expects,
// `= 34`, when it differs from the cell (or always, by setting); on table 三's 二、上年结转 the figure R1 implies.
import { InlayHintKind, MarkupKind, type Connection, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { localize, positionAt, type CellModel, type Locale, type RelationResult, type ReportModel, type Span } from '../engine';
import { relationsOf } from '../lsp/analyses';
import { invalidParams, isRange } from '../lsp/guard';
import { offsetOf, onReport } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { relationArithmetic } from './hover';

/** govreport.inlayHints.totals: off, only where the figure differs (default), or after every total. */
export type TotalHintsMode = 'off' | 'whenDifferent' | 'always';
export const TOTAL_HINTS_MODES: readonly TotalHintsMode[] = ['off', 'whenDifferent', 'always'];

export interface InlayHintInput {
  model: ReportModel;
  relations: RelationResult[];
  mode: TotalHintsMode;
  locale: Locale;
  /** Only hints in this range of offsets (the visible part of the editor). */
  within?: Span;
}

const inside = (span: Span, within: Span | undefined) => !within || (span.end >= within.start && span.start <= within.end);

export function inlayHints({ model, relations, mode, locale, within }: InlayHintInput): InlayHint[] {
  if (mode === 'off') return [];
  const hints: InlayHint[] = [];
  // One hint a total cell: R1 and R3 both sit on table 三's 四、结转下年度继续办理 × 总计.
  const byCell = new Map<CellModel, RelationResult[]>();
  for (const r of relations) {
    if ((mode === 'always' || !r.ok) && inside(r.target.cell.span, within)) {
      const list = byCell.get(r.target.cell);
      if (list) list.push(r); else byCell.set(r.target.cell, [r]);
    }
    const carried = carriedHint(model, r, locale, within);
    if (carried) hints.push(carried);
  }
  for (const [cell, rs] of byCell) {
    const values = [...new Set(rs.map((r) => r.expected))];
    hints.push({
      position: positionAt(model.lineStarts, cell.span.end), kind: InlayHintKind.Parameter, paddingLeft: true,
      label: values.length === 1 ? `= ${values[0]}` : rs.map((r) => `${r.id} = ${r.expected}`).join(' · '),
      tooltip: { kind: MarkupKind.Markdown, value: rs.map((r) => `**${r.id}** ${localize(r.description, locale)}  \n\`${relationArithmetic(r)}\` ${r.ok ? '✓' : '✗'}`).join('\n\n') },
    });
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** R1 read the other way: the carried-over figure that would balance the row (一 + 二 = 三 + 四), when R1 fails. */
function carriedHint(model: ReportModel, r: RelationResult, locale: Locale, within: Span | undefined): InlayHint | null {
  const carried = r.id === 'R1' && !r.ok ? r.plus.find((p) => p.row.key === 'carried') : undefined;
  if (!carried || !inside(carried.cell.span, within)) return null;
  const implied = r.actual - r.expected + (carried.cell.value ?? 0);
  if (implied < 0) return null;
  const total = r.minus.map((m) => m.cell.value).join(' + ');
  const fresh = r.plus.filter((p) => p !== carried).map((p) => p.cell.value).join(' + ');
  return {
    position: positionAt(model.lineStarts, carried.cell.span.end), label: `R1 ⇒ ${implied}`, kind: InlayHintKind.Parameter, paddingLeft: true,
    tooltip: locale === 'en'
      ? `The carried-over figure R1 implies: carried forward ${r.actual} + total ${total} − new ${fresh} = ${implied}`
      : `按 R1 推算的上年结转：结转下年度 ${r.actual} + 办理结果总计 ${total} − 本年新收 ${fresh} = ${implied}`,
  };
}

export const capabilities = () => ({ inlayHintProvider: true });

export function register(connection: Connection, services: Services): void {
  connection.languages.inlayHint.on(onReport(services, async ({ uri, model, locale }, params: InlayHintParams) => {
    const mode = (await services.settings.forUri(uri)).totalHints;
    const within = { start: offsetOf(model, params.range.start), end: offsetOf(model, params.range.end) };
    return inlayHints({ model, relations: relationsOf(model), mode, locale, within });
  }, (params) => (isRange(params.range) ? null : invalidParams('range'))));
}
