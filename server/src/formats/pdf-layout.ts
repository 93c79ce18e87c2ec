// PDF geometry → report text. A PDF stores text as positioned runs in whatever order the producer wrote them;
// the reading order of a report (and above all the cells of its tables) comes from where the runs stand on the
// page: runs on one baseline make a line, wide gaps split a line into cells, cells whose x positions line up make a
// table's columns. Pure functions over plain data, so that they are tested without a PDF library.

/** One run of text on a page, in PDF user space (y grows upwards). */
export interface TextPiece {
  page: number;
  str: string;
  x0: number;
  x1: number;
  /** Baseline (for vertical text: the top of the run). */
  base: number;
  /** Font size in user-space units. */
  size: number;
  vertical: boolean;
  /** Bottom and top of the run's box. */
  y0: number;
  y1: number;
  /** The run's rectangle in the page's own coordinates when the page was read turned. */
  rect?: [number, number, number, number];
}

export interface Cell { text: string; x0: number; x1: number; base: number; size: number; pieces: TextPiece[] }

export interface Line { page: number; base: number; size: number; cells: Cell[] }

/** A piece of output text and the runs it came from (the reader maps it to page and rectangle). */
export interface OutPart { text: string; pieces: TextPiece[] }
export type OutLine = OutPart[];

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
/** A table value as reports print it: 12, 1,234, 7730.28, +3, -254, full-width digits, a unit or % stuck on. */
const VALUE = /^[+\-－]?[0-9０-９][0-9０-９,，.．]*\s*(%|％|万元|元|件|条|个|项)?$/;

export const isValue = (s: string): boolean => VALUE.test(s.trim());

/** Split runs at inner blanks, so that `21 0 0` stored as one run still gives three cells. The run's width is shared
 * out as the font would: a CJK character one em, other characters half an em, the blanks the rest. */
export function splitPieces(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of pieces) {
    if (p.vertical || !/\s/.test(p.str.trim())) {
      if (p.str.trim()) out.push({ ...p, str: p.str.trim() });
      continue;
    }
    const chars = [...p.str];
    const em = (c: string): number => (/\s/.test(c) ? 0 : CJK.test(c) ? 1 : 0.5);
    const inked = chars.reduce((w, c) => w + em(c) * p.size, 0);
    const blanks = chars.filter((c) => /\s/.test(c)).length;
    const width = p.x1 - p.x0;
    const scale = inked > width ? width / inked : 1;
    const blank = inked > width ? 0 : (width - inked) / blanks;
    let x = p.x0;
    let word: TextPiece | null = null;
    for (const c of chars) {
      const w = /\s/.test(c) ? blank : em(c) * p.size * scale;
      if (/\s/.test(c)) { if (word) out.push(word); word = null; } else if (word) { word.str += c; word.x1 = x + w; } else word = { ...p, str: c, x0: x, x1: x + w };
      x += w;
    }
    if (word) out.push(word);
  }
  return out;
}

/** Group the runs of one page into lines by baseline, top of the page first. */
export function buildLines(pieces: TextPiece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => b.base - a.base || a.x0 - b.x0);
  const lines: { page: number; base: number; size: number; pieces: TextPiece[] }[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    // Runs of different sizes in one row (bigger digits beside a label) sit within a third of the smaller size.
    if (last && !p.vertical && !last.pieces[0].vertical && Math.abs(last.base - p.base) <= 0.35 * Math.min(last.size, p.size)) {
      last.pieces.push(p);
      last.size = Math.min(last.size, p.size);
    } else {
      lines.push({ page: p.page, base: p.base, size: p.size, pieces: [p] });
    }
  }
  return lines.map((l) => ({ page: l.page, base: l.base, size: l.size, cells: cellsOf(l.pieces) }));
}

/** Join the runs of one line left to right; a gap wider than about half a character starts a new cell. */
export function cellsOf(pieces: TextPiece[], cellGap = 0.6): Cell[] {
  const sorted = [...pieces].sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  for (const p of sorted) {
    const c = cells[cells.length - 1];
    const size = c ? Math.min(c.size, p.size) : p.size;
    const gap = c ? p.x0 - c.x1 : Infinity;
    // Table cells a little more than half a character apart (`社会` `法律` in neighbouring header columns) are
    // cells; letter-spaced words (`总 计`) and justified prose are not.
    if (c && gap < cellGap * size && !(isValue(c.text) && isValue(p.str) && gap > 0.25 * size)) {
      const spaced = gap > 0.2 * size && !(CJK.test(c.text.slice(-1)) || CJK.test(p.str[0]));
      c.text += (spaced ? ' ' : '') + p.str;
      c.x1 = Math.max(c.x1, p.x1);
      c.size = size;
      c.pieces.push(p);
    } else {
      cells.push({ text: p.str, x0: p.x0, x1: p.x1, base: p.base, size: p.size, pieces: [p] });
    }
  }
  return cells;
}

export const lineText = (l: Line): string => l.cells.map((c) => c.text).join(' ');

/** A page number as reports print it: `- 3 -`, `—3—`, `3`, `第3页`, `第 3 页 共 5 页`, `3/5`, `Page 3`. */
const PAGE_NUMBER = /^(?:[-－—–~〜]?\s*\d{1,4}\s*[-－—–~〜]?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/;

interface PageLines { lines: Line[]; height: number; bottom: number }

/** The margins' share of the page where page numbers and running headers or footers stand. */
const MARGIN = 0.12;

function inMargin(l: Line, p: PageLines): boolean {
  if (p.height <= 0) return false;
  const rel = (l.base - p.bottom) / p.height;
  return rel < MARGIN || rel > 1 - MARGIN;
}

/** Drop page numbers and the running headers and footers printed on most pages; they are not the report's text. */
export function dropFurniture(pages: PageLines[]): Line[][] {
  const key = (l: Line): string => lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => inMargin(l, p)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running = (k: string): boolean => pages.length >= 2 && (seen.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((p) => p.lines.filter((l, i) => {
    const text = lineText(l).trim();
    // A bare number is a page number only in the margins; a decorated one (`- 3 -`) also as a page's first or last line.
    const edge = inMargin(l, p) || ((i === 0 || i === p.lines.length - 1) && !/^\d+$/.test(text));
    if (edge && PAGE_NUMBER.test(text)) return false;
    return !(inMargin(l, p) && running(key(l)));
  }));
}
