// Lists functions longer than a limit (default 80 lines) in server/src and client/src, longest first:
//   node scripts/long-functions.mjs [--limit=80] [dir…]
// Exit code 1 when any is found, so a test or CI can hold the line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const limit = Number(process.argv.find((a) => a.startsWith('--limit='))?.slice(8) ?? 80);
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function* files(dir) {
  if (!statSync(dir).isDirectory()) { yield dir; return; }
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

const nameOf = (node, source) => {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText(source);
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
};

export function longFunctions(roots = ['server/src', 'client/src'], max = limit) {
  const found = [];
  for (const root of roots) {
    for (const file of files(resolve(ROOT, root))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        if (ts.isFunctionLike(node) && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          const lines = end - start + 1;
          if (lines > max) found.push({ file: relative(ROOT, file), line: start + 1, name: nameOf(node, source), lines });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found.sort((a, b) => b.lines - a.lines);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = longFunctions(dirs.length ? dirs : undefined);
  for (const f of found) console.log(`${f.lines}\t${f.file}:${f.line}\t${f.name}`);
  process.exitCode = found.length ? 1 : 0;
}
