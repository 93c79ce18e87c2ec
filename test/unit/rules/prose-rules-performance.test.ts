// The prose rules stay linear on hostile input: one 5 MB line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, reportSkeleton } from '../../../server/src/engine';

const LINES: [string, string][] = [
  ['figures', '依申请公开方面，收到申请3件，已办结2件；“不属于本机关”的1件、行政复议0件。'],
  ['markers', '一是，三是，第一，第三，'],
  ['years', '统计期限自2020年1月1日至2020年12月31日，截至2020年底，2020年度报告。'],
  ['numerals', '一二三四五六七八九十件１２３４５件'],
  ['quotes', '“，《，收到'],
];

describe('prose rules on a 5 MB line', () => {
  for (const [name, unit] of LINES) {
    it(`${name}: finishes quickly with a bounded number of findings`, () => {
      const text = reportSkeleton(2021, 2021, '示例区测试局').replace('（文字描述）', unit.repeat(Math.ceil(5_000_000 / unit.length)));
      const started = Date.now();
      const { findings } = checkText(text);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 20_000, `${elapsed} ms`);
      assert.ok(findings.length <= 6000, `${findings.length} findings`);
    });
  }
});
