import { labelKey } from '../normalize';
import { defineRule } from './rule';
import { templateOf, templateRow } from '../relations';

/** Keys of template wording (labels, aliases, headers): a fixed set, computed once each. */
const templateKeys = new Map<string, string>();
const templateKey = (s: string): string => {
  let k = templateKeys.get(s);
  if (k === undefined) { k = labelKey(s); templateKeys.set(s, k); }
  return k;
};

export default defineRule({
  code: 'row-label',
  defaultSeverity: 'warning',
  fix: { zh: '替换为模板中的标签（首选）', en: 'Replace with the template label (preferred)' },
  description: { zh: '行或列的标签与模板不一致（错字、多字、少字）', en: 'A row or column label that differs from the template' },
  check({ model, report }) {
    for (const table of model.tables) {
      const tpl = templateOf(table);
      for (const row of table.rows) {
        // The usual row reads its label as the template writes it: equal strings have equal keys.
        if (!row.label || !row.labelSpan || row.label === row.templateLabel) continue;
        // The row a copy stops in may have lost the end of its label with the rest of the text.
        if (table.cut?.insideLastRow && table.cut.lastRow?.key === row.key) continue;
        const spec = templateRow(tpl, row.key);
        const key = labelKey(row.label);
        if (key === templateKey(row.templateLabel) || spec?.aliases?.some((a) => templateKey(a) === key)) continue;
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
        if (h.text === h.templateLabel) continue;
        const key = labelKey(h.text);
        if (key === templateKey(h.templateLabel)) continue;
        // A header matched an alias (e.g. 采购总金额 without the unit note): not a typo.
        const block = tpl?.rows.find((r) => r.headers?.some((x) => templateKey(x) === key));
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
