// Next year's report: on the five shared reports and the samples the new file is next year's template with the
// carried-over row equal to the old carry-forward row; filled with figures that keep R1–R4, it gives no finding.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, nextYearReport, parseReport, type ReportModel, type TableModel } from '../../server/src/engine';
import { decode } from '../../server/src/cli/encoding';
import { SAMPLES, SHARED_REPORTS, hasSharedReports } from './helpers';

const files = [
  ...(hasSharedReports ? fs.readdirSync(SHARED_REPORTS).map((f) => path.join(SHARED_REPORTS, f)) : []),
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLES, f)),
];
const read = (file: string) => decode(fs.readFileSync(file)).text;
const rowOf = (m: ReportModel, key: string) => m.tables.find((t) => t.id === 3)?.rows.find((r) => r.key === key);
const figures = (m: ReportModel, key: string) => Object.fromEntries((rowOf(m, key)?.cells ?? []).map((c) => [c.columnKey, c.value]));

/** Figures for every cell of a table that keep its relations: new k, all processed as 予以公开, nothing carried on. */
function fillTable(table: TableModel, carried: Record<string, number>): Map<number, string> {
  const edits = new Map<number, string>();
  const set = (start: number, value: number) => edits.set(start, String(value));
  const applicants = ['natural', 'business', 'research', 'charity', 'legal', 'other'];
  const fresh = (col: string) => applicants.indexOf(col) + 1;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const col = cell.columnKey;
      if (table.id === 2) set(cell.span.start, cell.columnPath.at(-1)!.includes('万元') ? 3 : 2);
      else if (table.id === 4) set(cell.span.start, col.endsWith('.upheld') || col.endsWith('.total') ? 1 : 0);
      else {
        const applicantsSum = (f: (c: string) => number) => applicants.reduce((s, c) => s + f(c), 0);
        const per = (c: string): number =>
          row.key === 'new' ? fresh(c) : row.key === 'carried' ? carried[c] ?? 0 : row.key === 'open' || row.key === 'total' ? fresh(c) + (carried[c] ?? 0) : 0;
        set(cell.span.start, col === 'total' ? applicantsSum(per) : per(col));
      }
    }
  }
  return edits;
}

/** The text with every table cell replaced by figures consistent with the relations. */
function fill(text: string, carried: Record<string, number>): string {
  const model = parseReport(text);
  const spans = model.tables.flatMap((t) => {
    const values = fillTable(t, carried);
    return t.rows.flatMap((r) => r.cells.map((c) => ({ span: c.span, value: values.get(c.span.start)! })));
  }).sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const { span, value } of spans) out = out.slice(0, span.start) + value + out.slice(span.end);
  return out.replace(/（请填写：其他需要报告的事项[^）]*）/, '本年度未收取信息处理费。');
}

describe('next year\'s report', () => {
  for (const file of files) {
    const name = path.basename(file);
    it(`${name}: next year's template, carried over = carried forward, no false finding once filled`, () => {
      const old = parseReport(read(file));
      const result = nextYearReport(read(file));
      assert.ok(result.ok);
      const { text, year, templateYear } = result.report;
      assert.equal(year, old.reportYear! + 1);
      const next = parseReport(text);
      assert.equal(next.reportYear, year);
      assert.equal(next.templateYear, templateYear);
      assert.equal(templateYear, year >= 2021 ? 2021 : 2019);
      assert.equal(next.agency, old.agency ?? '（机关名称）');
      assert.deepEqual(next.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
      for (const t of next.tables) assert.deepEqual([t.unread, t.missingRows, t.variantYear], [[], [], templateYear], `table ${t.id}`);
      assert.deepEqual(figures(next, 'carried'), figures(old, 'carryOver'));
      // Before it is filled, the only errors are R1 where something was carried over (the year's figures to fill),
      // and R3 on the carried-over row when this year's carry-forward row did not add up either.
      const oldR3 = checkText(read(file)).findings.some((f) => f.code === 'row-total' && f.message.zh.startsWith('四、结转下年度继续办理'));
      const errors = checkText(text).findings.filter((f) => f.severity === 'error');
      assert.ok(errors.every((f) => f.code === 'balance' || (oldR3 && f.code === 'row-total')), errors.map((f) => f.message.zh).join());
      const carried = result.report.carried;
      const filled = checkText(fill(text, carried)).findings;
      assert.deepEqual(filled.map((f) => `${f.code}: ${f.message.zh}`), []);
    });
  }

  it('keeps the sub-headings of the prose sections and says what each section must contain', () => {
    const text = '示例局2023年政府信息公开工作年度报告\n\n一、总体情况\n（一）主动公开\n今年公开了很多。\n（二）依申请公开\n收到3件。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n';
    const r = nextYearReport(text);
    assert.ok(r.ok);
    const out = r.report.text;
    assert.match(out, /^示例局2024年政府信息公开工作年度报告\n/);
    assert.match(out, /统计期限自2024年1月1日起至2024年12月31日止/);
    assert.match(out, /一、总体情况\n（请填写：本年度政府信息公开工作的总体情况/);
    assert.match(out, /（一）主动公开\n（请填写：本小节内容。）/);
    assert.doesNotMatch(out, /今年公开了很多|收到3件/);
    assert.match(out, /（请填写：[^）]*本年度收取信息处理费的情况在此处报告。）/);
    // No carry-forward row was read: the carried-over row is 0 and a note says so.
    assert.equal(r.report.notes.length, 1);
  });

  it('keeps CRLF line ends', () => {
    const r = nextYearReport('示例局2023年政府信息公开工作年度报告\r\n一、总体情况\r\n二、主动公开政府信息情况\r\n三、收到和处理政府信息公开申请情况\r\n');
    assert.ok(r.ok);
    assert.ok(!/[^\r]\n/.test(r.report.text));
  });

  it('refuses what is not a report, or a report without a year, with a message', () => {
    const a = nextYearReport('hello');
    assert.ok(!a.ok && /不像/.test(a.error.zh));
    const b = nextYearReport('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n');
    assert.ok(!b.ok && /年度/.test(b.error.zh));
  });
});
