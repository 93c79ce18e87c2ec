import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeLineStarts, offsetAt, parseReport } from '../../../server/src/engine';
import { CLEAN_2021, cellSpan, findings, setCell, textOf } from '../helpers';

describe('review-total (R4)', () => {
  it('is silent on a clean report', () => assert.deepEqual(findings(CLEAN_2021(), 'review-total'), []));

  for (const [group, name] of [['review', '行政复议'], ['direct', '未经复议直接起诉'], ['after', '复议后起诉']] as const) {
    it(`reports a ${name} 总计 that is not 维持 + 纠正 + 其他 + 尚未审结`, () => {
      const { text, range } = setCell(CLEAN_2021(), 4, 'cases', `${group}.total`, '7');
      const f = findings(text, 'review-total');
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'error');
      assert.deepEqual(f[0].range, range);
      assert.equal(textOf(text, f[0].range), '7');
      // The four outcomes of the same group are related, and the fix writes their sum.
      const outcomes = ['upheld', 'corrected', 'otherResult', 'pending'].map((k) => cellSpan(parseReport(text), 4, 'cases', `${group}.${k}`).start);
      assert.deepEqual(f[0].related.map((r) => offsetAt(computeLineStarts(text), text.length, r.range.start)), outcomes);
      const sum = f[0].related.reduce((n, r) => n + Number(textOf(text, r.range)), 0);
      assert.equal(f[0].fixes[0].preferred, true);
      assert.equal(f[0].fixes[0].edits[0].newText, String(sum));
    });
  }
});
