// Random editing sessions against the real server (fast-check): reports edited at random places with random
// text (line breaks of every kind, NUL, lone surrogates, full-width digits, table labels), edits past the end,
// bursts sent without waiting, hovers and code actions anywhere. After each session the server is alive and
// its diagnostics for the last version are exactly the engine's findings on the text the client holds — the
// server's copy of the document never drifts, whatever was sent.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/engine';
import { HAVE_REPORTS, HAVE_SERVER, reports } from './helpers';
import { LspClient, ROOT } from './lsp';

/** Sessions per run; GOVREPORT_FUZZ_RUNS scales them with the engine's property tests (default 1,500 → 120). */
const RUNS = Math.max(20, Math.round(Number(process.env.GOVREPORT_FUZZ_RUNS ?? 1500) / 12.5));

/** A failure is replayed with the seed and path fast-check prints: GOVREPORT_FUZZ_SEED=… GOVREPORT_FUZZ_PATH=… */
const REPLAY = process.env.GOVREPORT_FUZZ_SEED
  ? { seed: Number(process.env.GOVREPORT_FUZZ_SEED), path: process.env.GOVREPORT_FUZZ_PATH, endOnFailure: true }
  : {};

const SAMPLES = path.join(ROOT, 'samples');
const corpus = [
  ...readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && !f.includes('GBK')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8')),
  ...(HAVE_REPORTS ? reports().map((r) => r.text) : []),
];

const FRAGMENTS = ['', '\n', '\r\n', '\r', '\u0000', '\ud800', '\udc00', '\ud83d\ude00', '\u3000', '\ufeff', '\t', ' | ', '１２', '99999999999999999999999999999',
  '（七）总计', '一、总体情况', '三、收到和处理政府信息公开申请情况', '\t3\t4', '-5', '十二', '万元', '第二十条第（一）项', '2021年', '新收35件'];

type Op =
  | { kind: 'edit'; line: number; character: number; lines: number; endCharacter: number; text: string }
  | { kind: 'replace'; doc: number; cut: number }
  | { kind: 'hover'; line: number; character: number }
  | { kind: 'actions'; only: boolean };

const text = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), line: fc.nat(150), character: fc.nat(60), lines: fc.nat(3), endCharacter: fc.nat(60), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), doc: fc.nat(corpus.length - 1), cut: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hover' as const), line: fc.nat(200), character: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('actions' as const), only: fc.boolean() }) },
);
const session = fc.record({ doc: fc.nat(corpus.length - 1), ops: fc.array(op, { minLength: 1, maxLength: 14 }), burst: fc.boolean() });

const key = (code: unknown, r: Diagnostic['range']) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('random editing sessions against the server', { skip: !HAVE_SERVER && 'dist/server.js not built' }, () => {
  const client = new LspClient({ debounce: 0 });
  let n = 0;
  before(() => client.initialize({ locale: 'zh-cn' }));
  after(() => client.stop());

  test(`${RUNS} sessions: the server stays alive and in step with the client's text`, { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(session, async ({ doc, ops, burst }) => {
      const uri = `file:///fuzz/session-${++n}.govreport`;
      let model = TextDocument.create(uri, 'govreport', 1, corpus[doc]);
      await client.open(uri, model.getText());
      const sent: Promise<unknown>[] = [];
      for (const o of ops) {
        if (o.kind === 'edit' || o.kind === 'replace') {
          const change: TextDocumentContentChangeEvent = o.kind === 'edit'
            ? { range: { start: { line: o.line, character: o.character }, end: { line: o.line + o.lines, character: o.endCharacter } }, text: o.text }
            : { text: corpus[o.doc].split('\n').slice(o.cut).join('\n') };
          // The client's copy, with the same library the server uses: ranges past the end are clamped alike.
          const before = model.getText();
          model = TextDocument.update(model, [change], model.version + 1);
          assert.ok(model.getText() !== undefined && before !== undefined);
          client.setVersion(uri, model.version);
          const p = client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: model.version }, contentChanges: [change] });
          if (burst) sent.push(p); else await p;
        } else if (o.kind === 'hover') {
          const p = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: o.line, character: o.character } });
          if (burst) sent.push(p); else await p;
        } else {
          const ds = client.latest.get(uri)?.diagnostics ?? [];
          const p = client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: o.only ? { diagnostics: ds, only: ['source.fixAll.govreport'] } : { diagnostics: ds },
          }) as Promise<CodeAction[] | null>;
          if (burst) sent.push(p); else await p;
        }
      }
      await Promise.all(sent);
      const version = model.version;
      // Published already (while the last requests were answered), or still to come.
      const latest = client.latest.get(uri);
      const last = latest?.version === version ? latest : await client.diagnostics(uri, (p) => p.version === version, 20_000);
      assert.ok(client.alive, `the server died:\n${client.stderr}`);
      const expected = checkText(model.getText()).findings.map((f) => key(f.code, f.range)).sort();
      assert.deepEqual(last.diagnostics.map((d) => key(d.code, d.range)).sort(), expected);
      // Quick fixes offered now name this version and apply inside the document.
      const actions = ((await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: last.diagnostics },
      })) ?? []) as CodeAction[];
      // Lines as the text has them: after an edit whose range lies past the end, the library's incremental line
      // count no longer matches its own text (it keeps offsets for lines that are not there).
      const lineCount = TextDocument.create(uri, 'govreport', version, model.getText()).lineCount;
      for (const a of actions) {
        for (const c of a.edit?.documentChanges ?? []) {
          if (!('textDocument' in c)) continue;
          assert.equal(c.textDocument.version, version);
          for (const e of c.edits) assert.ok(e.range.end.line < lineCount, a.title);
        }
      }
      await client.close(uri);
    }), { numRuns: RUNS, ...REPLAY });
  });
});
