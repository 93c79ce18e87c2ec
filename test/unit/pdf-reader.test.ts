// The PDF reader on the real Hongze 2023 report (the same findings as its pypdf text, every table cell read and
// located on its page) and on PDFs built here: the shared pipe-row samples laid out over pages, and small pages
// that each hold one layout the reader must get right.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, type CellModel, type Finding, type ReportModel } from '../../server/src/engine';
import { preparePdfReader, readPdf, MAX_PAGES } from '../../server/src/formats/pdf';
import { DEFAULT_LIMITS, type ExtractedReport, type SourceSegment } from '../../server/src/formats/types';
import { ROOT, sample, textOf } from './helpers';
import { layoutReport, makePdf, PAGE_HEIGHT, PAGE_WIDTH, textWidth, turnedPage, type Run } from './pdf-fixtures';

const REAL = path.resolve(ROOT, '../shared/real');
const HONGZE_PDF = path.join(REAL, 'hongze-2023.pdf');
const SKIP_REAL = fs.existsSync(HONGZE_PDF) ? false : `real reports not found at ${REAL}`;

const read = (bytes: Uint8Array): Promise<ExtractedReport> => readPdf(bytes, DEFAULT_LIMITS);
const lines = (r: ExtractedReport): string[] => r.text.split('\n').filter((l) => l);
const summary = (fs_: Finding[]): string[] => fs_.map((f) => `${f.severity} ${f.code} ${f.message.en}`).sort();

/** The segment a cell's text lies in. */
function segmentOf(r: ExtractedReport, start: number, end: number): SourceSegment | undefined {
  return r.segments.find((s) => s.textStart <= start && end <= s.textEnd);
}

function cellsOf(model: ReportModel): { table: number; row: string; column: string; cell: CellModel }[] {
  return model.tables.flatMap((t) => t.rows.flatMap((row) => row.cells.map((cell) => ({ table: t.id, row: row.key, column: cell.columnKey, cell }))));
}

describe('PDF reader: the Hongze 2023 report', { skip: SKIP_REAL }, () => {
  let report: ExtractedReport;
  const load = async (): Promise<ExtractedReport> => (report ??= await read(new Uint8Array(fs.readFileSync(HONGZE_PDF))));

  it('finds the manifest faults and nothing else at error severity', async () => {
    const r = await load();
    assert.deepEqual(r.problems, []);
    const { model, findings } = checkText(r.text);
    assert.equal(model.reportYear, 2023);
    assert.equal(model.templateYear, 2021);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['review-total', 'review-total']);
    assert.match(errors[0].message.en, /行政复议 › 总计: 0 ≠ 10 \+ 1/);
    assert.match(errors[1].message.en, /复议后起诉 › 总计: 0 ≠ 5/);
    assert.ok(findings.some((f) => f.code === 'template-version'), 'template-version');
    const label = findings.find((f) => f.code === 'row-label');
    assert.ok(label, 'row-label');
    assert.equal(textOf(r.text, label.range), '2.其他法律行政止公开');
  });

  it('gives the same findings and the same cells as the pypdf text of the same report', async () => {
    const r = await load();
    const fromPdf = checkText(r.text);
    const fromText = checkText(fs.readFileSync(path.join(REAL, 'hongze-2023.txt'), 'utf8'));
    assert.deepEqual(summary(fromPdf.findings), summary(fromText.findings));
    const values = (m: ReportModel): string[] => cellsOf(m).map((c) => `${c.table} ${c.row} ${c.column} ${c.cell.value}`);
    assert.deepEqual(values(fromPdf.model), values(fromText.model));
  });

  it('reads every table cell whole, each located on its page', async () => {
    const r = await load();
    const { model } = checkText(r.text);
    assert.deepEqual(model.tables.map((t) => t.id), [2, 3, 4]);
    for (const t of model.tables) assert.deepEqual(t.unread, [], `table ${t.id} read whole`);
    const cells = cellsOf(model);
    assert.equal(cells.filter((c) => c.table === 3).length, 23 * 7, 'table 三: 23 rows of 7 values (the 2019 shape)');
    assert.equal(cells.filter((c) => c.table === 4).length, 15);
    for (const { table, row, column, cell } of cells) {
      assert.notEqual(cell.value, null, `${table} ${row} ${column} has a value`);
      const seg = segmentOf(r, cell.span.start, cell.span.end);
      assert.ok(seg && seg.source.kind === 'pdf', `${table} ${row} ${column} is located`);
      assert.equal(r.text.slice(seg.textStart, seg.textEnd), cell.raw);
      const [x0, y0, x1, y1] = seg.source.rect;
      assert.ok(x0 >= 0 && x1 <= PAGE_WIDTH && y0 >= 0 && y1 <= PAGE_HEIGHT && x0 < x1 && y0 < y1, 'inside the page');
      const page = table === 2 ? [2, 3] : table === 3 ? [3, 4] : [4];
      assert.ok(page.includes(seg.source.page), `${table} ${row} ${column} on page ${seg.source.page}`);
    }
    // 一、本年新收 › 自然人 is the 21 printed at x ≈ 319 on page 3; table 四's 复议后起诉 › 结果维持 the 5 on page 4.
    const first = cells.find((c) => c.table === 3 && c.cell.value === 21)!;
    const seg = segmentOf(r, first.cell.span.start, first.cell.span.end)!;
    assert.equal(seg.source.kind === 'pdf' && seg.source.page, 3);
    assert.ok(seg.source.kind === 'pdf' && Math.abs(seg.source.rect[0] - 318.7) < 1);
    const five = cells.find((c) => c.table === 4 && c.cell.value === 5)!;
    const seg5 = segmentOf(r, five.cell.span.start, five.cell.span.end)!;
    assert.ok(seg5.source.kind === 'pdf' && seg5.source.page === 4 && Math.abs(seg5.source.rect[0] - 383.6) < 1);
  });

  it('drops the page numbers and keeps segments sorted and apart', async () => {
    const r = await load();
    assert.ok(!lines(r).some((l) => /^-\s*\d+\s*-$/.test(l)), 'no page number line');
    for (let k = 1; k < r.segments.length; k++) assert.ok(r.segments[k].textStart >= r.segments[k - 1].textEnd);
  });
});

describe('PDF reader: pipe-row samples laid out as PDFs', () => {
  // The samples written as pipe rows (the others are cell per line, or GBK).
  for (const name of ['示例县人民政府2020', '旧模板']) {
    it(`${name}: the same findings as the text`, async () => {
      const text = sample(name);
      const r = await read(makePdf(layoutReport(text, { header: '示例 政府信息公开工作年度报告' })));
      assert.deepEqual(r.problems, []);
      assert.ok(!r.text.includes('示例 政府信息公开工作年度报告'), 'running header dropped');
      assert.ok(!lines(r).some((l) => /^- \d+ -$/.test(l)), 'page numbers dropped');
      assert.deepEqual(summary(checkText(r.text).findings), summary(checkText(text).findings));
    });
  }
});

const row = (y: number, label: string, values: (string | null)[], x = 110, size = 9): Run[] => [
  { x, y, text: label, size },
  ...values.flatMap((v, k) => (v === null ? [] : [{ x: 300 + k * 30 - textWidth(v, size) / 2, y, text: v, size }])),
];
const SEVEN = ['1', '0', '0', '0', '0', '0', '1'];

describe('PDF reader: layouts', () => {
  it('drops page numbers in their usual forms and running headers, keeps numbers inside the text', async () => {
    const numbers = ['- 1 -', '第 2 页', '3/3'];
    const pages = numbers.map((n, k) => [
      { x: 200, y: 810, text: '某某局政府信息公开年报', size: 9 },
      { x: 60, y: 700, text: `第${k + 1}页正文，全年公开信息${k + 12}条。`, size: 12 },
      { x: 280, y: 40, text: n, size: 10 },
    ]);
    const r = await read(makePdf(pages));
    assert.deepEqual(lines(r), ['第1页正文，全年公开信息12条。', '第2页正文，全年公开信息13条。', '第3页正文，全年公开信息14条。']);
  });

  it('joins a label wrapped over two lines with its values centred between them', async () => {
    const r = await read(makePdf([[
      ...row(700, '（一）予以公开', SEVEN),
      { x: 110, y: 683, text: '（二）部分公开（区分处理的，只计这一', size: 9 },
      { x: 110, y: 671, text: '情形，不计其他情形）', size: 9 },
      ...row(677, '', ['4', '0', '0', '0', '0', '0', '4']).slice(1),
      ...row(655, '（三）不予公开', SEVEN),
    ]]));
    assert.deepEqual(lines(r), [
      '（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '（三）不予公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    ]);
  });

  it('puts a group label centred on its rows before the first of them, and keeps blank cells', async () => {
    const r = await read(makePdf([[
      ...row(720, '（二）部分公开', SEVEN, 60),
      ...row(700, '1.属于国家秘密', SEVEN),
      ...row(682, '2.其他法律行政法规禁止公开', ['0', '0', null, '0', '0', '0', '0']),
      { x: 60, y: 673, text: '（三）不予公开', size: 9 },
      ...row(664, '3.危及“三安全一稳定”', SEVEN),
      ...row(646, '4.保护第三方合法权益', SEVEN),
      { x: 60, y: 619, text: '（四）无法提供', size: 9 },
      ...row(628, '1.本机关不掌握相关政府信息', SEVEN),
      ...row(610, '2.没有现成信息需要另行制作', SEVEN),
    ]]));
    assert.deepEqual(lines(r), [
      '（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '（三）不予公开',
      '1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '2.其他法律行政法规禁止公开 | 0 | 0 |  | 0 | 0 | 0 | 0 |',
      '3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '（四）无法提供',
      '1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    ]);
  });

  it('continues a table over a page break: its header at the foot of one page, its group on the next', async () => {
    const header = (y: number): Run[] => ['自然', '法人', '总计'].flatMap((h, k) => [{ x: 291 + k * 30, y, text: h, size: 9 }]);
    const r = await read(makePdf([
      [
        { x: 60, y: 700, text: '三、收到和处理政府信息公开申请情况', size: 16 },
        ...header(120), { x: 291, y: 108, text: '人', size: 9 }, { x: 321, y: 108, text: '组织', size: 9 },
        { x: 250, y: 40, text: '- 1 -', size: 10 },
      ],
      [
        ...row(760, '一、本年新收政府信息公开申请数量', ['1', '0', '1'], 40),
        { x: 40, y: 742, text: '（四）无法提供', size: 9 },
        ...row(751, '1.本机关不掌握相关政府信息', ['1', '0', '1']),
        ...row(733, '2.没有现成信息需要另行制作', ['0', '0', '0']),
        { x: 250, y: 40, text: '- 2 -', size: 10 },
      ],
    ]));
    assert.deepEqual(lines(r), [
      '三、收到和处理政府信息公开申请情况', '自然人', '法人组织', '总计',
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 1 |',
      '（四）无法提供',
      '1.本机关不掌握相关政府信息 | 1 | 0 | 1 |',
      '2.没有现成信息需要另行制作 | 0 | 0 | 0 |',
    ]);
  });

  it('joins header fragments stacked in a column and letter-spaced words, and reads vertical text whole', async () => {
    const r = await read(makePdf([[
      { x: 60, y: 720, text: '申请人情况', size: 10 },
      { x: 200, y: 700, text: '商业', size: 10 }, { x: 228, y: 700, text: '科研', size: 10 },
      { x: 200, y: 687, text: '企业', size: 10 }, { x: 228, y: 687, text: '机构', size: 10 },
      { x: 260, y: 693, text: '总', size: 10 }, { x: 275, y: 693, text: '计', size: 10 },
      { x: 40, y: 665, text: '三、本年度办理结果', size: 10, vertical: true },
      ...['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理'].flatMap((l, k) => row(660 - 20 * k, l, ['1', '0', '1'])),
    ]]));
    assert.deepEqual(lines(r), [
      '申请人情况', '商业企业', '科研机构', '总计',
      '三、本年度办理结果',
      '（一）予以公开 | 1 | 0 | 1 |',
      '（二）部分公开 | 1 | 0 | 1 |',
      '（三）不予公开 | 1 | 0 | 1 |',
      '（四）无法提供 | 1 | 0 | 1 |',
      '（五）不予处理 | 1 | 0 | 1 |',
    ]);
    const vertical = r.segments.find((s) => r.text.slice(s.textStart, s.textEnd) === '三、本年度办理结果');
    assert.ok(vertical && vertical.source.kind === 'pdf' && vertical.source.rect[3] - vertical.source.rect[1] > 50, 'a tall rectangle');
  });
});

describe('PDF reader: turned pages', () => {
  it('reads a landscape table set on a turned page, and maps its cells to the page as it is', async () => {
    const landscape = [...row(500, '行政许可', ['550']), ...row(480, '行政处罚', ['4119']), { x: 60, y: 40, text: '- 3 -', size: 10 }];
    const r = await read(makePdf([turnedPage(landscape)]));
    assert.deepEqual(lines(r), ['行政许可 | 550 |', '行政处罚 | 4119 |']);
    const seg = r.segments.find((s) => r.text.slice(s.textStart, s.textEnd) === '550')!;
    assert.ok(seg.source.kind === 'pdf');
    const [x0, y0, x1, y1] = seg.source.rect;
    // The value stands at x ≈ 300 on the landscape page, that is y ≈ 300 up the portrait page, near x = 595 − 500.
    assert.ok(x0 < PAGE_WIDTH - 500 && x1 > PAGE_WIDTH - 500 && y0 < 300 && y1 > 300, `rect ${seg.source.rect.join(',')}`);
  });
});

describe('PDF reader: refusals and limits', () => {
  it('reads the same text when its worker was started ahead', async () => {
    const bytes = makePdf([[{ x: 60, y: 700, text: '全年公开信息12条。', size: 12 }]]);
    preparePdfReader();
    assert.deepEqual(lines(await read(bytes)), ['全年公开信息12条。']);
  });

  it('refuses a file that is not a PDF, or too large, with one problem', async () => {
    const notPdf = await read(new TextEncoder().encode('一、总体情况\n这不是 PDF'));
    assert.equal(notPdf.problems.length, 1);
    assert.match(notPdf.problems[0].en, /not a PDF/);
    const big = await readPdf(makePdf([[{ x: 60, y: 700, text: '正文' }]]), { ...DEFAULT_LIMITS, maxBytes: 100 });
    assert.equal(big.problems.length, 1);
    assert.match(big.problems[0].en, /too large/);
    assert.equal(big.text, '');
  });

  it('reads the first pages of a file with more pages than the limit, and says so', async () => {
    const pages = Array.from({ length: MAX_PAGES + 3 }, (_, k) => [{ x: 60, y: 700, text: `第${k + 1}段`, size: 12 }]);
    const r = await read(makePdf(pages));
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].en, new RegExp(`only the first ${MAX_PAGES}`));
    assert.equal(lines(r).length, MAX_PAGES);
  });

  it('gives one problem for a damaged file and leaves the caller\'s bytes as they were', async () => {
    const bytes = makePdf([[{ x: 60, y: 700, text: '正文' }]]);
    const cut = bytes.slice(0, 40);
    const copy = cut.slice();
    const r = await read(cut);
    assert.deepEqual(cut, copy);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].en, /damaged|not read/);
  });
});
