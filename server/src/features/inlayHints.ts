// Inlay hints after the total cells of tables 三 and 四: the figure the cell's relation (R1–R4) expects,
// `= 34`, when it differs from the cell (or always, by setting); on table 三's 二、上年结转 the figure R1 implies.
import { InlayHintKind, MarkupKind, type InlayHint } from 'vscode-languageserver-protocol';
import { localize, positionAt, type Locale, type RelationResult, type ReportModel, type Span } from '../engine';
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
  for (const r of relations) {
    const show = mode === 'always' || !r.ok;
    if (show && inside(r.target.cell.span, within)) {
      hints.push({
        position: positionAt(model.lineStarts, r.target.cell.span.end), label: `= ${r.expected}`, kind: InlayHintKind.Parameter, paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: `**${r.id}** ${localize(r.description, locale)}  \n\`${relationArithmetic(r)}\` ${r.ok ? '✓' : '✗'}` },
      });
    }
    // R1 read the other way: the carried-over figure that would balance the row (一 + 二 = 三 + 四).
    const carried = r.id === 'R1' ? r.plus.find((p) => p.row.key === 'carried') : undefined;
    if (!carried || r.ok || !inside(carried.cell.span, within)) continue;
    const implied = r.actual - r.expected + (carried.cell.value ?? 0);
    if (implied < 0) continue;
    hints.push({
      position: positionAt(model.lineStarts, carried.cell.span.end), label: `R1 ⇒ ${implied}`, kind: InlayHintKind.Parameter, paddingLeft: true,
      tooltip: locale === 'en'
        ? `The carried-over figure R1 implies: the carry-forward ${r.actual} + the total ${r.minus.map((m) => m.cell.value).join(' + ')} − new ${r.plus.filter((p) => p !== carried).map((p) => p.cell.value).join(' + ')}`
        : `按 R1 推算的上年结转：结转下年度 ${r.actual} + 办理结果总计 ${r.minus.map((m) => m.cell.value).join(' + ')} − 本年新收 ${r.plus.filter((p) => p !== carried).map((p) => p.cell.value).join(' + ')}`,
    });
  }
  return hints;
}
