import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_2021, findings, replaceOnce, textOf } from '../helpers';

describe('section-order', () => {
  it('is silent on a report in order', () => assert.deepEqual(findings(CLEAN_2021(), 'section-order'), []));

  it('reports a section placed after a later one', () => {
    const clean = CLEAN_2021();
    const five = clean.slice(clean.indexOf('五、存在的主要问题及改进情况'), clean.indexOf('六、其他需要报告的事项'));
    const moved = replaceOnce(clean.replace(five, ''), '', '');
    const text = `${moved.trimEnd()}\n\n${five}`;
    const f = findings(text, 'section-order');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '五、存在的主要问题及改进情况');
    assert.equal(textOf(text, f[0].related[0].range), '六、其他需要报告的事项');
  });

  it('reports a heading that appears twice', () => {
    const text = `${CLEAN_2021()}\n六、其他需要报告的事项\n无。\n`;
    const f = findings(text, 'section-order');
    assert.equal(f.length, 1);
    assert.equal(f[0].range.start.line, text.split('\n').length - 3, 'the second 六');
    assert.equal(textOf(text, f[0].related[0].range), '六、其他需要报告的事项');
    assert.ok(f[0].related[0].range.start.line < f[0].range.start.line, 'related to the first');
    assert.equal(f[0].related.length, 1);
  });
});
