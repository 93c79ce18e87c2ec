// The layouts a table is typed in (pipe rows, markdown, cell per line), told from a table's text, and template
// rows and tables written in one of them — as snippets, with a tab stop on every cell.
import { renderTable, type ReportModel, type TableModel } from '../engine';
import type { RowSpec, TableTemplate } from '../engine/template';

export type TableLayout = 'pipe' | 'markdown' | 'cells';

const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*\|/;
/** Table 四's outcome columns, under each of its three headers. */
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** The layout of a table's text: a markdown rule line, else pipes, else tab-indented cells, else pipe rows. */
export function layoutOf(text: string, table: TableModel): TableLayout {
  const body = text.slice(table.span.start, table.span.end);
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.some((l) => MARKDOWN_RULE.test(l))) return 'markdown';
  if (lines.some((l) => l.includes('|'))) return 'pipe';
  if (lines.some((l) => l.startsWith('\t'))) return 'cells';
  return 'pipe';
}

/** The layout of the file's tables (the first table's), pipe rows for a file with none. */
export function fileLayout(model: ReportModel): TableLayout {
  return model.tables.length ? layoutOf(model.text, model.tables[0]) : 'pipe';
}

/** Text made safe inside a snippet. */
export const snippetEscape = (s: string): string => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** Numbers tab stops from `first` on. */
class Stops {
  constructor(private next = 1) {}
  cell(): string { return `\${${this.next++}:0}`; }
}

/** Lines of one row (the cells already written, e.g. tab stops) in a layout. */
function rowLines(label: string, cells: string[], layout: TableLayout, width: number): string[] {
  if (layout === 'cells') return [label ? `\t${label}` : '\t', ...cells.map((c) => `\t${c}`), ''];
  if (layout === 'markdown') {
    const filled = cells.length ? cells : Array<string>(Math.max(width - 1, 0)).fill('');
    return [`| ${(label ? [label, ...filled] : filled).join(' | ')} |`.replace(/ {2}\|/g, ' |')];
  }
  if (!cells.length) return [label];
  return [label ? `${label} | ${cells.join(' | ')} |` : `| ${cells.join(' | ')} |`];
}

/** A template row as snippet text in a layout (tab stops from `firstStop`). */
export function rowSnippet(row: RowSpec, layout: TableLayout, firstStop = 1): string {
  const stops = new Stops(firstStop);
  const cells = row.group ? [] : row.columns.map(() => stops.cell());
  return rowLines(snippetEscape(row.label), cells, layout, 0).join('\n');
}

/** The header lines of tables 三 and 四 as cell lists (table 二's headers come with its blocks). */
function headerRows(tpl: TableTemplate): string[][] {
  if (tpl.id === 3) return [['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']];
  if (tpl.id === 4) return [['行政复议', '行政诉讼'], [...OUTCOMES, '未经复议直接起诉', '复议后起诉'], [...OUTCOMES, ...OUTCOMES, ...OUTCOMES]];
  return [];
}

/** A whole table of the template as a snippet, in a layout, with a tab stop on every cell. */
export function tableSnippet(tpl: TableTemplate, layout: TableLayout, firstStop = 1): string {
  const stops = new Stops(firstStop);
  if (layout === 'pipe') {
    // The skeleton renderer's pipe rows, each zero cell a tab stop.
    return snippetEscape(renderTable(tpl)).replace(/(?<=\| )0(?= \|)/g, () => stops.cell());
  }
  const width = Math.max(...tpl.rows.map((r) => r.columns.length)) + 1;
  const lines: string[] = [];
  const headers = headerRows(tpl);
  headers.forEach((h, i) => {
    if (layout !== 'markdown') lines.push(...rowLines(h[0], h.slice(1), layout, width));
    else lines.push(`| ${h.join(' | ')} |`, ...(i === 0 ? [`|${'---|'.repeat(h.length)}`] : []));
  });
  for (const row of tpl.rows) {
    const cells = row.group ? [] : row.columns.map(() => stops.cell());
    lines.push(...rowLines(snippetEscape(row.label), cells, layout, width));
    const firstData = row.headers ? tpl.rows.find((r) => r.block === row.block && !r.group) : undefined;
    if (firstData) lines.push(...rowLines('信息内容', firstData.columns.map((c) => c.path[1]), layout, width));
  }
  return lines.join('\n');
}
