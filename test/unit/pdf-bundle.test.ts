// The PDF reader as it ships (dist/pdf-worker.js, whose pdf.js keeps the shipped CMaps' tables across documents,
// reads no font program the text does not need, and keeps vertical glyphs pdf.js drops: scripts/pdfjs-cache.mjs)
// reads every file as pdf.js unchanged does (with the reader's repair of vertical runs), file after file in one
// thread, so that what one document leaves behind never changes the next.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { extractPages, type Extracted } from '../../server/src/formats/pdf-extract';
import { DEFAULT_LIMITS } from '../../server/src/formats/types';
import { ROOT, sample } from './helpers';
import { layoutReport, makePdf, turnedPage, type Run } from './pdf-fixtures';

const BUNDLE = path.join(ROOT, 'dist/pdf-worker.js');
const HONGZE_PDF = path.resolve(ROOT, '../shared/real/hongze-2023.pdf');
const SKIP = fs.existsSync(BUNDLE) ? false : 'dist/pdf-worker.js not built (npm run build)';

/** Reads each file in turn in one thread of the shipped bundle. */
async function readInBundle(files: Uint8Array[]): Promise<Extracted[]> {
  const worker = new Worker(BUNDLE);
  let failed: (e: Error) => void = () => undefined;
  worker.on('error', (e) => failed(e));
  try {
    const out: Extracted[] = [];
    for (const [id, bytes] of files.entries()) {
      out.push(await new Promise<Extracted>((resolve, reject) => {
        failed = reject;
        const onMessage = (m: { id: number; result: Extracted }): void => { if (m.id === id) { worker.off('message', onMessage); resolve(m.result); } };
        worker.on('message', onMessage);
        const copy = bytes.slice();
        worker.postMessage({ id, bytes: copy, limits: DEFAULT_LIMITS }, [copy.buffer]);
      }));
    }
    return out;
  } finally {
    await worker.terminate();
  }
}

/** A page in an embedded CID TrueType font whose ToUnicode map gives the text (the way Word and WPS write Chinese
 * reports), its codes numbered by first use. The program is a stub: the text never needs it. */
function toUnicodePdf(lines: string[]): Uint8Array {
  const codes = new Map<string, number>();
  for (const c of lines.join('')) if (!codes.has(c)) codes.set(c, codes.size + 1);
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  const cmap = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange', `${codes.size} beginbfchar`,
    ...[...codes].map(([c, n]) => `<${hex(n)}> <${hex(c.codePointAt(0) ?? 0)}>`), 'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end'].join('\n');
  const text = lines.map((l, i) => `BT /F1 10 Tf 72 ${700 - 14 * i} Td <${[...l].map((c) => hex(codes.get(c)!)).join('')}> Tj ET`).join('\n');
  const program = 'true\u0000\u0001\u0000\u0000';
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 860 /StemV 80 /FontFile2 9 0 R >>',
    `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`,
    `<< /Length ${program.length} /Length1 ${program.length} >>\nstream\n${program}\nendstream`,
  ];
  let out = '%PDF-1.7\n';
  const offsets = bodies.map((b, i) => { const at = Buffer.byteLength(out, 'latin1'); out += `${i + 1} 0 obj\n${b}\nendobj\n`; return at; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'utf8'));
}

/**
 * Where a vertical run ends below: pdf.js unchanged drops the last glyphs of some vertical runs and the reader puts
 * them back from the drawing operations, estimating the run's height from its first glyphs; the bundle keeps the
 * glyphs and measures them. The text is the same, the low end differs by a fraction of a point.
 */
const verticalLows = (r: Extracted): number[] =>
  r.pages.flatMap((p) => p.pieces.filter((x) => x.vertical).flatMap((x) => [x.y0, x.base, ...(x.rect ? [x.rect[1]] : [])]));
const withoutVerticalLows = (r: Extracted): Extracted => ({
  ...r,
  pages: r.pages.map((p) => ({
    ...p,
    pieces: p.pieces.map((x) => (x.vertical ? { ...x, y0: 0, base: 0, ...(x.rect ? { rect: [x.rect[0], 0, x.rect[2], x.rect[3]] as typeof x.rect } : {}) } : x)),
  })),
});

/** Reports in referenced CID fonts (UniGB-UCS2-H and -V), with vertical group labels and a turned page. */
function builtFiles(): Uint8Array[] {
  const texts = [sample('示例县人民政府2020'), sample('示例镇人民政府2021'), sample('示例市民政局2021')];
  const vertical: Run[] = [{ x: 90, y: 600, text: '三、本年度办理结果', vertical: true }, { x: 120, y: 600, text: '（一）予以公开 | 12 |' }];
  return [
    ...texts.map((t, i) => makePdf(layoutReport(t, { header: `示例 ${i}` }))),
    makePdf([vertical, turnedPage([{ x: 72, y: 500, text: '（七）总计 30 3 0' }])]),
    toUnicodePdf(['五、政府信息公开行政复议、行政诉讼情况', '行政复议 结果维持 10 结果纠正 1 总计 0']),
  ];
}

describe('PDF reader: the shipped bundle reads as pdf.js does', { skip: SKIP }, () => {
  it('reads a font embedded with its ToUnicode map by that map', async () => {
    const [r] = await readInBundle([toUnicodePdf(['行政复议 结果维持 10 总计 0'])]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.pages[0].pieces.map((p) => p.str).join('').replace(/\s/g, ''), '行政复议结果维持10总计0');
  });

  it('gives the same runs for every file, file after file, twice over', async () => {
    const files = builtFiles();
    if (fs.existsSync(HONGZE_PDF)) {
      const hongze = new Uint8Array(fs.readFileSync(HONGZE_PDF));
      // The real report, and damaged copies of it: cut short, and with bytes overwritten (page 2 then unreadable).
      const spoilt = hongze.slice();
      const at = Math.floor(spoilt.length * 0.8);
      for (let i = at; i < at + 4000; i += 7) spoilt[i] = 0x30;
      files.splice(1, 0, hongze, hongze.slice(0, Math.floor(hongze.length * 0.6)), spoilt);
    }
    const twice = [...files, ...files];
    const expected: Extracted[] = [];
    for (const f of twice) expected.push(await extractPages(f.slice(), DEFAULT_LIMITS));
    const actual = await readInBundle(twice);
    assert.equal(actual.length, expected.length);
    actual.forEach((a, i) => {
      const which = `file ${i % files.length} (pass ${Math.floor(i / files.length) + 1})`;
      assert.ok(a.pages.some((p) => p.pieces.length > 0) || a.problems.length > 0, `file ${i % files.length} gave text or a problem`);
      assert.deepEqual(withoutVerticalLows(a), withoutVerticalLows(expected[i]), which);
      assert.deepEqual(verticalLows(a).map((y, k) => Math.abs(y - verticalLows(expected[i])[k]) < 1), verticalLows(a).map(() => true), which);
    });
  });
});
