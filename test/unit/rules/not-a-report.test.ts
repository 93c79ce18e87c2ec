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

describe('a failing rule', () => {
  it('costs only its own findings, and says so', async () => {
    const { RULES } = await import('../../../server/src/engine');
    const rule = RULES.find((r) => r.code === 'row-label')!;
    const original = rule.check;
    rule.check = () => { throw new Error('boom'); };
    try {
      const { findings } = checkText('示例局2021年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n');
      assert.ok(findings.some((f) => f.code === 'check-failed' && f.message.zh.includes('row-label') && f.message.zh.includes('boom')));
      assert.ok(findings.some((f) => f.code === 'section-missing'));
    } finally {
      rule.check = original;
    }
  });
});
