// What every reader shares: the report text put together piece by piece with its map back to the original, and
// tables laid out the way the engine reads them best (one pipe row a line).
import type { SourceLocation, SourceSegment } from './types';

/** A piece of cell or paragraph text with where it came from (absent: text the reader added, e.g. a space). */
export interface Piece {
  text: string;
  source?: SourceLocation;
  /** A space that stands for a line break (in the source's markup, or a <br>): CJK text around it is joined. */
  soft?: boolean;
  /** Word: where in the document part's XML the text stands, when it is there one to one (for writing fixes back). */
  origin?: { start: number; end: number };
}

/** One table cell as placed in the table's grid: its text pieces and the grid square it starts in. */
export interface GridCell { pieces: Piece[]; row: number; column: number; rowSpan: number; colSpan: number }

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly segments: SourceSegment[] = [];
  /** Word: text mapped one to one onto the document part's XML (offset locations into that XML). */
  readonly originSegments: SourceSegment[] = [];

  get size(): number { return this.length; }

  /** Appends text; with a source, a segment maps it back (joined with the previous one when both run on exactly). */
  add(text: string, source?: SourceLocation, origin?: Piece['origin']): void {
    if (text.length === 0) return;
    if (origin && origin.end - origin.start === text.length) {
      const last = this.originSegments[this.originSegments.length - 1];
      const s = last?.source;
      if (last && s?.kind === 'offset' && last.textEnd === this.length && s.end === origin.start) {
        last.textEnd += text.length;
        last.source = { ...s, end: origin.end };
      } else {
        this.originSegments.push({ textStart: this.length, textEnd: this.length + text.length, source: { kind: 'offset', start: origin.start, end: origin.end } });
      }
    }
    if (source) {
      const last = this.segments[this.segments.length - 1];
      if (last && last.textEnd === this.length && canJoin(last.source, source, text.length)) {
        last.textEnd += text.length;
        if (last.source.kind === 'offset') last.source = { ...last.source, end: last.source.end + text.length };
      } else {
        this.segments.push({ textStart: this.length, textEnd: this.length + text.length, source });
      }
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Ends the current line unless the text is empty or already ends one. */
  newline(): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && !last.endsWith('\n')) this.add('\n');
  }

  addPieces(pieces: Piece[]): void { for (const p of pieces) this.add(p.text, p.source, p.origin); }

  toString(): string { return this.parts.join(''); }
}

/** Two offset segments join when the second starts where the first ends, one to one in both texts. */
function canJoin(a: SourceLocation, b: SourceLocation, length: number): boolean {
  if (a.kind === 'offset' && b.kind === 'offset') {
    return b.start === a.end && b.end - b.start === length;
  }
  if (a.kind === 'docx' && b.kind === 'docx') {
    return a.paragraph === b.paragraph && a.table === b.table && a.row === b.row && a.column === b.column;
  }
  return false;
}

/** Pieces with their whitespace runs collapsed to one space and the ends trimmed, sources kept. */
export function tidyPieces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let pendingSpace = false;
  let soft = false;
  for (const p of pieces) {
    const re = /[\s\u00a0\u3000]+|[^\s\u00a0\u3000]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.text))) {
      const word = m[0];
      if (/^[\s\u00a0\u3000]/.test(word)) {
        if (!pendingSpace) soft = false;
        pendingSpace = out.length > 0;
        soft ||= word.includes('\n');
        continue;
      }
      if (pendingSpace) { out.push(soft ? { text: ' ', soft } : { text: ' ' }); pendingSpace = false; soft = false; }
      const piece: Piece = { text: word, source: narrow(p, m.index, word.length) };
      if (p.origin && p.origin.end - p.origin.start === p.text.length) piece.origin = { start: p.origin.start + m.index, end: p.origin.start + m.index + word.length };
      out.push(piece);
    }
  }
  return out;
}

/** The part of a piece's source that a slice of its text came from (exact for one-to-one offset pieces). */
function narrow(p: Piece, start: number, length: number): SourceLocation | undefined {
  const s = p.source;
  if (!s || s.kind !== 'offset' || s.end - s.start !== p.text.length) return s;
  return { kind: 'offset', start: s.start + start, end: s.start + start + length };
}

/**
 * Joins the pieces of a label broken over lines (`（三）不予` / `公开`): CJK runs meet with nothing between them.
 * In a cell every space between CJK text goes; in a paragraph (`onlySoft`) only those that were line breaks.
 */
export function joinLabelPieces(pieces: Piece[], onlySoft = false): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.text === ' ' && !p.source && (p.soft || !onlySoft)) {
      const before = out[out.length - 1]?.text ?? '';
      const after = pieces[i + 1]?.text ?? '';
      if (/[^\x00-\x7f]$/.test(before) || /^[^\x00-\x7f]/.test(after)) continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Writes a table as pipe rows, one grid row a line: `label | 1 | 2 |`. A cell spanning rows is written on its
 * first row only and a cell spanning columns once, as text copied out of Word has them; a blank cell stays an
 * empty cell (` |`), so that a blank where a count belongs is seen, never taken for the next column's value.
 */
export function writeTable(out: TextBuilder, cells: GridCell[]): void {
  const rows = new Map<number, GridCell[]>();
  const above: GridCell[] = [];
  for (const c of cells) {
    const prev = above[c.column];
    above[c.column] = c;
    if (prev && repeatsMergedLabel(prev, c)) continue;
    let list = rows.get(c.row);
    if (!list) rows.set(c.row, list = []);
    list.push(c);
  }
  const order = [...rows.keys()].sort((a, b) => a - b);
  for (const r of order) {
    const list = rows.get(r)!.sort((a, b) => a.column - b.column);
    out.newline();
    list.forEach((c, i) => {
      if (i > 0) out.add(' ');
      out.addPieces(c.pieces);
      out.add(c.pieces.length ? ' |' : '|');
    });
    out.newline();
  }
}

/**
 * A merged label cut by a page break comes back as a second cell with the same label right below the first
 * (`三、本年度办理结果` over ten rows, then again over ten): it is one label, written once.
 */
function repeatsMergedLabel(prev: GridCell, c: GridCell): boolean {
  if (prev.rowSpan < 2 && c.rowSpan < 2) return false;
  if (prev.row + prev.rowSpan !== c.row || prev.colSpan !== c.colSpan) return false;
  const text = c.pieces.map((p) => p.text).join('');
  return text.length > 0 && !/^[\d.,\s+-]*$/.test(text) && text === prev.pieces.map((p) => p.text).join('');
}

/** Largest spans taken from a file: the official tables need 15 columns and 30 rows at most. */
const MAX_COL_SPAN = 64;
const MAX_ROW_SPAN = 256;
/** Columns a table's grid keeps track of: past them (only a hostile table gets there) cells are placed in turn. */
const MAX_COLUMNS = 512;

/**
 * Places cells with row and column spans on a grid (the HTML table model, which Word's merges follow too).
 * Each column remembers the first row it is free again, so placing costs no more than the cell's width.
 */
export class GridPlacer {
  private freeFrom: number[] = [];
  readonly cells: GridCell[] = [];
  private row = -1;
  private column = 0;

  startRow(): void { this.row++; this.column = 0; }

  get currentRow(): number { return this.row; }

  place(pieces: Piece[], rowSpan: number, colSpan: number): GridCell {
    if (this.row < 0) this.startRow();
    const rs = clampSpan(rowSpan, MAX_ROW_SPAN);
    const cs = clampSpan(colSpan, MAX_COL_SPAN);
    while (this.column < MAX_COLUMNS && (this.freeFrom[this.column] ?? 0) > this.row) this.column++;
    const cell: GridCell = { pieces, row: this.row, column: this.column, rowSpan: rs, colSpan: cs };
    for (let c = this.column; c < Math.min(this.column + cs, MAX_COLUMNS); c++) this.freeFrom[c] = this.row + rs;
    this.column += cs;
    this.cells.push(cell);
    return cell;
  }
}

const clampSpan = (n: number, most: number): number => (Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), most) : 1);
