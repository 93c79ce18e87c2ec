// derivedFrom keeps what it derives on the key object itself: computed once an object, never carried to a copy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { derivedFrom } from '../../server/src/engine/derived';
import { proseFigures } from '../../server/src/engine/prose/figures';
import { CLEAN_2021 } from './helpers';

describe('derivedFrom', () => {
  it('computes once an object, each derived function in its own slot', () => {
    let calls = 0;
    const double = derivedFrom((o: { n: number }) => { calls++; return o.n * 2; });
    const negate = derivedFrom((o: { n: number }) => -o.n);
    const a = { n: 2 };
    const b = { n: 5 };
    assert.deepEqual([double(a), double(b), double(a), negate(a), double(b)], [4, 10, 4, -2, 10]);
    assert.equal(calls, 2);
  });

  it('remembers a value of undefined', () => {
    let calls = 0;
    const nothing = derivedFrom((_: object) => { calls++; return undefined; });
    const key = {};
    nothing(key);
    nothing(key);
    assert.equal(calls, 1);
  });

  it('leaves no trace a copy, JSON or a structured clone would carry', () => {
    const size = derivedFrom((o: { items: number[] }) => o.items.length);
    const original = { items: [1, 2, 3] };
    assert.equal(size(original), 3);
    assert.deepEqual(Object.keys(original), ['items']);
    assert.equal(JSON.stringify(original), '{"items":[1,2,3]}');
    const copy = { ...original, items: [1] };
    assert.equal(size(copy), 1, 'a spread copy with other items is derived afresh');
    assert.equal(size(structuredClone(original)), 3);
    assert.deepStrictEqual(original, { items: [1, 2, 3] });
  });

  it('gives an object made from another (Object.create) values of its own', () => {
    const size = derivedFrom((o: { items: number[] }) => o.items.length);
    const parent = { items: [1, 2, 3] };
    assert.equal(size(parent), 3);
    const child: { items: number[] } = Object.create(parent);
    child.items = [1];
    assert.equal(size(child), 1);
    assert.equal(size(parent), 3);
  });

  it('works on a frozen object', () => {
    let calls = 0;
    const sum = derivedFrom((o: readonly number[]) => { calls++; return o.reduce((s, x) => s + x, 0); });
    const frozen = Object.freeze([1, 2, 3]);
    assert.equal(sum(frozen), 6);
    assert.equal(sum(frozen), 6);
    assert.equal(calls, 1);
  });

  it('gives a model copied with another text the figures of that text, not of the original', () => {
    const model = checkText(CLEAN_2021()).model;
    const figures = proseFigures(model);
    assert.ok(figures.length > 0);
    assert.equal(proseFigures(model), figures, 'the same array the second time');
    const cut = { ...model, text: model.text.slice(0, 10) };
    assert.notEqual(proseFigures(cut), figures);
  });
});
