import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2021, findings, setCell, textOf } from '../helpers';

describe('balance (R1)', () => {
  it('is silent on a clean report', () => assert.deepEqual(findings(CLEAN_2021(), 'balance'), []));

  it('reports 一 + 二 ≠ （七） + 四 on the 结转下年度 cell, with a fix that is not preferred', () => {
    const { text, range } = setCell(CLEAN_2021(), 3, 'carryOver', 'natural', '3');
    const f = findings(text, 'balance');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(f[0].range, range);
    // 一 (30) + 二 (2) − （七） (31) = 1: the three terms are related, the fix writes their result.
    assert.deepEqual(f[0].related.map((r) => textOf(text, r.range)), ['30', '2', '31']);
    assert.equal(f[0].fixes.length, 1);
    assert.equal(f[0].fixes[0].preferred, false);
    assert.equal(f[0].fixes[0].edits[0].newText, '1');
  });

  it('offers no fix when 一 + 二 − （七） is negative', () => {
    const { text } = setCell(CLEAN_2021(), 3, 'new', 'natural', '20');
    const f = findings(text, 'balance');
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].related.map((r) => textOf(text, r.range)), ['20', '2', '31']); // 20 + 2 − 31 = −9
    assert.deepEqual(f[0].fixes, []);
  });
});
