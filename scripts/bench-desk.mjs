// The reviewer's desk in the benchmark (`npm run bench`, or `node scripts/bench.mjs --only=desk`): govreport
// export (XLSX, CSV, JSON) and govreport summary over 1,000 and 10,000 generated reports, wall time from
// process start and the process's peak memory (worker threads included), with the output's size; and the plain
// check of the same corpus (`--format json`, output discarded) run just before, to compare with.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** `writeCorpus(n)` is bench.mjs's generator: a folder of n varied reports (removed here afterwards). */
export function deskBench(root, writeCorpus, quick) {
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
      out.push(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dest, { recursive: true, force: true });
    }
  }
  return out;
}
