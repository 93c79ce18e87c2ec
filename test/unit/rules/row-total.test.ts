import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, plainFinding } from '../../../server/src/engine';
import { CLEAN_2021, findings, setCell, textOf } from '../helpers';

describe('row-total (R3)', () => {
  it('is silent on a clean report', () => assert.deepEqual(findings(CLEAN_2021(), 'row-total'), []));

  it('reports a 总计 that is not the sum of the six applicant columns, on the total cell', () => {
    const { text, range } = setCell(CLEAN_2021(), 3, 'new', 'total', '35');
    const [f, ...rest] = findings(text, 'row-total');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range);
    assert.equal(textOf(text, f.range), '35');
    // The six applicant columns (30 + 3 + 0 + 0 + 1 + 0 = 34) are related, and the fix writes their sum.
    assert.deepEqual(f.related.map((r) => textOf(text, r.range)), ['30', '3', '0', '0', '1', '0']);
    const fix = f.fixes[0];
    assert.equal(fix.preferred, true);
    assert.deepEqual(fix.edits, [{ range, newText: '34' }]);
    assert.equal(findings(applyEdits(text, fix.edits), 'row-total').length, 0);
  });
});

describe('findings as data', () => {
  // Related locations and fixes are built when first read (see CheckedFinding): copies must still carry them.
  const { text } = setCell(CLEAN_2021(), 3, 'new', 'total', '35');
  const [f] = findings(text, 'row-total');
  const plain = { code: f.code, severity: f.severity, message: f.message, range: f.range, related: f.related, fixes: f.fixes };

  it('keeps related locations and fixes in JSON', () => assert.deepEqual(JSON.parse(JSON.stringify(f)), JSON.parse(JSON.stringify(plain))));

  it('keeps them through plainFinding and a structured clone (a message to another thread)', () => {
    const copy = structuredClone(plainFinding(f));
    assert.equal(copy.related.length, 6);
    assert.deepEqual(copy, plain);
  });
});
