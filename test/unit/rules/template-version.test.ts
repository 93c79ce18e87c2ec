import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine';
import { CLEAN_2020, CLEAN_2021, findings, sample, textOf } from '../helpers';

describe('template-version', () => {
  it('is silent when the layout fits the report year', () => {
    assert.deepEqual(findings(CLEAN_2021(), 'template-version'), []);
    assert.deepEqual(findings(CLEAN_2020(), 'template-version'), []);
  });

  it('reports the 2019 layout in a 2021 report, once per table that differs between the years', () => {
    const text = sample('旧模板');
    const f = findings(text, 'template-version');
    assert.equal(checkText(text).model.reportYear, 2021);
    assert.equal(f.length, 2, 'table 二 and table 三; table 四 is the same in both years');
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '第二十条第（一）项');
  });

  it('reports the 2021 layout in a 2020 report', () => {
    const text = CLEAN_2021().replace('2021年政府信息公开工作年度报告', '2020年政府信息公开工作年度报告');
    const f = findings(text, 'template-version');
    assert.equal(f.length, 2);
    assert.deepEqual(f.map((x) => textOf(text, x.range)), ['第二十条第（一）项', '一、本年新收政府信息公开申请数量'], 'the first row of tables 二 and 三');
  });
});

describe('a forced template year', () => {
  it('is the model\'s template year; the tables are still read as written', () => {
    const model = checkText(CLEAN_2021(), { templateYear: 2019 }).model;
    assert.equal(model.templateYear, 2019);
    assert.equal(model.templateYearSource, 'override');
    assert.deepEqual(model.tables.filter((t) => t.id !== 4).map((t) => t.variantYear), [2021, 2021]);
  });

  it('makes template-version compare the tables with it, without a flood of table-shape findings', () => {
    const { findings } = checkText(CLEAN_2020(), { templateYear: 2021 });
    const f = findings.filter((x) => x.code === 'template-version');
    assert.equal(f.length, 2);
    assert.deepEqual(f.map((x) => textOf(CLEAN_2020(), x.range)), ['第二十条第（一）项', '一、本年新收政府信息公开申请数量'], 'the first row of tables 二 and 三');
    assert.deepEqual(findings.filter((x) => x.code === 'table-shape'), []);
    assert.deepEqual(checkText(sample('旧模板'), { templateYear: 2019 }).findings.filter((x) => x.code === 'template-version'), []);
  });
});
