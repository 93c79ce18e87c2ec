// Hovers over stdio: the request reaches the report's analysis and answers at the position asked. What each hover
// says (totals, row meanings, provisions, headings, figures in the prose) is tested in memory in
// test/unit/features/hover.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { positionAt } from '../../server/src/engine';
import { cellPosition, HAVE_SERVER, model, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

describe('hover', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const hover = async (uri: string, position: Position) => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
    return h ? (h.contents as MarkupContent).value : '';
  };

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    for (const p of ['003', '004']) await client.open(report(p).uri, report(p).text);
  });
  after(() => client.stop());

  test('a number cell shows its row path × column path', async () => {
    const r = report('003');
    const { position } = cellPosition(r.text, 3, 'open', 'natural');
    const value = await hover(r.uri, position);
    assert.match(value, /三、本年度办理结果 › （一）予以公开 × 自然人/);
    assert.match(value, /数值 3/);
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: r.uri }, position })) as Hover;
    assert.equal(h.range!.start.line, position.line, 'the hover covers the cell');
  });

  test('plain prose has no hover', async () => {
    const r = report('003');
    const m = model(r.text);
    const at = r.text.indexOf('坚持');
    assert.equal(await hover(r.uri, positionAt(m.lineStarts, at)), '');
  });
});
