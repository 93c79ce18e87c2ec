// govreport export: every figure the engine read comes out unchanged in XLSX (read back with exceljs), CSV and
// JSON, under its column; unread cells stay empty and are marked; a cell with a finding keeps its written value.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { checkText, type ReportModel } from '../../server/src/engine';
import { decode } from '../../server/src/cli/encoding';
import { writeExport, type ExportFormat } from '../../server/src/desk/export';
import { deskMain } from '../../server/src/desk/cli';
import { deskRun } from '../../server/src/desk/run';
import { CLEAN_2021, SAMPLES, setCell, SHARED_REPORTS, SKIP_SHARED } from './helpers';

type Cells = Map<string, number | null>;

/** What the engine read, keyed the way the export documents its keys (table 二 by template year). */
function engineCells(model: ReportModel): Cells {
  const out: Cells = new Map();
  const seenTables = new Set<number>();
  for (const t of model.tables) {
    if (seenTables.has(t.id)) continue;
    seenTables.add(t.id);
    for (const row of t.rows) {
      if (row.group) continue;
      for (const c of row.cells) {
        const key = `t${t.id}${t.id === 2 ? `.${t.variantYear}` : ''}.${row.key}.${c.columnKey}`;
        if (!out.has(key)) out.set(key, c.value);
      }
    }
  }
  return out;
}

const modelOf = (file: string): ReportModel => checkText(decode(readFileSync(file)).text).model;

async function exportTo(dir: string, inputs: string[], format: ExportFormat): Promise<string> {
  const out = path.join(dir, `out.${format}`);
  const { spool } = await deskRun({ paths: inputs, locale: 'zh-cn', maxFileSize: 20 << 20, jobs: 1 });
  try { await writeExport(out, format, () => spool.records()); } finally { spool.dispose(); }
  return out;
}

/** A small CSV reader for the export's own quoting (fields with comma, quote or line break are quoted). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  return rows;
}

/** Rows of an exported table as file → key → value (read back through the key row). */
async function xlsxCells(file: string): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Map<string, unknown>>();
  for (const name of ['表二', '表三', '表四']) {
    const ws = wb.getWorksheet(name)!;
    const keys = (ws.getRow(2).values as unknown[]).map(String);
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const file = String(row.getCell(4).value);
      const cells = out.get(file) ?? new Map<string, unknown>();
      keys.forEach((k, col) => { if (/^t[234]\./.test(k)) cells.set(k, row.getCell(col).value); });
      out.set(file, cells);
    });
  }
  return out;
}

function assertSame(file: string, expected: Cells, got: (key: string) => unknown, keys: Set<string>): void {
  for (const [key, value] of expected) {
    assert.ok(keys.has(key), `${file}: no column for ${key}`);
    const v = got(key);
    if (value === null) assert.ok(v === null || v === undefined || v === '', `${file} ${key}: unread cell exported as ${String(v)}`);
    else assert.equal(v, value, `${file} ${key}`);
  }
}

describe('desk export', { skip: SKIP_SHARED }, () => {
  let dir = '';
  const inputs = () => [...readdirSync(SHARED_REPORTS).map((f) => path.join(SHARED_REPORTS, f)), ...readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLES, f))];
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'desk-export-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('XLSX: every cell of the shared reports and samples, read back with exceljs, equals what the engine read', async () => {
    const files = inputs();
    const book = await xlsxCells(await exportTo(dir, files, 'xlsx'));
    assert.equal(book.size, files.length);
    for (const file of files) {
      const cells = book.get(file)!;
      const expected = engineCells(modelOf(file));
      assert.ok([...expected.values()].filter((v) => v !== null).length > 100, `${file}: too few cells read`);
      assertSame(file, expected, (k) => cells.get(k), new Set(cells.keys()));
      for (const [k, v] of cells) if (!expected.has(k)) assert.ok(v === null || v === undefined, `${file} ${k}: a value where the report has no cell`);
    }
  });

  it('CSV: UTF-8 with BOM, a header and a key line, the same values', async () => {
    const files = inputs();
    const text = readFileSync(await exportTo(dir, files, 'csv'), 'utf8');
    assert.ok(text.startsWith('\ufeff机关,'));
    const [headers, keys, ...rows] = parseCsv(text.slice(1));
    assert.equal(headers.length, keys.length);
    assert.ok(headers.includes('表三›（七）总计›自然人'));
    assert.equal(rows.length, files.length);
    for (const row of rows) {
      const file = row[keys.indexOf('file')];
      const got = (k: string) => { const v = row[keys.indexOf(k)]; return v === '' ? null : Number(v); };
      assertSame(file, engineCells(modelOf(file)), got, new Set(keys));
    }
  });

  it('JSON: the same keys and values, cells of the other template year null', async () => {
    const files = inputs();
    const doc = JSON.parse(readFileSync(await exportTo(dir, files, 'json'), 'utf8')) as { columns: { key: string }[]; reports: { file: string; templateYear: number; cells: Record<string, number | null> }[] };
    assert.equal(doc.reports.length, files.length);
    assert.ok(doc.reports.some((r) => r.templateYear === 2019) && doc.reports.some((r) => r.templateYear === 2021));
    for (const r of doc.reports) {
      assert.deepEqual(Object.keys(r.cells), doc.columns.map((c) => c.key));
      assertSame(r.file, engineCells(modelOf(r.file)), (k) => r.cells[k], new Set(Object.keys(r.cells)));
      if (r.templateYear === 2021) assert.equal(r.cells['t3.other.total'], null);
    }
  });

  it('a cell with a finding keeps its written value; an unread cell is empty, marked, and never 0', async () => {
    const wrong = setCell(CLEAN_2021(), 3, 'total', 'natural', '999');
    const unread = setCell(wrong.text, 3, 'open', 'business', '若干');
    const file = path.join(dir, '示例市民政局2021年政府信息公开工作年度报告.txt');
    writeFileSync(file, unread.text);
    const { findings } = checkText(unread.text);
    assert.ok(findings.some((f) => f.range.start.line === wrong.range.start.line && f.severity === 'error'), 'the changed total has a finding');

    const xlsx = await exportTo(dir, [file], 'xlsx');
    const cells = (await xlsxCells(xlsx)).get(file)!;
    assert.equal(cells.get('t3.total.natural'), 999);
    assert.equal(cells.get('t3.open.business') ?? null, null);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('表三')!;
    const col = (ws.getRow(2).values as unknown[]).indexOf('t3.open.business');
    const cell = ws.getRow(3).getCell(col);
    assert.match(String(typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note)), /若干/);
    assert.equal((cell.fill as ExcelJS.FillPattern).pattern, 'solid');
    assert.match(String(wb.getWorksheet('报告')!.getRow(3).getCell(9).value), /t3\.open\.business/);

    const json = JSON.parse(readFileSync(await exportTo(dir, [file], 'json'), 'utf8'));
    assert.equal(json.reports[0].cells['t3.total.natural'], 999);
    assert.equal(json.reports[0].cells['t3.open.business'], null);
    assert.ok(json.reports[0].unread.includes('t3.open.business'));
    assert.equal(json.reports[0].written['t3.open.business'], '若干');
  });

  it('CSV: a title that Excel would run as a formula is written as text', async () => {
    const file = path.join(dir, 'formula.txt');
    writeFileSync(file, CLEAN_2021().replace('示例市民政局', '=HYPERLINK("x","示例")局'));
    const [, , row] = parseCsv(readFileSync(await exportTo(dir, [file], 'csv'), 'utf8').slice(1));
    assert.equal(row[0], `'=HYPERLINK("x","示例")局`);
  });

  it('R5 findings between two years of one body are in the later report’s findings and counts', async () => {
    const a = path.join(dir, '示例市民政局2021年政府信息公开工作年度报告.txt');
    const b = path.join(dir, '示例市民政局2022年政府信息公开工作年度报告.txt');
    writeFileSync(a, CLEAN_2021());
    writeFileSync(b, CLEAN_2021().replace(/2021年/g, '2022年'));
    const json = JSON.parse(readFileSync(await exportTo(dir, [a, b], 'json'), 'utf8'));
    const [first, second] = json.reports as { file: string; warnings: number; findings: { code: string; severity: string }[] }[];
    assert.deepEqual([first.file, second.file], [a, b]);
    assert.equal(first.findings.filter((f) => f.code === 'carry-over-mismatch').length, 0);
    const r5 = second.findings.filter((f) => f.code === 'carry-over-mismatch');
    assert.ok(r5.length > 0);
    assert.equal(second.warnings, second.findings.filter((f) => f.severity === 'warning').length);
  });

  it('an output that cannot be written is exit code 2 before any report is checked, for every format', async () => {
    const missing = path.join(dir, 'no-such-folder');
    for (const [command, name] of [['export', 'x.xlsx'], ['export', 'x.csv'], ['export', 'x.json'], ['summary', 'x.html']]) {
      assert.equal(await deskMain(command, [SAMPLES, '-o', path.join(missing, name)]), 2, name);
    }
    assert.equal(await deskMain('export', [SAMPLES, '-o', path.join(dir, 'x.txt')]), 2, 'an unknown extension');
    assert.equal(await deskMain('export', [SAMPLES]), 2, 'no output');
  });

  it('an unreadable input is a row with its finding, not a failure', async () => {
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    const json = JSON.parse(readFileSync(await exportTo(dir, [bad], 'json'), 'utf8'));
    assert.equal(json.reports.length, 1);
    assert.ok(json.reports[0].findings.length >= 1);
  });
});
