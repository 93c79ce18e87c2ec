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

export default defineRule({
  code: 'template-version',
  defaultSeverity: 'warning',
  description: { zh: '表格使用了与报告年度不符的格式版本', en: 'The table layout of one template year in a report of another year' },
  check({ model, report }) {
    // With a forced template year the tables were read as that year: what they "use" is the user's choice.
    if (model.reportYear === null || model.templateYearSource === 'override') return;
    const expected = templateYearForReportYear(model.reportYear);
    for (const table of model.tables) {
      if (table.variantYear === expected) continue;
      const rightSpec = templateYearSpec(expected);
      const used = templateOf(table);
      // A table laid out the same in both years (table 四) cannot be the wrong one.
      if (used && rightSpec.tables[table.id].some((t) => shape(t) === shape(used))) continue;
      const usedSpec = templateYearSpec(table.variantYear);
      const first = table.rows.find((r) => r.labelSpan)?.labelSpan ?? { start: table.span.start, end: table.span.start };
      report({
        span: first,
        message: {
          zh: `${model.reportYear}年度报告的“${sectionName(table.id)}”表格使用了${table.variantYear}年版格式（${usedSpec.source}），应使用${expected}年版格式（${rightSpec.source}）`,
          en: `The table of "${sectionName(table.id)}" in a ${model.reportYear} report uses the ${table.variantYear} template (${usedSpec.source}); the ${expected} template (${rightSpec.source}) applies`,
        },
      });
    }
  },
});
