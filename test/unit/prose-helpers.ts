// Small reports for the prose rules: the template skeleton with chosen prose, section 六 and table values.
import { checkText, computeLineStarts, offsetAt, parseReport, proseFigures, reportSkeleton, type Finding, type ProseFigure, type TemplateYear } from '../../server/src/engine';
import { replaceOnce, setCell, textOf } from './helpers';

export interface ReportFixture {
  year?: TemplateYear;
  reportYear?: number;
  agency?: string;
  /** Replaces section 一's placeholder. */
  prose?: string;
  /** Replaces section 五's placeholder. */
  five?: string;
  /** Replaces section 六's placeholder. */
  six?: string;
  /** Table 三 cells: `row` (the 总计 column) or `row.column`. */
  applications?: Record<string, number>;
  /** Table 四 cells by column key, e.g. `review.total`. */
  cases?: Record<string, number>;
}

const PLACEHOLDER = '（文字描述）';
const FEE_PLACEHOLDER = '（文字描述，收取信息处理费情况在此处报告。）';

export function buildReport(f: ReportFixture = {}): string {
  const year = f.year ?? 2021;
  let text = reportSkeleton(year, f.reportYear ?? (year === 2021 ? 2021 : 2020), f.agency ?? '示例区测试局');
  text = replaceOnce(text, PLACEHOLDER, f.prose ?? '本机关认真做好政府信息公开工作。');
  text = replaceOnce(text, PLACEHOLDER, f.five ?? '无。');
  if (year === 2021) text = replaceOnce(text, FEE_PLACEHOLDER, f.six ?? '本机关未收取信息处理费。');
  else text = replaceOnce(text, PLACEHOLDER, f.six ?? '无。');
  for (const [key, value] of Object.entries(f.applications ?? {})) {
    const [row, column = 'total'] = key.split('.');
    text = setCell(text, 3, row, column, String(value)).text;
  }
  for (const [column, value] of Object.entries(f.cases ?? {})) text = setCell(text, 4, 'cases', column, String(value)).text;
  return text;
}

export function figures(text: string): ProseFigure[] {
  return proseFigures(parseReport(text));
}

/** Figures as compact strings: metric, value, status, severity, compared value. */
export function figureSummary(text: string): string[] {
  return figures(text).map((f) => `${f.metric} ${f.value} ${f.status}${f.severity ? `/${f.severity}` : ''}${f.target ? ` ${f.target.value}` : ''}`);
}

export function ruleFindings(text: string, code: string): Finding[] {
  return checkText(text).findings.filter((f) => f.code === code);
}

/** A finding as: severity, underlined text, message. */
export function described(text: string, f: Finding): string {
  return `${f.severity} [${textOf(text, f.range)}] ${f.message.zh}`;
}

/** The table cells a finding is related to (the cells the figure was compared with), as table/row/column. */
export function relatedCells(text: string, f: Finding): string[] {
  const model = parseReport(text);
  const starts = computeLineStarts(text);
  return f.related.map((r) => {
    const at = offsetAt(starts, text.length, r.range.start);
    for (const t of model.tables) for (const row of t.rows) for (const c of row.cells) if (c.span.start === at) return `${t.id}/${row.key}/${c.columnKey}`;
    return `not a cell: ${textOf(text, r.range)}`;
  });
}
