import type { TableId } from '../types';
import { defineRule } from './rule';
import { sectionName } from './util';

export default defineRule({
  code: 'table-missing',
  defaultSeverity: 'error',
  description: { zh: '第二、三、四部分没有可识别的统计表', en: 'Section 二, 三 or 四 has no recognisable table' },
  check({ model, report }) {
    for (const id of [2, 3, 4] as TableId[]) {
      if (model.tables.some((t) => t.id === id)) continue;
      const section = model.sections.find((s) => s.id === id);
      if (!section) continue; // section-missing says it already
      report({
        span: section.heading.span,
        message: { zh: `“${sectionName(id)}”中没有找到统计表`, en: `No table found in "${sectionName(id)}"` },
      });
    }
  },
});
