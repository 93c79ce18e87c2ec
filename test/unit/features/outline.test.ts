// The Report checks view's outline, in memory: sections with their tables and relations, missing sections.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportOutline } from '../../../server/src/features/outline';
import { analyze, BALANCED, positionOf, report } from './report';

describe('report outline', () => {
  it('every section with its tables, each table\'s relations named by their cell with ✓ figures', async () => {
    const text = report();
    const outline = reportOutline(await analyze(text), 'zh-cn');
    assert.deepEqual(outline.sections.map((s) => [s.id, s.name, s.tables.map((t) => t.name)]), [
      [1, '一、总体情况', []],
      [2, '二、主动公开政府信息情况', ['主动公开政府信息情况表']],
      [3, '三、收到和处理政府信息公开申请情况', ['收到和处理政府信息公开申请情况表']],
      [4, '四、政府信息公开行政复议、行政诉讼情况', ['行政复议、行政诉讼情况表']],
      [5, '五、存在的主要问题及改进情况', []],
      [6, '六、其他需要报告的事项', []],
    ]);
    const table3 = outline.sections[2].tables[0];
    assert.ok(table3.relations.every((r) => r.ok));
    const r1 = table3.relations.find((r) => r.id === 'R1' && r.label.startsWith('四、结转下年度继续办理 × 自然人'))!;
    assert.equal(r1.label, '四、结转下年度继续办理 × 自然人: 2');
    assert.deepEqual(r1.range.start, positionOf(text, text.indexOf('四、结转下年度继续办理 | 2') + '四、结转下年度继续办理 | '.length));
    assert.deepEqual(outline.missingSections, []);
    assert.equal(outline.title, '示例局2022年政府信息公开工作年度报告');
    assert.equal(outline.counts.error, 0);
  });

  it('a failing relation shows both figures; a missing section is listed with its standard heading', async () => {
    const text = report({ ...BALANCED, '（七）总计': [4, 1, 0, 0, 0, 0, 9] }).replace(/五、存在的主要问题及改进情况\n（文字描述）\n/, '');
    const outline = reportOutline(await analyze(text), 'en');
    const wrong = outline.sections.flatMap((s) => s.tables).flatMap((t) => t.relations).filter((r) => !r.ok);
    assert.ok(wrong.some((r) => r.id === 'R3' && r.label === '三、本年度办理结果 › （七）总计 × 总计: 9 ≠ 5'));
    assert.deepEqual(outline.missingSections, [{ id: 5, name: '五、存在的主要问题及改进情况' }]);
    assert.equal(outline.sections[2].tables[0].name, 'Applications table');
  });
});
