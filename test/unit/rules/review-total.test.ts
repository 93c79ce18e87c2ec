import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2021, findings, setCell, textOf } from '../helpers';

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
      assert.ok(f[0].message.zh.includes(name), f[0].message.zh);
      assert.match(f[0].message.zh, /：7 ≠ \d+ \+ \d+ \+ \d+ \+ \d+ = \d+$/);
      assert.equal(f[0].fixes[0].preferred, true);
    });
  }
});
