// The govreport command on web pages, Word documents and PDF files: findings where the user sees them, convert, --fix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { parseReport } from '../../server/src/engine';
import { DEFAULT_LIMITS } from '../../server/src/formats';
import { readDocx } from '../../server/src/formats/docx';
import { readHtml } from '../../server/src/formats/html';
import { documentOf, toDocx, toHtml } from './formatFixtures';
import { layoutReport, makePdf } from './pdf-fixtures';
import { ROOT, sample, setCell } from './helpers';

const BIN = path.join(ROOT, 'bin/govreport.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Diagnostic { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; location?: Record<string, unknown> }
interface JsonFile { file: string; templateYear: number | null; reportYear: number | null; diagnostics: Diagnostic[] }

/** A folder with the clean 2021 sample as text, and a copy with a wrong 总计 as a page and as a Word document. */
function folder(): { dir: string; faultedText: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-formats-'));
  const text = sample('示例市民政局2021');
  const total = parseReport(text).tables.find((t) => t.id === 3)!.rows.find((r) => r.key === 'new')!.cells.find((c) => c.columnKey === 'total')!;
  const faultedText = setCell(text, 3, 'new', 'total', String(total.value! + 5)).text;
  const blocks = documentOf(faultedText);
  fs.writeFileSync(path.join(dir, 'a.txt'), text);
  fs.writeFileSync(path.join(dir, 'b.html'), toHtml(blocks, '示例市民政局2021年政府信息公开工作年度报告'));
  fs.writeFileSync(path.join(dir, 'c.docx'), toDocx(blocks));
  fs.writeFileSync(path.join(dir, 'd.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  return { dir, faultedText };
}

const lineOf = (text: string, line: number) => text.split('\n')[line];

describe('govreport on web pages and Word documents', () => {
  it('folders include .html and .docx; JSON ranges are in the page source, Word findings carry a location', () => {
    const { dir } = folder();
    const r = run(['--format', 'json', dir]);
    assert.equal(r.code, 2, 'the .doc file cannot be read');
    const files = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(files.map((f) => path.basename(f.file)), ['a.txt', 'b.html', 'c.docx', 'd.doc']);
    const [txt, html, docx, doc] = files;
    assert.ok(!txt.diagnostics.some((d) => d.code === 'row-total'));

    const pageTotal = html.diagnostics.find((d) => d.code === 'row-total')!;
    assert.equal(pageTotal.location, undefined);
    const source = fs.readFileSync(path.join(dir, 'b.html'), 'utf8');
    const line = lineOf(source, pageTotal.range.start.line);
    assert.match(line.slice(pageTotal.range.start.character, pageTotal.range.end.character), /^\d+$/, 'the range covers the cell’s figure in the page');
    assert.match(line.slice(0, pageTotal.range.start.character), /<td><p align="center"><span style="FONT-SIZE: 12pt">$/);

    const wordTotal = docx.diagnostics.find((d) => d.code === 'row-total')!;
    assert.deepEqual(wordTotal.location, { table: 2, row: 4, column: 10, description: '表2 第4行 第10列' });
    assert.equal(docx.reportYear, 2021);

    assert.deepEqual(doc.diagnostics.map((d) => d.code), ['file-unreadable']);
    assert.match(doc.diagnostics[0].message, /另存为/);
  });

  it('stylish output: line:column for a page, table, row and column for Word', () => {
    const { dir } = folder();
    const r = run([path.join(dir, 'b.html'), path.join(dir, 'c.docx'), '--lang', 'en']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /c\.docx\n(.*\n)*\s+table 2, row 4, column 10\s+error\s+.*row-total/);
    assert.match(r.stdout, /b\.html\n(.*\n)*\s+\d+:\d+\s+error\s+.*row-total/);
  });

  it('SARIF: a page finding has its region in the page, a Word finding its logical location', () => {
    const { dir } = folder();
    const r = run(['--format', 'sarif', path.join(dir, 'b.html'), path.join(dir, 'c.docx')]);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown }; logicalLocations?: { name: string }[]; properties?: { location: unknown } }[]; fixes: unknown[] }[];
    const page = results.find((x) => x.ruleId === 'row-total' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('b.html'))!;
    assert.ok(page.locations[0].physicalLocation.region);
    assert.equal(page.fixes.length, 1, 'the fix edits the page source');
    const word = results.find((x) => x.ruleId === 'row-total' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('c.docx'))!;
    assert.equal(word.locations[0].physicalLocation.region, undefined);
    assert.deepEqual(word.locations[0].logicalLocations, [{ name: '表2 第4行 第10列', kind: 'element' }]);
    assert.deepEqual(word.locations[0].properties!.location, { table: 2, row: 4, column: 10 });
    assert.deepEqual(word.fixes, []);
    const related = (word as unknown as { relatedLocations: { physicalLocation: { region?: unknown }; logicalLocations?: { name: string }[] }[] }).relatedLocations;
    assert.ok(related.length >= 6, 'the six applicant cells the 总计 was compared with');
    assert.ok(related.every((r) => r.physicalLocation.region === undefined && /^表2 第4行 第\d+列$/.test(r.logicalLocations![0].name)));
  });

  it('carry-over-mismatch (R5) across a page and a Word document, placed in each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-formats-r5-'));
    const thisYear = sample('示例市民政局2021');
    const lastYear = thisYear.replace(/2021年/g, '2020年').replace('四、结转下年度继续办理\n\t1\n', '四、结转下年度继续办理\n\t3\n');
    fs.writeFileSync(path.join(dir, 'a-2020.html'), toHtml(documentOf(lastYear), '示例市民政局2020年政府信息公开工作年度报告'));
    fs.writeFileSync(path.join(dir, 'z-2021.docx'), toDocx(documentOf(thisYear)));
    const files = JSON.parse(run(['--format', 'json', dir]).stdout) as JsonFile[];
    const r5 = files[1].diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.deepEqual(r5.map((d) => d.location?.description), ['表2 第5行 第4列', '表2 第5行 第10列']);
    const sarif = JSON.parse(run(['--format', 'sarif', dir]).stdout).runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'carry-over-mismatch');
    // The related cell is last year's, in the page: a region of its source.
    assert.ok(sarif.every((x: { relatedLocations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[] }) =>
      x.relatedLocations[0].physicalLocation.artifactLocation.uri.endsWith('a-2020.html') && x.relatedLocations[0].physicalLocation.region !== undefined));
  });

  it('convert writes the text the checks read', () => {
    const { dir } = folder();
    const out = path.join(dir, 'out.txt');
    assert.equal(run(['convert', path.join(dir, 'b.html'), '-o', out]).code, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), readHtml(fs.readFileSync(path.join(dir, 'b.html')), DEFAULT_LIMITS).text);
    const docx = run(['convert', path.join(dir, 'c.docx')]);
    assert.equal(docx.code, 0);
    assert.equal(docx.stdout, readDocx(fs.readFileSync(path.join(dir, 'c.docx')), DEFAULT_LIMITS).text);
    assert.match(docx.stdout, /^一、本年新收政府信息公开申请数量 \| /m);
    const doc = run(['convert', path.join(dir, 'd.doc')]);
    assert.equal(doc.code, 2);
    assert.match(doc.stderr, /\.docx/);
    assert.equal(run(['convert']).code, 2);
    assert.equal(run(['convert', path.join(dir, 'missing.html')]).code, 2);
  });

  it('--fix on a page changes the cell’s bytes only, in the page’s own encoding', () => {
    const { dir } = folder();
    const utf8Page = fs.readFileSync(path.join(dir, 'b.html'), 'utf8').replace('<meta charset="utf-8">', '<meta charset="gbk">');
    fs.writeFileSync(path.join(dir, 'g.html'), iconv.encode(utf8Page, 'gbk'));
    for (const [name, encoding] of [['b.html', 'utf8'], ['g.html', 'gbk']] as const) {
      const file = path.join(dir, name);
      const before = fs.readFileSync(file);
      run(['--fix', file]);
      const after = fs.readFileSync(file);
      let head = 0;
      while (head < before.length && before[head] === after[head]) head++;
      let tail = 0;
      while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
      const removed = iconv.decode(before.subarray(head, before.length - tail), 'gb18030');
      const added = iconv.decode(after.subarray(head, after.length - tail), 'gb18030');
      assert.match(removed, /^\d+$/, `${encoding}: only the figure changed (${removed} → ${added})`);
      assert.match(added, /^\d+$/);
      const check = JSON.parse(run(['--format', 'json', file]).stdout) as JsonFile[];
      assert.ok(!check[0].diagnostics.some((d) => d.code === 'row-total'), encoding);
    }
  });

  it('--fix writes the fixed cell into a Word document, every other part byte for byte', () => {
    const { dir } = folder();
    const file = path.join(dir, 'c.docx');
    // A part beside the document, stored as it is, whose bytes must come through untouched.
    const original = Buffer.from(zipSync({
      ...unzipSync(fs.readFileSync(file)),
      'docProps/custom.xml': new TextEncoder().encode('<Properties>自定义属性</Properties>'),
      'word/media/image1.png': new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
    }, { mtime: new Date(2020, 5, 1) }));
    fs.writeFileSync(file, original);
    run(['--fix', file]);
    const after = fs.readFileSync(file);
    const before = unzipSync(original);
    const fixed = unzipSync(after);
    assert.deepEqual(Object.keys(fixed), Object.keys(before));
    for (const name of Object.keys(before)) {
      if (name === 'word/document.xml') continue;
      assert.deepEqual(fixed[name], before[name], name);
      const region = entryBytes(original, name);
      assert.ok(after.includes(region), `${name}: its local header and data copied byte for byte`);
    }
    const beforeXml = new TextDecoder().decode(before['word/document.xml']);
    const afterXml = new TextDecoder().decode(fixed['word/document.xml']);
    let head = 0;
    while (beforeXml[head] === afterXml[head]) head++;
    let tail = 0;
    while (beforeXml[beforeXml.length - 1 - tail] === afterXml[afterXml.length - 1 - tail]) tail++;
    assert.match(beforeXml.slice(head, beforeXml.length - tail), /^\d+$/, 'only the figure in the cell changed');
    assert.match(afterXml.slice(head, afterXml.length - tail), /^\d+$/);
    const check = JSON.parse(run(['--format', 'json', file]).stdout) as JsonFile[];
    assert.ok(!check[0].diagnostics.some((d) => d.code === 'row-total'));
  });
});

describe('govreport on PDF files', () => {
  /** A folder with the faulted 2021 sample as a PDF and, for --fix, as text. */
  const pdfFolder = (): { dir: string; pdf: string; txt: string } => {
    const { dir, faultedText } = folder();
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    const pdf = path.join(dir, 'e.pdf');
    const txt = path.join(dir, 'f.txt');
    fs.writeFileSync(pdf, makePdf(layoutReport(faultedText)));
    fs.writeFileSync(txt, faultedText);
    return { dir, pdf, txt };
  };

  it('stylish and JSON name the page and the table, row and column of a finding in a table', () => {
    const { pdf } = pdfFolder();
    const stylish = run([pdf]);
    assert.equal(stylish.code, 1);
    assert.match(stylish.stdout, /\n {2}第\d页 表三 一、本年新收政府信息公开申请数量 × 总计\s+error\s+.*row-total/);
    const en = run([pdf, '--lang', 'en']);
    assert.match(en.stdout, /\n {2}page \d, table 3, 一、本年新收政府信息公开申请数量 × 总计\s+error\s+.*row-total/);
    const [file] = JSON.parse(run(['--format', 'json', pdf]).stdout) as JsonFile[];
    const total = file.diagnostics.find((d) => d.code === 'row-total')!;
    const { page, rect, ...named } = total.location as { page: number; rect: number[] };
    assert.ok(page >= 1 && rect.length === 4);
    assert.deepEqual(named, { table: 3, rowLabel: '一、本年新收政府信息公开申请数量', columnLabel: '总计', description: `第${page}页 表三 一、本年新收政府信息公开申请数量 × 总计` });
  });

  it('--fix leaves a PDF as it is, says so, and counts no fix in it as fixable', () => {
    const { dir, pdf, txt } = pdfFolder();
    const before = fs.readFileSync(pdf);
    const textBefore = fs.readFileSync(txt, 'utf8');
    const checked = run([dir]);
    assert.match(checked.stdout, /其中 1 个可用 --fix 自动修复；另有 1 个有修复建议，但在 PDF 文件中，--fix 不修改 PDF 文件$/m);
    const fixed = run(['--fix', dir, '--lang', 'en']);
    assert.deepEqual(fs.readFileSync(pdf), before);
    assert.notEqual(fs.readFileSync(txt, 'utf8'), textBefore, 'the text file was fixed');
    assert.match(fixed.stderr, /e\.pdf: .*--fix never writes to a PDF file/);
    assert.doesNotMatch(fixed.stdout, /fixable with --fix/);
    assert.match(fixed.stdout, /, 1 have a fix but are in PDF files, which --fix never rewrites$/m);
  });
});

/** An entry's bytes in a zip, from its local header to the next entry (what a rewrite must copy as it is). */
function entryBytes(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const offsets: { name: string; offset: number }[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  const cdStart = at;
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    offsets.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const start = offsets.find((o) => o.name === name)!.offset;
  const end = Math.min(cdStart, ...offsets.map((o) => o.offset).filter((o) => o > start));
  return zip.subarray(start, end);
}
