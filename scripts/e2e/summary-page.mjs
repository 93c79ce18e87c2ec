#!/usr/bin/env node
// The summary page (govreport summary) in a real browser: Debian's Chromium driven by playwright-core, both
// as scripts/e2e/install.sh installs them (never a downloaded browser). Offline: every request the page makes
// is routed here, and anything but the page's own file or data: URLs fails the run.
// Checks: it renders the shared reports and the samples, sorting and filtering work, a row opens its findings,
// charts are drawn (screenshot in test-results/summary/), the R5 pairs are listed, --lang en is English.
// Closes with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'test-results/summary');
const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const require = createRequire(path.join(root, '.vscode-test/package.json'));
const { chromium } = require('playwright-core');

fs.mkdirSync(results, { recursive: true });
// Inputs under the repository, named by relative paths: the page (and the README's screenshot) shows them.
const work = path.join(results, 'inputs');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

/** Inputs: the shared reports, the samples, and a 2022 copy of a 2021 sample so that one body has two years. */
function inputs() {
  const samples = path.join(root, 'samples');
  const shared = path.resolve(root, '../shared/reports');
  const name = fs.readdirSync(samples).find((f) => f.startsWith('示例市民政局2021'));
  const text = fs.readFileSync(path.join(samples, name), 'utf8').replace(/2021年/g, '2022年');
  const next = path.join(work, name.replace('2021', '2022'));
  fs.writeFileSync(next, text);
  return [samples, next, ...(fs.existsSync(shared) ? [shared] : [])].map((p) => path.relative(root, p));
}

function summary(out, ...extra) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/govreport.js'), 'summary', ...inputs(), '-o', out, ...extra], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(`govreport summary failed (${r.status}): ${r.stderr}`);
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });
const assert = (ok, message) => { if (!ok) throw new Error(message); };

const rowsShown = (page) => page.$$eval('#reports tbody tr.report', (rows) => rows.length);
const column = (page, key) => page.$$eval(`#reports tbody tr.report`, (rows, k) => {
  const keys = [...document.querySelectorAll('#reports thead th')].map((th) => th.dataset.key);
  return rows.map((r) => r.children[keys.indexOf(k)].textContent);
}, key);

check('renders every report of the shared reports and samples', async (page, expected) => {
  assert(await rowsShown(page) === expected, `rows: ${await rowsShown(page)}, expected ${expected}`);
  const counts = await page.textContent('#counts');
  assert(counts.includes(`${expected} 份报告`), `counts line: ${counts}`);
});

check('sorting by a column orders the rows, again in reverse', async (page) => {
  await page.click('#reports th[data-key="received"]');
  const up = (await column(page, 'received')).filter((v) => v !== '').map(Number);
  assert(up.length > 3 && up.every((v, i) => i === 0 || up[i - 1] <= v), `ascending: ${up}`);
  await page.click('#reports th[data-key="received"]');
  const down = (await column(page, 'received')).filter((v) => v !== '').map(Number);
  assert(down.every((v, i) => i === 0 || down[i - 1] >= v), `descending: ${down}`);
  await page.click('#reports th[data-key="agency"]');
  const agencies = (await column(page, 'agency')).filter((v) => v !== '');
  assert(agencies.every((v, i) => i === 0 || agencies[i - 1].localeCompare(v, 'zh-CN') <= 0), `agencies: ${agencies}`);
});

check('filtering by text and by status', async (page, expected) => {
  // 示例市民政局: its 2021 report as text and as a web page, and the 2022 copy.
  await page.fill('#filter', '民政局');
  await page.waitForFunction(() => document.querySelectorAll('#reports tbody tr.report').length === 3);
  const agencies = await column(page, 'agency');
  assert(agencies.every((a) => a.includes('民政局')), `filtered: ${agencies}`);
  await page.fill('#filter', '');
  await page.waitForFunction((n) => document.querySelectorAll('#reports tbody tr.report').length === n, expected);
  await page.selectOption('#status', 'error');
  await page.waitForFunction((n) => document.querySelectorAll('#reports tbody tr.report').length < n, expected);
  const errors = (await column(page, 'errors')).map(Number);
  assert(errors.length > 0 && errors.every((e) => e > 0), `error filter: ${errors}`);
  await page.selectOption('#status', 'all');
  await page.waitForFunction((n) => document.querySelectorAll('#reports tbody tr.report').length === n, expected);
});

check('a row opens its findings', async (page) => {
  await page.click('#reports th[data-key="errors"]');
  await page.click('#reports th[data-key="errors"]');
  await page.click('#reports tbody tr.report >> nth=0');
  const items = await page.$$eval('tr.detail ul.findings li', (li) => li.map((x) => x.textContent));
  assert(items.length > 0 && items.some((t) => t.includes('错误')), `findings: ${items.slice(0, 3)}`);
});

check('charts are drawn', async (page) => {
  for (const id of ['applications', 'outcomes', 'reviews', 'trend']) {
    const inked = await page.$eval(`#chart-${id} canvas`, (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    assert(inked > 2000, `chart ${id}: ${inked} painted pixels`);
  }
  const trend = await page.$eval('#trend-agency', (s) => [...s.options].map((o) => o.value));
  assert(trend.includes('示例市民政局'), `trend agencies: ${trend}`);
  await page.screenshot({ path: path.join(results, 'summary.png'), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(results, 'summary-top.png') });
});

check('many reports are paged: 100 rows at a time, the next page on request', async (page, _expected, context) => {
  // 250 copies of one sample: three pages.
  const many = path.join(work, 'many');
  fs.mkdirSync(many, { recursive: true });
  const name = fs.readdirSync(path.join(root, 'samples')).find((f) => f.startsWith('示例县人民政府'));
  const text = fs.readFileSync(path.join(root, 'samples', name), 'utf8');
  for (let i = 0; i < 250; i++) fs.writeFileSync(path.join(many, `${String(i).padStart(3, '0')}.txt`), text);
  const html = path.join(results, 'summary-many.html');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/govreport.js'), 'summary', path.relative(root, many), '-o', html], { encoding: 'utf8', cwd: root });
  assert(r.status === 0, r.stderr);
  const p = await context.newPage();
  await p.goto(pathToFileURL(html).href);
  await p.waitForFunction(() => document.body.dataset.ready);
  assert(await rowsShown(p) === 100, `first page: ${await rowsShown(p)} rows`);
  assert((await p.textContent('#page-info')).includes('1/3'), await p.textContent('#page-info'));
  await p.click('#next');
  await p.click('#next');
  assert(await rowsShown(p) === 50, `last page: ${await rowsShown(p)} rows`);
  assert(await p.$eval('#next', (b) => b.disabled), 'next is disabled on the last page');
  await p.close();
});

check('markup in a report stays text, in the table and in a chart tooltip', async (page, _expected, context) => {
  const dir = path.join(work, 'hostile');
  fs.mkdirSync(dir, { recursive: true });
  const name = fs.readdirSync(path.join(root, 'samples')).find((f) => f.startsWith('示例市民政局2021'));
  const agency = '<img src=x onerror="document.title=1">局';
  fs.writeFileSync(path.join(dir, 'a.txt'), fs.readFileSync(path.join(root, 'samples', name), 'utf8').replace('示例市民政局', agency));
  const html = path.join(results, 'summary-hostile.html');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/govreport.js'), 'summary', path.relative(root, dir), '-o', html], { encoding: 'utf8', cwd: root });
  assert(r.status === 0, r.stderr);
  const p = await context.newPage();
  await p.goto(pathToFileURL(html).href);
  await p.waitForFunction(() => document.body.dataset.ready);
  assert((await column(p, 'agency'))[0] === agency, `agency cell: ${(await column(p, 'agency'))[0]}`);
  const box = await p.$eval('#chart-applications canvas', (c) => { const b = c.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; });
  for (let x = 0.1; x < 0.9; x += 0.1) await p.mouse.move(box.x + box.w * x, box.y + box.h * 0.6);
  assert(await p.$$eval('img', (i) => i.length) === 0, 'an img element was made from the report text');
  assert(await p.title() !== '1', 'the handler ran');
  await p.close();
});

check('the R5 pair of the two years is listed with its mark', async (page) => {
  const pairs = await page.$$eval('#pairs tbody tr', (rows) => rows.map((r) => r.textContent));
  assert(pairs.some((p) => p.includes('示例市民政局') && p.includes('2021 → 2022') && /[✓✗]/.test(p)), `pairs: ${pairs}`);
});

async function run() {
  const html = path.join(results, 'summary.html');
  summary(html);
  const expected = fs.readdirSync(path.join(root, 'samples')).length + 1
    + (fs.existsSync(path.resolve(root, '../shared/reports')) ? fs.readdirSync(path.resolve(root, '../shared/reports')).length : 0);
  const browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, timeout: 60000,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-default-apps', '--disable-sync', '--disable-domain-reliability', '--disable-client-side-phishing-detection',
      '--disable-breakpad', '--no-first-run', '--no-default-browser-check', '--no-pings', '--metrics-recording-only'],
  });
  let passed = 0;
  let failed = 0;
  const foreign = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => document.body.dataset.ready);
    const all = [...checks, { name: 'no request left the page, no script error', fn: async () => {
      assert(foreign.length === 0, `requests: ${foreign.join(' ')}`);
      assert(pageErrors.length === 0, `errors: ${pageErrors.join(' ')}`);
    } }, { name: '--lang en writes an English page', fn: async () => {
      const en = path.join(results, 'summary-en.html');
      summary(en, '--lang', 'en');
      const p = await context.newPage();
      await p.goto(pathToFileURL(en).href);
      await p.waitForFunction(() => document.body.dataset.ready);
      assert(await p.title() === 'Annual reports summary', `title: ${await p.title()}`);
      assert((await p.textContent('#reports thead')).includes('Received'), 'English headers');
      await p.close();
      assert(foreign.length === 0, `requests: ${foreign.join(' ')}`);
    } }];
    for (const c of all) {
      try {
        await c.fn(page, expected, context);
        passed++;
        console.log(`  ✓ ${c.name}`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${c.name}: ${e.message}`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`summary page: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

run().then((code) => { process.exitCode = code; }, (e) => { console.error(e); console.log('summary page: 0 passed, 1 failed'); process.exitCode = 1; });
