// Settings over stdio: workspace/configuration, changes taking effect, .govreportrc.json under the
// editor's settings, the display language, the file size limit and govreport.run.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol';
import { codes, HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient, uriOf } from './lsp';

describe('settings', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const clients: LspClient[] = [];
  const dirs: string[] = [];
  const start = async (settings: Record<string, unknown>, locale = 'zh-cn') => {
    const c = new LspClient(settings);
    clients.push(c);
    await c.initialize({ locale });
    return c;
  };
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  test('turning a rule off takes effect on the open documents', async () => {
    const c = await start({});
    const r = report('001');
    assert.ok(codes(await c.open(r.uri, r.text)).includes('row-label'));
    const republished = c.diagnostics(r.uri, (p) => !p.diagnostics.some((d) => d.code === 'row-label'));
    await c.changeSettings({ rules: { 'row-label': 'off' } });
    const ds = (await republished).diagnostics;
    assert.ok(ds.some((d) => d.code === 'amount-format'), 'other rules still run');
  });

  test('a severity setting changes the diagnostic severity', async () => {
    const c = await start({ rules: { 'amount-format': 'error' } });
    const r = report('004');
    const ds = await c.open(r.uri, r.text);
    assert.equal(ds.find((d) => d.code === 'amount-format')?.severity, 1);
  });

  test('.govreportrc.json applies, and the editor settings win over it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-rc-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'section-heading': 'off', 'amount-format': 'hint' } }));
    const file = path.join(dir, 'report.govreport');
    const r = report('004');
    writeFileSync(file, r.text);
    const c = await start({ rules: { 'amount-format': 'error' } });
    const ds = await c.open(uriOf(file), r.text);
    assert.ok(!codes(ds).includes('section-heading'), 'the rc file turned section-heading off');
    assert.equal(ds.find((d) => d.code === 'amount-format')?.severity, 1, 'the editor setting wins');
  });

  test('messages follow the client display language', async () => {
    const c = await start({}, 'en');
    const r = report('004');
    const ds = await c.open(r.uri, r.text);
    const amount = ds.find((d) => d.code === 'amount-format')!;
    assert.match(amount.message, /^[\x20-\x7e“”‘’…×—–‹›«»·\u4e00-\u9fff\uff08\uff09\u3001：，]+$/);
    assert.match(amount.message, /[a-z]{3,}/);
  });

  test('a file larger than govreport.maxFileSize gets one diagnostic instead of a check', async () => {
    const c = await start({ maxFileSize: 0.001 });
    const r = report('001');
    const ds = await c.open(r.uri, r.text);
    assert.deepEqual(codes(ds), ['file-too-large']);
  });

  test('govreport.run = onSave: edits wait for the save', async () => {
    const c = await start({ run: 'onSave', debounce: 0 });
    const r = report('003');
    assert.deepEqual(await c.open(r.uri, r.text), []);
    const lines = r.text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('五、'));
    const range = { start: { line: heading, character: 0 }, end: { line: heading, character: 2 } };
    const saved = c.diagnostics(r.uri, (p) => p.version === 2);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: r.uri, version: 2 }, contentChanges: [{ range, text: '5、' }] });
    await new Promise((res) => setTimeout(res, 300));
    assert.deepEqual(c.latest.get(r.uri)?.version, 1, 'nothing published before the save');
    await c.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: r.uri } });
    assert.ok(codes((await saved).diagnostics).includes('section-heading'));
  });

  test('the templateYear setting overrides detection', async () => {
    const c = await start({ templateYear: '2019' });
    const r = report('004');
    await c.open(r.uri, r.text);
    const outline = (await c.connection.sendRequest('govreport/reportOutline', { uri: r.uri })) as { templateYear: number; templateYearSource: string };
    assert.equal(outline.templateYear, 2019);
    assert.equal(outline.templateYearSource, 'override');
  });
});
