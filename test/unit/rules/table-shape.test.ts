import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../../server/src/engine';
import { CLEAN_2020, CLEAN_2021, findings, textOf } from '../helpers';

describe('table-shape', () => {
  it('is silent on clean reports', () => {
    assert.deepEqual(findings(CLEAN_2021(), 'table-shape'), []);
    assert.deepEqual(findings(CLEAN_2020(), 'table-shape'), []);
  });

  it('reports a row with a value too many (pipe rows)', () => {
    const text = CLEAN_2020().replace('（一）予以公开 | 12 | 1 | 0 | 0 | 1 | 0 | 14 |', '（一）予以公开 | 12 | 1 | 0 | 0 | 1 | 0 | 14 | 9 |');
    const f = findings(text, 'table-shape');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(textOf(text, f[0].range), '9');
  });

  it('reports a row with too few values and names the row', () => {
    const text = CLEAN_2020().replace('（一）予以公开 | 12 | 1 | 0 | 0 | 1 | 0 | 14 |', '（一）予以公开 | 12 | 1 | 0 | 0 | 1 |');
    const f = findings(text, 'table-shape');
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '1', 'on the last value read');
  });

  it('reports text inside the table it cannot place', () => {
    const text = CLEAN_2020().replace('（三）不予公开 | 1.属于国家秘密', '（三）不予公开 | 备注见附件 | 1.属于国家秘密');
    const f = findings(text, 'table-shape');
    assert.equal(f.length, 1);
    assert.equal(textOf(text, f[0].range), '备注见附件');
    assert.ok(parseReport(text).tables.find((t) => t.id === 3)?.rows.find((r) => r.key === 'deny1')?.cells.length === 7);
  });
});
