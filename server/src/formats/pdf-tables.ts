// Tables by geometry: rows are lines that carry values; their values are put in columns found from the x positions
// of all the values of the table; label lines around the rows are joined to the row they belong to (a label wrapped
// over two lines with its values centred between them), or kept as group labels (a cell spanning rows, printed
// less indented than the rows it spans); header fragments stacked in one column (`商业` / `企业`) are joined.
import { cellsOf, isValue, type Cell, type Line, type OutLine, type OutPart } from './pdf-layout';

type Kind = 'row' | 'label' | 'text';

interface Row { line: Line; labels: Cell[]; values: Cell[]; before: Cell[][]; prefix: Cell[]; suffix: Cell[]; /** Lowest line of its label. */ bottom: number }

const CAPTION = /^第[一二三四五六七八九十百]+条/;
const SECTION = /^[一二三四五六七八九十]+、/;

export function kindOf(l: Line): Kind {
  const first = l.cells.findIndex((c) => isValue(c.text));
  if (first < 0) return l.cells.length === 1 ? 'label' : 'text';
  if (!l.cells.slice(first).every((c) => isValue(c.text))) return 'text';
  return first > 0 || l.cells.length - first >= 2 ? 'row' : 'text';
}

/** Lay the pages out; a table whose header ends one page and whose rows start the next gets its header joined. */
export function layoutPages(pages: Line[][]): OutLine[] {
  const out: OutLine[] = [];
  let trailing: Line[] = [];
  for (const lines of pages) {
    const page = layoutLines(lines);
    if (trailing.length && lines.length && kindOf(lines[0]) === 'row') out.splice(out.length - trailing.length, trailing.length, ...headerLines(trailing));
    out.push(...page);
    const kinds = lines.map(kindOf);
    const n = lines.length ? headerZoneStart(lines, kinds, lines.length, page.length, lines[lines.length - 1].size) : 0;
    trailing = lines.slice(lines.length - n);
  }
  return out;
}

/** Lay one page's lines out as text lines, tables as pipe rows. */
export function layoutLines(lines: Line[]): OutLine[] {
  const kinds = lines.map(kindOf);
  const out: OutLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (kinds[i] !== 'row') { out.push(plainLine(lines[i])); i++; continue; }
    const end = blockEnd(lines, kinds, i);
    const headerStart = headerZoneStart(lines, kinds, i, out.length, lines[i].size);
    // The header zone was already written as plain lines: take them back and write the joined header instead.
    const zone = lines.slice(i - headerStart, i);
    out.splice(out.length - headerStart, headerStart, ...headerLines(zone));
    out.push(...tableLines(lines.slice(i, end), kinds.slice(i, end), i === 0));
    i = end;
  }
  return out;
}

function plainLine(l: Line): OutLine {
  const parts: OutPart[] = [];
  l.cells.forEach((c, k) => {
    if (k > 0) parts.push({ text: ' ', pieces: [] });
    parts.push({ text: c.text, pieces: c.pieces });
  });
  return parts;
}

/** A table runs from its first row to its last, through label lines of the table's size; a heading or prose ends it. */
function blockEnd(lines: Line[], kinds: Kind[], start: number): number {
  const size = lines[start].size;
  let last = start;
  for (let j = start + 1; j < lines.length; j++) {
    if (kinds[j] === 'row') { last = j; continue; }
    const l = lines[j];
    const text = l.cells[0].text;
    // Several label fragments on one line (a group label and a row label both wrapped) continue the table.
    const wrapped = kinds[j] === 'text' && !l.cells.some((c) => isValue(c.text)) && lines[j - 1].base - l.base < 1.6 * l.size;
    if ((kinds[j] === 'text' && !wrapped) || l.size > 1.3 * size || CAPTION.test(text) || (SECTION.test(text) && l.size > 1.2 * size && !l.cells[0].pieces[0].vertical)) break;
    if (lines[j - 1].base - l.base > 4 * size) break;
  }
  // Label lines after the last row belong to it only when they sit right under it (a wrapped label's tail).
  let end = last + 1;
  while (end < lines.length && kinds[end] === 'label' && lines[end - 1].base - lines[end].base < 1.6 * lines[end].size
    && lines[end].size <= 1.3 * size && !CAPTION.test(lines[end].cells[0].text)) end++;
  return end;
}

/** How many lines above a table's first row are its header (column labels, the note in its top-left cell). */
function headerZoneStart(lines: Line[], kinds: Kind[], start: number, written: number, size: number): number {
  let n = 0;
  for (let j = start - 1; j >= 0 && n < written; j--) {
    const l = lines[j];
    const text = l.cells[0].text;
    if (kinds[j] === 'row' || l.size > 1.25 * size || CAPTION.test(text) || SECTION.test(text)) break;
    if (j + 1 < lines.length && l.base - lines[j + 1].base > 3.5 * Math.max(l.size, size)) break;
    n++;
  }
  return n;
}

/** Header fragments stacked in one column (same left edge, one line apart) are one header cell (`商业` / `企业`);
 * stacks are found before neighbouring fragments are joined, since header columns stand only half a character apart. */
export function headerLines(zone: Line[]): OutLine[] {
  const merged: { cell: Cell; stacked: boolean; line: number }[] = [];
  zone.forEach((l, n) => {
    for (const c of cellsOf(l.cells.flatMap((x) => x.pieces), 0.3)) {
      // Lines of one cell stand closer (≈ 1.3 sizes) than the last line of a header row and the first of the next.
      const above = merged.find((m) => Math.abs(m.cell.x0 - c.x0) <= 2.5 && m.cell.base > c.base && m.cell.base - c.base <= 1.45 * c.size);
      if (above) {
        above.cell.text += c.text;
        above.cell.pieces.push(...c.pieces);
        above.cell.base = c.base;
        above.cell.x1 = Math.max(above.cell.x1, c.x1);
        above.stacked = true;
      } else {
        merged.push({ cell: { ...c, pieces: [...c.pieces] }, stacked: false, line: n });
      }
    }
  });
  const cells: Cell[] = [];
  for (const m of merged) {
    const prev = merged[merged.indexOf(m) - 1];
    const last = cells[cells.length - 1];
    // Letter-spaced single fragments on one line (`总 计`) are one word.
    if (prev && last === prev.cell && !m.stacked && !prev.stacked && prev.line === m.line && m.cell.x0 > last.x1 - 1 && m.cell.x0 - last.x1 < 0.6 * m.cell.size) {
      last.text += m.cell.text;
      last.pieces.push(...m.cell.pieces);
      last.x1 = m.cell.x1;
    } else {
      cells.push(m.cell);
    }
  }
  const top = (c: Cell): number => Math.max(...c.pieces.map((p) => p.base));
  cells.sort((a, b) => top(b) - top(a) > 1 ? 1 : top(a) - top(b) > 1 ? -1 : a.x0 - b.x0);
  return cells.map((c) => [{ text: c.text, pieces: c.pieces }]);
}

function tableLines(lines: Line[], kinds: Kind[], continued: boolean): OutLine[] {
  const rows: Row[] = [];
  const rowOf = new Map<Line, Row>();
  lines.forEach((l, k) => {
    if (kinds[k] !== 'row') return;
    const first = l.cells.findIndex((c) => isValue(c.text));
    const row: Row = { line: l, labels: l.cells.slice(0, first), values: l.cells.slice(first), before: [], prefix: [], suffix: [], bottom: l.base };
    rows.push(row);
    rowOf.set(l, row);
  });
  const columns = findColumns(rows);
  const labelCells = lines.filter((_, k) => kinds[k] !== 'row').flatMap((l) => l.cells);
  const groups = labelCells.filter((c) => isGroupLabel(c, rows));
  // Wrapped labels first: a group label's span is read from the rows' labels once they are whole.
  const loose = new Set(labelCells.filter((c) => !groups.includes(c) && !placeWrapped(c, rows)));
  for (const c of placeGroups(groups, rows, continued)) loose.add(c);
  const out: OutLine[] = [];
  for (const l of lines) {
    const row = rowOf.get(l);
    if (row) {
      for (const g of row.before) out.push([{ text: g.map((c) => c.text).join(''), pieces: g.flatMap((c) => c.pieces) }]);
      out.push(rowLine(row, columns));
    } else if (l.cells.some((c) => loose.has(c))) {
      out.push(plainLine({ ...l, cells: l.cells.filter((c) => loose.has(c)) }));
    }
  }
  return out;
}

/** Column centres of a table from the x positions of all its values. */
export function findColumns(rows: Row[]): number[] {
  const centres = rows.flatMap((r) => r.values.map((c) => ({ x: (c.x0 + c.x1) / 2, size: c.size }))).sort((a, b) => a.x - b.x);
  const columns: { sum: number; n: number; last: number }[] = [];
  for (const c of centres) {
    const col = columns[columns.length - 1];
    if (col && c.x - col.last <= Math.max(4, 0.6 * c.size)) { col.sum += c.x; col.n++; col.last = c.x; } else columns.push({ sum: c.x, n: 1, last: c.x });
  }
  return columns.map((c) => c.sum / c.n);
}

function rowLine(row: Row, columns: number[]): OutLine {
  const parts: OutPart[] = [];
  const label = [...row.prefix, ...row.labels, ...row.suffix];
  // A wrapped label's fragments are one cell; a group label sharing the row's line stays a cell of its own.
  const labelCells = row.labels.length > 1 ? [...row.prefix, row.labels[0], null, ...row.labels.slice(1), ...row.suffix] : label;
  labelCells.forEach((c) => parts.push(c ? { text: c.text, pieces: c.pieces } : { text: ' | ', pieces: [] }));
  const slots = placeValues(row.values, columns);
  parts.push({ text: label.length ? ' |' : '|', pieces: [] });
  for (const v of slots) {
    parts.push({ text: ' ', pieces: [] });
    if (v) parts.push({ text: v.text, pieces: v.pieces });
    parts.push({ text: ' |', pieces: [] });
  }
  return parts;
}

/** Each value in the column nearest its centre; blank cells stay blank. Values that collide keep their order. */
function placeValues(values: Cell[], columns: number[]): (Cell | null)[] {
  const slots: (Cell | null)[] = columns.map(() => null);
  for (const v of values) {
    const x = (v.x0 + v.x1) / 2;
    let best = 0;
    columns.forEach((c, k) => { if (Math.abs(c - x) < Math.abs(columns[best] - x)) best = k; });
    if (slots[best]) return values;
    slots[best] = v;
  }
  return slots;
}

const labelX = (r: Row | undefined): number => {
  const first = r ? r.prefix[0] ?? r.labels[0] ?? r.suffix[0] : undefined;
  return first ? first.x0 : Infinity;
};

/** A label line less indented than the labelled rows next to it is a group label (a cell spanning those rows). */
function isGroupLabel(cell: Cell, rows: Row[]): boolean {
  const labelled = rows.filter((r) => r.labels.length > 0);
  const above = [...labelled].reverse().find((r) => r.line.base > cell.base);
  const below = labelled.find((r) => r.line.base < cell.base);
  const neighbourX = Math.min(labelX(above), labelX(below));
  return neighbourX < Infinity && cell.x0 < neighbourX - 3;
}

/** A wrapped label's line joins its row: the row whose values are centred on it, or the row right above or below
 * whose label starts at the same left edge. */
function placeWrapped(cell: Cell, rows: Row[]): boolean {
  const centred = rows.find((r) => r.labels.length === 0 && Math.abs(r.line.base - cell.base) <= 1.4 * cell.size);
  if (centred) {
    (centred.line.base < cell.base ? centred.prefix : centred.suffix).push(cell);
    return true;
  }
  const starts = (r: Row): number[] => (r.labels.length ? r.labels.map((c) => c.x0) : [labelX(r)]);
  const aligned = (r: Row | undefined): r is Row => !!r && starts(r).some((x) => cell.x0 >= x - 3 && cell.x0 <= x + 2 * cell.size);
  const above = [...rows].reverse().find((r) => r.line.base > cell.base);
  const below = rows.find((r) => r.line.base < cell.base);
  if (aligned(above) && above.bottom - cell.base <= 1.6 * cell.size) { joinLabel(above, cell, 'after'); return true; }
  if (aligned(below) && cell.base - below.line.base <= 1.6 * cell.size) { joinLabel(below, cell, 'before'); return true; }
  return false;
}

/** A wrapped fragment joins the label cell of the row it lines up with (the group label or the row's own label). */
function joinLabel(row: Row, frag: Cell, where: 'before' | 'after'): void {
  let k = 0;
  row.labels.forEach((c, i) => { if (Math.abs(c.x0 - frag.x0) < Math.abs(row.labels[k].x0 - frag.x0)) k = i; });
  const c = row.labels[k];
  if (where === 'after') row.bottom = Math.min(row.bottom, frag.base);
  row.labels[k] = where === 'after'
    ? { ...c, text: c.text + frag.text, pieces: [...c.pieces, ...frag.pieces], x1: Math.max(c.x1, frag.x1) }
    : { ...c, text: frag.text + c.text, pieces: [...frag.pieces, ...c.pieces], x0: Math.min(c.x0, frag.x0) };
}

/** Group labels of one indentation level are spread over the run of more indented rows around them: each
 * spans the rows it is vertically centred on (Word centres a merged cell's text), and is written before the first.
 * At the top of a page, rows above the first group's span continue the group of the page before. */
function placeGroups(groups: Cell[], rows: Row[], continued: boolean): Cell[] {
  const unplaced: Cell[] = [];
  const sets = new Map<string, { cells: Cell[]; start: number; end: number }>();
  for (const g of [...groups].sort((a, b) => b.base - a.base)) {
    const inside = (r: Row): boolean => labelX(r) > g.x0 + 3;
    let k = rows.findIndex((r) => r.line.base < g.base);
    if (k < 0) k = rows.length;
    let start = k;
    while (start > 0 && inside(rows[start - 1])) start--;
    let end = k;
    while (end < rows.length && inside(rows[end])) end++;
    if (start >= end) { unplaced.push(g); continue; }
    const key = `${Math.round(g.x0)}:${start}:${end}`;
    const set = sets.get(key) ?? { cells: [], start, end };
    set.cells.push(g);
    sets.set(key, set);
  }
  for (const set of sets.values()) spreadGroups(set.cells, rows, set.start, set.end, continued && set.start === 0);
  return unplaced;
}

function spreadGroups(cells: Cell[], rows: Row[], runStart: number, runEnd: number, mayContinue: boolean): void {
  let s = runStart;
  cells.forEach((g, i) => {
    const next = cells[i + 1];
    const lastEnd = next ? Math.max(s, rows.findIndex((r, k) => k >= s && r.line.base < next.base) - 1) : runEnd - 1;
    const firstStart = i === 0 && mayContinue ? lastEnd : s;
    let best = { start: s, end: lastEnd, miss: Infinity };
    for (let a = s; a <= firstStart; a++) {
      for (let b = Math.max(a, lastEnd < 0 ? a : a); b <= Math.max(a, lastEnd); b++) {
        const miss = Math.abs((rows[a].line.base + rows[b].line.base) / 2 - g.base);
        if (miss < best.miss - 1) best = { start: a, end: b, miss };
      }
    }
    rows[best.start].before.push([g]);
    s = best.end + 1;
    if (s >= runEnd) s = runEnd - 1;
  });
}
