// Runs the unit and protocol tests (compiled to out/) with node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
/** The TypeScript source a compiled test came from. */
const sourceOf = (compiled) => join(ROOT, relative(join(ROOT, 'out'), resolve(compiled))).replace(/\.js$/, '.ts');

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['out/test/unit', 'out/test/protocol'];
const files = [];
const walk = (dir) => {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    // A compiled test whose source was moved or deleted is left in out/ by tsc: it is not run.
    else if (name.endsWith('.test.js') && existsSync(sourceOf(p))) files.push(p);
  }
};
roots.forEach(walk);
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
