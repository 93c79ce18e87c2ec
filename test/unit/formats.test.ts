// The HTML and Word readers on the real published files, and the must-hold: the same findings whatever the
// format — the five shared reports rebuilt as .docx and .html give the same codes at the same cells as their text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, parseReport, type ReportModel } from '../../server/src/engine';
import { describeLocation, extractReport, formatOf, locate, segmentAt, DEFAULT_LIMITS } from '../../server/src/formats';
import { readDocumentXml, readDocx } from '../../server/src/formats/docx';
import { readHtml } from '../../server/src/formats/html';
import { replaceZipPart } from '../../server/src/formats/zipPart';
import { unzipSync } from 'fflate';
import { anchors, documentOf, toDocx, toHtml } from './formatFixtures';
import { hasSharedReports, ROOT, setCell, SHARED_REPORTS } from './helpers';

const REAL = path.resolve(ROOT, '../shared/real');
const SKIP_REAL = fs.existsSync(REAL) ? false : `real files not found at ${REAL}`;
const real = (name: string) => fs.readFileSync(path.join(REAL, name));

const cell = (m: ReportModel, table: number, row: string, column: string) =>
  m.tables.find((t) => t.id === table)?.rows.find((r) => r.key === row)?.cells.find((c) => c.columnKey === column);

describe('HTML reader on the published pages', { skip: SKIP_REAL }, () => {
  it('pingtan-2019.html: the 2019 report and template, its tables read cell by cell, the amount-format fault and no error', () => {
    const page = readHtml(real('pingtan-2019.html'), DEFAULT_LIMITS);
    assert.deepEqual(page.problems, []);
    assert.ok(page.text.startsWith('平潭综合实验区2019年\n政府信息公开工作年度报告\n'), 'the article, from its title');
    assert.doesNotMatch(page.text, /QQ空间|文件下载|相关链接|function\s*\(|\{\{/, 'menus, share buttons and scripts are left out');
    const { model, findings } = checkText(page.text);
    assert.equal(model.reportYear, 2019);
    assert.equal(model.templateYear, 2019);
    assert.deepEqual(model.tables.map((t) => t.id), [2, 3, 4]);
    assert.equal(cell(model, 3, 'new', 'natural')?.value, 23);
    assert.equal(cell(model, 3, 'new', 'total')?.value, 23);
    assert.equal(cell(model, 3, 'unable1', 'natural')?.value, 7, 'the row after the label merged over a page break');
    assert.equal(cell(model, 3, 'unable3', 'total')?.value, 5);
    assert.equal(cell(model, 2, 'item9.r1', 'amount')?.raw ?? model.tables[0].rows.at(-1)?.cells.at(-1)?.raw, '75394432.52元');
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message.zh), []);
    const amount = findings.filter((f) => f.code === 'amount-format');
    assert.equal(amount.length, 1);
    assert.match(amount[0].message.zh, /75394432\.52元/);
  });

  it('pingtan-2021.html: the 2021 report and template with no error', () => {
    const page = readHtml(real('pingtan-2021.html'), DEFAULT_LIMITS);
    const { model, findings } = checkText(page.text);
    assert.equal(model.reportYear, 2021);
    assert.equal(model.templateYear, 2021);
    assert.deepEqual(model.tables.map((t) => t.id), [2, 3, 4]);
    assert.ok(model.tables.every((t) => t.unread.length === 0));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message.zh), []);
  });

  it('maps every table cell back to its exact text in the page source', () => {
    const page = readHtml(real('pingtan-2019.html'), DEFAULT_LIMITS);
    const model = parseReport(page.text);
    let checked = 0;
    for (const t of model.tables) for (const r of t.rows) for (const c of r.cells) {
      const loc = locate(page, c.span.start);
      assert.equal(loc?.kind, 'offset');
      if (loc?.kind !== 'offset') continue;
      assert.equal(page.sourceText!.slice(loc.start, loc.start + c.raw.length), c.raw, `${r.key}/${c.columnKey}`);
      checked++;
    }
    assert.ok(checked > 150, `${checked} cells`);
  });

  it('decodes a GBK page by its <meta> charset, and a UTF-8 one as UTF-8 whatever its <meta> says', async () => {
    const iconv = await import('iconv-lite');
    const utf8 = real('pingtan-2021.html').toString('utf8').replace(/<meta charset="utf-8"/i, '<meta charset="gbk"');
    const gbk = iconv.encode(utf8, 'gbk');
    const page = readHtml(gbk, DEFAULT_LIMITS);
    assert.equal(page.encoding, 'gb18030');
    assert.equal(checkText(page.text).model.reportYear, 2021);
    // Saved again as UTF-8 with the old <meta> kept: its bytes say UTF-8.
    const resaved = readHtml(Buffer.from(utf8), DEFAULT_LIMITS);
    assert.equal(resaved.encoding, 'utf8');
    assert.equal(resaved.text, readHtml(real('pingtan-2021.html'), DEFAULT_LIMITS).text);
  });
});

describe('Word reader on the official template', { skip: SKIP_REAL }, () => {
  it('reads the blank 2021 template: three tables, merged labels written once, the 2021 rows in order', () => {
    const doc = readDocx(real('template-2021-blank.docx'), DEFAULT_LIMITS);
    assert.deepEqual(doc.problems, []);
    const lines = doc.text.split('\n');
    assert.equal(lines.filter((l) => l.includes('三、本年度办理结果')).length, 1);
    assert.ok(lines.includes('（三）不予公开 | 1.属于国家秘密 | | | | | | | |'), 'vMerge label on its first row, gridSpan once, blank cells kept');
    assert.ok(lines.includes('2.其他法律行政法规禁止公开 | | | | | | | |'));
    const model = parseReport(doc.text);
    assert.equal(model.templateYear, 2021);
    assert.deepEqual(model.tables.map((t) => t.id), [2, 3, 4]);
    const tableLocs = new Set(doc.segments.map((s) => (s.source.kind === 'docx' ? s.source.table : undefined)).filter((t) => t !== undefined));
    assert.deepEqual([...tableLocs], [0, 1, 2]);
  });

  it('rewrites the main part of a zip Word wrote, every other part and the reading as they were', () => {
    const original = real('template-2021-blank.docx');
    const xml = unzipSync(original)['word/document.xml'];
    const edited = new TextEncoder().encode(new TextDecoder().decode(xml).replace('（文字描述）', '（文字描述。）'));
    const rewritten = replaceZipPart(original, 'word/document.xml', edited)!;
    const [before, after] = [unzipSync(original), unzipSync(rewritten)];
    assert.deepEqual(Object.keys(after), Object.keys(before));
    for (const name of Object.keys(before)) assert.deepEqual(after[name], name === 'word/document.xml' ? edited : before[name], name);
    assert.equal(readDocx(rewritten, DEFAULT_LIMITS).text, readDocx(original, DEFAULT_LIMITS).text.replace('（文字描述）', '（文字描述。）'));
  });

  it('reads tracked changes, hidden text and field codes as Word shows them, and says when numbers are Word’s own', () => {
    const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t>${t}</w:t></w:r>`;
    const xml = `<w:document xmlns:w="w"><w:body>
      <w:p>${run('一、')}<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins>${run('总体')}</w:ins>${run('情况')}</w:p>
      <w:p><w:moveFrom>${run('挪走的')}</w:moveFrom>${run('可见', '<w:b/>')}${run('隐藏', '<w:vanish/>')}<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('主动公开政府信息情况')}</w:p>
    </w:body></w:document>`;
    const r = readDocumentXml(xml, DEFAULT_LIMITS);
    assert.equal(r.text, '一、总体情况\n可见\n主动公开政府信息情况\n');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].zh, /自动编号/);
    assert.deepEqual(locate(r, r.text.indexOf('可见')), { kind: 'docx', paragraph: 1 });
  });

  it('tells .doc and .wps files to be saved as .docx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const ext of ['.doc', '.wps', '.docx']) {
      const r = await extractReport(ole, ext, DEFAULT_LIMITS);
      assert.equal(r.text, '');
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0].zh, /另存为.*\.docx/);
    }
  });
});

describe('same findings whatever the format', { skip: hasSharedReports ? false : 'shared reports not found' }, () => {
  const reports = hasSharedReports ? fs.readdirSync(SHARED_REPORTS).sort() : [];

  for (const name of reports) {
    it(`${name}: .docx and .html give the text's codes at the same cells`, () => {
      const text = fs.readFileSync(path.join(SHARED_REPORTS, name), 'utf8');
      const expected = anchors(text, checkText(text).findings);
      const blocks = documentOf(text);
      const docx = readDocx(toDocx(blocks), DEFAULT_LIMITS);
      const html = readHtml(Buffer.from(toHtml(blocks, '政府信息公开工作年度报告')), DEFAULT_LIMITS);
      assert.deepEqual(docx.problems, []);
      assert.deepEqual(html.problems, []);
      assert.deepEqual(anchors(docx.text, checkText(docx.text).findings), expected, 'docx');
      assert.deepEqual(anchors(html.text, checkText(html.text).findings), expected, 'html');
    });
  }

  it('an old site laid out in a table (menus in one cell, the article in the next) reads the same', () => {
    const text = fs.readFileSync(path.join(SHARED_REPORTS, reports[1]), 'utf8');
    const page = toHtml(documentOf(text), '政府信息公开工作年度报告');
    const article = page.slice(page.indexOf('<div class="main">'), page.indexOf('<div class="footer">'));
    const menu = `<ul>${'<li><a href="#">栏目链接</a></li>'.repeat(40)}</ul><p>联系我们：电话 0000-00000000 地址：示例市示例路1号</p>`;
    const layout = page.replace(article, `<table width="1000"><tr><td width="200">${menu}</td><td>${article}</td></tr></table>`);
    const html = readHtml(Buffer.from(layout), DEFAULT_LIMITS);
    assert.doesNotMatch(html.text, /栏目链接|联系我们/);
    assert.deepEqual(anchors(html.text, checkText(html.text).findings), anchors(text, checkText(text).findings));
  });

  it('a faulted copy gives the fault in every format, at the cell', () => {
    const text = fs.readFileSync(path.join(SHARED_REPORTS, reports[0]), 'utf8');
    const model = parseReport(text);
    const total = cell(model, 3, 'new', 'total')!;
    const faulted = setCell(text, 3, 'new', 'total', String((total.value ?? 0) + 5)).text;
    const expected = anchors(faulted, checkText(faulted).findings).filter((a) => a.startsWith('row-total'));
    assert.deepEqual(expected, ['row-total @ 3/new/total']);
    const blocks = documentOf(faulted);
    for (const [format, extracted] of [['docx', readDocx(toDocx(blocks), DEFAULT_LIMITS)], ['html', readHtml(Buffer.from(toHtml(blocks, '年度报告')), DEFAULT_LIMITS)]] as const) {
      const found = checkText(extracted.text).findings.filter((f) => f.code === 'row-total');
      assert.deepEqual(anchors(extracted.text, found), expected, format);
      const m = parseReport(extracted.text);
      const loc = locate(extracted, m.lineStarts[found[0].range.start.line] + found[0].range.start.character);
      if (format === 'docx') {
        assert.deepEqual(loc, { kind: 'docx', table: 1, row: 3, column: 9 });
        assert.deepEqual(describeLocation(loc!), { zh: '表2 第4行 第10列', en: 'table 2, row 4, column 10' });
      } else {
        assert.equal(loc?.kind, 'offset');
      }
    }
  });
});

describe('formats registry', () => {
  it('finds readers by extension, whatever the case, and none for text', () => {
    assert.equal(formatOf('.HTML')?.format, 'html');
    assert.equal(formatOf('.htm')?.format, 'html');
    assert.equal(formatOf('.docx')?.format, 'docx');
    assert.equal(formatOf('.txt'), undefined);
  });

  it('describes locations in the user’s terms', () => {
    assert.deepEqual(describeLocation({ kind: 'pdf', page: 3, rect: [0, 0, 1, 1] }), { zh: '第3页', en: 'page 3' });
    assert.deepEqual(describeLocation({ kind: 'docx', table: 2, row: 4, column: 1 }), { zh: '表3 第5行 第2列', en: 'table 3, row 5, column 2' });
    assert.deepEqual(describeLocation({ kind: 'docx', paragraph: 11 }), { zh: '第12段', en: 'paragraph 12' });
  });

  it('finds the segment of an offset by binary search', () => {
    const segments = [0, 10, 20, 30].map((s, i) => ({ textStart: s, textEnd: s + 5, source: { kind: 'docx' as const, paragraph: i } }));
    assert.equal(segmentAt(segments, 22)?.source, segments[2].source);
    assert.equal(segmentAt(segments, 0)?.source, segments[0].source);
    assert.equal(segmentAt(segments, 35)?.source, segments[3].source);
  });
});
