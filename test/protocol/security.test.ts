// Security over stdio: the server starts no process, opens no connection, writes no file and reads only
// report files, its config and its own bundle, whatever the workspace holds; .govreportrc.json is validated
// and its problems are shown on that file; the manifest declares untrusted-workspace support, which is safe
// because nothing from the workspace is ever executed (docs/security.md).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import * as iconv from 'iconv-lite';
import { codes, HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient, ROOT, uriOf } from './lsp';

const SKIP = SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built');
const SANDBOX = path.join(__dirname, 'sandbox.js');

interface Access { kind: 'exec' | 'network' | 'read' | 'list' | 'write'; what: string; path: string }

describe('the server executes nothing, connects nowhere, writes nothing, reads only reports and config', { skip: SKIP }, () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'govreport-sandbox-')));
  const log = path.join(realpathSync(tmpdir()), `govreport-sandbox-${process.pid}.jsonl`);
  after(() => { rmSync(dir, { recursive: true, force: true }); rmSync(log, { force: true }); });

  test('a whole session over a workspace full of bait', { timeout: 60_000 }, async () => {
    // Reports the server should read, and bait it must leave alone.
    const a = path.join(dir, 'a-2020年度报告.txt');
    const gbk = path.join(dir, 'sub', 'b.txt');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(a, report('001').text);
    writeFileSync(gbk, iconv.encode(report('002').text, 'gb18030'));
    writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'amount-format': 'error' } }));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { postinstall: 'touch pwned', test: 'touch pwned' } }));
    writeFileSync(path.join(dir, 'evil.js'), 'require("fs").writeFileSync("pwned", "x")');
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'govreport.trace.server': 'verbose' }));
    mkdirSync(path.join(dir, 'node_modules', 'govreport-plugin'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'govreport-plugin', 'index.js'), 'throw new Error("loaded")');
    writeFileSync(path.join(dir, 'notes.docx'), 'PK\u0003\u0004');

    const client = new LspClient({ workspace: { enable: true }, debounce: 0 }, [], {
      nodeArgs: ['--require', SANDBOX], env: { GOVREPORT_SANDBOX_LOG: log },
    });
    try {
      const pa = client.diagnostics(uriOf(a));
      const pg = client.diagnostics(uriOf(gbk));
      await client.initialize({ locale: 'zh-cn', workspaceFolders: [dir] });
      await Promise.all([pa, pg]);
      // Every kind of request, on a report in the workspace and on an untitled one.
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, report('003').text);
      for (const uri of [uriOf(a), untitled]) {
        const td = { textDocument: { uri } };
        await client.connection.sendRequest('textDocument/hover', { ...td, position: { line: 40, character: 3 } });
        await client.connection.sendRequest('textDocument/documentSymbol', td);
        await client.connection.sendRequest('textDocument/foldingRange', td);
        await client.connection.sendRequest('textDocument/codeAction', { ...td, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: [] } });
        await client.connection.sendRequest('govreport/reportOutline', { uri });
        await client.connection.sendRequest('textDocument/completion', { ...td, position: { line: 40, character: 0 } });
        await client.connection.sendRequest('textDocument/inlayHint', { ...td, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
        await client.connection.sendRequest('textDocument/codeLens', td);
        await client.connection.sendRequest('textDocument/formatting', { ...td, options: { tabSize: 4, insertSpaces: true } });
      }
      await client.connection.sendRequest('govreport/nextYear', { text: report('001').text });
      await client.open(uriOf(a), report('001').text);
      await client.change(uriOf(a), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.connection.sendRequest('govreport/reports', {});
      await client.connection.sendRequest('govreport/newReport', { reportYear: 2024 });
      await client.connection.sendRequest('govreport/recheck', {});
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path.join(dir, '.govreportrc.json')), type: FileChangeType.Changed }] });
      const listed = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
      assert.ok(!listed.some((r) => r.uri.endsWith('notes.docx')), 'a damaged Word file not named as a report is not listed');
      // A large document goes through the check worker (a thread of the same bundle).
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:big', languageId: 'govreport', version: 1, text: `${report('004').text}\n`.repeat(60) } });
      await client.diagnostics('untitled:big', () => true, 30_000);
      assert.ok(client.alive);
    } finally {
      await client.stop();
    }

    const accesses: Access[] = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.ok(accesses.some((x) => x.kind === 'read' && x.path === a), 'the sandbox saw the report being read');
    assert.deepEqual(accesses.filter((x) => x.kind === 'exec' || x.kind === 'network'), [], 'no process started, no connection opened');
    assert.deepEqual(accesses.filter((x) => x.kind === 'write'), [], 'no file written');
    const inside = (p: string, d: string) => !path.relative(d, p).startsWith('..') && !path.isAbsolute(path.relative(d, p));
    // Workspace mode reads published reports too (pages, Word, PDF: read as data by their readers, never run).
    const reportFile = (p: string) => /\.(txt|md|govreport|html?|docx|pdf)$/i.test(p) || path.basename(p) === '.govreportrc.json';
    for (const x of accesses.filter((y) => y.kind === 'read')) {
      const ok = inside(x.path, path.join(ROOT, 'dist')) || (inside(x.path, dir) && reportFile(x.path)) || path.basename(x.path) === '.govreportrc.json';
      assert.ok(ok, `unexpected read: ${x.what} ${x.path}`);
    }
    for (const x of accesses.filter((y) => y.kind === 'list')) {
      assert.ok(inside(x.path, dir), `listed outside the workspace: ${x.path}`);
      assert.ok(!/node_modules|\.vscode/.test(path.relative(dir, x.path)), `listed ${x.path}`);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['.govreportrc.json', '.vscode', 'a-2020年度报告.txt', 'evil.js', 'node_modules', 'notes.docx', 'package.json', 'sub']);
  });
});

describe('.govreportrc.json is validated and its problems are shown on it', { skip: SKIP }, () => {
  const clients: LspClient[] = [];
  const dirs: string[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  const setup = async (rc: string, settings: Record<string, unknown> = {}) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-rc-'));
    dirs.push(dir);
    const rcFile = path.join(dir, '.govreportrc.json');
    writeFileSync(rcFile, rc);
    const client = new LspClient(settings);
    clients.push(client);
    const first = client.diagnostics(uriOf(rcFile), () => true, 10_000);
    await client.initialize({ locale: 'en', workspaceFolders: [dir] });
    return { dir, rcFile, rcUri: uriOf(rcFile), client, first };
  };
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

  test('wrong types: one diagnostic per wrong setting, on that setting; the others and the defaults apply', async () => {
    const rc = JSON.stringify({ rules: { 'row-label': 'off', 'row-total': 5, 'no-such-rule': 'off' }, templateYear: true, rule: {} }, null, 2);
    const { dir, first, client } = await setup(rc);
    const ds = (await first).diagnostics;
    assert.equal(ds.length, 4, ds.map((d) => d.message).join('\n'));
    assert.ok(ds.every((d) => d.source === 'govreport' && d.code === 'config-invalid' && d.severity === 2));
    const at = (needle: string) => ds.find((d) => d.range.start.line === lineOf(rc, needle));
    assert.match(at('"row-total"')!.message, /invalid severity for "row-total"; this setting is ignored; its default applies/);
    assert.match(at('"no-such-rule"')!.message, /unknown rule "no-such-rule"/);
    assert.match(at('"templateYear"')!.message, /"templateYear" must be "auto", 2019 or 2021/);
    assert.match(at('"rule"')!.message, /unknown setting "rule"/);
    // The valid setting applies (row-label off), the wrong one falls back to its default (row-total: error).
    const r = report('001');
    const file = path.join(dir, 'r.govreport');
    writeFileSync(file, r.text);
    const reportDs = await client.open(uriOf(file), r.text);
    assert.ok(!codes(reportDs).includes('row-label'), 'row-label is off as the file says');
    assert.ok(codes(reportDs).includes('amount-format'), 'other rules at their defaults');
  });

  test('invalid JSON: one error where the JSON breaks, the defaults apply; fixed on disk, the diagnostic goes', async () => {
    const rc = '{\n  "rules": {\n    "row-label": "off",\n  }\n}\n';
    const { first, client, rcFile, rcUri } = await setup(rc);
    const ds = (await first).diagnostics;
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 1);
    assert.match(ds[0].message, /invalid JSON.*the file is ignored; the defaults apply/);
    assert.equal(ds[0].range.start.line, 3, 'at the trailing comma’s closing brace');
    writeFileSync(rcFile, JSON.stringify({ rules: { 'row-label': 'off' } }));
    const cleared = client.diagnostics(rcUri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rcUri, type: FileChangeType.Changed }] });
    await cleared;
  });

  test('not an object, or rules not an object: one diagnostic', async () => {
    for (const [rc, pattern] of [['[1, 2]', /must be a JSON object/], ['{"rules": ["row-total"]}', /"rules" must be an object/], ['null', /must be a JSON object/]] as const) {
      const { first } = await setup(rc);
      const ds = (await first).diagnostics;
      assert.equal(ds.length, 1, rc);
      assert.match(ds[0].message, pattern);
    }
  });

  test('an open .govreportrc.json is checked as it is typed, and from disk again when closed', async () => {
    const { first, client, rcUri } = await setup('{}');
    const published: PublishDiagnosticsParams[] = [];
    first.then((p) => published.push(p), () => undefined);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(published, [], 'a valid file gets nothing');
    const typed = client.diagnostics(rcUri, (p) => p.diagnostics.length === 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: rcUri, languageId: 'json', version: 1, text: '{"templateYear": 2020}' } });
    assert.match((await typed).diagnostics[0].message, /templateYear/);
    const fixed = client.diagnostics(rcUri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: rcUri, version: 2 }, contentChanges: [{ text: '{"templateYear": 2021}' }] });
    await fixed;
    const broken = client.diagnostics(rcUri, (p) => p.diagnostics.length === 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: rcUri, version: 3 }, contentChanges: [{ text: '{"templateYear": ' }] });
    await broken;
    // Closed unsaved: the file on disk ({}) is what counts.
    const disk = client.diagnostics(rcUri, (p) => p.diagnostics.length === 0);
    await client.close(rcUri);
    await disk;
    assert.equal(client.latest.get(rcUri)?.diagnostics.length, 0);
  });
});

describe('untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  test('are declared supported: the extension runs nothing from the workspace (docs/security.md)', () => {
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
    const doc = readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8');
    assert.match(doc, /untrustedWorkspaces/);
    assert.match(doc, /\.govreportrc\.json/);
  });

  test('no setting can point the extension at a program or a path to run', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { type: string; enum?: unknown[] }>;
    for (const [key, p] of Object.entries(props)) {
      if (p.type === 'string') assert.ok(Array.isArray(p.enum), `${key}: a free-form string setting`);
      assert.ok(!/path|command|executable|program|args|url/i.test(key), key);
    }
  });

  test('the extension sources use no process, network or code-loading API', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
    const files = [...sources(path.join(ROOT, 'client', 'src')), ...sources(path.join(ROOT, 'server', 'src'))].filter((f) => !f.includes(`${path.sep}cli${path.sep}`));
    assert.ok(files.length > 20);
    const forbidden = /from 'node:(child_process|net|http|https|http2|tls|dgram|dns|vm)'|from '(child_process|net|http|https|vm)'|\beval\(|new Function\(|\bfetch\(|import\(\s*[^'"]/;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.ok(!forbidden.test(text), `${path.relative(ROOT, f)}: ${forbidden.exec(text)?.[0]}`);
    }
  });
});
