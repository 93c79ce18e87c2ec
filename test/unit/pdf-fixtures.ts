// Builds small PDFs for the PDF reader's tests: text runs placed at given positions, in a CJK font that is not
// embedded (STSong-Light, Adobe-GB1) with the UniGB-UCS2-H CMap, the way many published reports reference their
// fonts; pdf.js must load the CMaps to read them. Also lays a pipe-row report out as a PDF page by page.

export interface Run { x: number; y: number; text: string; size?: number; vertical?: boolean; /** Text running up the page. */ turned?: boolean }

export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

const ucs2Hex = (s: string): string => [...s].map((c) => (c.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('');

/** Width of `text` in the fixture font at `size`: CJK one em, ASCII half an em. */
export const textWidth = (text: string, size: number): number => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1) * size, 0);

function content(runs: Run[]): string {
  return runs.map((r) => `BT /${r.vertical ? 'F2' : 'F1'} ${r.size ?? 10} Tf ${r.turned ? '0 1 -1 0' : '1 0 0 1'} ${r.x} ${r.y} Tm <${ucs2Hex(r.text)}> Tj ET`).join('\n');
}

/** A PDF whose pages hold the given runs. */
export function makePdf(pages: Run[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => { objects.push(body); return objects.length; };
  const catalog = add('');
  const pagesObj = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const vfont = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V /DescendantFonts [${cid} 0 R] >>`);
  const kids: number[] = [];
  for (const runs of pages) {
    const stream = content(runs);
    const c = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R /F2 ${vfont} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const VALUE = /^[+-]?\d[\d,.]*$/;
/** Centre of the k-th value column: fifteen columns (table 四) fit between x = 240 and the right margin. */
const COLUMN = (k: number): number => 240 + k * 23;

/** Lay a pipe-row report out as PDF pages: prose wrapped at 30 characters, table rows as a label and value columns,
 * header cells one under another, a running header and a page number (`- n -`) on every page. */
export function layoutReport(text: string, options: { header?: string; pageNumber?: (n: number) => string } = {}): Run[][] {
  const pages: Run[][] = [];
  let page: Run[] = [];
  let y = 0;
  const newPage = (): void => {
    page = [];
    pages.push(page);
    y = PAGE_HEIGHT - 80;
    const n = pages.length;
    if (options.header) page.push({ x: 200, y: PAGE_HEIGHT - 40, text: options.header, size: 9 });
    const number = (options.pageNumber ?? ((k) => `- ${k} -`))(n);
    page.push({ x: PAGE_WIDTH / 2 - textWidth(number, 10) / 2, y: 40, text: number, size: 10 });
  };
  const advance = (dy: number): void => { y -= dy; if (y < 80) newPage(); };
  newPage();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (!line.includes('|')) {
      for (const part of wrap(line, 30)) { page.push({ x: 60, y, text: part, size: 12 }); advance(18); }
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    const first = cells.findIndex((c) => VALUE.test(c));
    if (first >= 0 && cells.slice(first).every((v) => v === '' || VALUE.test(v))) {
      // A group label in its own column at the left, row labels indented, values in columns from x = 300.
      const labels = cells.slice(0, first).filter((c) => c);
      const group = (i: number): boolean => labels.length > 1 && i === 0;
      const lines = labels.map((l, i) => wrap(l, group(i) ? 6 : 12));
      labels.forEach((_, i) => {
        const x = group(i) ? 40 : /^[（(\d]/.test(labels[i]) ? 110 : 40;
        lines[i].forEach((part, k) => page.push({ x, y: y - k * 11, text: part, size: 9 }));
      });
      cells.slice(first).forEach((v, k) => { if (v) page.push({ x: COLUMN(k) - textWidth(v, 9) / 2, y, text: v, size: 9 }); });
      advance(14 + 11 * (Math.max(1, ...lines.map((l) => l.length)) - 1));
    } else {
      // Header cells: the first in the label column, the others in narrow value columns, two characters a line.
      const chunks = cells.map((c, k) => (k === 0 ? wrap(c, 16) : wrap(c, 2)));
      cells.forEach((c, k) => {
        if (!c) return;
        const x = k === 0 ? 40 : COLUMN(k - 1) - 9;
        chunks[k].forEach((part, i) => page.push({ x, y: y - i * 11, text: part, size: 9 }));
      });
      advance(20 + 11 * (Math.max(1, ...chunks.map((c) => c.length)) - 1));
    }
  }
  return pages;
}

/** Break a line into pieces of at most `width` characters, never between two digits. */
function wrap(line: string, width: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = width;
    while (cut > 1 && /\d/.test(rest[cut - 1]) && /\d/.test(rest[cut])) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

/** The runs of a landscape page (842 wide, 595 high) set on a portrait page turned a quarter, text running up. */
export const turnedPage = (runs: Run[]): Run[] => runs.map((r) => ({ ...r, x: PAGE_WIDTH - r.y, y: r.x, turned: true }));
