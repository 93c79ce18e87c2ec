import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText } from '../../../server/src/engine';
import { CLEAN_2021, findings, replaceOnce, sample, textOf } from '../helpers';

describe('section-missing', () => {
  it('is silent when all six sections are there', () => assert.deepEqual(findings(CLEAN_2021(), 'section-missing'), []));

  it('reports a missing section at the next heading and offers to insert it', () => {
    const text = sample('旧模板');
    const f = findings(text, 'section-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].fixes[0].edits[0].newText, /^五、存在的主要问题及改进情况/);
    assert.equal(textOf(text, f[0].range), '六、其他需要报告的事项');
    const fixed = applyEdits(text, f[0].fixes[0].edits);
    assert.equal(findings(fixed, 'section-missing').length, 0);
    assert.deepEqual(checkText(fixed).model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
  });

  it('inserts an empty table of the template year with a missing table section', () => {
    const text = replaceOnce(CLEAN_2021(), '四、政府信息公开行政复议、行政诉讼情况', '（表格略）');
    const f = findings(text, 'section-missing');
    assert.equal(f.length, 1);
    assert.match(f[0].fixes[0].edits[0].newText, /^\n?四、政府信息公开行政复议、行政诉讼情况/);
    const fixed = applyEdits(text, f[0].fixes[0].edits);
    const model = checkText(fixed).model;
    assert.ok(model.sections.some((s) => s.id === 4));
    assert.equal(model.tables.filter((t) => t.id === 4).length, 1);
  });
});
