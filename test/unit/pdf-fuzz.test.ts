// Hostile and broken PDFs: the reader never throws, never hangs past its time budget, and says what went wrong
// in at most a few problems (truncated files, flipped bytes, random bytes behind a PDF header, deep nesting,
// object streams that nest, page trees that loop).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine';
import { MAX_RUNS_PER_PAGE, readPdf } from '../../server/src/formats/pdf';
import type { ExtractedReport, ReaderLimits } from '../../server/src/formats/types';
import { ROOT } from './helpers';
import { layoutReport, makePdf } from './pdf-fixtures';

const LIMITS: ReaderLimits = { maxBytes: 8 * 1024 * 1024, maxMillis: 4000 };
/** Slack over the budget: a page already being parsed when the budget runs out is finished first. */
const SLACK = 3000;

const HONGZE = path.resolve(ROOT, '../shared/real/hongze-2023.pdf');
const SMALL = makePdf(layoutReport('某某局2023年政府信息公开工作年度报告\n一、总体情况\n全年公开信息12条。\n规章 | 0 | 1 | 2 |\n行政规范性文件 | 3 | 4 | 5 |'));

async function readSafely(bytes: Uint8Array, limits = LIMITS): Promise<ExtractedReport> {
  const started = Date.now();
  const r = await readPdf(bytes, limits);
  const took = Date.now() - started;
  assert.ok(took < limits.maxMillis + SLACK, `took ${took} ms`);
  assert.equal(typeof r.text, 'string');
  assert.ok(r.problems.length <= 3, `few problems: ${r.problems.map((p) => p.en).join('; ')}`);
  for (const p of r.problems) assert.ok(p.zh && p.en);
  for (let k = 1; k < r.segments.length; k++) assert.ok(r.segments[k].textStart >= r.segments[k - 1].textEnd, 'segments in order');
  checkText(r.text);
  return r;
}

const pdfOf = (body: string): Uint8Array => new Uint8Array(Buffer.from(`%PDF-1.7\n${body}`, 'latin1'));

describe('PDF reader: hostile input', () => {
  it('a truncated file', async () => {
    const source = fs.existsSync(HONGZE) ? new Uint8Array(fs.readFileSync(HONGZE)) : SMALL;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: source.length - 1 }), async (cut) => {
      await readSafely(source.slice(0, cut));
    }), { numRuns: 12 });
  });

  it('flipped bytes', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: SMALL.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
      async (flips) => {
        const bytes = SMALL.slice();
        for (const [at, value] of flips) bytes[at] = value;
        await readSafely(bytes);
      }), { numRuns: 40 });
  });

  it('random bytes behind a PDF header', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (tail) => {
      const bytes = new Uint8Array(9 + tail.length);
      bytes.set(Buffer.from('%PDF-1.7\n', 'latin1'));
      bytes.set(tail, 9);
      const r = await readSafely(bytes);
      assert.ok(r.text === '' || r.problems.length >= 0);
    }), { numRuns: 40 });
  });

  it('deep nesting of arrays and dictionaries, and a page tree that loops', async () => {
    const depth = 200_000;
    await readSafely(pdfOf(`1 0 obj\n${'['.repeat(depth)}${']'.repeat(depth)}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`));
    await readSafely(pdfOf(`1 0 obj\n${'<< /A '.repeat(depth / 10)}1${' >>'.repeat(depth / 10)}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`));
    const loop = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>\nendobj\n'
      + '3 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF';
    await readSafely(pdfOf(loop));
  });

  it('an object stream that holds nested object streams and a content stream of deep nesting', async () => {
    const inner = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const objstm = `5 0 ${inner}`;
    const content = `${'q '.repeat(100_000)}BT /F1 12 Tf 72 700 Td (x) Tj ET${' Q'.repeat(100_000)}`;
    const body = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
      + '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
      + '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n'
      + `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`
      + `6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 6 0 R /Length ${objstm.length} >>\nstream\n${objstm}\nendstream\nendobj\n`
      + 'trailer\n<< /Root 1 0 R /Size 7 >>\n%%EOF';
    await readSafely(pdfOf(body));
  });

  it('a page of thousands of one-character lines is read up to the run limit, with a note', async () => {
    const runs = Array.from({ length: MAX_RUNS_PER_PAGE + 5000 }, (_, k) => ({ x: 60 + (k % 7) * 3, y: 800 - (k % 4000) * 0.19, text: '字', size: 6 }));
    const r = await readSafely(makePdf([runs]));
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].en, /too many text runs/);
  });

  it('a budget that runs out gives one problem, not a hang', async () => {
    const pages = Array.from({ length: 150 }, (_, k) => [{ x: 60, y: 700, text: `第${k + 1}段正文`, size: 12 }]);
    const r = await readPdf(makePdf(pages), { ...LIMITS, maxMillis: 1 });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].en, /longer than 1 ms/);
    // The worker that ran out of time was ended; the next file gets a new one and is read. That worker loads pdf.js
    // first, which on a machine busy with the other test files can take seconds: its budget is a generous one.
    const next = await readSafely(SMALL, { ...LIMITS, maxMillis: 60_000 });
    assert.deepEqual(next.problems, []);
    assert.ok(next.text.includes('规章 | 0 | 1 | 2 |'), next.text);
  });
});
