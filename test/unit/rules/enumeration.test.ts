import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../../server/src/engine';
import { enumerationFaults } from '../../../server/src/engine/prose/enumeration';
import { textOf } from '../helpers';
import { buildReport, ruleFindings } from '../prose-helpers';

const CODE = 'enumeration';
const found = (five: string) => {
  const text = buildReport({ five });
  // The fault the prose reader found at each finding: its kind and the marker expected instead.
  const faults = enumerationFaults(parseReport(text));
  return ruleFindings(text, CODE).map((f, i) =>
    `${f.severity} [${textOf(text, f.range)}] after [${textOf(text, f.related[0].range)}]: ${faults[i].problem}, ${faults[i].expected}`);
};

describe('enumeration', () => {
  it('is silent on a run in order, across paragraphs and after a restart under a new sub-heading', () => {
    assert.deepEqual(found('（一）存在的问题\n一是甲。\n二是乙。\n三是丙。\n（二）改进措施\n一是甲；二是乙；三是丙。'), []);
    assert.deepEqual(found('存在的主要问题：一是甲；二是乙。\n下一步改进情况：一是甲；二是乙。'), []);
    assert.deepEqual(found('1.甲\n2.乙\n3.丙'), []);
  });

  it('一是 … 三是 with no 二是: a warning on 三是, related to 一是 (seed 002)', () => {
    assert.deepEqual(found('（一）存在的问题\n一是甲。\n二是乙。\n（二）下一步工作打算\n一是甲。\n三是丙。\n一是丁。\n二是戊。\n三是己。'),
      ['warning [三是] after [一是]: skip, 二是']);
  });

  it('a repeated number and a number going back', () => {
    assert.deepEqual(found('一是甲；二是乙；二是丙。'), ['warning [二是] after [二是]: repeat, 三是']);
    assert.deepEqual(found('一是甲；三是乙；二是丙。'), [
      'warning [三是] after [一是]: skip, 二是',
      'warning [二是] after [三是]: backwards, 四是',
    ]);
  });

  it('line markers （一）（二）, （1）, 1. 2. and inline 第一/第二', () => {
    assert.deepEqual(found('（一）甲\n（三）乙'), ['warning [（三）] after [（一）]: skip, （二）']);
    assert.deepEqual(found('(1)甲\n(2)乙\n(4)丙'), ['warning [(4)] after [(2)]: skip, （3）']);
    assert.deepEqual(found('1.甲\n2.乙\n4.丙'), ['warning [4.] after [2.]: skip, 3.']);
    assert.deepEqual(found('第一，甲。第三，乙。'), ['warning [第三] after [第一]: skip, 第二']);
  });

  it('nested line markers restart under each parent; 1.5 and 第一平台 are not markers', () => {
    assert.deepEqual(found('（一）甲\n1.子\n2.子\n（二）乙\n1.子\n2.子\n（三）丙'), []);
    assert.deepEqual(found('发挥政府网站第一平台作用。\n1.5万人次访问。\n统一是基础，唯一是目标。'), []);
  });

  it('the tables’ numbered rows (1.属于国家秘密 …) are not prose', () => {
    assert.deepEqual(found('无。'), []);
  });
});
