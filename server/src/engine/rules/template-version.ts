import { templateYearForReportYear, templateYearSpec, type TableTemplate } from '../template';
import { derivedFrom } from '../derived';
import { templateOf } from '../relations';
import { emptyTable, standardHeading } from '../skeleton';
import { defineRule } from './rule';
import { sectionName } from './util';

/** A template's layout as one string: its rows' labels and column paths (equal strings, the same layout). */
const shape = derivedFrom((t: TableTemplate): string => JSON.stringify(t.rows.map((r) => [r.label, r.columns.map((c) => c.path)])));

/** Each template's rows as label-and-columns strings, by row key. */
const shapesOf = derivedFrom((tpl: TableTemplate): Map<string, string> =>
  new Map(tpl.rows.map((r) => [r.key, JSON.stringify([r.label, r.group ?? false, r.columns.map((c) => c.path)])])));

/** The set of a template's row shapes. */
const shapeSetOf = derivedFrom((tpl: TableTemplate): Set<string> => new Set(shapesOf(tpl).values()));

/** Whether a row the text holds, read against `used`, is a row of `other` too (same label, same columns). */
function sharedRow(used: TableTemplate, key: string, other: TableTemplate): boolean {
  const shape = shapesOf(used).get(key);
  return shape !== undefined && shapeSetOf(other).has(shape);
}

/** Section 二 with the empty table 二 of the 2021 template, for the examples (in a 2021 and in a 2020 report). */
const TABLE_2_2021 = `${standardHeading(2)}\n${emptyTable(2, 2021)}`;

export default defineRule({
  code: 'template-version',
  defaultSeverity: 'warning',
  description: { zh: '表格使用了与报告年度不符的格式版本', en: 'The table layout of one template year in a report of another year' },
  rationale: {
    zh: '2021年起须使用新格式（国办公开办函〔2021〕30号），沿用旧表说明统计口径未按新要求调整',
    en: 'From 2021 the new format (国办公开办函〔2021〕30号) applies; an old table means the figures were not counted the new way',
  },
  examples: {
    valid: [{ in: { section: 2 }, snippet: TABLE_2_2021 }],
    invalid: [{
      in: { section: 2 },
      year: 2019,
      snippet: TABLE_2_2021,
      marked: TABLE_2_2021.replace('第二十条第（一）项', '⟦第二十条第（一）项⟧'),
    }],
  },
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
