// The reviewer's desk in the benchmark (`npm run bench`, or `node scripts/bench.mjs --only=desk`): govreport
// export (XLSX, CSV, JSON) and govreport summary over 1,000 and 10,000 generated reports, wall time from
// process start and the process's peak memory (worker threads included), with the output's size; and the plain
// check of the same corpus (`--format json`, output discarded) run just before, to compare with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs the CLI in a process that reports its peak resident memory when done. */
function run(root, args) {
  const cli = JSON.stringify(join(root, 'dist/cli.js'));
  const script = `require(${cli}).main(process.argv.slice(1)).then((c) => { process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = c; })`;
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['-e', script, '--', ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - t0;
  // A plain check exits 1 when a report has an error-severity finding (the corpus has many): only 2 is a failure.
  if (res.status !== 0 && res.status !== 1) throw new Error(`govreport ${args[0]} exited ${res.status}: ${res.stderr}`);
  const kb = Number(/MAXRSS (\d+)/.exec(res.stderr)?.[1] ?? 0);
  return { seconds: round(wall / 1000, 2), peakMB: Math.round(kb / 1024) };
}

/**
 * The summary page in Chromium, when the e2e tools are installed (scripts/e2e/install.sh): time from navigation to
 * the page drawn (data parsed, table and charts), a sort (one click, synchronous) and a text filter (typed until
 * the table shows it, its 120 ms debounce included).
 */
async function pageTimes(root, html) {
  const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
  const tools = join(root, '.vscode-test/package.json');
  if (!existsSync(chromiumPath) || !existsSync(join(root, '.vscode-test/node_modules/playwright-core'))) return 'skipped: run scripts/e2e/install.sh';
  const { chromium } = createRequire(tools)('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const t0 = performance.now();
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120000 });
    const loadMs = performance.now() - t0;
    const sortMs = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector('#reports th[data-key="received"]').click();
      return performance.now() - t;
    });
    const t1 = performance.now();
    await page.fill('#filter', 'report-00999');
    await page.waitForFunction(() => document.querySelectorAll('#reports tbody tr.report').length <= 1);
    return { loadMs: Math.round(loadMs), sortMs: round(sortMs, 1), filterMs: Math.round(performance.now() - t1) };
  } finally {
    await browser.close();
  }
}

/** `writeCorpus(n)` is bench.mjs's generator: a folder of n varied reports (removed here afterwards). */
export async function deskBench(root, writeCorpus, quick) {
  const out = [];
  for (const n of quick ? [1000] : [1000, 10000]) {
    const dir = writeCorpus(n);
    const dest = mkdtempSync(join(tmpdir(), 'govreport-desk-bench-'));
    try {
      // The plain check of the same corpus in the same minute: the machine's speed varies, the ratio less.
      const row = { reports: n, check: run(root, ['--format', 'json', dir]) };
      for (const [name, file] of [['xlsx', 'out.xlsx'], ['csv', 'out.csv'], ['json', 'out.json'], ['summary', 'summary.html']]) {
        const target = join(dest, file);
        const r = run(root, [name === 'summary' ? 'summary' : 'export', dir, '-o', target]);
        row[name] = { ...r, outputMB: round(statSync(target).size / 1048576, 1) };
      }
      row.page = await pageTimes(root, join(dest, 'summary.html'));
      out.push(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dest, { recursive: true, force: true });
    }
  }
  return out;
}
