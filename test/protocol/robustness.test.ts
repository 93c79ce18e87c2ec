// Server survival over stdio: malformed and hostile requests and notifications get an LSP error or an
// empty result, never a crash; after each, the process is still alive and still answering.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, type CodeAction, type Diagnostic, type DocumentSymbol, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import * as iconv from 'iconv-lite';
import { checkText } from '../../server/src/engine';
import { apply, codes, editsOf, HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient, ROOT, uriOf } from './lsp';

const SKIP = SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built');

/** The error code of a rejected request, or 'ok' with the result. */
async function outcome(p: Promise<unknown>): Promise<{ code: number | 'ok'; result?: unknown }> {
  try {
    return { code: 'ok', result: await p };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    assert.equal(typeof code, 'number', `an LSP error, got ${String(e)}`);
    return { code: code as number };
  }
}

describe('server survival', { skip: SKIP }, () => {
  const client = new LspClient({ debounce: 0 });
  const r = report('003');
  const uri = `${r.uri}.survival.govreport`;
  const req = (method: string, params: unknown) => client.connection.sendRequest(method, params);
  const note = (method: string, params: unknown) => client.connection.sendNotification(method, params);

  /** The server is alive and answers a hover on the open report. */
  async function answering(): Promise<void> {
    assert.ok(client.alive, `the server died:\n${client.stderr}`);
    const symbols = (await req('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'symbols of the open report');
    assert.ok(client.alive);
  }

  /** Each request ends in an LSP error or an empty result (null, [] or a hover-less null). */
  async function emptyOrError(method: string, params: unknown): Promise<void> {
    const o = await outcome(req(method, params));
    if (o.code === 'ok') {
      const empty = o.result === null || (Array.isArray(o.result) && o.result.length === 0);
      assert.ok(empty, `${method} ${JSON.stringify(params)?.slice(0, 80)}: expected an empty result, got ${JSON.stringify(o.result)?.slice(0, 200)}`);
    } else {
      assert.ok([ErrorCodes.InvalidParams, ErrorCodes.InvalidRequest, ErrorCodes.MethodNotFound, -32800].includes(o.code), `${method}: error code ${o.code}`);
    }
  }

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    assert.deepEqual(await client.open(uri, r.text), []);
  });
  after(() => client.stop());

  const DOC_METHODS = ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction',
    'textDocument/completion', 'textDocument/inlayHint', 'textDocument/codeLens', 'textDocument/formatting', 'textDocument/rangeFormatting'];
  const position = { line: 0, character: 0 };
  const range = { start: position, end: position };
  const options = { tabSize: 4, insertSpaces: true };
  const EXTRA: Record<string, object> = {
    'textDocument/hover': { position }, 'textDocument/completion': { position }, 'textDocument/codeAction': { range, context: { diagnostics: [] } },
    'textDocument/inlayHint': { range }, 'textDocument/formatting': { options }, 'textDocument/rangeFormatting': { range, options },
  };
  const extra = (m: string) => EXTRA[m] ?? {};

  test('bad URIs and unknown documents: an empty result or an InvalidParams error', async () => {
    const bad = ['', 'not a uri', 'file:///%E0%A4%A', 'file:///nope/unknown.govreport', 'http://example.invalid/r.govreport', 'untitled:Untitled-1', 'file://' + 'a/'.repeat(50000)];
    for (const m of DOC_METHODS) {
      for (const u of bad) await emptyOrError(m, { textDocument: { uri: u }, ...extra(m) });
      for (const u of [42, null, {}, ['x']]) await emptyOrError(m, { textDocument: { uri: u }, ...extra(m) });
    }
    for (const u of [...bad, 42, null]) await emptyOrError('govreport/reportOutline', { uri: u });
    await answering();
  });

  test('garbage params for every request the server serves', async () => {
    const garbage: unknown[] = [null, 0, 'x', [], [1, 2], {}, { textDocument: null }, { textDocument: 'x' }, { textDocument: { uri }, position: null },
      { textDocument: { uri }, position: 'x' }, { textDocument: { uri }, range: null, context: null }, { textDocument: { uri }, range, context: { diagnostics: 'x' } },
      { textDocument: { uri }, range, context: { diagnostics: [null, 1, { range: null }, { code: {}, range, source: 'govreport' }] } },
      { textDocument: { uri }, range, context: { diagnostics: [], only: 'quickfix' } }];
    for (const m of [...DOC_METHODS, 'govreport/reportOutline', 'govreport/reports']) {
      for (const g of garbage) {
        const o = await outcome(req(m, g));
        if (o.code !== 'ok') assert.ok([ErrorCodes.InvalidParams, -32800].includes(o.code), `${m} ${JSON.stringify(g)}: error ${o.code}`);
      }
    }
    for (const g of [null, {}, { reportYear: 'x' }, { reportYear: 1e308 }, { reportYear: -5 }, { reportYear: 2024, eol: 'x'.repeat(1e6) }, { reportYear: 2024, agency: 'x'.repeat(1e6) }, { reportYear: 2024, templateYear: 'y' }]) {
      const o = await outcome(req('govreport/newReport', g));
      if (o.code === 'ok') {
        assert.equal(typeof o.result, 'string');
        assert.ok((o.result as string).length < 100_000, 'a skeleton of bounded size');
      } else {
        assert.equal(o.code, ErrorCodes.InvalidParams, JSON.stringify(g).slice(0, 80));
      }
    }
    for (const g of [null, {}, { text: 42 }, { text: '' }, { text: 'x'.repeat(1e6) }, { text: '\u0000\ud800一、总体情况' }]) {
      const o = await outcome(req('govreport/nextYear', g));
      if (o.code === 'ok') assert.equal(typeof (o.result as { error: string }).error, 'string', JSON.stringify(g).slice(0, 80));
      else assert.equal(o.code, ErrorCodes.InvalidParams, JSON.stringify(g).slice(0, 80));
    }
    await answering();
  });

  test('out-of-range positions and a huge range', async () => {
    const lines = r.text.split('\n').length;
    for (const p of [{ line: -1, character: 0 }, { line: 0, character: -5 }, { line: lines + 10, character: 0 }, { line: 2, character: 1e9 }, { line: 1e9, character: 1e9 },
      { line: -1e9, character: -1e9 }, { line: 1.5, character: 0.5 }, { line: Number.MAX_SAFE_INTEGER, character: 0 }]) {
      const o = await outcome(req('textDocument/hover', { textDocument: { uri }, position: p }));
      if (o.code !== 'ok') assert.equal(o.code, ErrorCodes.InvalidParams, JSON.stringify(p));
    }
    const huge = { start: { line: -1e9, character: -1e9 }, end: { line: 1e9, character: 1e9 } };
    const o = await outcome(req('textDocument/codeAction', { textDocument: { uri }, range: huge, context: { diagnostics: [{ range: huge, message: 'x', code: 'row-total', source: 'govreport' }] } }));
    if (o.code !== 'ok') assert.equal(o.code, ErrorCodes.InvalidParams);
    for (const [m, params] of [['textDocument/inlayHint', { range: huge }], ['textDocument/rangeFormatting', { range: huge, options }], ['textDocument/completion', { position: { line: 1e9, character: 1e9 } }]] as const) {
      const answer = await outcome(req(m, { textDocument: { uri }, ...params }));
      if (answer.code !== 'ok') assert.equal(answer.code, ErrorCodes.InvalidParams, m);
    }
    await answering();
  });

  test('a hover beyond the end of a line answers as at the end of that line, not somewhere further on', async () => {
    const lines = r.text.split('\n');
    for (const prefix of ['二、', '三、', '四、']) {
      const line = lines.findIndex((l) => l.startsWith(prefix));
      const length = lines[line].replace(/\r$/, '').length;
      const atEnd = (await req('textDocument/hover', { textDocument: { uri }, position: { line, character: length } })) as Hover | null;
      const beyond = (await req('textDocument/hover', { textDocument: { uri }, position: { line, character: 10_000 } })) as Hover | null;
      assert.ok(atEnd, `${prefix}: the heading has a hover at its end`);
      assert.deepEqual(beyond, atEnd, prefix);
    }
  });

  test('an unknown method gets MethodNotFound; unknown notifications are ignored', async () => {
    assert.equal((await outcome(req('govreport/noSuchThing', {}))).code, ErrorCodes.MethodNotFound);
    assert.equal((await outcome(req('textDocument/noSuchThing', { textDocument: { uri } }))).code, ErrorCodes.MethodNotFound);
    await note('govreport/noSuchThing', { x: 1 });
    await note('$/noSuchThing', null);
    await note('textDocument/noSuchThing', 'x');
    await answering();
  });

  test('malformed document notifications change nothing and break nothing', async () => {
    const other = `${r.uri}.other.govreport`;
    for (const p of [null, {}, { textDocument: null }, { textDocument: { uri: 42, languageId: 'govreport', version: 1, text: 'x' } },
      { textDocument: { uri: other, languageId: 'govreport', version: 1, text: 42 } }, { textDocument: { uri: other, languageId: 'govreport', version: 'x', text: 'x' } },
      { textDocument: { uri: other, languageId: null, version: 1, text: 'x' } }]) {
      await note('textDocument/didOpen', p);
    }
    for (const p of [null, {}, { textDocument: { uri }, contentChanges: null }, { textDocument: { uri, version: 2 }, contentChanges: 'x' },
      { textDocument: { uri, version: 2 }, contentChanges: [{ text: 42 }] }, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: null }, text: 'x' }] },
      { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0.5, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] },
      { textDocument: { uri, version: null }, contentChanges: [{ text: 'x' }] },
      { textDocument: { uri: 'file:///unknown.govreport', version: 2 }, contentChanges: [{ text: 'x' }] }]) {
      await note('textDocument/didChange', p);
    }
    for (const p of [null, {}, { textDocument: { uri: 'file:///unknown.govreport' } }, { textDocument: 42 }]) {
      await note('textDocument/didClose', p);
      await note('textDocument/didSave', p);
    }
    await note('workspace/didChangeConfiguration', null);
    await note('workspace/didChangeConfiguration', { settings: { govreport: { debounce: 'x', maxFileSize: -1, rules: [1], templateYear: {}, run: 5, workspace: 'x' } } });
    await note('workspace/didChangeWatchedFiles', { changes: 'x' });
    await note('workspace/didChangeWatchedFiles', null);
    await note('workspace/didChangeWorkspaceFolders', { event: null });
    await note('workspace/didChangeWorkspaceFolders', null);
    await client.changeSettings({ debounce: 0 });
    // The document is as it was: the same text, still checked clean.
    assert.deepEqual(await client.change(uri, [{ range, text: '' }]), []);
    assert.equal(client.latest.has(`${r.uri}.other.govreport`), false);
    await answering();
  });

  test('a didChange with a range past the end appends at the end', async () => {
    const lines = r.text.split('\n').length;
    const past = { start: { line: lines + 100, character: 5 }, end: { line: lines + 200, character: 9 } };
    const ds = await client.change(uri, [{ range: past, text: '\n附：无。\n' }]);
    assert.ok(Array.isArray(ds));
    await client.change(uri, [{ text: r.text }]);
    await answering();
  });

  test('requests for a document after didClose get an empty result', async () => {
    const u = `${r.uri}.closed.govreport`;
    await client.open(u, r.text);
    const cleared = client.diagnostics(u, (p) => p.diagnostics.length === 0);
    await client.close(u);
    await cleared;
    for (const m of DOC_METHODS) await emptyOrError(m, { textDocument: { uri: u }, ...extra(m) });
    await emptyOrError('govreport/reportOutline', { uri: u });
    await note('textDocument/didChange', { textDocument: { uri: u, version: 9 }, contentChanges: [{ text: 'x' }] });
    await answering();
  });

  test('a burst of changes: the newest version is checked, and its diagnostics are the last published', async () => {
    const u = `${r.uri}.burst.govreport`;
    await client.open(u, r.text);
    const lines = r.text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('五、'));
    // Sent in one go, as a fast typist's editor does: they queue up in the server.
    const sent: Promise<void>[] = [];
    for (let v = 2; v <= 301; v++) {
      const text = v % 2 ? '5、' : '五、';
      sent.push(note('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [{ range: { start: { line: heading, character: 0 }, end: { line: heading, character: 2 } }, text }] }));
    }
    await Promise.all(sent);
    client.setVersion(u, 301);
    const last = await client.diagnostics(u, (p) => p.version === 301, 20000);
    assert.ok(codes(last.diagnostics).includes('section-heading'), 'version 301 has 5、');
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(client.latest.get(u)?.version, 301, 'nothing older is published after the newest');
    const published = client.publications.filter((p) => p.uri === u).map((p) => p.version ?? 0);
    assert.deepEqual(published, [...published].sort((a, b) => a - b), 'versions are published in order');
    assert.ok(published.length < 100, `superseded versions are not checked (${published.length} publications for 300 changes)`);
    await answering();
  });

  test('an initialize with odd values gives a working server', async () => {
    // Without capabilities at all: an error (from the protocol library), not a crash.
    const none = new LspClient({});
    try {
      const o = await outcome(none.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: null }));
      assert.notEqual(o.code, 'ok');
      assert.ok(none.alive);
    } finally {
      await none.stop();
    }
    const odd = new LspClient({});
    try {
      const result = await odd.connection.sendRequest('initialize', {
        processId: null, rootUri: 5, locale: 42, initializationOptions: { clientCommands: 5, locale: {} }, workspaceFolders: [null, 3, { uri: 7 }, { name: 'x' }],
        capabilities: { workspace: { configuration: true, workspaceEdit: 5, didChangeConfiguration: 'x' } },
      }) as { capabilities: { hoverProvider?: boolean } };
      assert.equal(result.capabilities.hoverProvider, true);
      await odd.connection.sendNotification('initialized', {});
      const ds = await odd.open(`${r.uri}.odd.govreport`, r.text);
      assert.deepEqual(ds, []);
      assert.ok(odd.alive);
    } finally {
      await odd.stop();
    }
  });

  test('a broken message frame does not end the server', async () => {
    const frame = (body: string) => client.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    frame('{"bad":!}');
    frame('[]');
    frame('{"jsonrpc":"2.0","method":5,"params":1}');
    frame('{"jsonrpc":"2.0","id":"x1","method":"textDocument/hover","params":[1,2,3]}');
    await new Promise((res) => setTimeout(res, 200));
    await answering();
  });
});

/** Reports one after another, as a reviewer concatenates them, up to about `bytes` of UTF-8. */
function concatenated(text: string, bytes: number): string {
  const one = Buffer.byteLength(text) + 1;
  return Array.from({ length: Math.max(1, Math.floor(bytes / one)) }, () => text).join('\n');
}

const MB = 1024 * 1024;

describe('large documents', { skip: SKIP }, () => {
  const r = report('004');
  const small = report('003');
  const clients: LspClient[] = [];
  const start = async (settings: Record<string, unknown>) => {
    const c = new LspClient(settings);
    clients.push(c);
    await c.initialize({ locale: 'zh-cn' });
    return c;
  };
  after(() => Promise.all(clients.map((c) => c.stop())));
  const open = (c: LspClient, uri: string, text: string) =>
    c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
  const symbols = (c: LspClient, uri: string, source?: CancellationTokenSource) => {
    const params = { textDocument: { uri } };
    return (source ? c.connection.sendRequest('textDocument/documentSymbol', params, source.token) : c.connection.sendRequest('textDocument/documentSymbol', params)) as Promise<DocumentSymbol[] | null>;
  };

  test('a 20 MB document is checked while the server goes on answering', { timeout: 180_000 }, async () => {
    const c = await start({});
    const big = `${r.uri}.20mb.govreport`;
    const text = concatenated(r.text, 20_000_000);
    assert.ok(Buffer.byteLength(text) > 19_000_000);
    await c.open(small.uri, small.text);
    const checked = c.diagnostics(big, (p) => p.version === 1, 170_000);
    await open(c, big, text);
    // While the large check runs, another document is served at once.
    const asked = Date.now();
    const answer = await symbols(c, small.uri);
    const answeredAfter = Date.now() - asked;
    assert.ok(answer && answer.length > 0);
    assert.equal(c.latest.get(big), undefined, `the small request was answered (${answeredAfter} ms) before the large check ended`);
    const done = await checked;
    assert.ok(done.diagnostics.length > 0 && done.diagnostics.every((d) => d.code !== 'file-too-large' && d.code !== 'check-failed'), String(done.diagnostics[0]?.code));
    // What the editor asks after every change of a large file is answered in a moment, not seconds.
    const timed = async <T>(what: string, p: Promise<T>): Promise<T> => {
      const t0 = Date.now();
      const v = await p;
      assert.ok(Date.now() - t0 < 3000, `${what} took ${Date.now() - t0} ms`);
      return v;
    };
    const outline = (await timed('symbols', symbols(c, big))) ?? [];
    assert.ok(outline.length > 0, 'the large document has symbols');
    await timed('folding', c.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: big } }));
    await timed('hover', c.connection.sendRequest('textDocument/hover', { textDocument: { uri: big }, position: { line: 100_000, character: 3 } }));
    const all = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
    await timed('code actions for every diagnostic', c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: big }, range: all, context: { diagnostics: done.diagnostics } }));
    assert.ok(c.alive);
  });

  test('a document over govreport.maxFileSize gets one diagnostic at once, and no hover', async () => {
    const c = await start({ maxFileSize: 2 });
    const big = `${r.uri}.over.govreport`;
    const text = concatenated(r.text, 3 * MB);
    const started = Date.now();
    await open(c, big, text);
    const ds = (await c.diagnostics(big, (p) => p.version === 1, 20_000)).diagnostics;
    assert.deepEqual(codes(ds), ['file-too-large']);
    assert.match(ds[0].message, /govreport\.maxFileSize/);
    assert.ok(Date.now() - started < 5000);
    assert.equal(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: big }, position: { line: 5, character: 2 } }), null);
    // Raising the limit checks it.
    const rechecked = c.diagnostics(big, (p) => !codes(p.diagnostics).includes('file-too-large'), 60_000);
    await c.changeSettings({ maxFileSize: 20 });
    assert.ok((await rechecked).diagnostics.length > 0);
  });

  test('an edit during a long check: diagnostics for the newest version only, none for the stale one', { timeout: 120_000 }, async () => {
    const c = await start({ debounce: 0 });
    const big = `${r.uri}.edit.govreport`;
    const text = concatenated(small.text, 6 * MB);
    await open(c, big, text);
    await new Promise((res) => setTimeout(res, 400)); // the check of version 1 is under way
    const newest = c.diagnostics(big, (p) => p.version === 2, 110_000);
    // Version 2 renumbers the first heading 五、.
    const firstHeading = text.split('\n').findIndex((l) => l.startsWith('五、'));
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: big, version: 2 }, contentChanges: [{ range: { start: { line: firstHeading, character: 0 }, end: { line: firstHeading, character: 2 } }, text: '1、' }],
    });
    const ds = (await newest).diagnostics;
    const v2 = text.split('\n').map((l, i) => (i === firstHeading ? `1、${l.slice(2)}` : l)).join('\n');
    const expected = checkText(v2).findings;
    const key = (code: unknown, range: { start: { line: number; character: number } }) => `${code}@${range.start.line}:${range.start.character}`;
    assert.deepEqual(ds.map((d) => key(d.code, d.range)).sort(), expected.map((f) => key(f.code, f.range)).sort(), 'the diagnostics are those of version 2');
    await new Promise((res) => setTimeout(res, 500));
    const versions = c.publications.filter((p) => p.uri === big).map((p) => p.version);
    assert.deepEqual(versions, [2], 'version 1 was superseded before it was published');
  });

  test('a request waiting for a long check is cancelled at once by $/cancelRequest', { timeout: 120_000 }, async () => {
    const c = await start({});
    const big = `${r.uri}.cancel.govreport`;
    const checked = c.diagnostics(big, (p) => p.version === 1, 110_000);
    await open(c, big, concatenated(r.text, 8 * MB));
    const source = new CancellationTokenSource();
    const pending = symbols(c, big, source);
    await new Promise((res) => setTimeout(res, 200));
    const cancelledAt = Date.now();
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
    const took = Date.now() - cancelledAt;
    assert.equal(c.latest.get(big), undefined, `the cancellation (${took} ms) was answered before the check ended`);
    assert.ok(took < 2000, `cancelled in ${took} ms`);
    await checked;
    // The check itself went on for the diagnostics; the next request is served from it.
    assert.ok(((await symbols(c, big)) ?? []).length > 0);
  });
});

describe('fixes through the server', { skip: SKIP }, () => {
  const client = new LspClient({ debounce: 0 });
  const faulty = readFileSync(path.join(ROOT, 'samples', readdirSync(path.join(ROOT, 'samples')).find((f) => f.includes('含典型错误'))!), 'utf8');
  before(() => client.initialize({ locale: 'zh-cn' }));
  after(() => client.stop());

  const actions = (uri: string, diagnostics: Diagnostic[], only?: string[]) => client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: only ? { diagnostics, only } : { diagnostics },
  }) as Promise<CodeAction[] | null>;
  const edited = (a: CodeAction, uri: string) => editsOf(a.edit, uri);

  test('code actions asked with the diagnostics of an older version offer no edit of that version', async () => {
    const uri = `file:///robustness/stale.govreport`;
    const v1 = await client.open(uri, faulty);
    const fixable = v1.filter((d) => d.code === 'row-total' || d.code === 'column-total' || d.code === 'review-total');
    assert.ok(fixable.length >= 2, codes(v1).join(', '));
    const v1Actions = (await actions(uri, fixable)) ?? [];
    assert.ok(v1Actions.some((a) => a.edit), 'version 1 has fixes');
    // Version 2: a line inserted at the top moves every finding one line down.
    const v2 = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const stale = (await actions(uri, fixable)) ?? [];
    const fresh = (await actions(uri, v2)) ?? [];
    const freshEdits = new Set(fresh.filter((a) => a.edit).map((a) => JSON.stringify(edited(a, uri).edits)));
    for (const a of stale.filter((x) => x.edit)) {
      const { edits, version } = edited(a, uri);
      assert.equal(version, 2, `${a.title}: the edit names the current version`);
      assert.ok(freshEdits.has(JSON.stringify(edits)), `${a.title}: an edit computed for version 2`);
    }
    for (const a of stale.filter((x) => x.kind === 'quickfix' && x.edit)) {
      // A quick fix is only offered where the old diagnostic still names a current finding.
      assert.ok(a.diagnostics?.every((d) => v2.some((n) => n.code === d.code && JSON.stringify(n.range) === JSON.stringify(d.range))), a.title);
    }
    await client.close(uri);
  });

  test('fix all through the server: applied until nothing is left to fix, once more changes nothing', async () => {
    const uri = `file:///robustness/fixall.govreport`;
    let text = faulty;
    await client.open(uri, text);
    let rounds = 0;
    for (; rounds < 5; rounds++) {
      const [fixAll] = (await actions(uri, [], ['source.fixAll.govreport'])) ?? [];
      if (!fixAll) break;
      const { edits, version } = edited(fixAll, uri);
      assert.equal(version, client.version(uri));
      const next = apply(text, edits);
      assert.notEqual(next, text, 'a fix-all that is offered changes something');
      text = next;
      await client.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
    }
    assert.ok(rounds >= 1 && rounds <= 3, `converged in ${rounds} rounds`);
    assert.deepEqual((await actions(uri, [], ['source.fixAll.govreport'])) ?? [], [], 'nothing left: a second fix-all is a no-op');
    // The server's document is the text the edits produced.
    const remaining = client.latest.get(uri)!.diagnostics;
    assert.deepEqual(codes(remaining).filter((c) => ['row-total', 'column-total', 'review-total'].includes(String(c))), []);
    assert.deepEqual(checkText(text).findings.map((f) => f.code), codes(remaining));
    await client.close(uri);
  });
});

describe('encodings in workspace mode', { skip: SKIP }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-enc-'));
  const client = new LspClient({ workspace: { enable: true } });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a report saved as GB18030, UTF-16 or with a BOM or CRLF gets the same diagnostics as its UTF-8 twin', async () => {
    const text = report('001').text;
    const twins: Record<string, Buffer> = {
      'utf8-年度报告.txt': Buffer.from(text, 'utf8'),
      'gb18030-年度报告.txt': iconv.encode(text, 'gb18030'),
      'gb18030-crlf-年度报告.txt': iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'),
      'utf8-bom-年度报告.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf16le-年度报告.txt': iconv.encode(text, 'utf16le', { addBOM: true }),
      'utf16be-年度报告.txt': iconv.encode(text, 'utf16be', { addBOM: true }),
    };
    assert.notDeepEqual(twins['gb18030-年度报告.txt'], twins['utf8-年度报告.txt']);
    const waits = Object.keys(twins).map((name) => {
      writeFileSync(path.join(dir, name), twins[name]);
      return client.diagnostics(uriOf(path.join(dir, name)), () => true, 20_000);
    });
    writeFileSync(path.join(dir, 'binary-年度报告.txt'), Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x00, 0x41]));
    const binary = client.diagnostics(uriOf(path.join(dir, 'binary-年度报告.txt')), () => true, 20_000);
    await client.initialize({ locale: 'zh-cn', workspaceFolders: [dir] });
    const published = await Promise.all(waits);
    const shape = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, message: d.message }));
    const expected = shape(published[0]);
    assert.ok(expected.some((d) => d.code === 'row-label') && expected.some((d) => d.code === 'amount-format'));
    Object.keys(twins).forEach((name, i) => assert.deepEqual(shape(published[i]), expected, name));
    // A file that is no text at all: one clear diagnostic, and the others are checked all the same.
    const b = (await binary).diagnostics;
    assert.equal(b.length, 1);
    assert.match(b[0].message, /无法识别文件编码/);
    assert.ok(client.alive);
  });
});
