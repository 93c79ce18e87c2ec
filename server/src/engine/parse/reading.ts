// How far a table's reading can be trusted. Real copies are often incomplete: a page cut short stops inside a
// table, a web page collapses blank cells so that values lose their columns, a table pasted as an image leaves
// only its labels. Each of these is said once for the table (rules/table-shape, rules/row-missing), instead of a
// finding for every row the copy lacks, and the relations are not evaluated on figures that cannot be placed.
import { labelKey } from '../normalize';
import { lineAt, type Lines } from '../text';
import type { RowModel, TableModel } from '../types';

/** Share of a table's expected figures below which a table with its labels counts as having no figures. */
const FEW_VALUES = 0.1;
/** Rows a table needs before "labels without figures" is said of it. */
const MIN_ROWS_FOR_NO_VALUES = 3;

/** Where a table was read. */
export interface ReadingContext {
  /** The lines the parser read the text as. */
  lines: Lines;
  /** The text ends in the table, nothing but labels after its last row read: the copy may stop inside it. */
  endsInTable: boolean;
  /** The table stands in a flattened page (parse/flattened.ts), its cells told apart by single spaces or nothing. */
  flattened: boolean;
}

/** Sets `cut` and `unreliable` on a freshly aligned table. */
export function judgeReading(text: string, table: TableModel, { lines, endsInTable, flattened }: ReadingContext): TableModel {
  if (endsInTable) markCut(table);
  // A group label carries no figures: one the layout broke up or left out is no loss while its rows are there.
  if (table.missingRows.some((m) => m.group)) {
    table.missingRows = table.missingRows.filter((m) => !m.group || !table.rows.some((r) => r.labelSpan && r.path.includes(m.label)));
  }
  table.unreliable ??= noFigures(table) ?? collapsedBlanks(text, lines, table, flattened) ?? wordsForFigures(table) ?? (flattened ? flattenedLeftovers(table) : null);
  return table;
}

/**
 * A table of a flattened page that does not read cleanly: with its line breaks gone, what is left over (a header's
 * pieces, a stray figure, a row short of one) may as well have shifted every figure after it.
 */
function flattenedLeftovers(table: TableModel): TableModel['unreliable'] {
  const readCleanly = table.unread.length === 0 && !table.rows.some((r) => isShortRow(r) && r.key !== table.cut?.lastRow?.key);
  if (readCleanly) return null;
  return {
    zh: '原文为连排文本（如网页抓取的正文），表格的单元格无法可靠地分开，未检查其数值',
    en: 'The text is flattened (as a crawler gives a page): the table\'s cells cannot be told apart reliably, and its figures were not checked',
  };
}

/**
 * A row with fewer figures than columns (a group row has none to have): which of its cells lacks one cannot be told,
 * its figures having been read left to right.
 */
export const isShortRow = (r: RowModel): boolean => !r.group && r.cells.length < r.expectedValues;

function markCut(table: TableModel): void {
  const read = table.rows.filter((r) => r.labelSpan || r.cells.length > 0);
  const last = read[read.length - 1];
  // The rows missing after the last one read are what the copy lacks; a row missing before it is the report's.
  const lastIndex = last ? table.rows.indexOf(last) : -1;
  const tail = new Set<string>();
  const after = new Set(table.rows.slice(lastIndex + 1).map((r) => r.key));
  for (const m of table.missingRows) {
    // A missing row "after" the last read one: its anchor is the last row's (or nothing, before any row).
    const anchoredAtEnd = last ? m.after !== null && m.after.end >= (last.labelSpan?.start ?? 0) : true;
    if (anchoredAtEnd && !after.has(m.key)) tail.add(m.key);
  }
  // The cut may fall inside the last row's figures or inside its label (（六）其他 for （六）其他处理).
  const insideLastRow = !!last && (isShortRow(last) || (last.label !== null && labelKey(last.label) !== labelKey(last.templateLabel)));
  if (tail.size === 0 && !insideLastRow) return;
  table.missingRows = table.missingRows.filter((m) => !tail.has(m.key));
  if (insideLastRow) table.unread = table.unread.filter((u) => !(u.reason === 'short-row' && u.rowKey === last.key));
  table.cut = {
    lastRow: last ? { key: last.key, label: last.label ?? last.templateLabel, span: last.labelSpan ?? last.cells[0].span } : null,
    insideLastRow,
    missingKeys: [...tail],
  };
}

/** A table whose rows are there but whose figures are not (pasted as an image, or lost in the copy). */
function noFigures(table: TableModel): TableModel['unreliable'] {
  let rows = 0;
  let expected = 0;
  let read = 0;
  for (const r of table.rows) {
    // Table 四's one row has no label: its header cells stand for it.
    if (r.group || (!r.labelSpan && table.headers.length < 3)) continue;
    rows++;
    expected += r.expectedValues;
    read += r.cells.length;
  }
  const enough = rows >= MIN_ROWS_FOR_NO_VALUES || (rows === 1 && expected >= 15);
  if (!enough || read > expected * FEW_VALUES) return null;
  return {
    zh: '表格只有行列标签，几乎没有数值（可能以图片发布或复制时丢失），未检查其数值',
    en: 'The table has its labels but almost no figures (published as an image, or lost in the copy); its figures were not checked',
  };
}

/** Words read where figures belong, at or above which a table is taken for prose (with this share of its cells). */
const MIN_WORDS_FOR_FIGURES = 3;
const WORDS_SHARE = 1 / 3;
/** A CJK ideograph other than those a cell may hold for nothing (无, 空, 零) or a count's unit. */
const WORD = /[\u4e00-\u9fff](?<![无空零件个项万元次人])/u;

/**
 * A "table" whose cells are in good part words (年, 月, 日起至): the template's headers met in a sentence (a copy
 * cut short in its opening, which names the sections and gives the period, 自2021年1月1日起至…). Its figures are
 * not the table's.
 */
function wordsForFigures(table: TableModel): TableModel['unreliable'] {
  let cells = 0;
  let words = 0;
  for (const r of table.rows) {
    for (const c of r.cells) {
      cells++;
      if (c.kind === 'invalid' && WORD.test(c.raw)) words++;
    }
  }
  if (words < MIN_WORDS_FOR_FIGURES || words < cells * WORDS_SHARE) return null;
  return {
    zh: '表格位置上读到的多为文字而非数字（可能是正文中提到表格标题，或表格复制不全），未检查其数值',
    en: 'Mostly words where the table\'s figures belong (the text may only name its headers, or the copy lost the table): its figures were not checked',
  };
}

/** A line of nothing but cell separators, two or more: where a web page's copy lost a run of blank cells. */
const FILLER_LINE = /^[ \t\u3000]*\|[ \t\u3000|]*\|[ \t\u3000|]*$/;

/**
 * Rows short of figures and followed by a line of bare separators: blank cells collapsed when the page was
 * copied, so the figures that are there cannot be placed in their columns. In a flattened page the line is gone,
 * and what is left of it is a run of separators with nothing between them right after a figure (…数量 |3 |3
 * ||||||||二、…); after a label, such a run is a caption's or a group row's empty cells (第二十条第（一）项 | |||).
 */
function collapsedBlanks(text: string, lines: Lines, table: TableModel, flattened: boolean): TableModel['unreliable'] {
  if (flattened && FLATTENED_FILLER.test(text.slice(table.span.start, table.span.end))) return COLLAPSED_BLANKS;
  const lineText = (l: number) => text.slice(lines.starts[l], lines.ends[l]);
  for (const r of table.rows) {
    if (!isShortRow(r) || r.cells.length === 0 || (table.cut?.insideLastRow && r.key === table.cut.lastRow?.key)) continue;
    // The line after the last cell's, and on to the next that holds anything.
    let next = lineAt(lines.starts, r.cells[r.cells.length - 1].span.end) + 1;
    while (next < lines.starts.length && lineText(next).trim() === '') next++;
    if (next < lines.starts.length && FILLER_LINE.test(lineText(next))) return COLLAPSED_BLANKS;
  }
  return null;
}

/** A figure's cell, then four separators or more with nothing between them (a row's own empty cells leave fewer). */
const FLATTENED_FILLER = /\d[ \t\u3000]*\|[ \t\u3000]*\|\|\|\|/;

const COLLAPSED_BLANKS = {
  zh: '表格复制时空白单元格被合并（只剩一串“|”），数值无法对应到各列，未检查其数值',
  en: 'Blank cells of the table collapsed in the copy (only a run of "|" is left): the figures cannot be placed in their columns and were not checked',
};
