// Hovers over stdio: a cell, a total with its relation, a row label, an article reference, a heading.
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
  });

  test('a total shows its relation with the figures and ✓', async () => {
    const r = report('003');
    const { position } = cellPosition(r.text, 3, 'total', 'total');
    const value = await hover(r.uri, position);
    assert.match(value, /\*\*R3\*\* 总计 = 自然人 \+ 商业企业/);
    assert.match(value, /`7 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 7` ✓/);
    assert.match(value, /\*\*R2\*\*/);
  });

  test('a total of table 四 shows R4', async () => {
    const r = report('004');
    const { position } = cellPosition(r.text, 4, 'cases', 'review.total');
    const value = await hover(r.uri, position);
    assert.match(value, /行政复议 › 总计/);
    assert.match(value, /\*\*R4\*\*.*✓|R4[\s\S]*✓/);
  });

  test('a row label shows its meaning and the article of the 条例', async () => {
    const r = report('003');
    const m = model(r.text);
    const row = m.tables.find((t) => t.id === 3)!.rows.find((x) => x.key === 'deny4')!;
    const value = await hover(r.uri, positionAt(m.lineStarts, row.labelSpan!.start + 1));
    assert.match(value, /4\.保护第三方合法权益/);
    assert.match(value, /第十五条/);
    assert.match(value, /涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息/);
  });

  test('an article reference in the text shows the article', async () => {
    const r = report('003');
    const m = model(r.text);
    const at = r.text.indexOf('第五十条');
    assert.ok(at >= 0);
    const value = await hover(r.uri, positionAt(m.lineStarts, at + 2));
    assert.match(value, /政府信息公开工作年度报告应当包括下列内容/);
  });

  test('a 第二十条 caption in table 二 shows the item it counts', async () => {
    const r = report('004');
    const m = model(r.text);
    const caption = m.tables.find((t) => t.id === 2)!.rows.find((x) => x.templateLabel === '第二十条第（五）项')!;
    const value = await hover(r.uri, positionAt(m.lineStarts, caption.labelSpan!.start + 2));
    assert.match(value, /办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/);
  });

  test('a section heading shows what the section must contain', async () => {
    const r = report('003');
    const m = model(r.text);
    const section = m.sections.find((s) => s.id === 4)!;
    const value = await hover(r.uri, positionAt(m.lineStarts, section.heading.span.start + 3));
    assert.match(value, /本节应包括/);
    assert.match(value, /因政府信息公开工作被申请行政复议、提起行政诉讼的情况/);
  });

  test('a figure in the prose shows the table cell it was compared with', async () => {
    const r = report('003');
    const m = model(r.text);
    const at = r.text.indexOf('已答复7件') + 3;
    const value = await hover(r.uri, positionAt(m.lineStarts, at));
    assert.match(value, /文中数字/);
    assert.match(value, /✓ 表格：.*= 7/);
  });

  test('plain prose has no hover', async () => {
    const r = report('003');
    const m = model(r.text);
    const at = r.text.indexOf('坚持');
    assert.equal(await hover(r.uri, positionAt(m.lineStarts, at)), '');
  });
});
