import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { CLEAN_2021, findings, replaceOnce, textOf } from '../helpers';

describe('row-label', () => {
  it('is silent on template labels, whatever the width of the punctuation', () => {
    assert.deepEqual(findings(CLEAN_2021(), 'row-label'), []);
    const halfWidth = replaceOnce(CLEAN_2021(), '（一）予以公开', '(一)予以公开');
    assert.deepEqual(findings(halfWidth, 'row-label'), []);
  });

  for (const [template, written] of [
    ['3.危及“三安全一稳定”', '3.危机“三安全一稳定”'],
    ['7.属于行政执法案卷', '7.属于行政法案卷'],
    ['二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开数量'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'],
  ]) {
    it(`reports “${written}” and replaces it with the template label`, () => {
      const text = replaceOnce(CLEAN_2021(), template, written);
      const f = findings(text, 'row-label');
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'warning');
      assert.equal(textOf(text, f[0].range), written);
      assert.deepEqual(f[0].fixes[0].edits.map((e) => e.newText), [template]);
      assert.equal(applyEdits(text, f[0].fixes[0].edits), CLEAN_2021());
    });
  }
});
