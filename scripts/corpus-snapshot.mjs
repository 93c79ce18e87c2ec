// A behaviour snapshot for refactoring: generates a fixed corpus of varied and mutated reports, runs the
// engine on each (findings with their related locations and fixes, and the cross-report findings of
// consecutive years) and writes one JSON line per report. Two snapshots, before and after a change that
// should not change behaviour, must be byte-identical:
//
//   node scripts/corpus-snapshot.mjs > before.jsonl     (on the old tree, after `tsc -p .`)
//   node scripts/corpus-snapshot.mjs > after.jsonl      (on the new tree)
//   cmp before.jsonl after.jsonl
//
// Options: --count=N (default 1200), --root=DIR (the tree whose compiled engine to load; default this one),
// --dump=I (print the text of report I instead, to look into a difference).
// The corpus is the same on every run and tree: seeds are the samples, ../shared/reports and the text files
// of ../shared/real; each generated report is a seed with a few mutations drawn from a fixed random sequence.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SELF = resolve(new URL('..', import.meta.url).pathname);
const ROOT = resolve(arg('root', SELF));
const COUNT = Number(arg('count', '1200'));
const engine = require(join(ROOT, 'out/server/src/engine/index.js'));

function textFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...textFiles(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out;
}

function seeds() {
  const files = [join(SELF, 'samples'), resolve(SELF, '../shared/reports'), resolve(SELF, '../shared/real')].flatMap(textFiles);
  const texts = [];
  for (const f of files) {
    try { texts.push(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(f)).replace(/^\ufeff/, '')); } catch { /* the GBK sample */ }
  }
  return texts;
}

let state = 20261206;
const rand = () => { state = (Math.imul(state, 1103515245) + 12345) | 0; return ((state >>> 8) & 0xffff) / 0x10000; };
const pick = (n) => Math.floor(rand() * n);

/** Each mutation is a kind of damage reviewers see, or a change of layout the reader must take. */
const MUTATIONS = [
  // a figure changed
  (t) => t.replace(/\d+/g, (m) => (rand() < 0.05 ? String(Number(m) + 1 + pick(9)) : m)),
  // a line deleted
  (t) => { const ls = t.split('\n'); ls.splice(pick(ls.length), 1); return ls.join('\n'); },
  // a line repeated
  (t) => { const ls = t.split('\n'); const i = pick(ls.length); ls.splice(i, 0, ls[i]); return ls.join('\n'); },
  // two neighbouring lines swapped
  (t) => { const ls = t.split('\n'); const i = pick(Math.max(1, ls.length - 1)); [ls[i], ls[i + 1]] = [ls[i + 1] ?? '', ls[i]]; return ls.join('\n'); },
  // cut short
  (t) => t.slice(0, Math.floor(t.length * (0.3 + rand() * 0.6))),
  // a character dropped from a label
  (t) => { const i = pick(t.length); return /[\u4e00-\u9fff]/.test(t[i]) ? t.slice(0, i) + t.slice(i + 1) : t; },
  // CRLF line ends
  (t) => t.replace(/\r?\n/g, '\r\n'),
  // flattened onto a few lines, as a crawler leaves a page
  (t) => t.split('\n').reduce((acc, line, i) => acc + (i % 40 === 0 ? '\n' : ' ') + line.trim(), '').trim(),
  // pipes become tabs
  (t) => t.replace(/ ?\| ?/g, '\t'),
  // a section heading's numeral removed
  (t) => t.replace(/^([一二三四五六])、/m, ''),
  // the year in the title changed
  (t) => t.replace(/20(19|2\d)年/, () => `20${19 + pick(7)}年`),
  // a control character inserted
  (t) => { const i = pick(t.length); return t.slice(0, i) + '\u0000' + t.slice(i); },
  // a blank cell
  (t) => t.replace(/\t\d+(?=\t|\n)/, '\t'),
  // full-width digits in a line
  (t) => { const ls = t.split('\n'); const i = pick(ls.length); ls[i] = ls[i].replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)); return ls.join('\n'); },
];

function corpus() {
  const base = seeds();
  const out = [];
  for (let i = 0; i < COUNT; i++) {
    let text = base[i % base.length];
    const n = i < base.length ? 0 : 1 + pick(3);
    const applied = [];
    for (let k = 0; k < n; k++) {
      const m = pick(MUTATIONS.length);
      applied.push(m);
      text = MUTATIONS[m](text);
    }
    out.push({ id: `${i}:${i % base.length}:${applied.join(',')}`, text });
  }
  return out;
}

const dump = arg('dump', null);
if (dump !== null) {
  process.stdout.write(corpus()[Number(dump)].text);
  process.exit(0);
}

const plain = (f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range, related: f.related, fixes: f.fixes });
const reports = corpus();
const models = [];
for (const { id, text } of reports) {
  let line;
  try {
    const result = engine.checkText(text);
    models.push({ id, model: result.model });
    const m = result.model;
    line = { id, isReport: m.isReport, reportYear: m.reportYear, templateYear: m.templateYear, findings: result.findings.map(plain) };
  } catch (error) {
    line = { id, error: String(error) };
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}
// Cross-report findings (R5): each report beside the same text a year on (every year in it moved by one,
// figures varied), as a folder of two years of one body gives them; and groups of four unrelated reports.
const nextYear = (text) => MUTATIONS[0](text.replace(/(20[12]\d)(年)/g, (_, y, n) => `${Number(y) + 1}${n}`));
const groups = [];
for (let i = 0; i < models.length; i += 3) groups.push([models[i], { id: `${models[i].id}+1`, model: engine.parseReport(nextYear(reports[i].text)) }]);
for (let i = 0; i + 4 <= models.length; i += 4) groups.push(models.slice(i, i + 4));
for (const group of groups) {
  const byId = engine.crossReportFindings(group);
  const line = { group: group.map((r) => r.id), findings: [...byId].map(([id, fs]) => [id, fs.map(plain)]) };
  process.stdout.write(JSON.stringify(line) + '\n');
}
