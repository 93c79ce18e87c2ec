// Property tests: any text, any mutation of a real report — never an exception, ranges inside the
// document, fixes inside the document and not overlapping, the same model whatever the line ends.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkText, computeLineStarts, type Finding, type Range } from '../../server/src/engine';
import { FIXTURES, hasSharedReports, SAMPLES, SHARED_REPORTS } from './helpers';

const RUNS = Number(process.env.GOVREPORT_FUZZ_RUNS ?? 1500);

const corpus: string[] = [
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && !f.includes('GBK')).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8')),
  ...(hasSharedReports ? fs.readdirSync(SHARED_REPORTS).map((f) => fs.readFileSync(path.join(SHARED_REPORTS, f), 'utf8')) : []),
];

/** Line lengths of `text` as the LSP counts them (line breaks \n, \r\n, \r excluded). */
function lineLengths(text: string): number[] {
  const starts = computeLineStarts(text);
  return starts.map((s, i) => {
    let end = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (end > s && text[end - 1] === '\n') end--;
    if (end > s && text[end - 1] === '\r') end--;
    return end - s;
  });
}

function assertInside(range: Range, lengths: number[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} of ${lengths.length}`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} > ${lengths[p.line]}`);
  }
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: start after end`);
}

/** The invariants every check must keep. */
function checkInvariants(text: string): Finding[] {
  const { findings } = checkText(text);
  const lengths = lineLengths(text);
  for (const f of findings) {
    assertInside(f.range, lengths, f.code);
    f.related.forEach((r) => assertInside(r.range, lengths, `${f.code} related`));
    for (const fix of f.fixes) {
      fix.edits.forEach((e) => assertInside(e.range, lengths, `${f.code} fix`));
      assert.doesNotThrow(() => applyEdits(text, fix.edits));
    }
    assert.ok(f.message.zh.length > 0 && f.message.en.length > 0);
  }
  return findings;
}

const signature = (fs: Finding[]) => fs.map((f) => `${f.code}|${f.severity}|${f.message.zh}`).join('\n');

type Mutation = (lines: string[], r: () => number) => string[];
const pick = <T>(a: T[], r: () => number) => a[Math.floor(r() * a.length)];
const at = (lines: string[], r: () => number) => Math.floor(r() * lines.length);
const NUMBER_LINE = /^(\s*)([+\-]?\d+(?:\.\d+)?)\s*$/;
const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (l, r) => { const c = [...l]; c.splice(at(l, r), 1); return c; },
  duplicateLine: (l, r) => { const c = [...l]; const i = at(l, r); c.splice(i, 0, l[i]); return c; },
  swapLines: (l, r) => { const c = [...l]; const i = at(l, r); const j = at(l, r); [c[i], c[j]] = [c[j], c[i]]; return c; },
  cellValue: (l, r) => {
    const idx = l.map((x, i) => (NUMBER_LINE.test(x) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return l;
    const c = [...l];
    const i = pick(idx, r);
    const [, lead, n] = NUMBER_LINE.exec(c[i])!;
    const forms = ['', `${n}${n}`, `${n}a`, `-${n}`, `+${n}`, `${n}件`, `${n}万元`, n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), '9'.repeat(30), '十二', '—', `${n}.5`];
    c[i] = lead + pick(forms, r);
    return c;
  },
  renameHeading: (l, r) => l.map((x) => (/^[一二三四五六]、/.test(x) && r() < 0.3 ? pick(['', x.slice(2), `1、${x.slice(2)}`, `${x}（续）`, x.replace('情况', '情形')], r) : x)),
  cutTable: (l, r) => { const i = at(l, r); return [...l.slice(0, i), ...l.slice(i + Math.floor(r() * 60))]; },
  randomUnicode: (l, r) => { const c = [...l]; const i = at(l, r); c[i] = c[i] + String.fromCharCode(Math.floor(r() * 0xffff)) + '\u0000\ud800'; return c; },
  pipeNoise: (l, r) => { const c = [...l]; const i = at(l, r); c[i] = `${c[i]} | | ${Math.floor(r() * 100)} |\t`; return c; },
};

describe('robustness (property tests)', () => {
  it(`never throws on arbitrary text (${RUNS} cases), ranges inside the document`, () => {
    fc.assert(fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(fc.constantFrom('一、总体情况', '三、收到和处理政府信息公开申请情况', '（七）总计', '\t3', '\t', '', '|', ' 12 ', '四、结转下年度继续办理', '第二十条第（一）项', '\r', '\r\n', '\u3000'), { maxLength: 120 }).map((a) => a.join('\n')),
      ),
      (text) => { checkInvariants(text); },
    ), { numRuns: RUNS });
  });

  it(`never throws on mutated real reports (${RUNS} cases); fixes stay inside the document`, () => {
    const names = Object.keys(MUTATIONS);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: corpus.length - 1 }),
      fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 6 }),
      fc.integer(),
      (doc, ops, seed) => {
        let s = seed;
        const r = () => { s = (Math.imul(s, 1103515245) + 12345) | 0; return ((s >>> 8) & 0xffff) / 0x10000; };
        let lines = corpus[doc].split('\n');
        for (const op of ops) lines = MUTATIONS[op](lines, r);
        checkInvariants(lines.join('\n'));
      },
    ), { numRuns: RUNS });
  });

  it('gives the same findings whatever the line ends (LF, CRLF, CR) or a leading BOM', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.integer({ min: 0, max: 5 }), (doc, cut) => {
      const lf = corpus[doc].split('\n').slice(cut * 20).join('\n');
      const expected = signature(checkInvariants(lf));
      assert.equal(signature(checkInvariants(lf.replace(/\n/g, '\r\n'))), expected);
      assert.equal(signature(checkInvariants(lf.replace(/\n/g, '\r'))), expected);
      assert.equal(signature(checkText(`\ufeff${lf}`).findings), expected);
    }), { numRuns: 60 });
  });

  it('applying all preferred fixes converges, and once converged is idempotent', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.integer(), (doc, seed) => {
      let s = seed;
      const r = () => { s = (Math.imul(s, 1103515245) + 12345) | 0; return ((s >>> 8) & 0xffff) / 0x10000; };
      let text = MUTATIONS.cellValue(MUTATIONS.cellValue(corpus[doc].split('\n'), r), r).join('\n');
      for (let pass = 0; pass < 10; pass++) {
        const edits = checkText(text).findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
        const next = applyEdits(text, edits);
        if (next === text) break;
        text = next;
      }
      const edits = checkText(text).findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
      assert.equal(applyEdits(text, edits), text);
    }), { numRuns: 150 });
  });

  it('replays recorded failure seeds', () => {
    const dir = path.join(FIXTURES, 'fuzz');
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) checkInvariants(fs.readFileSync(path.join(dir, f), 'utf8'));
  });
});
