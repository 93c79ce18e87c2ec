import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText } from '../../../server/src/engine';
import { CLEAN_2021, findings, replaceOnce, textOf } from '../helpers';

describe('section-heading', () => {
  it('is silent on standard headings', () => assert.deepEqual(findings(CLEAN_2021(), 'section-heading'), []));

  const variants: [string, string][] = [
    ['1、 总体情况', '一、总体情况'],
    ['总体情况', '一、总体情况'],
    ['（一）总体情况', '一、总体情况'],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况'],
    ['四、政府信息公开行政法复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况'],
    ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在的主要问题及改进情况'],
    ['二、 主动公开政府信息情况：', '二、主动公开政府信息情况'],
  ];
  for (const [written, standard] of variants) {
    it(`recognises “${written}” and offers “${standard}”`, () => {
      const text = replaceOnce(CLEAN_2021(), standard, written);
      const f = findings(text, 'section-heading');
      assert.equal(f.length, 1, f.map((x) => textOf(text, x.range)).join());
      assert.equal(f[0].severity, 'warning');
      assert.equal(textOf(text, f[0].range), written.replace(/[：\s]+$/, ''));
      assert.equal(f[0].fixes[0].edits[0].newText, standard);
      assert.equal(f[0].fixes[0].preferred, true);
      const fixed = applyEdits(text, f[0].fixes[0].edits);
      assert.equal(findings(fixed, 'section-heading').length, 0);
      assert.equal(checkText(fixed).model.sections.length, 6);
    });
  }

  it('does not take a section title quoted in prose for a heading', () => {
    const text = replaceOnce(CLEAN_2021(), '（一）主动公开\n', '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。\n（一）主动公开\n');
    assert.deepEqual(checkText(text).model.sections.map((s) => s.heading.text), checkText(CLEAN_2021()).model.sections.map((s) => s.heading.text));
  });
});
