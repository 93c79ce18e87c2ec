// Shared shape of the four arithmetic rules (balance, column-total, row-total, review-total): a finding on the
// total cell of each broken relation. Each rule's module names its relation, whose rows and columns are data in
// the template (template/applications.ts, template/reviews.ts); ../relations.ts evaluates them all.
import { cellName } from '../cellName';
import { derivedFrom } from '../derived';
import type { CellModel, Localized, RelationId, RelationResult, RelationTerm, ReportModel, Severity, Span } from '../types';
import { defineRule, type Rule, type RuleFix, type RuleRelated } from './rule';

const last = (a: string[]) => a[a.length - 1];

/** A cell by its row and column (`（七）总计 × 自然人`); table 四's one row has no label, so its column path. */
const termName = (t: RelationTerm): string => cellName(t.row, t.cell, 'short');

/** 30 + 3 + 0 − 2: the terms' values; past seven terms only those that are not 0. */
function formula(r: RelationResult): string {
  const long = r.plus.length > 7;
  let s = '';
  let shown = 0;
  for (const t of r.plus) {
    if (long && t.cell.value === 0) continue;
    s += shown++ === 0 ? String(t.cell.value) : ` + ${t.cell.value}`;
  }
  if (shown === 0) s = '0';
  if (shown < r.plus.length) s += shown ? ' + 0 + …' : ' + …';
  for (const t of r.minus) s += ` − ${t.cell.value}`;
  return s;
}

function relationMessage(r: RelationResult): Localized {
  const target = termName(r.target);
  const sum = `${r.actual} ≠ ${formula(r)} = ${r.expected}`;
  return { zh: `${target}：${sum}`, en: `${target}: ${sum}` };
}

/** An arithmetic rule: its relation, whether its fix is the obvious one, and what every rule says of itself. */
type ArithmeticRuleSpec = Pick<Rule, 'code' | 'description' | 'rationale' | 'examples'> & {
  relation: RelationId;
  fix: Localized;
  defaultSeverity?: Severity;
  /** Whether setting the total to the sum is the obvious fix. */
  preferredFix: boolean;
};

/**
 * For each total cell, the expected value when every relation on it expects the same, else NaN: built once per
 * report's relations (the four arithmetic rules share it), and only for a report with a broken relation.
 */
const agreedExpected = derivedFrom((relations: RelationResult[]): Map<CellModel, number> => {
  const m = new Map<CellModel, number>();
  for (const o of relations) {
    const cell = o.target.cell;
    const prev = m.get(cell);
    m.set(cell, prev === undefined || prev === o.expected ? o.expected : NaN);
  }
  return m;
});

/** Each term of the sum, named, with its value (a subtracted one says so). */
function relatedTerms(r: RelationResult): RuleRelated[] {
  const out: RuleRelated[] = [];
  for (const t of r.plus) {
    const name = termName(t);
    out.push({ span: t.cell.span, message: { zh: `${name}：${t.cell.value}`, en: `${name}: ${t.cell.value}` } });
  }
  for (const t of r.minus) {
    const name = termName(t);
    out.push({ span: t.cell.span, message: { zh: `减去 ${name}：${t.cell.value}`, en: `minus ${name}: ${t.cell.value}` } });
  }
  return out;
}

export function arithmeticRule({ relation, preferredFix, defaultSeverity = 'error', ...about }: ArithmeticRuleSpec): Rule {
  return defineRule({
    ...about,
    defaultSeverity,
    check({ model, relations, report }) {
      for (const r of relations) {
        if (r.id !== relation || r.ok) continue;
        const inferred = hasInferredTerm(model, r);
        // A cell that totals two ways (（七）总计 × 总计: its row and its column) is only fixed without
        // asking when both ways agree; otherwise applying one fix would break the other, back and forth.
        // A cell cut out of run-together digits is not rewritten: the text has no cell of its own to edit.
        const fixes = (): RuleFix[] => r.expected >= 0 && !inferred
          ? [{
            title: { zh: `将${last(r.target.cell.columnPath)}改为 ${r.expected}`, en: `Set the cell to ${r.expected}` },
            edits: [{ span: r.target.cell.span, newText: String(r.expected) }],
            preferred: preferredFix && agreedExpected(relations).get(r.target.cell) === r.expected,
          }]
          : [];
        report({
          span: r.target.cell.span,
          message: inferred ? withInferredNote(relationMessage(r)) : relationMessage(r),
          related: () => relatedTerms(r),
          fixes,
        });
      }
    },
  });
}

/** Whether a cell of the relation was cut out of run-together digits (see parse/inferCells). */
function hasInferredTerm(model: ReportModel, r: RelationResult): boolean {
  const table = model.tables.find((t) => t.id === r.tableId);
  if (!table || table.inferredCells.length === 0) return false;
  const inferred = (c: { span: Span }) => table.inferredCells.some((s) => s.start === c.span.start && s.end === c.span.end);
  return inferred(r.target.cell) || r.plus.some((t) => inferred(t.cell)) || r.minus.some((t) => inferred(t.cell));
}

const withInferredNote = (m: Localized): Localized => ({
  zh: `${m.zh}（原文数字连写，单元格由各行总计推断）`,
  en: `${m.en} (the figures run together in the text; cells inferred from each row's total)`,
});
