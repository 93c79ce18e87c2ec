// Small reports written inline for the feature tests: the template's skeleton with chosen figures, parsed and
// checked in memory through the server's own analysis path (no build, no shared reports).
import { computeLineStarts, defaultConfig, positionAt, reportSkeleton, type Position, type TemplateYear } from '../../../server/src/engine';
import { Analyses, type Analysis } from '../../../server/src/lsp/analyses';

export const URI = 'file:///reports/示例局2022年政府信息公开工作年度报告.govreport';

/** Table 三's rows with their seven figures (six applicant columns and the total). */
export const BALANCED: Record<string, number[]> = {
  '一、本年新收政府信息公开申请数量': [5, 1, 0, 0, 0, 0, 6],
  '二、上年结转政府信息公开申请数量': [1, 0, 0, 0, 0, 0, 1],
  '（一）予以公开': [4, 1, 0, 0, 0, 0, 5],
  '（七）总计': [4, 1, 0, 0, 0, 0, 5],
  '四、结转下年度继续办理': [2, 0, 0, 0, 0, 0, 2],
};

/** The skeleton of a template year with the given rows' figures written in (pipe rows). */
export function report(figures: Record<string, number[]> = BALANCED, year: TemplateYear = 2021): string {
  let text = reportSkeleton(year, 2022, '示例局');
  for (const [label, values] of Object.entries(figures)) {
    const line = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|.*$`, 'm');
    if (!line.test(text)) throw new Error(`no row ${label}`);
    text = text.replace(line, `${label} | ${values.join(' | ')} |`);
  }
  return text;
}

/** The offset of the `nth` occurrence of `needle` (plus `delta`). */
export function offsetOf(text: string, needle: string, delta = 0, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no ${needle}`);
  }
  return at + delta;
}

export const positionOf = (text: string, offset: number): Position => positionAt(computeLineStarts(text), offset);

/** The analysis of a text as the server makes it for an open document at `version`. */
export async function analyze(text: string, version = 1): Promise<Analysis> {
  const analyses = new Analyses({ workers: null });
  const a = await analyses.analyze({ uri: URI, version, textKey: `v${version}`, getText: () => text }, defaultConfig(), Infinity, () => false);
  if (!a) throw new Error('no analysis');
  return a;
}
