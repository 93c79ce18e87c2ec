// Every text layout of format.md §7 gives the same cells for the same table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, parseReport } from '../../server/src/engine';
import { fixture } from './helpers';

const LAYOUTS = ['cells', 'pipe', 'markdown', 'tsv', 'pdf', 'pdf-artefacts'];

const cellsOf = (text: string) => {
  const model = parseReport(text);
  const t3 = model.tables.find((t) => t.id === 3);
  assert.ok(t3, 'table 三 found');
  return { t3, values: t3.rows.map((r) => [r.key, r.cells.map((c) => c.value)] as const) };
};

describe('table layouts', () => {
  const reference = cellsOf(fixture('layouts/table3-cells.txt')).values;

  for (const layout of LAYOUTS) {
    it(`${layout}: the same 30 rows and 7 values a row as the cell-per-line text`, () => {
      const text = fixture(`layouts/table3-${layout}.txt`);
      const { t3, values } = cellsOf(text);
      assert.equal(t3.variant, '2021');
      assert.deepEqual(t3.unread, []);
      assert.deepEqual(t3.missingRows, []);
      assert.deepEqual(values, reference);
      const { findings } = checkText(text);
      const tableCodes = ['table-shape', 'row-label', 'row-missing', 'row-total', 'column-total', 'balance'];
      assert.deepEqual(findings.filter((f) => tableCodes.includes(f.code)).map((f) => f.message.zh), []);
    });
  }

  it('cell spans point at the digits themselves', () => {
    for (const layout of LAYOUTS) {
      const text = fixture(`layouts/table3-${layout}.txt`);
      const { t3 } = cellsOf(text);
      for (const c of t3.rows.flatMap((r) => r.cells)) {
        assert.equal(text.slice(c.span.start, c.span.end).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)), String(c.value), layout);
      }
    }
  });
});
