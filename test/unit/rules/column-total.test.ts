import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { CLEAN_2020, CLEAN_2021, findings, setCell, textOf } from '../helpers';

describe('column-total (R2)', () => {
  it('is silent on clean reports of both years', () => {
    assert.deepEqual(findings(CLEAN_2021(), 'column-total'), []);
    assert.deepEqual(findings(CLEAN_2020(), 'column-total'), []);
  });

  it('reports a （七）总计 that is not the sum of the outcome rows', () => {
    const { text, range } = setCell(CLEAN_2021(), 3, 'total', 'natural', '30');
    const f = findings(text, 'column-total');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(f[0].range, range);
    assert.deepEqual(f[0].related.slice(0, 2).map((r) => textOf(text, r.range)), ['12', '6'], '（一） and （二） first');
    assert.equal(f[0].fixes[0].edits[0].newText, '31');
    assert.ok(f[0].related.length >= 20, 'every outcome row is related');
    assert.equal(findings(applyEdits(text, f[0].fixes[0].edits), 'column-total').length, 0);
  });

  it('counts the single （六）其他处理 row of the 2019 template', () => {
    const { text } = setCell(CLEAN_2020(), 3, 'other', 'natural', '5');
    const f = findings(text, 'column-total');
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '31');
    assert.equal(f[0].fixes[0].edits[0].newText, '35');
  });
});
