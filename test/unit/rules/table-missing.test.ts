import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2021, findings, textOf } from '../helpers';

describe('table-missing', () => {
  it('is silent when the three tables are there', () => assert.deepEqual(findings(CLEAN_2021(), 'table-missing'), []));

  it('reports a table section without a table, on its heading', () => {
    const clean = CLEAN_2021();
    const start = clean.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const end = clean.indexOf('五、存在的主要问题及改进情况');
    const text = `${clean.slice(0, start)}四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n\n${clean.slice(end)}`;
    const f = findings(text, 'table-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(textOf(text, f[0].range), '四、政府信息公开行政复议、行政诉讼情况');
  });
});
