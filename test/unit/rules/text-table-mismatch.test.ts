// The pattern families of text-table-mismatch, one small report each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/engine';
import { textOf } from '../helpers';
import { buildReport, figureSummary, figures, relatedCells, ruleFindings } from '../prose-helpers';

const CODE = 'text-table-mismatch';

/** Findings as: severity and marked text. */
const marked = (text: string, fs: Finding[]) => fs.map((f) => `${f.severity} [${textOf(text, f.range)}]`);
const BASE = { new: 10, carried: 0, open: 6, partial: 2, total: 10, carryOver: 0 };

describe('prose figures: applications received (新收/收到/受理)', () => {
  for (const sentence of ['本年度新收政府信息公开申请10件。', '全年共收到政府信息公开申请10件。', '本机关受理依申请公开申请十件。']) {
    it(`agrees: ${sentence}`, () => {
      const text = buildReport({ prose: sentence, applications: BASE });
      assert.deepEqual(figureSummary(text), ['received 10 match 10']);
      assert.deepEqual(ruleFindings(text, CODE), []);
    });
  }

  it('differs: a warning on the number, naming the cell and both figures, related to the cell', () => {
    const text = buildReport({ prose: '本年度新收政府信息公开申请12件。', applications: BASE });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '12');
    assert.deepEqual(relatedCells(text, f[0]), ['3/new/total']);
    assert.equal(textOf(text, f[0].related[0].range), '10');
  });

  it('accepts 新收 + 上年结转 when the text counts both', () => {
    const text = buildReport({ prose: '本年度共收到政府信息公开申请12件。', applications: { ...BASE, carried: 2, total: 12 } });
    const [fig] = figures(text);
    assert.equal(fig.status, 'match');
    assert.equal(fig.target?.value, 12);
    assert.deepEqual(ruleFindings(text, CODE), []);
  });
});

describe('prose figures: applications dealt with (办理申请N件, 申请总数)', () => {
  it('办理申请25件 = 新收 23 + 结转 2 is not a fault (seed 001)', () => {
    const text = buildReport({ prose: '2021年办理依申请公开申请25件。', applications: { new: 23, carried: 2, open: 23, total: 23, carryOver: 2 } });
    const [fig] = figures(text);
    assert.equal(fig.status, 'match');
    assert.match(fig.target!.title.zh, /一、本年新收 \+ 二、上年结转/);
    assert.deepEqual(ruleFindings(text, CODE), []);
  });

  it('equal to none of the readings: information only', () => {
    const text = buildReport({ prose: '2021年办理依申请公开申请30件。', applications: { new: 23, carried: 2, open: 23, total: 23, carryOver: 2 } });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(textOf(text, f[0].range), '30');
  });

  it('申请总数为19件 with nothing carried over agrees with 新收 (seed 004)', () => {
    const text = buildReport({ prose: '我镇依申请公开政府信息的申请总数为19件。', applications: { new: 19, open: 19, total: 19 } });
    assert.deepEqual(figureSummary(text), ['applications 19 match 19']);
  });
});

describe('prose figures: carried over (上年结转, 结转下年度/顺延)', () => {
  it('上年结转 and 结转下年度 are compared with rows 二 and 四', () => {
    const text = buildReport({ prose: '上年结转申请3件，结转下年度继续办理2件。', applications: { new: 10, carried: 3, open: 11, total: 11, carryOver: 2 } });
    assert.deepEqual(figureSummary(text), ['carried 3 match 3', 'carryOver 2 match 2']);
  });

  it('另有2件顺延至下一年度 (the word after the number)', () => {
    const text = buildReport({ prose: '依申请公开方面，另有两件顺延至下一年度。', applications: { new: 10, open: 9, total: 9, carryOver: 1 } });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '两');
    assert.deepEqual(relatedCells(text, f[0]), ['3/carryOver/total']);
  });
});

describe('prose figures: handled and answered (办结/答复)', () => {
  it('已答复17件 against （七）总计 18 with nothing carried over is a warning (seed 004)', () => {
    const text = buildReport({ prose: '收到政府信息公开申请19件。截止到2021年底，已答复17件。', applications: { new: 19, open: 18, total: 18, carryOver: 1 } });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1, marked(text, f).join('\n'));
    assert.equal(f[0].severity, 'warning');
    assert.equal(textOf(text, f[0].range), '17');
    assert.deepEqual(relatedCells(text, f[0]), ['3/total/total']);
    assert.equal(textOf(text, f[0].related[0].range), '18');
  });

  it('已办结30件 when 3 were carried over may count only new applications: information', () => {
    const text = buildReport({ prose: '新受理政府信息公开申请32件，30件已办结。', applications: { new: 32, carried: 3, open: 33, total: 33, carryOver: 2 } });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.deepEqual(relatedCells(text, f[0]), ['3/total/total']);
  });

  it('已答复完毕23件 agrees with （七）总计 23 (seed 001)', () => {
    const text = buildReport({ prose: '依申请公开方面，本年度已答复完毕23件。', applications: { new: 23, carried: 2, open: 23, total: 23, carryOver: 2 } });
    assert.deepEqual(figureSummary(text), ['handled 23 match 23']);
  });
});

describe('prose figures: outcomes', () => {
  const table = { new: 12, open: 5, partial: 3, deny4: 1, deny6: 1, unable1: 2, total: 12 };

  it('予以公开/同意公开, 部分公开 and 不予公开 (sum of its eight rows)', () => {
    const text = buildReport({ prose: '新收政府信息公开申请12件。其中，同意公开5件，同意部分公开答复3件，不予公开2件。', applications: table });
    assert.deepEqual(figureSummary(text), ['received 12 match 12', 'open 5 match 5', 'partial 3 match 3', 'deny 2 match 2']);
    const deny = figures(text)[3];
    assert.equal(deny.target!.cells.length, 8);
    assert.match(deny.target!.title.zh, /（三）不予公开（8 项合计）/);
  });

  it('a different 予以公开 figure with nothing carried over is a warning', () => {
    const text = buildReport({ prose: '新收政府信息公开申请12件，其中予以公开7件。', applications: table });
    const f = ruleFindings(text, CODE);
    assert.deepEqual(marked(text, f), ['warning [7]']);
    assert.deepEqual(relatedCells(text, f[0]), ['3/open/total']);
  });

  it('“信息不存在”3件 and “不属于本机关”1件 folded into 不掌握 4 agree (seed 003)', () => {
    const text = buildReport({
      prose: '共收到政府信息公开申请7件。已答复件中，“同意公开”的3件，“信息不存在”的3件，“不属于本机关公开，建议向其他单位咨询”的1件。',
      applications: { new: 7, open: 3, unable1: 4, total: 7 },
    });
    assert.deepEqual(figureSummary(text), ['received 7 match 7', 'open 3 match 3', 'unable1 3 match 4', 'unable1 1 match 4']);
    assert.deepEqual(ruleFindings(text, CODE), []);
  });

  it('a category the table may file elsewhere (信息不存在) never goes above information', () => {
    const text = buildReport({ prose: '共收到政府信息公开申请7件，其中信息不存在的2件。', applications: { new: 7, open: 3, unable1: 4, total: 7 } });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(textOf(text, f[0].range), '2');
  });

  it('重复申请 and 逾期不补正 (a single （六） row in 2019, row （六）1 in 2021)', () => {
    const t2021 = buildReport({ prose: '依申请公开方面，重复申请1件，申请人逾期不补正1件。', applications: { new: 2, reject2: 1, other1: 1, total: 2 } });
    assert.deepEqual(figureSummary(t2021), ['reject2 1 match 1', 'other1 1 match 1']);
    assert.match(figures(t2021)[1].target!.title.zh, /（六）1\.逾期不补正/);
    const t2019 = buildReport({ year: 2019, prose: '依申请公开方面，申请人逾期不补正1件。', applications: { new: 1, other: 1, total: 1 } });
    assert.deepEqual(figureSummary(t2019), ['other1 1 match 1']);
    assert.match(figures(t2019)[0].target!.title.zh, /（六）其他处理/);
  });

  it('outcomes in a paragraph whose 办结 total is off are information (another population)', () => {
    const text = buildReport({ prose: '新收申请12件，已办结10件，其中予以公开4件。', applications: table });
    const f = ruleFindings(text, CODE);
    assert.deepEqual(f.map((x) => `${x.severity} ${textOf(text, x.range)}`), ['warning 10', 'information 4']);
  });
});

describe('prose figures: 行政复议 and 行政诉讼', () => {
  const cases = { 'review.upheld': 1, 'review.otherResult': 1, 'review.pending': 7, 'review.total': 9, 'direct.upheld': 8, 'direct.corrected': 8, 'direct.otherResult': 1, 'direct.pending': 7, 'direct.total': 24, 'after.upheld': 1, 'after.total': 1 };

  it('行政复议 0件 against table 四’s 9 and 行政诉讼 0件 against 24 + 1 (seed 004)', () => {
    const text = buildReport({ prose: '（1）行政复议\n我单位受理有关政府信息公开行政复议申请0件。\n（2）行政诉讼\n我单位共发生与政府信息公开有关的行政诉讼案件0件。', cases });
    const f = ruleFindings(text, CODE);
    assert.equal(f.length, 2);
    assert.ok(f.every((x) => x.severity === 'warning' && textOf(text, x.range) === '0'));
    assert.deepEqual(relatedCells(text, f[0]), ['4/cases/review.total']);
    assert.deepEqual(relatedCells(text, f[1]), ['4/cases/direct.total', '4/cases/after.total']);
    assert.deepEqual(f[1].related.map((r) => textOf(text, r.range)), ['24', '1']);
  });

  it('outcomes: 维持, 纠正, 尚未审结 of 行政复议 carried over from the clause before', () => {
    const text = buildReport({ prose: '行政复议方面，行政复议案件总计9件。其中，结果维持1件，结果纠正0件，尚未审结7件。', cases });
    assert.deepEqual(figureSummary(text), ['caseTotal 9 match 9', 'upheld 1 match 1', 'corrected 0 match 0', 'pending 7 match 7']);
  });

  it('直接起诉 and 复议后起诉 with the number before the words (seed 000)', () => {
    const text = buildReport({
      prose: '行政诉讼案件中，23件为复议后诉讼案件，结果维持23件，1件为未经复议直接诉讼案件。',
      cases: { 'after.upheld': 23, 'after.pending': 1, 'after.total': 24 },
    });
    assert.deepEqual(figureSummary(text), ['caseTotal 23 mismatch/warning 24', 'upheld 23 match 23', 'caseTotal 1 mismatch/warning 0']);
    const f = ruleFindings(text, CODE);
    assert.deepEqual(marked(text, f), ['warning [23]', 'warning [1]']);
    assert.deepEqual(relatedCells(text, f[1]), ['4/cases/direct.total']);
  });

  it('a statement that none occurred (未发生…行政复议或…行政诉讼) is compared as 0', () => {
    const text = buildReport({ prose: '2021年未发生因依申请公开答复产生的行政复议或提起的行政诉讼案件。', cases });
    const f = ruleFindings(text, CODE);
    assert.deepEqual(f.map((x) => textOf(text, x.range)), ['行政复议', '行政诉讼']);
    assert.ok(f.every((x) => x.severity === 'warning'));
    const quiet = buildReport({ prose: '2021年未发生因依申请公开答复产生的行政复议或提起的行政诉讼案件。' });
    assert.deepEqual(figureSummary(quiet), ['caseTotal 0 match 0', 'caseTotal 0 match 0']);
  });

  it('label forms: 行政复议：0件, 行政复议：无, 行政复议、行政诉讼均无', () => {
    assert.deepEqual(figureSummary(buildReport({ prose: '（三）行政复议情况：0件。', cases })), ['caseTotal 0 mismatch/warning 9']);
    assert.deepEqual(figureSummary(buildReport({ prose: '行政复议：无。行政诉讼：无。', cases })), ['caseTotal 0 mismatch/warning 9', 'caseTotal 0 mismatch/warning 25']);
    assert.deepEqual(figureSummary(buildReport({ prose: '行政复议、行政诉讼均无。', cases })), ['caseTotal 0 mismatch/warning 9', 'caseTotal 0 mismatch/warning 25']);
    assert.deepEqual(figureSummary(buildReport({ prose: '主动公开政府信息情况：无。其他需要报告的事项：无。', cases })), []);
  });

  it('行政复议和行政诉讼 together: the three 总计 added; 均为N件 (each) is left alone unless 0', () => {
    const text = buildReport({ prose: '被申请行政复议和提起行政诉讼的案件共34件。', cases });
    assert.deepEqual(figureSummary(text), ['caseTotal 34 match 34']);
    assert.deepEqual(figureSummary(buildReport({ prose: '行政复议和行政诉讼案件均为3件。', cases })), []);
    assert.deepEqual(figureSummary(buildReport({ prose: '行政复议和行政诉讼案件均为0件。', cases })), ['caseTotal 0 mismatch/warning 34']);
  });

  it('两类案件 in one clause: each number takes the subject written before it', () => {
    const text = buildReport({ prose: '因政府信息公开被申请行政复议9件、提起行政诉讼25件。', cases });
    assert.deepEqual(figureSummary(text), ['caseTotal 9 match 9', 'caseTotal 25 match 25']);
  });
});

describe('prose figures: numbers unrelated to the tables', () => {
  for (const sentence of [
    '截止目前，微信公众号粉丝数量12258人，微博粉丝数量1800人。',
    '今年共组织召开政府信息公开教育培训2次，协调会3次。',
    '本年度各类平台共办理群众咨询、诉求案件17095件。',
    '全年发布政府文件23件、建议提案办理情况30件。',
    '全年主动公开政府信息570条，其中主动公开规范性文件12件。',
    '收到政府信息公开申请比上年增加3件。',
    '第一件事，做好主动公开。',
    '依申请公开方面，网上受理12件，当面受理31件，收到自然人申请40件。',
    '依申请公开方面，其中按时答复17件，延期答复1件。',
    '依申请公开方面，按时办结率100%，答复满意率98%。',
  ]) {
    it(`no figure and no finding: ${sentence}`, () => {
      const text = buildReport({ prose: sentence, applications: { new: 7, open: 7, total: 7 } });
      assert.deepEqual(figureSummary(text), []);
      assert.deepEqual(ruleFindings(text, CODE), []);
    });
  }

  it('figures in section 二 (主动公开) are not read as applications', () => {
    const text = buildReport({ prose: '一是主动公开方面，办理完成公开事项5件。', applications: { new: 7, open: 7, total: 7 } });
    assert.deepEqual(figureSummary(text), []);
  });
});
