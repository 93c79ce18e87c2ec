// Every rule's own examples (the `examples` of its module) are its first tests: a valid snippet gives no finding
// of the rule, an invalid one gives exactly the marked findings, and its fixes give the fixed snippet. Neither
// checks message wording. Each example's report has findings of no other rule than those it names in `also`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, computeLineStarts, crossReportFindings, offsetAt, parseReport, RULES, type Finding, type Range, type Rule, type Span } from '../../../server/src/engine';
import { exampleReport, type PlacedSnippet } from '../../../server/src/engine/rules/examples';
import type { RuleExample } from '../../../server/src/engine/rules/rule';

/** The example's findings: those of its report, and those across reports with last year's for a rule that has one. */
function findingsOf(rule: Rule, example: RuleExample, placed: PlacedSnippet): Finding[] {
  const own = checkText(placed.text).findings;
  if (!rule.checkReports || example.lastYear === undefined) return own;
  const last = exampleReport(example, true);
  const across = crossReportFindings([
    { id: 'last', model: parseReport(last.text) },
    { id: 'this', model: parseReport(placed.text) },
  ]);
  assert.deepEqual([...across.keys()].filter((k) => k !== 'this'), [], 'nothing is reported in last year’s report');
  return [...own, ...(across.get('this') ?? [])];
}

function toSpan(text: string, range: Range): Span {
  const starts = computeLineStarts(text);
  return { start: offsetAt(starts, text.length, range.start), end: offsetAt(starts, text.length, range.end) };
}

/** The snippet's pieces, one a line, each with `edit` applied to the spans that fall in it (others are refused). */
function withinPieces(placed: PlacedSnippet, spans: Span[], edit: (piece: string, local: Span, k: number) => string): string {
  const pieces = placed.pieces.map((p) => placed.text.slice(p.start, p.end));
  const order = spans.map((s, k) => ({ s, k })).sort((a, b) => b.s.start - a.s.start || b.s.end - a.s.end);
  for (const { s, k } of order) {
    const i = placed.pieces.findIndex((p) => p.start <= s.start && s.end <= p.end);
    assert.ok(i >= 0, `the finding or fix at ${s.start}–${s.end} falls outside the snippet`);
    const base = placed.pieces[i].start;
    pieces[i] = edit(pieces[i], { start: s.start - base, end: s.end - base }, k);
  }
  return pieces.join('\n');
}

const codesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.code))].sort();

for (const rule of RULES) {
  describe(`${rule.code}: examples`, () => {
    it('has a rationale and at least one valid and one invalid example', () => {
      assert.ok(rule.rationale.zh && rule.rationale.en);
      assert.ok(rule.examples.valid.length > 0 && rule.examples.invalid.length > 0);
    });

    rule.examples.valid.forEach((example, n) => {
      it(`valid ${n + 1}: no finding`, () => {
        const placed = exampleReport(example);
        assert.deepEqual(codesOf(findingsOf(rule, example, placed)), [...(example.also ?? [])].sort());
      });
    });

    rule.examples.invalid.forEach((example, n) => {
      it(`invalid ${n + 1}: the marked findings${example.fixed !== undefined ? ' and the fixed snippet' : ''}`, () => {
        const placed = exampleReport(example);
        const all = findingsOf(rule, example, placed);
        assert.deepEqual(codesOf(all), [rule.code, ...(example.also ?? [])].sort());
        const own = all.filter((f) => f.code === rule.code);
        const marked = withinPieces(placed, own.map((f) => toSpan(placed.text, f.range)),
          (piece, s) => `${piece.slice(0, s.start)}⟦${piece.slice(s.start, s.end)}⟧${piece.slice(s.end)}`);
        assert.equal(marked, example.marked);
        const edits = own.flatMap((f) => f.fixes[0]?.edits ?? []);
        if (example.fixed === undefined) {
          assert.deepEqual(edits, [], 'a fix is offered: say what it gives in `fixed`');
          return;
        }
        const fixed = withinPieces(placed, edits.map((e) => toSpan(placed.text, e.range)),
          (piece, s, k) => piece.slice(0, s.start) + edits[k].newText + piece.slice(s.end));
        assert.equal(fixed, example.fixed);
      });
    });
  });
}
