// Hover, in memory: what a cell, a row label, a section heading, a figure in the prose and an article reference say.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { evaluateRelations, parseReport, type Locale } from '../../../server/src/engine';
import { hoverAt } from '../../../server/src/features/hover';
import { offsetOf, positionOf, report } from './report';

function hover(text: string, offset: number, locale: Locale = 'zh-cn') {
  const model = parseReport(text);
  const h = hoverAt({ model, relations: evaluateRelations(model), offset, locale });
  assert.ok(h, `a hover at ${offset}`);
  assert.ok(MarkupContent.is(h.contents) && h.contents.kind === 'markdown');
  return { value: h.contents.value, range: h.range! };
}

describe('hover', () => {
  const text = report();

  it('a cell is named by its row path and column, with its table and value', () => {
    const at = offsetOf(text, '（一）予以公开 | 4', '（一）予以公开 | '.length);
    const { value, range } = hover(text, at);
    assert.match(value, /^\*\*三、本年度办理结果 › （一）予以公开 × 自然人\*\*/);
    assert.match(value, /收到和处理政府信息公开申请情况表 · 数值 4/);
    assert.match(value, /计入：R3✓ R2✓/, 'the cell counts in its row\'s total and its column\'s');
    assert.deepEqual(range, { start: positionOf(text, at), end: positionOf(text, at + 1) });
  });

  it('a total cell shows its relation with the figures and whether it holds', () => {
    const line = '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | ';
    const ok = hover(text, offsetOf(text, line, line.length));
    assert.match(ok.value, /\*\*R3\*\*/);
    assert.match(ok.value, /`5 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 = 6` ✓/);
    const wrong = report({ '一、本年新收政府信息公开申请数量': [5, 1, 0, 0, 0, 0, 7] });
    const bad = hover(wrong, offsetOf(wrong, line, line.length));
    assert.match(bad.value, /✗ 表中为 7，应为 6/);
    assert.match(hover(wrong, offsetOf(wrong, line, line.length), 'en').value, /✗ the table says 7, expected 6/);
  });

  it('a total of table 四 shows R4 over its outcome columns', () => {
    const cases = '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const t4 = text.replace('| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', cases);
    const { value } = hover(t4, offsetOf(t4, cases, '| 1 | 0 | 0 | 0 | '.length));
    assert.match(value, /^\*\*行政复议 › 总计\*\*/);
    assert.match(value, /\*\*R4\*\*/);
    assert.match(value, /`1 \+ 0 \+ 0 \+ 0 = 1` ✓/);
  });

  it('a row label gives the row\'s meaning and quotes its provision of the 条例', () => {
    const { value, range } = hover(text, offsetOf(text, '（一）予以公开', 2));
    assert.match(value, /^\*\*（一）予以公开\*\*/);
    assert.match(value, /全部予以公开的申请/);
    assert.match(value, /第三十六条第（一）（二）项/);
    assert.match(value, /^> （一）/m, 'the item itself is quoted');
    assert.equal(range.start.character, 0);
    assert.match(hover(text, offsetOf(text, '（一）予以公开', 2), 'en').value, /Information disclosed in full/);
  });

  it('table 二\'s rows and block captions, and table 四\'s column groups, say what they count', () => {
    assert.match(hover(text, offsetOf(text, '行政许可 |', 1)).value, /办理行政许可的依据、条件、程序以及办理结果/);
    const caption = hover(text, offsetOf(text, '第二十条第（五）项', 1)).value;
    assert.match(caption, /主动公开信息的统计口径/);
    assert.match(caption, /\*\*中华人民共和国政府信息公开条例第二十条第（五）项\*\*|第二十条第（五）项/);
    const cases = hover(text, offsetOf(text, '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', 2)).value;
    assert.match(cases, /行政复议 › 结果维持/);
    assert.match(cases, /因政府信息公开工作被申请行政复议的案件/);
  });

  it('a section heading says what the section must contain, in either language', () => {
    const at = offsetOf(text, '三、收到和处理政府信息公开申请情况', 3);
    assert.match(hover(text, at).value, /本节应包括：行政机关收到和处理政府信息公开申请的情况/);
    const en = hover(text, at, 'en').value;
    assert.match(en, /This section must contain: Applications received and handled/);
    assert.match(en, /Art\. 50, item 2/);
  });

  it('an article reference in the prose quotes the article; one of another law does not', () => {
    const { value } = hover(text, offsetOf(text, '第五十条编制', 1));
    assert.match(value, /第五十条/);
    assert.match(value, /^> /m);
    const other = `${text}\n依据《中华人民共和国保守国家秘密法》第九条办理。\n`;
    const model = parseReport(other);
    assert.equal(hoverAt({ model, relations: evaluateRelations(model), offset: offsetOf(other, '第九条', 1), locale: 'zh-cn' }), null);
  });

  it('a figure in the prose is compared with the table', () => {
    const prose = text.replace('一、总体情况\n（文字描述）', '一、总体情况\n本年度共收到政府信息公开申请6件。');
    const { value } = hover(prose, offsetOf(prose, '6件', 0));
    assert.match(value, /文中数字/);
    assert.match(value, /✓/);
  });

  it('plain prose has no hover', () => {
    const model = parseReport(text);
    assert.equal(hoverAt({ model, relations: [], offset: offsetOf(text, '文字描述', 1), locale: 'zh-cn' }), null);
  });
});
