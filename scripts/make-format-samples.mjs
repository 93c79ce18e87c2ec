// Builds the web page, Word and PDF samples in samples/ from three of the text samples, with the test suite's
// fixture builders (official-template tables with merged cells; a government site's page around the article; a
// PDF laid out page by page in a CJK font the file does not embed, as many published reports do). Run after
// `tsc -p .`: node scripts/make-format-samples.mjs. Each carries one fault, to show where findings are placed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = new URL('..', import.meta.url).pathname;
const { documentOf, toDocx, toHtml } = require(join(ROOT, 'out/test/unit/formatFixtures.js'));
const { setCell } = require(join(ROOT, 'out/test/unit/helpers.js'));
const { layoutReport, makePdf } = require(join(ROOT, 'out/test/unit/pdf-fixtures.js'));

const sample = (name) => readFileSync(join(ROOT, 'samples', `${name}.txt`), 'utf8');

// The page: 行政事业性收费 written with its unit in the cell (amount-format, fixable with --fix).
const pageName = '示例市民政局2021年政府信息公开工作年度报告';
const page = setCell(sample(pageName), 2, 'item8.r1', 'c1', '12.35万元').text;
writeFileSync(join(ROOT, 'samples', `${pageName}（网页）.html`), toHtml(documentOf(page), pageName));

// The Word document: the 行政复议 总计 one more than its cases add up to (review-total, at its cell in 表3).
const wordName = '示例县人民政府2020年政府信息公开工作年度报告';
const text = sample(wordName);
writeFileSync(join(ROOT, 'samples', `${wordName}（Word）.docx`), toDocx(documentOf(reviewTotalOff(text))));

// The PDF: 表三's 予以公开 × 自然人 one more than the sample says, so the 自然人 column no longer adds up to its
// （七）总计 (column-total) nor the row to its 总计 (row-total), on the page where the table stands.
const pdfName = '示例区市场监督管理局2021年政府信息公开工作年度报告';
const gbk = new TextDecoder('gbk').decode(readFileSync(join(ROOT, 'samples', `${pdfName}（GBK编码）.txt`)));
writeFileSync(join(ROOT, 'samples', `${pdfName}（PDF）.pdf`), makePdf(layoutReport(cellPlusOne(gbk, 3, 'open', 'natural'), { header: pdfName })));

function cellPlusOne(t, table, row, column) {
  const { parseReport } = require(join(ROOT, 'out/server/src/engine/index.js'));
  const cell = parseReport(t).tables.find((x) => x.id === table).rows.find((r) => r.key === row).cells.find((c) => c.columnKey === column);
  return setCell(t, table, row, column, String(cell.value + 1)).text;
}

function reviewTotalOff(t) {
  const { parseReport } = require(join(ROOT, 'out/server/src/engine/index.js'));
  const cell = parseReport(t).tables.find((x) => x.id === 4).rows[0].cells.find((c) => c.columnKey === 'review.total');
  return setCell(t, 4, 'cases', 'review.total', String(cell.value + 1)).text;
}
