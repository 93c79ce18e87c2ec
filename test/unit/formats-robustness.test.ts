// Hostile and broken files: the readers never throw and never hang; what they cannot read is one clear problem.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { DEFAULT_LIMITS, extractReport, type ExtractedReport } from '../../server/src/formats';
import { MAX_ZIP_ENTRIES, readDocumentXml, readDocx } from '../../server/src/formats/docx';
import { readHtml } from '../../server/src/formats/html';
import { documentOf, toDocx, toHtml } from './formatFixtures';
import { ROOT, sample } from './helpers';

const RUNS = Math.max(50, Math.floor(Number(process.env.GOVREPORT_FUZZ_RUNS ?? 1500) / 10));
const REAL = path.resolve(ROOT, '../shared/real');
const LIMITS = { ...DEFAULT_LIMITS, maxMillis: 5000 };

/** What every extraction must be: text, sorted segments inside it, problems in both languages. */
function assertWellFormed(r: ExtractedReport): void {
  assert.equal(typeof r.text, 'string');
  let last = 0;
  for (const s of r.segments) {
    assert.ok(s.textStart >= last && s.textEnd > s.textStart && s.textEnd <= r.text.length, 'segments sorted, inside the text');
    last = s.textEnd;
  }
  for (const p of r.problems) assert.ok(p.zh.length > 0 && p.en.length > 0);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const sampleBlocks = () => documentOf(sample('示例市民政局2021'));
const docxOf = (xml: string) => zipSync({ '_rels/.rels': utf8('<Relationships/>'), 'word/document.xml': utf8(xml) });
const wordXml = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`;

describe('readers on random and broken bytes', () => {
  const real = [
    ...(fs.existsSync(REAL) ? ['pingtan-2019.html', 'template-2021-blank.docx'].map((f) => ({ ext: path.extname(f), bytes: fs.readFileSync(path.join(REAL, f)) })) : []),
    { ext: '.docx', bytes: Buffer.from(toDocx(sampleBlocks())) },
    { ext: '.html', bytes: Buffer.from(toHtml(sampleBlocks(), '年度报告')) },
  ];

  it('random bytes, for every registered extension', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('.html', '.htm', '.docx', '.doc', '.wps'), async (bytes, ext) => {
      assertWellFormed(await extractReport(bytes, ext, LIMITS));
    }), { numRuns: RUNS });
  });

  it('real files cut short anywhere, or with bytes overwritten', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...real), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), async (file, cut, flips) => {
      const bytes = Buffer.from(file.bytes.subarray(0, Math.floor(file.bytes.length * cut)));
      for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
      assertWellFormed(await extractReport(bytes, file.ext, LIMITS));
    }), { numRuns: RUNS });
  });

  it('random markup: tags, spans and entities in any order', () => {
    const token = fc.constantFrom('<table>', '</table>', '<tr>', '</tr>', '<td rowspan="3">', '<td colspan="99999">', '<th rowspan="-2">', '</td>', '<br>', '<p>',
      '</p>', '&nbsp;', '&#x5e74;', '&amp', '<script>', '</script>', '<!--', '-->', '年度报告', '一、总体情况', '12', ' | ', '<div style="display:none">', '</div>');
    fc.assert(fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
      assertWellFormed(readHtml(utf8(tokens.join('')), LIMITS));
    }), { numRuns: RUNS });
  });
});

describe('hostile files', () => {
  it('a zip that lists more entries than a Word document could', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`x/${i}.xml`] = new Uint8Array(0);
    files['word/document.xml'] = utf8(wordXml('<w:p><w:r><w:t>年度报告</w:t></w:r></w:p>'));
    const r = readDocx(zipSync(files, { level: 0 }), LIMITS);
    assert.equal(r.text, '');
    assert.match(r.problems[0].en, /more than 5000 entries/);
  });

  it('a zip bomb: a part declared larger than the cap is never inflated', () => {
    const zip = Buffer.from(docxOf(wordXml(`<w:p><w:r><w:t>${'年'.repeat(1000)}</w:t></w:r></w:p>`)));
    // The central directory's uncompressed size of word/document.xml, set to 3 GB.
    const cd = zip.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    zip.writeUInt32LE(3_000_000_000, cd + 24);
    const r = readDocx(zip, LIMITS);
    assert.equal(r.text, '');
    assert.match(r.problems[0].en, /zip bomb/);
  });

  it('a part that inflates past the size it declares is cut there, never grown', () => {
    const zip = Buffer.from(docxOf(wordXml(`<w:p><w:r><w:t>${'年'.repeat(200_000)}</w:t></w:r></w:p>`)));
    const cd = zip.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    zip.writeUInt32LE(300, cd + 24);
    const r = readDocx(zip, LIMITS);
    assertWellFormed(r);
    assert.ok(r.text.length < 300);
  });

  it('billion laughs: DTD entities are never expanded', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>年度报告&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    const started = Date.now();
    const r = readDocx(docxOf(xml), LIMITS);
    assert.ok(Date.now() - started < 2000);
    assert.ok(r.text.length < 100, r.text);
    assert.doesNotMatch(r.text, /lollol/);
    assert.ok(r.problems.some((p) => /DTD/.test(p.en)));
  });

  it('deep nesting in a page and in a Word document', () => {
    const page = readHtml(utf8(`<html><body>${'<div>'.repeat(100_000)}年度报告${'</div>'.repeat(100_000)}</body></html>`), LIMITS);
    assertWellFormed(page);
    assert.ok(page.problems.some((p) => /deeper than/.test(p.en)));
    const doc = readDocumentXml(wordXml(`<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>`), LIMITS);
    assertWellFormed(doc);
    assert.match(doc.text, /一、总体情况/);
    assert.ok(doc.problems.some((p) => /deeper than/.test(p.en)));
  });

  it('spans far beyond any table, in a page and in Word', () => {
    const row = `<tr>${'<td rowspan="65534" colspan="1000">1</td>'.repeat(200)}</tr>`;
    const started = Date.now();
    const page = readHtml(utf8(`<table>${row.repeat(200)}</table>`), LIMITS);
    assertWellFormed(page);
    const cells = '<w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'.repeat(200);
    const doc = readDocumentXml(wordXml(`<w:tbl>${`<w:tr>${cells}</w:tr>`.repeat(200)}</w:tbl>`), LIMITS);
    assertWellFormed(doc);
    assert.ok(Date.now() - started < 5000);
  });

  it('a page with nothing but scripts, styles and menus gives no text', () => {
    const r = readHtml(utf8('<html><head><script>alert("年度报告")</script><style>p{}</style></head><body><script>document.write("一、总体情况")</script><noscript>x</noscript></body></html>'), LIMITS);
    assert.equal(r.text, '');
  });

  it('an external relationship is never followed: only the main part inside the zip is read', () => {
    const rels = '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="http://example.invalid/doc.xml" TargetMode="External"/></Relationships>';
    const zip = zipSync({ '_rels/.rels': utf8(rels), 'word/document.xml': utf8(wordXml('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>')) });
    const r = readDocx(zip, LIMITS);
    assert.equal(r.text, '一、总体情况\n');
  });

  it('a file over the size limit is not read', async () => {
    const r = await extractReport(new Uint8Array(2000), '.docx', { maxBytes: 1000, maxMillis: 1000 });
    assert.equal(r.text, '');
    assert.match(r.problems[0].en, /limit/);
  });
});
