// Where a rule's example snippets are placed (see Placement in rule.ts): a minimal report of the template year, so
// that a few lines show a rule in a whole report. Used by the examples test and described on the docs pages.
import { reportSkeleton, standardHeading } from '../skeleton';
import { templateYearForReportYear } from '../template';
import type { SectionId, Span, TemplateYear } from '../types';
import type { Placement, RuleExample } from './rule';

export const EXAMPLE_AGENCY = '示例区测试局';

/** The report year of an example's report: 2021 for the 2021 template, 2020 for the 2019 one. */
export const exampleReportYear = (year: TemplateYear = 2021): number => (year === 2019 ? 2020 : year);

/** The template skeleton with a line of prose in each section: a report of `reportYear` with no finding. */
export function minimalReport(reportYear: number): string {
  const year = templateYearForReportYear(reportYear);
  const six = year >= 2021 ? '（文字描述，收取信息处理费情况在此处报告。）' : '（文字描述）';
  return reportSkeleton(year, reportYear, EXAMPLE_AGENCY)
    .replace('（文字描述）', '本机关认真做好政府信息公开工作。')
    .replace('（文字描述）', '无。')
    .replace(six, year >= 2021 ? '本机关未收取信息处理费。' : '无。');
}

/** A report with a snippet in place: its text, and where the snippet's pieces (a line each in a table) are. */
export interface PlacedSnippet { text: string; pieces: Span[] }

/** The example's report (`lastYear`: last year's report of the same body, for a rule across reports). */
export function exampleReport(example: RuleExample, lastYear = false): PlacedSnippet {
  const reportYear = exampleReportYear(example.year) - (lastYear ? 1 : 0);
  const snippet = lastYear ? example.lastYear ?? '' : example.snippet;
  return place(snippet, example.in, minimalReport(reportYear));
}

function place(snippet: string, placement: Placement, base: string): PlacedSnippet {
  if (placement === 'report') return { text: snippet, pieces: [{ start: 0, end: snippet.length }] };
  if ('section' in placement) {
    const { start, end } = sectionLines(base, placement.section, placement.through ?? placement.section);
    const filler = end < base.length ? '\n\n' : '\n';
    return { text: base.slice(0, start) + snippet + filler + base.slice(end), pieces: [{ start, end: start + snippet.length }] };
  }
  return placeRows(snippet.split('\n'), placement.table, base);
}

/** From the start of section `from`'s heading to the start of the heading after section `through`. */
function sectionLines(base: string, from: SectionId, through: SectionId): Span {
  const start = base.indexOf(`\n${standardHeading(from)}\n`) + 1;
  const next = through < 6 ? base.indexOf(`\n${standardHeading((through + 1) as SectionId)}\n`) + 1 : base.length;
  return { start, end: next };
}

const labelOf = (line: string): string => line.split('|')[0].trim();

/** Each line in place of the table's line with the same label, else the one whose label starts most alike. */
function placeRows(lines: string[], table: SectionId, base: string): PlacedSnippet {
  const all = base.split('\n');
  const { start, end } = sectionLines(base, table, table);
  const heading = base.slice(0, start).split('\n').length - 1;
  const nextHeading = base.slice(0, end).split('\n').length - 1;
  const at = lines.map((line) => closestRow(all, heading + 1, nextHeading - 1, labelOf(line)));
  at.forEach((i, k) => { all[i] = lines[k]; });
  const lineStart = (i: number) => all.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  return { text: all.join('\n'), pieces: at.map((i, k) => ({ start: lineStart(i), end: lineStart(i) + lines[k].length })) };
}

/** Among lines [from, to), the last with this label, else the last of those whose label starts most alike. */
function closestRow(lines: string[], from: number, to: number, label: string): number {
  let best = -1;
  let bestScore = -1;
  for (let i = from; i < to; i++) {
    const own = labelOf(lines[i]);
    const score = own === label ? Infinity : commonStart(own, label);
    if (score >= bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
