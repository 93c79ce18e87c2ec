// Digits run together in a flattened page: a row's cells are cut only where its own relation leaves one way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEMPLATE_YEARS } from '../../server/src/engine';
import { inferCells, type DigitPiece } from '../../server/src/engine/parse/inferCells';

const applications = TEMPLATE_YEARS[1].tables[3][0];
const reviews = TEMPLATE_YEARS[1].tables[4][0];
const disclosure = TEMPLATE_YEARS[0].tables[2][0];
const row = (tpl: typeof applications, key: string) => tpl.rows.find((r) => r.key === key)!;
const pieces = (...texts: string[]): DigitPiece[] => {
  let at = 0;
  return texts.map((text) => { const p = { text, start: at }; at += text.length + 1; return p; });
};
const values = (cells: ReturnType<typeof inferCells>) => cells?.map((c) => c.value) ?? null;

describe('inferCells', () => {
  it('cuts 230 000023 into 23 0 0 0 0 0 23, the one cut whose total adds up, with the source offsets', () => {
    const cells = inferCells(pieces('230', '000023'), row(applications, 'new'), applications);
    assert.deepEqual(values(cells), [23, 0, 0, 0, 0, 0, 23]);
    assert.deepEqual(cells!.map((c) => [c.start, c.end]), [[0, 2], [2, 3], [4, 5], [5, 6], [6, 7], [7, 8], [8, 10]]);
  });

  it('never writes a number with a leading zero: 7000007 is seven one-digit cells', () => {
    assert.deepEqual(values(inferCells(pieces('7000007'), row(applications, 'new'), applications)), [7, 0, 0, 0, 0, 0, 7]);
  });

  it('gives nothing when two cuts add up: 120002730 is 1 2 0 0 0 27 30 or 1 20 0 0 2 7 30 — no guess', () => {
    assert.equal(inferCells(pieces('120002730'), row(applications, 'new'), applications), null);
    // The same digits with the separators that remain leave one cut only.
    assert.deepEqual(values(inferCells(pieces('1', '20', '0', '0', '2', '730'), row(applications, 'new'), applications)), [1, 20, 0, 0, 2, 7, 30]);
  });

  it('gives nothing when no cut adds up', () => {
    assert.equal(inferCells(pieces('1000009'), row(applications, 'new'), applications), null);
  });

  it('reads table 四 from fifteen run-together digits through its three totals', () => {
    assert.deepEqual(values(inferCells(pieces('000000000000000'), reviews.rows[0], reviews)), Array(15).fill(0));
  });

  it('cuts a row without a relation (table 二) only when the digits allow one cut at all', () => {
    const regulations = disclosure.rows.find((r) => r.columns.length === 3)!;
    assert.deepEqual(values(inferCells(pieces('000'), regulations, disclosure)), [0, 0, 0]);
    assert.equal(inferCells(pieces('898989'), regulations, disclosure), null);
  });
});
