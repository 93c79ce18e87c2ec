import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyKey, crossReportFindings, offsetAt, parseReport, type Range } from '../../../server/src/engine';
import { textOf } from '../helpers';
import { buildReport, ruleFindings } from '../prose-helpers';

const lastYear = (carryOver: number, agency = '示例区测试局') => buildReport({
  year: 2019, reportYear: 2020, agency,
  applications: { 'new.natural': 5, new: 5, 'open.natural': 3, open: 3, 'total.natural': 3, total: 3, 'carryOver.natural': carryOver, carryOver },
});
const thisYear = (carried: number, agency = '示例区测试局', reportYear = 2021) => buildReport({
  year: 2021, reportYear, agency,
  applications: { 'new.natural': 4, new: 4, 'carried.natural': carried, carried, 'open.natural': 4 + carried, open: 4 + carried, 'total.natural': 4 + carried, total: 4 + carried },
});
const workspace = (...texts: [string, string][]) => texts.map(([id, text]) => ({ id, model: parseReport(text) }));

describe('carry-over-mismatch (R5, across reports)', () => {
  it('this year’s 上年结转 ≠ last year’s 结转下年度: a finding per column on this year’s cell, related to the other report', () => {
    const prev = lastYear(2);
    const cur = thisYear(3);
    const out = crossReportFindings(workspace(['a/2020.txt', prev], ['a/2021.txt', cur]));
    assert.deepEqual([...out.keys()], ['a/2021.txt']);
    const f = out.get('a/2021.txt')!;
    assert.equal(f.length, 2);
    for (const x of f) {
      assert.equal(x.code, 'carry-over-mismatch');
      assert.equal(x.severity, 'warning');
      assert.equal(textOf(cur, x.range), '3');
      assert.equal(x.related.length, 1);
      assert.equal(x.related[0].file, 'a/2020.txt');
      assert.equal(textOf(prev, x.related[0].range), '2');
    }
    // 自然人 and 总计, each related to the same column of last year's 结转下年度.
    const model = parseReport(cur);
    const carried = model.tables.find((t) => t.id === 3)!.rows.find((r) => r.key === 'carried')!;
    const at = (range: Range) => offsetAt(model.lineStarts, cur.length, range.start);
    assert.deepEqual(f.map((x) => carried.cells.find((c) => c.span.start === at(x.range))?.columnKey), ['natural', 'total']);
  });

  it('is silent when they agree, for other bodies and for years that are not consecutive', () => {
    assert.equal(crossReportFindings(workspace(['p', lastYear(2)], ['c', thisYear(2)])).size, 0);
    assert.equal(crossReportFindings(workspace(['p', lastYear(2, '示例区另一局')], ['c', thisYear(3)])).size, 0);
    assert.equal(crossReportFindings(workspace(['p', lastYear(2)], ['c', thisYear(3, '示例区测试局', 2022)])).size, 0);
  });

  it('matches the body by its normalised name (spaces, full-width brackets)', () => {
    assert.equal(bodyKey(parseReport(lastYear(2, '示例区 测试局'))), bodyKey(parseReport(thisYear(3))));
    assert.equal(crossReportFindings(workspace(['p', lastYear(2, '示例区 测试局')], ['c', thisYear(3)])).get('c')?.length, 2);
  });

  it('follows the configured severity, and off turns it off', () => {
    const ws = workspace(['p', lastYear(2)], ['c', thisYear(3)]);
    assert.ok(crossReportFindings(ws, { rules: { 'carry-over-mismatch': 'error' } }).get('c')!.every((f) => f.severity === 'error'));
    assert.equal(crossReportFindings(ws, { rules: { 'carry-over-mismatch': 'off' } }).size, 0);
  });

  it('a single report on its own reports nothing (the rule compares reports only)', () => {
    assert.deepEqual(ruleFindings(thisYear(3), 'carry-over-mismatch'), []);
  });
});
