// The prose reader's figures as the hover shows them: the figure and the cell it was compared with.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFigure, parseReport, proseFigures } from '../../server/src/engine';
import { buildReport, figures } from './prose-helpers';

describe('prose figures: hover API', () => {
  it('a figure is found by its span and describes the cell it was compared with', () => {
    const text = buildReport({ prose: '依申请公开方面，截止到2021年底，已答复17件。', applications: { new: 19, open: 18, total: 18, carryOver: 1 } });
    const model = parseReport(text);
    const at = text.indexOf('17件');
    const found = proseFigures(model);
    assert.equal(found.length, 1);
    const fig = found[0];
    assert.ok(fig.span.start <= at && at < fig.span.end);
    assert.equal(describeFigure(fig).zh, '表格：三、（七）总计 × 总计 = 18（文中 17，不一致）');
    assert.match(describeFigure(fig).en, /^Table: 三、（七）总计 × 总计 = 18 \(the text says 17: differs\)$/);
  });

  it('a sum is shown term by term', () => {
    const text = buildReport({ prose: '行政诉讼案件共25件。', cases: { 'direct.pending': 24, 'direct.total': 24, 'after.pending': 1, 'after.total': 1 } });
    assert.equal(describeFigure(figures(text)[0]).zh, '表格：四、行政诉讼（未经复议直接起诉 + 复议后起诉）› 总计 = 24 + 1 = 25（一致）');
  });
});
