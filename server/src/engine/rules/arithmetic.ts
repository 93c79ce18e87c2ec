// Shared shape of the four arithmetic rules: a finding on the total cell of each broken relation.
import type { Localized, RelationResult, RelationTerm, Severity } from '../types';
import { defineRule, type Rule } from './rule';

const last = (a: string[]) => a[a.length - 1];

export function termName(t: RelationTerm): string {
  const col = last(t.cell.columnPath);
  return t.row.templateLabel ? `${t.row.templateLabel} × ${col}` : t.cell.columnPath.join(' › ');
}

function formula(r: RelationResult): string {
  const shown = r.plus.length > 7 ? r.plus.filter((t) => t.cell.value !== 0) : r.plus;
  let s = shown.map((t) => String(t.cell.value)).join(' + ') || '0';
  if (shown.length < r.plus.length) s += shown.length ? ' + 0 + …' : ' + …';
  for (const t of r.minus) s += ` − ${t.cell.value}`;
  return s;
}

export function relationMessage(r: RelationResult): Localized {
  const target = termName(r.target);
  return {
    zh: `${target}：${r.actual} ≠ ${formula(r)} = ${r.expected}`,
    en: `${target}: ${r.actual} ≠ ${formula(r)} = ${r.expected}`,
  };
}

interface ArithmeticRuleSpec {
  code: string;
  relation: RelationResult['id'];
  description: Localized;
  fix: Localized;
  defaultSeverity?: Severity;
  /** Whether setting the total to the sum is the obvious fix. */
  preferredFix: boolean;
}

export function arithmeticRule(spec: ArithmeticRuleSpec): Rule {
  return defineRule({
    code: spec.code,
    defaultSeverity: spec.defaultSeverity ?? 'error',
    description: spec.description,
    fix: spec.fix,
    check({ relations, report }) {
      for (const r of relations) {
        if (r.id !== spec.relation || r.ok) continue;
        // A cell that totals two ways (（七）总计 × 总计: its row and its column) is only fixed without
        // asking when both ways agree; otherwise applying one fix would break the other, back and forth.
        const agreed = relations.every((o) => o.target.cell !== r.target.cell || o.expected === r.expected);
        const fixes = r.expected >= 0
          ? [{
            title: { zh: `将${last(r.target.cell.columnPath)}改为 ${r.expected}`, en: `Set the cell to ${r.expected}` },
            edits: [{ span: r.target.cell.span, newText: String(r.expected) }],
            preferred: spec.preferredFix && agreed,
          }]
          : [];
        report({
          span: r.target.cell.span,
          message: relationMessage(r),
          related: [...r.plus, ...r.minus].map((t, i) => ({
            span: t.cell.span,
            message: { zh: `${i >= r.plus.length ? '减去 ' : ''}${termName(t)}：${t.cell.value}`, en: `${i >= r.plus.length ? 'minus ' : ''}${termName(t)}: ${t.cell.value}` },
          })),
          fixes,
        });
      }
    },
  });
}
