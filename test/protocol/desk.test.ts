// The reviewer's desk over LSP: the summary page's data and the XLSX export come from the real server, over the
// reports it holds, with the same figures as the engine read and the R5 pairs between two years of one body.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { FIGURES, type PageData } from '../../server/src/desk/pageData';
import { EXPORT_TABLES, SUMMARY_DATA } from '../../server/src/protocol';
import { HAVE_SERVER, model, reports, SKIP_REPORTS } from './helpers';
import { LspClient, ROOT, uriOf } from './lsp';

const total = (text: string, row: string) =>
  model(text).tables.find((t) => t.id === 3)?.rows.find((r) => r.key === row && !r.group)?.cells.find((c) => c.columnKey === 'total')?.value ?? null;

describe('summary data and table export over LSP', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-lsp-'));
  const sample = path.join(ROOT, 'samples', '示例市民政局2021年政府信息公开工作年度报告.txt');
  const sampleText = readFileSync(sample, 'utf8');
  const nextYear = path.join(dir, '示例市民政局2022年政府信息公开工作年度报告.txt');

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    for (const r of reports()) await client.open(r.uri, r.text);
    await client.open(uriOf(sample), sampleText);
    await client.open(uriOf(nextYear), sampleText.replace(/2021年/g, '2022年'));
  });
  after(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  test('every open report, with its figures as the engine reads them and the R5 pair', async () => {
    const data = (await client.connection.sendRequest(SUMMARY_DATA, {})) as PageData;
    assert.equal(data.reports.length, reports().length + 2);
    assert.equal(data.lang, 'zh-cn');
    for (const r of reports()) {
      const page = data.reports.find((p) => p.file === r.file);
      assert.ok(page, r.name);
      assert.equal(page.figures[FIGURES.indexOf('received')], total(r.text, 'new'), r.name);
      assert.equal(page.figures[FIGURES.indexOf('handled')], total(r.text, 'total'), r.name);
    }
    const pair = data.pairs.find((p) => p.agency === '示例市民政局');
    assert.ok(pair && pair.fromYear === 2021 && pair.toYear === 2022, JSON.stringify(data.pairs));
    assert.equal(data.reports[pair.to].file, nextYear);
    assert.equal(pair.ok, false, 'the copy carries 2021’s own carried-over figures, not its carry-over');
    const r5 = data.reports[pair.to].findings.filter((f) => f[3] === 'carry-over-mismatch');
    assert.ok(r5.length > 0, 'the R5 findings are in the report’s findings');
  });

  test('export tables writes an XLSX with a row per report; a bad path is refused', async () => {
    const file = path.join(dir, 'tables.xlsx');
    const n = await client.connection.sendRequest(EXPORT_TABLES, { path: file });
    assert.equal(n, reports().length + 2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('表三')!;
    assert.equal(ws.rowCount, 2 + reports().length + 2);
    const keys = (ws.getRow(2).values as unknown[]).map(String);
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((x) => x.getCell(4).value === sample)!;
    assert.equal(row.getCell(keys.indexOf('t3.new.total')).value, total(sampleText, 'new'));
    await assert.rejects(client.connection.sendRequest(EXPORT_TABLES, { path: path.join(dir, 'x.txt') }));
  });
});
