import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumeralValue, findCounts, numeralValue } from '../../server/src/engine/prose';

const counts = (s: string) => findCounts(s).map((c) => `${s.slice(c.start, c.end)}=${c.value}${c.unit}`);

describe('prose numerals', () => {
  it('reads Chinese numerals before a counting unit: 八件 十二件 两件 二十一件 一百零五件', () => {
    assert.deepEqual(counts('收到申请八件'), ['八=8件']);
    assert.deepEqual(counts('已办结十二件'), ['十二=12件']);
    assert.deepEqual(counts('上年结转两件'), ['两=2件']);
    assert.deepEqual(counts('共二十一件'), ['二十一=21件']);
    assert.deepEqual(counts('共一百零五件'), ['一百零五=105件']);
    assert.deepEqual(counts('行政复议零件'), ['零=0件']);
  });

  it('reads Arabic numerals of either width, with the span of the digits only', () => {
    const text = '已答复17件，另有１２件，诉讼 3 件';
    const found = findCounts(text);
    assert.deepEqual(found.map((c) => [text.slice(c.start, c.end), c.value, c.unit]), [['17', 17, '件'], ['１２', 12, '件'], ['3', 3, '件']]);
    assert.equal(text.slice(found[2].start, found[2].unitEnd), '3 件');
  });

  it('ignores numbers that are not counts: years, dates, other units, decimals, ordinals, words', () => {
    assert.deepEqual(counts('2021年1月1日起'), []);
    assert.deepEqual(counts('粉丝数量12258人，培训2次，发布信息7506条'), []);
    assert.deepEqual(counts('金额1.5件'), []);
    assert.deepEqual(counts('第一件事，第3件'), []);
    assert.deepEqual(counts('统一件数，唯一件，每一件'), []);
    assert.deepEqual(counts('无一例被纠正'), []);
    assert.deepEqual(counts('A12件'), []);
  });

  it('does not read 2021 again as 021 after rejecting it', () => {
    assert.deepEqual(counts('2021件'), ['2021=2021件']);
    assert.deepEqual(counts('2021年件'), []);
  });

  it('rejects malformed Chinese numerals (一二 is not a number)', () => {
    assert.equal(chineseNumeralValue('一二'), null);
    assert.equal(chineseNumeralValue('十二'), 12);
    assert.equal(numeralValue('１７'), 17);
    assert.equal(numeralValue('两'), 2);
    assert.equal(numeralValue('abc'), null);
  });
});
