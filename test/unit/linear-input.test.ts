// Parsing stays linear on hostile lines, in the prose and inside a table: no pattern that backtracks
// quadratically or worse. The limits are generous (a slow machine passes); a catastrophic pattern takes minutes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { CLEAN_2021 } from './helpers';

const N = 100_000;
const LINES: [string, string][] = [
  ['100,000 digits', '1'.repeat(N)],
  ['100,000 full-width spaces', '\u3000'.repeat(N)],
  ['100,000 full-width spaces, then text', `${'\u3000'.repeat(N)}x`],
  ['spaces, text, spaces, text', `${' '.repeat(N)}x${' '.repeat(N)}y`],
  ['100,000 dashes, then text (markdown rule test)', `${'-'.repeat(N)}x`],
  ['unclosed bookmarks', '[bookmark:'.repeat(N / 10)],
  ['unclosed table tags', '<td'.repeat(N / 3)],
  ['a line of colons and full stops after text', `x${'：。'.repeat(N / 2)}y`],
];

function insertAfter(text: string, heading: string, line: string): string {
  const at = text.indexOf('\n', text.indexOf(heading));
  return `${text.slice(0, at + 1)}${line}\n${text.slice(at + 1)}`;
}

describe('linear parsing on hostile lines', () => {
  const report = CLEAN_2021();
  for (const [name, line] of LINES) {
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况']) {
      it(`${name}, in ${heading.slice(0, 2)}`, () => {
        const text = insertAfter(report, heading, line);
        const started = Date.now();
        const { findings } = checkText(text);
        const elapsed = Date.now() - started;
        assert.ok(elapsed < 10_000, `${elapsed} ms`);
        assert.ok(findings.length < 1000, `${findings.length} findings`);
      });
    }
  }
});
