// The five published reports: sound arithmetic and structure (no error), and their real faults found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { SKIP_SHARED, sharedReport, textOf } from './helpers';

const SEEDS = ['000', '001', '002', '003', '004'];

describe('shared reports', { skip: SKIP_SHARED }, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: no error-severity finding, every table read whole`, () => {
      const text = sharedReport(seed);
      const { model, findings } = checkText(text);
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message.zh}`), []);
      assert.equal(model.sections.length, 6, 'six sections');
      assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(model.tables.map((t) => t.id), [2, 3, 4]);
      for (const t of model.tables) {
        assert.deepEqual(t.unread, [], `table ${t.id} read whole`);
        assert.deepEqual(t.missingRows, [], `table ${t.id} has every row`);
      }
    });
  }

  it('detects the template year: 2019 for seeds 000–003, 2021 for seed 004', () => {
    for (const seed of ['000', '001', '002', '003']) assert.equal(checkText(sharedReport(seed)).model.templateYear, 2019, seed);
    assert.equal(checkText(sharedReport('004')).model.templateYear, 2021);
  });

  it('reads the report year from the title or, without a title, the statistics period', () => {
    assert.deepEqual(SEEDS.map((s) => checkText(sharedReport(s)).model.reportYear), [2020, 2020, 2020, 2020, 2021]);
    const m1 = checkText(sharedReport('001')).model;
    assert.equal(m1.title, null);
    assert.equal(m1.reportYearSource, 'period');
    assert.equal(checkText(sharedReport('000')).model.agency, '北京市朝阳区小红门地区办事处');
  });

  it('seed 000: section-heading for 存在的主要问题及改进情况 without 五、', () => {
    const text = sharedReport('000');
    const f = checkText(text).findings.filter((x) => x.code === 'section-heading');
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '存在的主要问题及改进情况');
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].fixes[0].edits[0].newText, '五、存在的主要问题及改进情况');
  });

  it('seed 001: row-label for the misspelt labels, amount-format for 7004.69万元', () => {
    const text = sharedReport('001');
    const { findings } = checkText(text);
    const labels = findings.filter((f) => f.code === 'row-label').map((f) => textOf(text, f.range));
    for (const expected of ['3.危机“三安全一稳定”', '7.属于行政法案卷', '一、本年新收到政府信息公开申请数量', '二、上年结转政府信息公开数量']) {
      assert.ok(labels.includes(expected), `row-label on ${expected}; got ${labels.join(', ')}`);
    }
    const amount = findings.filter((f) => f.code === 'amount-format');
    assert.equal(amount.length, 1);
    assert.equal(textOf(text, amount[0].range), '7004.69万元');
    assert.equal(amount[0].fixes[0].edits[0].newText, '7004.69');
  });

  it('seed 002: section-heading for 1、 总体情况', () => {
    const text = sharedReport('002');
    const f = checkText(text).findings.filter((x) => x.code === 'section-heading');
    assert.deepEqual(f.map((x) => textOf(text, x.range)), ['1、 总体情况']);
  });

  it('seed 004: section-heading for the un-numbered headings, amount-format for 373.91万元', () => {
    const text = sharedReport('004');
    const { findings } = checkText(text);
    assert.deepEqual(findings.filter((x) => x.code === 'section-heading').map((x) => textOf(text, x.range)),
      ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况']);
    const amount = findings.filter((x) => x.code === 'amount-format');
    assert.deepEqual(amount.map((x) => textOf(text, x.range)), ['373.91万元']);
  });

  it('seed 004: a sub-heading （一）主动公开政府信息情况 inside section 一 is not section 二', () => {
    const model = checkText(sharedReport('004')).model;
    assert.equal(model.sections.find((s) => s.id === 2)?.heading.text, '主动公开政府信息情况');
  });

  it('reads the table figures of seed 004', () => {
    const model = checkText(sharedReport('004')).model;
    const t3 = model.tables.find((t) => t.id === 3)!;
    const row = (k: string) => t3.rows.find((r) => r.key === k)!.cells.map((c) => c.value);
    assert.deepEqual(row('new'), [17, 2, 0, 0, 0, 0, 19]);
    assert.deepEqual(row('total'), [16, 2, 0, 0, 0, 0, 18]);
    assert.deepEqual(row('carryOver'), [1, 0, 0, 0, 0, 0, 1]);
    const t4 = model.tables.find((t) => t.id === 4)!;
    assert.deepEqual(t4.rows[0].cells.map((c) => c.value), [1, 0, 1, 7, 9, 8, 8, 1, 7, 24, 1, 0, 0, 0, 1]);
  });
});
