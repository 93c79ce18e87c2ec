// Quick fixes over stdio: a broken total is fixed by the offered edit; edits name the document version;
// incremental edits give updated diagnostics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { apply, cellPosition, codes, editsOf, HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

describe('code actions', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({ debounce: 0 });
  const r = report('003');
  const uri = `${r.uri}.fixes.govreport`;
  let text = r.text;

  const actions = (range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;

  /** Replaces `range` (single-line) with `newText`, as an incremental didChange. */
  const edit = async (range: Range, newText: string) => {
    text = apply(text, [{ range, newText }]);
    return client.change(uri, [{ range, text: newText }]);
  };

  before(async () => {
    await client.initialize({ locale: 'zh-cn', initializationOptions: { locale: 'zh-cn', clientCommands: ['govreport.disableRuleInWorkspace'] } });
    const initial = await client.open(uri, text);
    assert.deepEqual(initial, []);
  });
  after(() => client.stop());

  test('an incremental edit that breaks a row total gives a row-total error at that cell', async () => {
    const { position, raw } = cellPosition(text, 3, 'open', 'total');
    assert.equal(raw, '3');
    const range = { start: position, end: { line: position.line, character: position.character + 1 } };
    const ds = await edit(range, '9');
    const rowTotal = ds.find((d) => d.code === 'row-total');
    assert.ok(rowTotal, `row-total expected, got ${codes(ds).join(', ')}`);
    assert.deepEqual(rowTotal.range, range);
    assert.equal(rowTotal.severity, 1);
    assert.ok(rowTotal.relatedInformation?.length, 'related information points at the summed cells');
  });

  test('the preferred quick fix, applied, clears that diagnostic; its edit names the current version', async () => {
    const ds = client.latest.get(uri)!.diagnostics;
    const rowTotal = ds.find((d) => d.code === 'row-total')!;
    const offered = await actions(rowTotal.range, [rowTotal]);
    const fix = offered.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    assert.match(fix.title, /3/);
    const { edits, version } = editsOf(fix.edit, uri);
    assert.equal(version, client.version(uri));
    assert.ok(offered.some((a) => a.command?.command === 'govreport.disableRuleInWorkspace' && a.command.arguments?.[0] === 'row-total'));
    text = apply(text, edits);
    const after = await client.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
    assert.ok(!after.some((d) => d.code === 'row-total' && d.range.start.line === rowTotal.range.start.line), codes(after).join(', '));
  });

  test('fix all of a rule, and source.fixAll.govreport, repair several totals at once', async () => {
    for (const row of ['open', 'partial']) {
      const { position } = cellPosition(text, 3, row, 'total');
      await edit({ start: position, end: { line: position.line, character: position.character + 1 } }, '8');
    }
    let ds = client.latest.get(uri)!.diagnostics.filter((d) => d.code === 'row-total');
    assert.equal(ds.length, 2);
    const offered = await actions(ds[0].range, [ds[0]]);
    const all = offered.find((a) => /所有 row-total/.test(a.title));
    assert.ok(all, offered.map((a) => a.title).join(' | '));
    assert.equal(editsOf(all.edit, uri).edits.length, 2);

    const source = await actions({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.govreport']);
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.govreport');
    const { edits } = editsOf(source[0].edit, uri);
    text = apply(text, edits);
    ds = await client.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
    assert.ok(!ds.some((d) => d.severity === 1), codes(ds).join(', '));
  });

  test('no fixes are offered for a diagnostic the current text no longer has', async () => {
    const stale: Diagnostic = {
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, code: 'row-total', source: 'govreport', message: 'old',
    };
    const offered = await actions(stale.range, [stale], ['quickfix']);
    assert.deepEqual(offered, []);
  });

  test('quick fix for a row label replaces just the label', async () => {
    const r1 = report('001');
    const u = `${r1.uri}.label.govreport`;
    const ds = await client.open(u, r1.text);
    const label = ds.find((d) => d.code === 'row-label')!;
    const offered = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: label.range, context: { diagnostics: [label] } })) as CodeAction[];
    const fix = offered.find((a) => a.isPreferred)!;
    const { edits } = editsOf(fix.edit, u);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, label.range);
    assert.equal(edits[0].newText, '一、本年新收政府信息公开申请数量');
    await client.close(u);
  });
});
