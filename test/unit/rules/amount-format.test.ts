import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2021, findings, setCell, SKIP_SHARED, sharedReport, textOf } from '../helpers';

describe('amount-format', () => {
  it('is silent on a clean report', () => assert.deepEqual(findings(CLEAN_2021(), 'amount-format'), []));

  it('reports a unit inside an amount cell and fixes it to the bare number', () => {
    const { text, range } = setCell(CLEAN_2021(), 2, 'item8.r1', 'c1', '12.35万元');
    const f = findings(text, 'amount-format');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].range, range);
    assert.equal(f[0].fixes[0].edits[0].newText, '12.35');
  });

  it('converts 元 to 万元', () => {
    const { text } = setCell(CLEAN_2021(), 2, 'item8.r1', 'c1', '123500元');
    const f = findings(text, 'amount-format');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].edits[0].newText, '12.35');
  });

  it('asks for four decimals under the Beijing header 保留四位小数', { skip: SKIP_SHARED }, () => {
    const { text, range } = setCell(sharedReport('003'), 2, 'item9.r1', 'c2', '190.49');
    const f = findings(text, 'amount-format');
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].range, range);
    assert.equal(textOf(text, f[0].range), '190.49');
    assert.equal(f[0].fixes[0].edits[0].newText, '190.4900');
  });
});
