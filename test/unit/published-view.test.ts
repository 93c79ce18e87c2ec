// The pure parts of published reports in the editor: report view URIs, the cheap look at a page, and ranges of
// the text read from a page carried back to its source.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, computeLineStarts, offsetAt } from '../../server/src/engine';
import { looksLikeReportPage } from '../../server/src/protocol/detection';
import { fileUriOfView, viewUriOf } from '../../server/src/protocol';
import { placeFindings, publishedOf, textOffsetOfSource } from '../../server/src/lsp/published';
import { DEFAULT_LIMITS } from '../../server/src/formats';
import { readHtmlText } from '../../server/src/formats/html';
import { ROOT } from './helpers';

const PAGE = path.join(ROOT, 'samples', '示例市民政局2021年政府信息公开工作年度报告（网页）.html');
const REAL = path.resolve(ROOT, '..', 'shared', 'real');

describe('report views and pages in the editor', () => {
  it('a view URI and its file URI turn into each other', () => {
    const file = 'file:///home/a/%E5%B9%B4%E6%8A%A5.docx';
    assert.equal(viewUriOf(file), 'govreport-view:/home/a/%E5%B9%B4%E6%8A%A5.docx');
    assert.equal(fileUriOfView(viewUriOf(file)), file);
    assert.equal(fileUriOfView(viewUriOf('file://server/share/a.pdf')), 'file://server/share/a.pdf');
    assert.equal(fileUriOfView('file:///a.docx'), null);
  });

  it('a report page is taken by its content; other pages are not', () => {
    assert.equal(looksLikeReportPage(readFileSync(PAGE, 'utf8')), true);
    assert.equal(looksLikeReportPage('<html><body><h1>政府信息公开</h1><p>通知</p></body></html>'), false);
    assert.equal(looksLikeReportPage('<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>'), false);
  });

  it('the published pages in ../shared/real are taken', { skip: !existsSync(REAL) && 'no ../shared/real' }, () => {
    for (const name of ['pingtan-2019.html', 'pingtan-2021.html']) {
      const bytes = readFileSync(path.join(REAL, name));
      const html = new TextDecoder(/charset=["']?gb/i.test(bytes.subarray(0, 2048).toString('latin1')) ? 'gb18030' : 'utf-8').decode(bytes);
      assert.equal(looksLikeReportPage(html), true, name);
    }
  });

  it('a page finding and its fix are carried to the cell in the source; a source offset back to the text', () => {
    const html = readFileSync(PAGE, 'utf8');
    const extracted = readHtmlText(html, DEFAULT_LIMITS);
    const p = publishedOf(extracted);
    const { model, findings } = checkText(extracted.text);
    const placed = placeFindings(p, findings, model.lineStarts);
    const amount = placed.find((f) => f.code === 'amount-format')!;
    const starts = computeLineStarts(html);
    const at = (pos: { line: number; character: number }) => offsetAt(starts, html.length, pos);
    assert.equal(html.slice(at(amount.range.start), at(amount.range.end)), '12.35万元');
    const edit = amount.fixes.find((x) => x.preferred)!.edits[0];
    assert.equal(html.slice(at(edit.range.start), at(edit.range.end)) + '→' + edit.newText, '12.35万元→12.35');
    const textOffset = textOffsetOfSource(p, at(amount.range.start))!;
    assert.equal(extracted.text.slice(textOffset, textOffset + 7), '12.35万元');
  });
});
