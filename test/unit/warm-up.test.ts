// The warm-up texts take the engine through the paths a real check takes: both template years, all three
// tables, broken sums (the arithmetic findings are built) and prose figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, parseReport, warmUpSteps } from '../../server/src/engine';
import { WARM_UP_TEXTS } from '../../server/src/engine/warmUp';

describe('warm-up', () => {
  it('has one report of each template year, with its three tables read', () => {
    const years = WARM_UP_TEXTS.map((t) => parseReport(t)).map((m) => [m.templateYear, m.tables.map((t) => t.id)]);
    assert.deepEqual(years, [[2021, [2, 3, 4]], [2019, [2, 3, 4]]]);
  });

  it('builds arithmetic and prose findings', () => {
    const codes = new Set(WARM_UP_TEXTS.flatMap((t) => checkText(t).findings.map((f) => f.code)));
    for (const code of ['row-total', 'column-total', 'balance', 'enumeration']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
  });

  it('gives one step a check, rounds times for each text', () => {
    assert.equal(warmUpSteps(3).length, 3 * WARM_UP_TEXTS.length);
  });
});
