import { labelKey } from '../normalize';
import { defineRule } from './rule';
import { templateOf } from '../relations';

export default defineRule({
  code: 'row-label',
  defaultSeverity: 'warning',
  fix: { zh: '替换为模板中的标签（首选）', en: 'Replace with the template label (preferred)' },
  description: { zh: '行或列的标签与模板不一致（错字、多字、少字）', en: 'A row or column label that differs from the template' },
  check({ model, report }) {
    for (const table of model.tables) {
      const tpl = templateOf(table);
      for (const row of table.rows) {
        if (!row.label || !row.labelSpan) continue;
        const spec = tpl?.rows.find((r) => r.key === row.key);
        const accepted = [row.templateLabel, ...(spec?.aliases ?? [])].map(labelKey);
        if (accepted.includes(labelKey(row.label))) continue;
        report({
          span: row.labelSpan,
          message: {
            zh: `行标签“${row.label}”与模板不一致，应为“${row.templateLabel}”`,
            en: `Row label "${row.label}" differs from the template label "${row.templateLabel}"`,
          },
          // A label split around its values cannot be replaced by one edit.
          fixes: row.labelTail ? [] : [{ title: { zh: `改为“${row.templateLabel}”`, en: `Replace with "${row.templateLabel}"` }, edits: [{ span: row.labelSpan, newText: row.templateLabel }], preferred: true }],
        });
      }
      for (const h of table.headers) {
        if (labelKey(h.text) === labelKey(h.templateLabel)) continue;
        // A header matched an alias (e.g. 采购总金额 without the unit note): not a typo.
        const block = tpl?.rows.find((r) => r.headers?.some((x) => labelKey(x) === labelKey(h.text)));
        if (block) continue;
        report({
          span: h.span,
          message: {
            zh: `列标签“${h.text}”与模板不一致，应为“${h.templateLabel}”`,
            en: `Column label "${h.text}" differs from the template label "${h.templateLabel}"`,
          },
          fixes: [{ title: { zh: `改为“${h.templateLabel}”`, en: `Replace with "${h.templateLabel}"` }, edits: [{ span: h.span, newText: h.templateLabel }], preferred: true }],
        });
      }
    }
  },
});
