import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText } from '../../../server/src/engine';
import { CLEAN_2020, CLEAN_2021, findings } from '../helpers';

describe('row-missing', () => {
  it('is silent on complete tables', () => assert.deepEqual(findings(CLEAN_2021(), 'row-missing'), []));

  it('reports a row left out (cell-per-line) and inserts it with zeros in the same layout', () => {
    const clean = CLEAN_2021();
    const start = clean.indexOf('\t8.属于行政查询事项');
    const end = clean.indexOf('\t（四）无法');
    const text = clean.slice(0, start) + clean.slice(end);
    const f = findings(text, 'row-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].fixes[0].edits[0].newText, /8\.属于行政查询事项/);
    assert.equal(f[0].fixes[0].preferred, false);
    const fixed = applyEdits(text, f[0].fixes[0].edits);
    const t3 = checkText(fixed).model.tables.find((t) => t.id === 3)!;
    assert.deepEqual(t3.missingRows, []);
    assert.deepEqual(t3.rows.find((r) => r.key === 'deny8')?.cells.map((c) => c.value), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(findings(fixed).filter((x) => x.severity === 'error'), []);
  });

  it('inserts a pipe row in a pipe table', () => {
    const text = CLEAN_2020().replace('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n', '');
    const f = findings(text, 'row-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].edits[0].newText, '\n2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });
});
