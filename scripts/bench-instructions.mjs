// The engine's instructions a check, counted by valgrind's callgrind (`npm run bench:instructions`): a figure that
// repeats to within 0.1 % from one run to the next, where a timing of the same build varies by several per cent on
// a shared machine. For comparing two builds, or a build with a rule left out; it is not the speed budget, which is
// judged on `npm run bench` (time).
//
//   node scripts/bench-instructions.mjs [--root=DIR] [--skip=code,code] [--reports=N] [--warm=N] [--rounds=N]
//
// The engine runs in V8's single-threaded mode (no background compiler or collector threads, so that what is
// counted does not depend on their timing), over the benchmark's kind of corpus, warmed up first; only the rounds
// after the warm-up are counted, and the optimizing compiler's own work in them (it still runs now and then) is
// left out. Needs valgrind (`apt-get install valgrind`) and the compiled engine (`tsc -p .`); --root points at
// another checkout's build to compare with.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportVariants, seedTexts } from './bench-corpus.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const root = resolve(arg('root', ROOT));
const reports = Number(arg('reports', '300'));
const warm = Number(arg('warm', '8'));
const rounds = Number(arg('rounds', '2'));

if (process.argv.includes('--child')) runChild();
else runParent();

function runParent() {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('valgrind is not installed (apt-get install valgrind): the instruction count needs it.');
    process.exit(2);
  }
  if (!existsSync(join(root, 'out/server/src/engine/index.js'))) {
    console.error(`no compiled engine under ${root}/out (run tsc -p . there first)`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'govreport-instructions-'));
  const out = join(dir, 'callgrind.out');
  try {
    const run = spawnSync('valgrind', [
      '--tool=callgrind', '--smc-check=all', '--instr-atstart=no', `--callgrind-out-file=${out}`,
      process.execPath, '--single-threaded', fileURLToPath(import.meta.url), '--child', ...process.argv.slice(2).filter((a) => a !== '--child'),
    ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0 || !existsSync(out)) {
      console.error(run.stderr.split('\n').filter((l) => !l.startsWith('==')).join('\n') || `valgrind exited with ${run.status}`);
      process.exit(1);
    }
    const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const count = (line) => Number(line.trim().split(/\s+/)[0].replace(/,/g, ''));
    const lines = annotated.split('\n');
    const total = count(lines.find((l) => l.includes('PROGRAM TOTALS')));
    // Each entry into the compiler from the running code, with everything it calls.
    const compiling = lines.filter((l) => /Runtime_Compile|Runtime_InstallBaselineCode/.test(l)).reduce((s, l) => s + count(l), 0);
    const checks = reports * rounds;
    console.log(JSON.stringify({
      root, skipped: arg('skip', '') || null, checks,
      instructionsPerCheck: Math.round((total - compiling) / checks),
      compilingShare: Math.round((1000 * compiling) / total) / 1000,
    }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild() {
  const require = createRequire(import.meta.url);
  const engine = require(join(root, 'out/server/src/engine/index.js'));
  const { RULES } = require(join(root, 'out/server/src/engine/rules/index.js'));
  for (const code of arg('skip', '').split(',').filter(Boolean)) {
    const at = RULES.findIndex((r) => r.code === code);
    if (at < 0) throw new Error(`no rule ${code}`);
    RULES.splice(at, 1);
  }
  const variant = reportVariants(seedTexts(ROOT));
  const corpus = Array.from({ length: reports }, (_, i) => variant(i));
  for (let r = 0; r < warm; r++) for (const text of corpus) engine.checkText(text);
  // Counting starts here (callgrind_control asks the valgrind running this process).
  execFileSync('callgrind_control', ['--instr=on', String(process.pid)], { stdio: 'ignore' });
  for (let r = 0; r < rounds; r++) for (const text of corpus) engine.checkText(text);
}
