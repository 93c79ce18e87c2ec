import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKIP_SHARED, replaceOnce, sharedReport, textOf } from '../helpers';
import { buildReport, ruleFindings } from '../prose-helpers';
import { checkText, computeLineStarts, offsetAt, type Range } from '../../../server/src/engine';

const CODE = 'year-mismatch';
const offsetOf = (text: string, range: Range) => offsetAt(computeLineStarts(text), text.length, range.start);
const PERIOD_2021 = '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。';

describe('year-mismatch', () => {
  it('is silent when the title, the period and the prose agree', () => {
    const text = buildReport({ prose: '截至2021年底，本机关共收到申请3件。现向社会公布本机关2021年度政府信息公开工作年度报告。' });
    assert.deepEqual(ruleFindings(text, CODE), []);
  });

  it('a 2021 report with 统计期限自2020年1月1日…至2020年12月31日: a warning on each year of the period', () => {
    const text = replaceOnce(buildReport(), PERIOD_2021, '本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。');
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 2);
    for (const x of f) {
      assert.equal(x.severity, 'warning');
      assert.equal(textOf(text, x.range), '2020');
      assert.equal(textOf(text, x.related[0].range), '2021');
      assert.equal(x.related[0].range.start.line, 0, 'the reference: the title’s year');
    }
    assert.deepEqual(f.map((x) => offsetOf(text, x.range)), [text.indexOf('自2020年') + 1, text.indexOf('至2020年') + 1], 'the start, then the end');
  });

  it('the period across a line break with the end year left out (seed 000’s shape) is read', () => {
    const text = replaceOnce(buildReport(), PERIOD_2021, '本报告所列数据的统计期限,自2020年1月1日起至\n\n12月31日止。');
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '2020');
  });

  it('a period given as a whole year (统计期限为2020年度) in a 2021 report', () => {
    const text = replaceOnce(buildReport(), PERIOD_2021, '本报告所列数据统计期限为2020年度。');
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '2020');
  });

  it('without a title, a period that ends in another year', () => {
    let text = buildReport();
    text = text.slice(text.indexOf('\n') + 1);
    text = replaceOnce(text, PERIOD_2021, '本报告所列数据的统计期限从2021年1月1日到2022年12月31日止。');
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '2022');
    assert.equal(offsetOf(text, f[0].related[0].range), text.indexOf('从2021年') + 1, 'the reference: the period’s start');
  });

  it('the prose naming this report with another year, and 截至…年底 of another year', () => {
    const text = buildReport({ prose: '截至2020年底，本机关共收到申请3件。现向社会公布本机关2020年度政府信息公开工作年度报告。' });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 2);
    assert.ok(f.every((x) => x.severity === 'warning' && textOf(text, x.range) === '2020'));
    assert.deepEqual(f.map((x) => offsetOf(text, x.range)), [text.indexOf('截至2020年底') + 2, text.indexOf('本机关2020年度') + 3]);
  });

  it('legitimately other years are not faults: last year’s figures, a 2019 规划, last year’s report, plans for next year', () => {
    const text = buildReport({
      prose: [
        '2020年收到申请5件，2021年收到申请3件。',
        '落实《2019—2023年政务公开规划》和2019年规划要求。',
        '针对2020年度政府信息公开工作年度报告中提出的问题，逐项整改。',
        '对照上一年度年报所提问题，认真整改。',
        '2022年将从以下三方面进行改进。',
        '《北京市朝阳区园林绿化局政府信息公开指南（2020年）》已更新。',
      ].join('\n'),
    });
    assert.deepEqual(ruleFindings(text, CODE), []);
  });

  it('is silent on the shared reports', { skip: SKIP_SHARED }, () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      assert.deepEqual(checkText(sharedReport(seed)).findings.filter((f) => f.code === CODE).map((f) => f.range), [], seed);
    }
  });
});
