import { templateYearForReportYear, templateYearSpec, type TableTemplate } from '../template';
import { templateOf } from '../relations';
import { defineRule } from './rule';
import { sectionName } from './util';

const shapes = new WeakMap<TableTemplate, string>();
const shape = (t: TableTemplate): string => {
  let s = shapes.get(t);
  if (s === undefined) { s = JSON.stringify(t.rows.map((r) => [r.label, r.columns.map((c) => c.path)])); shapes.set(t, s); }
  return s;
};

/** Each template's rows as label-and-columns strings, by row key, worked out once. */
const rowShapes = new WeakMap<TableTemplate, Map<string, string>>();
function shapesOf(tpl: TableTemplate): Map<string, string> {
  let m = rowShapes.get(tpl);
  if (!m) {
    m = new Map(tpl.rows.map((r) => [r.key, JSON.stringify([r.label, r.group ?? false, r.columns.map((c) => c.path)])]));
    rowShapes.set(tpl, m);
  }
  return m;
}

const shapeSets = new WeakMap<TableTemplate, Set<string>>();
const shapeSetOf = (tpl: TableTemplate): Set<string> => {
  let set = shapeSets.get(tpl);
  if (!set) { set = new Set(shapesOf(tpl).values()); shapeSets.set(tpl, set); }
  return set;
};

/** Whether a row the text holds, read against `used`, is a row of `other` too (same label, same columns). */
function sharedRow(used: TableTemplate, key: string, other: TableTemplate): boolean {
  const shape = shapesOf(used).get(key);
  return shape !== undefined && shapeSetOf(other).has(shape);
}

export default defineRule({
  code: 'template-version',
  defaultSeverity: 'warning',
  description: { zh: '表格使用了与报告年度不符的格式版本', en: 'The table layout of one template year in a report of another year' },
  check({ model, report }) {
    // A template year set by the user is the one the tables must follow; otherwise the report year decides.
    const forced = model.templateYearSource === 'override' ? model.templateYear : null;
    if (model.reportYear === null && forced === null) return;
    const expected = forced ?? templateYearForReportYear(model.reportYear!);
    for (const table of model.tables) {
      if (table.variantYear === expected) continue;
      // A table that cannot be read reliably says so once (table-shape); which template it follows is as unsure.
      if (table.unreliable) continue;
      const rightSpec = templateYearSpec(expected);
      const used = templateOf(table);
      // A table laid out the same in both years (table 四) cannot be the wrong one.
      if (used && rightSpec.tables[table.id].some((t) => shape(t) === shape(used))) continue;
      // Only rows the text holds tell the years apart: a copy cut before them says nothing about the template.
      if (used && !table.rows.some((r) => (r.labelSpan || r.cells.length > 0) && !rightSpec.tables[table.id].some((t) => sharedRow(used, r.key, t)))) continue;
      const usedSpec = templateYearSpec(table.variantYear);
      const first = table.rows.find((r) => r.labelSpan)?.labelSpan ?? { start: table.span.start, end: table.span.start };
      report({
        span: first,
        message: {
          zh: forced
            ? `“${sectionName(table.id)}”表格使用了${table.variantYear}年版格式（${usedSpec.source}），与设定的${expected}年版格式（${rightSpec.source}）不符`
            : `${model.reportYear}年度报告的“${sectionName(table.id)}”表格使用了${table.variantYear}年版格式（${usedSpec.source}），应使用${expected}年版格式（${rightSpec.source}）`,
          en: forced
            ? `The table of "${sectionName(table.id)}" uses the ${table.variantYear} template (${usedSpec.source}), not the ${expected} template (${rightSpec.source}) set for this report`
            : `The table of "${sectionName(table.id)}" in a ${model.reportYear} report uses the ${table.variantYear} template (${usedSpec.source}); the ${expected} template (${rightSpec.source}) applies`,
        },
      });
    }
  },
});
