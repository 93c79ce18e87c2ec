import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/engine';

describe('not-a-report', () => {
  it('reports text that is not a report once, and nothing else', () => {
    for (const text of ['', 'hello world', '# Notes\n\n1. 总计 24\n2. 自然人 23\n', '会议纪要\n\n一、会议议题\n二、参会人员\n']) {
      const { findings, model } = checkText(text);
      assert.equal(model.isReport, false);
      assert.deepEqual(findings.map((f) => f.code), ['not-a-report']);
      assert.equal(findings[0].severity, 'warning');
    }
  });
});
