import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, reportSkeleton } from '../../../server/src/engine';
import { SKIP_SHARED, sharedReport, textOf } from '../helpers';
import { buildReport, ruleFindings } from '../prose-helpers';

const CODE = 'fee-report-missing';

describe('fee-report-missing', () => {
  it('is silent when section 六 reports the fee with figures or says none was charged', () => {
    for (const six of ['本单位2021年发出收费通知的件数0件，总金额0元。实际收取的总金额0元。', '本机关未收取信息处理费。', '无收取信息处理费情况。']) {
      assert.deepEqual(ruleFindings(buildReport({ six }), CODE), [], six);
    }
  });

  it('a 2021 report whose section 六 says nothing: a warning on the heading', () => {
    const text = buildReport({ six: '无。' });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '六、其他需要报告的事项');
  });

  it('the template placeholder left in place mentions the fee but reports nothing: a warning on the mention', () => {
    const text = reportSkeleton(2021, 2022, '示例区测试局');
    const f = checkText(text).findings.filter((x) => x.code === CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '信息处理费');
  });

  it('the fee reported in another section only: information, related to the mention', () => {
    const text = buildReport({ prose: '依申请公开方面，2021年度我单位未收取信息处理费。', six: '无。' });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(textOf(text, f[0].related[0].range), '信息处理费');
  });

  it('does not apply before 2021', () => {
    assert.deepEqual(ruleFindings(buildReport({ year: 2019, reportYear: 2020, six: '无。' }), CODE), []);
  });

  it('the shared reports: seed 004 (2021) reports the fee; the 2020 reports are not concerned', { skip: SKIP_SHARED }, () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      assert.deepEqual(checkText(sharedReport(seed)).findings.filter((f) => f.code === CODE), [], seed);
    }
  });
});
