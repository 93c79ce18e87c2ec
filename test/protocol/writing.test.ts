// Writing help over stdio: completion, inlay hints (and their setting), code lenses, table formatting, and the
// next-year request, against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, CompletionItem, CompletionList, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, parseReport } from '../../server/src/engine';
import { HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

const TEXT = '示例局2022年政府信息公开工作年度报告\n一、总体情况\n今年很好。\n三、收到和处理政府信息公开申请情况\n'
  + '一、本年新收政府信息公开申请数量|３０| 3 |0|0|1|0| 33|\n二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\n';
const URI = 'untitled:writing-help.govreport';

describe('writing help over LSP', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
  const wholeDocument = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    await client.open(URI, TEXT);
  });
  after(() => client.stop());

  test('completion offers the next row of the table, preselected, in the table\'s layout', async () => {
    const answer = await request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 6, character: 0 } });
    const items = Array.isArray(answer) ? answer : answer.items;
    const next = items.find((i) => i.preselect)!;
    assert.equal(next.label, '三、本年度办理结果');
    assert.match((items.find((i) => i.label === '（一）予以公开')!.textEdit as TextEdit).newText, /^（一）予以公开 \| \$\{1:0\}/);
  });

  test('an inlay hint after the total that differs; the setting turns them to always or off', async () => {
    const hints = (params = { textDocument: { uri: URI }, range: wholeDocument }) => request<InlayHint[]>('textDocument/inlayHint', params);
    assert.deepEqual((await hints()).map((h) => [h.label, h.position.line]), [['= 34', 4]]);
    await client.changeSettings({ inlayHints: { totals: 'always' } });
    assert.deepEqual((await hints()).map((h) => h.label), ['= 34', '= 2']);
    await client.changeSettings({ inlayHints: { totals: 'off' } });
    assert.deepEqual(await hints(), []);
    await client.changeSettings({});
  });

  test('a code lens over table 三 goes to the failing total', async () => {
    const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0].command!.title, /^R3 ✗/);
    assert.deepEqual(lenses[0].command!.arguments, [URI, { start: { line: 4, character: 33 }, end: { line: 4, character: 35 } }]);
  });

  test('formatting aligns the pipe rows and keeps the figures', async () => {
    const edits = await request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
    const out = applyEdits(TEXT, edits);
    assert.match(out, /\n一、本年新收政府信息公开申请数量 \| 30  \| 3   \|/);
    const values = (t: string) => parseReport(t).tables.map((x) => x.rows.map((r) => r.cells.map((c) => c.value)));
    assert.deepEqual(values(out), values(TEXT));
    const ranged = await request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(ranged, [], 'no table in the range');
  });

  test('next year\'s report from a shared report, and a clear answer for a text that is not one', async () => {
    const r = report('004');
    const answer = await request<{ text: string; year: number; templateYear: number }>('govreport/nextYear', { text: r.text });
    assert.equal(answer.year, 2022);
    assert.match(answer.text, /2022年政府信息公开工作年度报告/);
    assert.deepEqual(await request('govreport/nextYear', { text: 'hello' }), { error: '这不像一份政府信息公开工作年度报告。' });
    await assert.rejects(request('govreport/nextYear', { text: 3 }), /invalid params/);
  });
});
