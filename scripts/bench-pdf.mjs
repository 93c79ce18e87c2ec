// The PDF reader's benchmark: a 5-page report (the real Hongze 2023 PDF) read cold (a fresh process) and warm,
// 100 generated report PDFs through readPdf (timed) + checkText (timed apart), and poppler's `pdftotext -layout` on the same files in the
// same run (skipped, with a note, where pdftotext is not installed). Prints one JSON object of medians.
//
//   node scripts/bench-pdf.mjs [--quick]
//
// Measures the production reader: the caller side bundled like the server's, beside dist/pdf-worker.js and
// dist/pdfjs (run `npm run build` and `tsc -p .` first; `npm run bench` does both). Budgets (issue 13): a 5-page
// PDF < 300 ms cold; the reader within 3× of pdftotext.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const REAL = resolve(ROOT, '../shared/real/hongze-2023.pdf');
if (!existsSync(join(ROOT, 'dist/pdf-worker.js')) || !existsSync(join(ROOT, 'out/server/src/formats/pdf.js'))) {
  console.error('build first: npm run build && tsc -p .');
  process.exit(2);
}

// The reader as it ships: its caller side bundled next to the worker bundle and the CMaps.
const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-pdf-'));
cpSync(join(ROOT, 'dist/pdf-worker.js'), join(dir, 'pdf-worker.js'));
cpSync(join(ROOT, 'dist/pdfjs'), join(dir, 'pdfjs'), { recursive: true });
writeFileSync(join(dir, 'entry.js'), `
const { readPdf } = require(${JSON.stringify(join(ROOT, 'out/server/src/formats/pdf.js'))});
const { checkText } = require(${JSON.stringify(join(ROOT, 'out/server/src/engine/index.js'))});
const fs = require('node:fs');
const limits = { maxBytes: 64 * 1024 * 1024, maxMillis: 20000 };
// Reading (what pdftotext is compared with) and checking timed apart.
async function time(files, check) {
  let read = 0, checked = 0;
  for (const f of files) {
    const t = performance.now();
    const r = await readPdf(new Uint8Array(fs.readFileSync(f)), limits);
    const t1 = performance.now();
    read += t1 - t;
    if (check) { checkText(r.text); checked += performance.now() - t1; }
  }
  return { read, check: checked };
}
module.exports = { time };
if (require.main === module) {
  const [mode, ...files] = process.argv.slice(2);
  (async () => {
    if (mode === 'cold') { console.log(JSON.stringify({ ms: (await time(files, false)).read })); return; }
    const runs = [];
    for (let i = 0; i < Number(mode); i++) runs.push(await time(files, true));
    console.log(JSON.stringify({ runs }));
  })();
}
`);
await esbuild.build({ entryPoints: [join(dir, 'entry.js')], outfile: join(dir, 'reader.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'error' });

// 100 report PDFs: the pipe-row samples laid out page by page, figures varied so that no two files are the same.
const { makePdf, layoutReport } = require(join(ROOT, 'out/test/unit/pdf-fixtures.js'));
const samples = ['示例县人民政府2020年政府信息公开工作年度报告.txt', '示例镇人民政府2021年政府信息公开工作年度报告（旧模板）.txt']
  .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
const corpus = [];
for (let i = 0; i < (quick ? 20 : 100); i++) {
  const text = samples[i % samples.length].replace(/\| (\d+) \|/, (_, d) => `| ${Number(d) + i} |`);
  const f = join(dir, `report-${String(i).padStart(3, '0')}.pdf`);
  writeFileSync(f, makePdf(layoutReport(text, { header: `示例 政府信息公开工作年度报告 ${i}` })));
  corpus.push(f);
}
const pageCount = (f) => (readFileSync(f, 'latin1').match(/\/Type \/Page\b/g) ?? []).length;

const node = (args) => {
  const r = spawnSync(process.execPath, [join(dir, 'reader.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const result = { load: loadavg().map((x) => round(x, 2)), files: corpus.length, pages: corpus.reduce((n, f) => n + pageCount(f), 0) };

if (existsSync(REAL)) {
  // Cold: a fresh process reads the file (worker start and pdf.js loading included), median of fresh processes.
  result.hongze5pagesColdMs = round(median(Array.from({ length: quick ? 3 : 7 }, () => node(['cold', REAL]).ms)));
  const warm = node([String(quick ? 5 : 15), REAL]).runs.slice(1);
  result.hongze5pagesWarmMs = round(median(warm.map((r) => r.read)));
  result.hongzeCheckWarmMs = round(median(warm.map((r) => r.check)));
} else {
  result.hongze = `skipped: ${REAL} not found`;
}
const runs = node([String(quick ? 2 : 3), ...corpus]).runs;
const warmRead = median(runs.slice(1).map((r) => r.read));
result.corpusReadMs = { first: round(runs[0].read), warm: round(warmRead), perFileWarm: round(warmRead / corpus.length, 2) };
result.corpusReadAndCheckMs = { first: round(runs[0].read + runs[0].check), warm: round(median(runs.slice(1).map((r) => r.read + r.check))) };

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (hasPdftotext) {
  const poppler = (files) => {
    const t = performance.now();
    for (const f of files) spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    return performance.now() - t;
  };
  const pop = Array.from({ length: 3 }, () => poppler(corpus));
  result.pdftotextCorpusMs = round(median(pop));
  result.readerOverPdftotext = round(warmRead / median(pop), 2);
  result.readAndCheckOverPdftotext = round(result.corpusReadAndCheckMs.warm / median(pop), 2);
  if (existsSync(REAL)) {
    result.pdftotextHongzeMs = round(median(Array.from({ length: 7 }, () => poppler([REAL]))));
    result.readerOverPdftotextHongzeWarm = round(result.hongze5pagesWarmMs / result.pdftotextHongzeMs, 2);
  }
  result.pdftotextNote = 'pdftotext runs as one process a file (process start included), the reader warm in one process; readerOver* compares reading only, readAndCheck* adds the check';
} else {
  result.pdftotext = 'skipped: pdftotext not found (Debian: apt-get install poppler-utils)';
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 2));
