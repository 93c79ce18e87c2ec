// Figures that ran together when a page was flattened (一、本年新收…230 000023): where the row's own relation
// (R3: the 总计 is the sum of the six applicant columns; R4 in table 四) leaves exactly one way to cut the digits,
// with no number written with a leading zero, that cut is taken and the cells are marked as inferred. Otherwise
// the row cannot be read, and the table says so once.
import type { RowSpec, TableTemplate } from '../template';

/** Longest number one cell is taken to hold when cutting digits. */
const MAX_CELL_DIGITS = 9;
/** Cuts tried for one row before it counts as ambiguous. */
const MAX_STEPS = 20000;

export interface DigitPiece { text: string; start: number }
export interface InferredCell { text: string; start: number; end: number; value: number }

/**
 * The one way to cut `pieces` (each a run of digits; a cut never joins two) into `spec.columns.length` numbers that
 * satisfies every row relation of the template on this row; null when there is none or more than one.
 */
export function inferCells(pieces: DigitPiece[], spec: RowSpec, tpl: TableTemplate): InferredCell[] | null {
  const want = spec.columns.length;
  const checks = rowChecks(spec, tpl);
  const found: InferredCell[][] = [];
  let steps = 0;
  const current: InferredCell[] = [];
  let ambiguous = false;

  const walk = (p: number, offset: number): void => {
    if (found.length > 1 || ambiguous) return;
    if (++steps > MAX_STEPS) { ambiguous = true; return; }
    if (p === pieces.length) {
      if (current.length === want && checks.every((ok) => ok(current))) found.push([...current]);
      return;
    }
    const piece = pieces[p];
    const left = want - current.length;
    const piecesAfter = pieces.length - p - 1;
    if (left - piecesAfter < 1) return;
    for (let len = 1; len <= Math.min(MAX_CELL_DIGITS, piece.text.length - offset); len++) {
      const text = piece.text.slice(offset, offset + len);
      if (len > 1 && text[0] === '0') break; // a leading zero: no one writes a count that way
      current.push({ text, start: piece.start + offset, end: piece.start + offset + len, value: Number(text) });
      if (offset + len === piece.text.length) walk(p + 1, 0);
      else if (current.length < want) walk(p, offset + len);
      current.pop();
    }
  };
  walk(0, 0);
  return !ambiguous && found.length === 1 ? found[0] : null;
}

type Check = (cells: InferredCell[]) => boolean;

/** The template's row relations that hold on this row, as checks on the cells in column order. */
function rowChecks(spec: RowSpec, tpl: TableTemplate): Check[] {
  const at = (key: string) => spec.columns.findIndex((c) => c.key === key);
  const checks: Check[] = [];
  for (const rel of tpl.relations) {
    if (rel.within !== 'row' || (rel.rows && !rel.rows.includes(spec.key))) continue;
    const target = at(rel.target);
    const plus = rel.plus.map(at);
    const minus = (rel.minus ?? []).map(at);
    if (target < 0 || plus.some((i) => i < 0) || minus.some((i) => i < 0)) continue;
    checks.push((cells) => {
      let sum = 0;
      for (const i of plus) sum += cells[i].value;
      for (const i of minus) sum -= cells[i].value;
      return cells[target].value === sum;
    });
  }
  return checks;
}
