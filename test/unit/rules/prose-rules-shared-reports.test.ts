// The prose rules on the five published reports: the real faults found, agreeing figures left alone, no errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, computeLineStarts, crossReportFindings, offsetAt, parseReport, proseFigures, type Finding, type Range } from '../../../server/src/engine';
import { SKIP_SHARED, sharedReport, textOf } from '../helpers';
import { relatedCells } from '../prose-helpers';

const MINE = new Set(['text-table-mismatch', 'year-mismatch', 'enumeration', 'fee-report-missing', 'carry-over-mismatch']);
const SEEDS = ['000', '001', '002', '003', '004'];

function mine(seed: string) {
  const text = sharedReport(seed);
  const { findings } = checkText(text);
  return { text, findings: findings.filter((f) => MINE.has(f.code)) };
}

const offsetOf = (text: string, range: Range) => offsetAt(computeLineStarts(text), text.length, range.start);

/** The finding on the number `raw` written in `needle` (which must be in the text). */
function findingOn(text: string, findings: Finding[], needle: string, raw: string): Finding {
  const at = text.indexOf(needle) + needle.indexOf(raw);
  assert.ok(text.includes(needle), `“${needle}” is in the report`);
  const f = findings.find((x) => offsetOf(text, x.range) === at);
  assert.ok(f, `a finding on ${raw} in “${needle}”; got ${findings.map((x) => textOf(text, x.range)).join(' | ')}`);
  assert.equal(textOf(text, f.range), raw);
  return f;
}

/** The figure whose number is written as `raw` right before `after` in the text. */
function figureBefore(text: string, needle: string, raw: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `“${needle}” is in the report`);
  const start = at + needle.indexOf(raw);
  const fig = proseFigures(parseReport(text)).find((f) => f.span.start === start);
  assert.ok(fig, `a figure on ${raw} in “${needle}”`);
  return fig;
}

describe('prose rules on the shared reports', { skip: SKIP_SHARED }, () => {
  it('seed 004: 行政复议 0件 against 9, 行政诉讼 0件 against 24 + 1, 已答复17件 against （七）总计 18 — warnings on the numbers', () => {
    const { text, findings } = mine('004');
    const mismatch = findings.filter((f) => f.code === 'text-table-mismatch');
    const answered = findingOn(text, mismatch, '已答复17件', '17');
    assert.equal(answered.severity, 'warning');
    assert.deepEqual(relatedCells(text, answered), ['3/total/total']);
    assert.equal(textOf(text, answered.related[0].range), '18');

    const review = findingOn(text, mismatch, '行政复议申请0件', '0');
    assert.equal(review.severity, 'warning');
    assert.deepEqual(relatedCells(text, review), ['4/cases/review.total']);
    assert.equal(textOf(text, review.related[0].range), '9');

    const litigation = findingOn(text, mismatch, '行政诉讼案件0件', '0');
    assert.equal(litigation.severity, 'warning');
    assert.deepEqual(relatedCells(text, litigation), ['4/cases/direct.total', '4/cases/after.total']);
    assert.deepEqual(litigation.related.map((r) => textOf(text, r.range)), ['24', '1']);
    assert.equal(mismatch.length, 3);
  });

  it('seed 000: “1件为未经复议直接诉讼案件” against 未经复议直接起诉 总计 0', () => {
    const { text, findings } = mine('000');
    const f = findingOn(text, findings.filter((x) => x.code === 'text-table-mismatch'), '1件为未经复议直接诉讼', '1');
    assert.equal(f.severity, 'warning');
    assert.equal(textOf(text, f.range), '1');
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.start.character + 15), '1件为未经复议直接诉讼案件。');
    assert.deepEqual(relatedCells(text, f), ['4/cases/direct.total']);
    assert.equal(textOf(text, f.related[0].range), '0');
  });

  it('seed 002: enumeration in section 五 — 三是 after 一是 with no 二是, the restart at 一是 not a fault', () => {
    const { text, findings } = mine('002');
    const f = findings.filter((x) => x.code === 'enumeration');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '三是');
    assert.ok(text.split('\n')[f[0].range.start.line].startsWith('三是人员编制少'));
    assert.equal(textOf(text, f[0].related[0].range), '一是');
    const five = parseReport(text).sections.find((s) => s.id === 5)!;
    const offset = parseReport(text).lineStarts[f[0].range.start.line];
    assert.ok(offset > five.span.start && offset < five.span.end, 'in section 五');
  });

  it('figures that agree with the table are matched and not reported above information', () => {
    const cases: [string, string, string, number][] = [
      ['004', '申请总数为19件', '19', 19],
      ['002', '新收政府信息公开申请数量8件', '8', 8],
      ['001', '已答复完毕23件', '23', 23],
      ['001', '办理依申请公开申请25件', '25', 25],
      ['001', '另有2件顺延', '2', 2],
      ['003', '共收到政府信息公开申请7件', '7', 7],
      ['000', '新受理依申请政府信息公开共32件', '32', 32],
      ['000', '行政复议案件总计12件', '12', 12],
    ];
    for (const [seed, needle, raw, value] of cases) {
      const text = sharedReport(seed);
      const fig = figureBefore(text, needle, raw);
      assert.equal(fig.status, 'match', `${seed} ${needle}`);
      assert.equal(fig.target?.value, value);
      const at = text.indexOf(needle) + needle.indexOf(raw);
      const reported = mine(seed).findings.filter((f) => f.code === 'text-table-mismatch' && offsetOf(text, f.range) === at && f.severity !== 'information');
      assert.deepEqual(reported, [], `${seed} ${needle}`);
    }
  });

  it('seed 003: “信息不存在”3件 + “不属于本机关”1件 agree with 不掌握 4', () => {
    const text = sharedReport('003');
    const fig = figureBefore(text, '“信息不存在”的3件', '3');
    assert.equal(fig.status, 'match');
    assert.equal(fig.target?.value, 4);
    assert.match(fig.note!.zh, /3 \+ 1 = 4/);
  });

  it('the exact prose findings on each report (known information-level findings listed)', () => {
    const expected: Record<string, string[]> = {
      '000': [
        'information text-table-mismatch 30',   // 30件已办结 vs （七）总计 33: 3 carried over, may count new only
        'information text-table-mismatch 11',   // 同意部分公开答复11件 vs 12: may count new only
        'information text-table-mismatch 12',   // 不掌握12件 vs 14: category may be folded
        'information text-table-mismatch 1',    // 逾期不补正1件 vs （六）其他处理 0: table counts it as 补正后仍不明确
        'warning text-table-mismatch 23',       // 23件为复议后诉讼案件 vs 复议后起诉 总计 24 (the other side of the real fault)
        'warning text-table-mismatch 1',        // 1件为未经复议直接诉讼案件 vs 0
      ],
      '001': [],
      '002': ['warning enumeration 三是'],
      '003': [],
      '004': ['warning text-table-mismatch 17', 'warning text-table-mismatch 0', 'warning text-table-mismatch 0'],
    };
    for (const seed of SEEDS) {
      const { text, findings } = mine(seed);
      assert.deepEqual(findings.map((f) => `${f.severity} ${f.code} ${textOf(text, f.range)}`), expected[seed], seed);
    }
  });

  it('no error-severity finding on any shared report, and no cross-report finding among them (five different bodies)', () => {
    const models = SEEDS.map((s) => ({ id: s, model: parseReport(sharedReport(s)) }));
    for (const seed of SEEDS) {
      const { findings } = checkText(sharedReport(seed));
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${textOf(sharedReport(seed), f.range)}`), [], seed);
    }
    assert.equal(crossReportFindings(models).size, 0);
  });
});
