// One vocabulary: a cell's name, the template rows' meanings and provisions, and article references read with
// the engine's Chinese numerals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellName, parseReport, SECTIONS, TEMPLATE_YEARS } from '../../../server/src/engine';
import { citedParagraphs, parseRef, refAt } from '../../../server/src/features/articleRefs';
import { report } from './report';

describe('cell names', () => {
  const model = parseReport(report());
  const table3 = model.tables.find((t) => t.id === 3)!;
  const open = table3.rows.find((r) => r.key === 'open')!;

  it('in full: the row path × the column without its umbrella header; short: label × last header', () => {
    assert.equal(cellName(open, open.cells[1]), '三、本年度办理结果 › （一）予以公开 × 法人或其他组织 › 商业企业');
    assert.equal(cellName(open, open.cells[1], 'short'), '（一）予以公开 × 商业企业');
    const cases = model.tables.find((t) => t.id === 4)!.rows[0];
    assert.equal(cellName(cases, cases.cells[5]), '行政诉讼 › 未经复议直接起诉 › 结果维持');
  });
});

describe('the template\'s rows and sections', () => {
  it('every labelled row of table 三 says what it counts; every provision cited resolves to the 条例\'s text', () => {
    for (const spec of TEMPLATE_YEARS) {
      for (const row of spec.tables[3][0].rows) {
        assert.ok(row.meaning?.zh && row.meaning.en, `${spec.year} ${row.key} has a meaning`);
        if (row.article) assert.ok(citedParagraphs(parseRef(row.article)!), `${row.key}: ${row.article} is in the 条例`);
      }
    }
  });

  it('rows with long labels carry the short name messages use', () => {
    const rows = TEMPLATE_YEARS[1].tables[3][0].rows;
    const short = (key: string) => rows.find((r) => r.key === key)?.short;
    assert.equal(short('carried'), '二、上年结转');
    assert.equal(short('other2'), '（六）2.逾期未缴纳费用');
    assert.equal(short('deny1'), undefined, 'a short label is its own name');
  });

  it('table 二\'s blocks cite their item of 第二十条; sections their item of 第五十条', () => {
    const blocks = TEMPLATE_YEARS[1].tables[2][0].rows.filter((r) => r.group && r.block === r.label);
    assert.deepEqual(blocks.map((b) => b.article), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepEqual(SECTIONS.map((s) => parseRef(s.article)!.items), [[], [1], [2], [3], [4], [5]]);
    assert.ok(SECTIONS.every((s) => s.contentsEn.length > 20));
  });
});

describe('article references', () => {
  it('numbers of articles, paragraphs and items are read as numerals (十六, 三十六, 五十一)', () => {
    const ref = parseRef('第三十六条第（四）（五）项')!;
    assert.deepEqual([ref.article, ref.paragraph, ref.items], [36, undefined, [4, 5]]);
    assert.deepEqual([parseRef('第十六条第二款')!.article, parseRef('第十六条第二款')!.paragraph], [16, 2]);
    assert.equal(parseRef('第五十一条')!.article, 51);
    assert.equal(parseRef('第十条')!.article, 10);
  });

  it('a reference is found under an offset on its line, with its span', () => {
    const line = '依据条例第二十条第（五）项公开。';
    const ref = refAt(line, 0, line.length, 6)!;
    assert.equal(ref.text, '第二十条第（五）项');
    assert.deepEqual(ref.span, { start: 4, end: 4 + ref.text.length });
    assert.equal(refAt(line, 0, line.length, 1), null);
  });
});
