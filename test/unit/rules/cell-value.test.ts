import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2020, CLEAN_2021, findings, setCell, textOf } from '../helpers';

describe('cell-value', () => {
  it('is silent on a clean report', () => assert.deepEqual(findings(CLEAN_2021(), 'cell-value'), []));

  const cases: [string, string | null][] = [['3件', '3'], ['３', '3'], ['十', '10'], ['-1', null], ['1.5', null], ['x', null]];
  for (const [written, fixed] of cases) {
    it(`reports “${written}” in a count cell${fixed ? ` and fixes it to ${fixed}` : ''}`, () => {
      const { text, range } = setCell(CLEAN_2021(), 3, 'deny4', 'natural', written);
      const f = findings(text, 'cell-value');
      assert.equal(f.length, 1, JSON.stringify(findings(text).map((x) => x.code)));
      assert.equal(f[0].severity, 'error');
      assert.deepEqual(f[0].range, range);
      assert.equal(textOf(text, f[0].range), written);
      assert.deepEqual(f[0].fixes.map((x) => x.edits[0].newText), fixed ? [fixed] : []);
    });
  }

  it('accepts signed figures in 本年增/减 and reports a sign in a count column', () => {
    const text = CLEAN_2020(); // its 本年增/减 column holds +3, -2, +12, -1
    assert.match(text, /\| \+3 \|/);
    assert.deepEqual(findings(text, 'cell-value'), []);
    const { text: t2 } = setCell(text, 3, 'open', 'business', '+1');
    const f = findings(t2, 'cell-value');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].edits[0].newText, '1');
  });
});
