// Web pages, Word and PDF files over stdio: a page's findings, hovers and quick fixes at its cells in the HTML
// source; a Word file's report view (govreport-view:) with its findings telling their place in the document;
// workspace mode listing pages and Word files; a damaged file giving one finding.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { computeLineStarts, offsetAt, parseReport } from '../../server/src/engine';
import { viewUriOf, type ReportViewText } from '../../server/src/protocol';
import { documentOf, toDocx, toHtml } from '../unit/formatFixtures';
import { setCell, sample } from '../unit/helpers';
import { apply, editsOf, HAVE_SERVER } from './helpers';
import { LspClient, ROOT, uriOf } from './lsp';

const SAMPLES = path.join(ROOT, 'samples');
const PAGE = path.join(SAMPLES, '示例市民政局2021年政府信息公开工作年度报告（网页）.html');
const WORD = path.join(SAMPLES, '示例县人民政府2020年政府信息公开工作年度报告（Word）.docx');

/** The source text a range covers. */
function textAt(source: string, r: Range): string {
  const starts = computeLineStarts(source);
  return source.slice(offsetAt(starts, source.length, r.start), offsetAt(starts, source.length, r.end));
}

/** The clean 2021 sample with a wrong 总计 in table 三, as a page and as a Word document. */
function faulted(dir: string): { page: string; word: string } {
  const text = sample('示例市民政局2021');
  const total = parseReport(text).tables.find((t) => t.id === 3)!.rows.find((r) => r.key === 'new')!.cells.find((c) => c.columnKey === 'total')!;
  const blocks = documentOf(setCell(text, 3, 'new', 'total', String(total.value! + 5)).text);
  const page = path.join(dir, 'faulted.html');
  const word = path.join(dir, 'faulted.docx');
  writeFileSync(page, toHtml(blocks, '示例市民政局2021年政府信息公开工作年度报告'));
  writeFileSync(word, toDocx(blocks));
  return { page, word };
}

describe('published files in the language server', { skip: !HAVE_SERVER && 'dist/server.js not built' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-published-'));
  const client = new LspClient({});
  const pageText = readFileSync(PAGE, 'utf8');
  let files: { page: string; word: string };

  before(async () => {
    files = faulted(dir);
    await client.initialize({ locale: 'zh-cn' });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a page: the finding is at the cell in the HTML source, and a quick fix edits only the cell text', async () => {
    const uri = uriOf(PAGE);
    const ds = await client.open(uri, pageText, 'html');
    const amount = ds.find((d) => d.code === 'amount-format');
    assert.ok(amount, `no amount-format finding: ${ds.map((d) => d.code).join(', ')}`);
    assert.equal(textAt(pageText, amount.range), '12.35万元');
    // The Report checks view reveals sections and tables of a page in its source.
    const outline = (await client.connection.sendRequest('govreport/reportOutline', { uri })) as { sections: { name: string; selectionRange: Range }[] };
    assert.equal(outline.sections.length, 6);
    for (const section of outline.sections) assert.match(textAt(pageText, section.selectionRange), /^[一二三四五六]、/, `${section.name} in the page source`);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: amount.range, context: { diagnostics: [amount] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred fix: ${actions.map((a) => a.title).join(' | ')}`);
    const { edits } = editsOf(fix.edit, uri);
    const fixed = apply(pageText, edits);
    assert.equal(fixed.length, pageText.length - 2, 'only 万元 is taken out');
    assert.equal(fixed.replace('12.35', '12.35万元'), pageText, 'every other character of the page is as it was');
    await client.close(uri);
  });

  test('a page: a wrong total and its related cells in the source; hover on the cell', async () => {
    const source = readFileSync(files.page, 'utf8');
    const uri = uriOf(files.page);
    const ds = await client.open(uri, source, 'html');
    const total = ds.find((d) => d.code === 'row-total');
    assert.ok(total, `no row-total: ${ds.map((d) => d.code).join(', ')}`);
    assert.match(textAt(source, total.range), /^\d+$/);
    assert.ok(total.relatedInformation?.length, 'related cells');
    for (const r of total.relatedInformation!) assert.match(textAt(source, r.location.range), /^\d+$/, 'a related location covers a number in the page');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: total.range.start })) as Hover | null;
    assert.ok(hover, 'a hover on the cell');
    assert.match((hover.contents as MarkupContent).value, /\*\*R3\*\*[\s\S]*✗/);
    assert.deepEqual(hover.range, total.range, 'the hover covers the cell in the source');
    await client.close(uri);
  });

  test('a page edited until it no longer reads as a report loses its findings', async () => {
    const uri = uriOf(path.join(dir, 'edited.html'));
    const source = readFileSync(files.page, 'utf8');
    const ds = await client.open(uri, source, 'html');
    assert.ok(ds.some((d) => d.code === 'row-total'));
    const cleared = await client.change(uri, [{ text: '<html><body><p>通知</p></body></html>' }]);
    assert.deepEqual(cleared, []);
    await client.close(uri);
  });

  test('a page that is not a report gets nothing', async () => {
    const uri = uriOf(path.join(dir, 'other.html'));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'html', version: 1, text: '<html><body><h1>政府信息公开</h1><p>通知</p></body></html>' },
    });
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
    assert.equal(list.some((s) => s.uri === uri), false);
    assert.equal(client.latest.get(uri)?.diagnostics.length ?? 0, 0);
    await client.close(uri);
  });

  test('a Word file: its report view holds the text read, and each finding tells its place in the document', async () => {
    const view = (await client.connection.sendRequest('govreport/reportView', { uri: uriOf(WORD) })) as ReportViewText;
    assert.equal(view.format, 'docx');
    assert.match(view.text, /政府信息公开工作年度报告/);
    const viewUri = viewUriOf(uriOf(WORD));
    const ds = await client.open(viewUri, view.text);
    const review = ds.find((d) => d.code === 'review-total');
    assert.ok(review, `no review-total: ${ds.map((d) => d.code).join(', ')}`);
    assert.match(review.message, /（原文：表3 第4行 第5列）$/);
    assert.equal(ds.filter((d) => d.severity === 1).length, 1, 'the one fault is the only error');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: viewUri }, position: review.range.start })) as Hover | null;
    assert.match((hover?.contents as MarkupContent).value, /R4/);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: viewUri } })) as { name: string }[];
    assert.ok(symbols.length >= 6, 'the outline has the sections');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: viewUri }, range: review.range, context: { diagnostics: [review] },
    })) as CodeAction[];
    assert.equal(actions.filter((a) => a.edit).length, 0, 'a read-only view is offered no edit');
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string; counts: { error: number } }[];
    assert.equal(list.find((s) => s.uri === viewUri)?.counts.error, 1, 'the view is in the report list');
    await client.close(viewUri);
  });

  test('a damaged Word file: an empty view and one finding saying why', async () => {
    const broken = path.join(dir, '某局2021年政府信息公开工作年度报告.docx');
    writeFileSync(broken, toDocx(documentOf(sample('示例市民政局2021'))).subarray(0, 300));
    const view = (await client.connection.sendRequest('govreport/reportView', { uri: uriOf(broken) })) as ReportViewText;
    assert.equal(view.text, '');
    const ds = await client.open(viewUriOf(uriOf(broken)), view.text);
    assert.deepEqual(ds.map((d) => d.code), ['file-unreadable']);
    assert.match(ds[0].message, /\S/);
    await client.close(viewUriOf(uriOf(broken)));
  });
});

describe('workspace mode with published files', { skip: !HAVE_SERVER && 'dist/server.js not built' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-published-ws-'));
  const client = new LspClient({ workspace: { enable: true } });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('pages and Word files are checked: a page at its file, a Word file at its report view', async () => {
    const { page, word } = faulted(dir);
    copyFileSync(WORD, path.join(dir, 'sample.docx'));
    writeFileSync(path.join(dir, 'notes.html'), '<html><body><p>会议通知</p></body></html>');
    const pPage = client.diagnostics(uriOf(page), (p) => p.diagnostics.length > 0, 20000);
    const pWord = client.diagnostics(viewUriOf(uriOf(word)), (p) => p.diagnostics.length > 0, 20000);
    const pSample = client.diagnostics(viewUriOf(uriOf(path.join(dir, 'sample.docx'))), (p) => p.diagnostics.length > 0, 20000);
    await client.initialize({ locale: 'en', workspaceFolders: [dir] });
    const [dp, dw, ds] = await Promise.all([pPage, pWord, pSample]);
    const source = readFileSync(page, 'utf8');
    const pageTotal = dp.diagnostics.find((d: Diagnostic) => d.code === 'row-total')!;
    assert.match(textAt(source, pageTotal.range), /^\d+$/, 'the page finding is at the cell in its source');
    const wordTotal = dw.diagnostics.find((d: Diagnostic) => d.code === 'row-total')!;
    assert.match(wordTotal.message, /\(in the original: table 2, row 4, column 10\)$/);
    assert.ok(ds.diagnostics.some((d: Diagnostic) => d.code === 'review-total' && /table 3, row 4, column 5/.test(d.message)));
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
    assert.equal(list.some((s) => s.uri.endsWith('notes.html')), false, 'a page that is not a report is not listed');
    assert.equal(list.filter((s) => s.uri.startsWith('govreport-view:')).length, 2);
  });
});
