import { derivedFrom } from '../derived';
import { labelKey } from '../normalize';
import type { TableTemplate } from '../template';
import { defineRule } from './rule';
import { templateOf, templateRow } from '../relations';

/** The comparison keys of a template's wording (row labels, aliases, header labels), by wording. */
const wordingKeys = derivedFrom((tpl: TableTemplate): Map<string, string> => {
  const words = [...tpl.headers, ...tpl.rows.flatMap((r) => [r.label, ...(r.aliases ?? []), ...(r.headers ?? [])])];
  return new Map(words.map((w) => [w, labelKey(w)]));
});

/** The key of a template wording: worked out with the template's, or here for one it does not hold. */
const templateKey = (tpl: TableTemplate | undefined, s: string): string => (tpl && wordingKeys(tpl).get(s)) ?? labelKey(s);

export default defineRule({
  code: 'row-label',
  defaultSeverity: 'warning',
  fix: { zh: '替换为模板中的标签（首选）', en: 'Replace with the template label (preferred)' },
  description: { zh: '行或列的标签与模板不一致（错字、多字、少字）', en: 'A row or column label that differs from the template' },
  rationale: {
    zh: '行、列标签是统计口径，改动措辞会让读者和汇总工具误解该格统计的是什么',
    en: 'Row and column labels define what is counted; reworded, they leave readers and summaries unsure what a figure means',
  },
  examples: {
    valid: [{ in: { table: 3 }, snippet: '（一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' }],
    invalid: [{
      in: { table: 3 },
      snippet: '（一）予已公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      marked: '⟦（一）予已公开⟧ | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      fixed: '（一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    }],
  },
  check({ model, report }) {
    for (const table of model.tables) {
      const tpl = templateOf(table);
      // In a table read from run-together text or whose cells could not be told apart (a flattened page), a label
      // holding the template's whole with more run onto it is that label with a neighbour's text (第二十条第（六）项-,
      // 社会公益组织法); one that is the template's cut short is a label a PDF wrapped around its values, its rest
      // run on after them (（二）部分公开（区分处理的，只计这一情形，不计 … 其他情形）); one that is the template's with a
      // column header left out had that piece read as the header (…不计其他情形） cut at 其他); and one that differs
      // from it only in digits has a figure run into it (…只计7这一情形…).
      const runOn = (key: string, templateLabel: string) => {
        if (!table.runTogether && !table.unreliable) return false;
        const whole = templateKey(tpl, templateLabel);
        // (Cut right before its note, （二）部分公开, it is the short form people write: reported as such.)
        const beforeNote = whole.charCodeAt(key.length) === 0x28 || whole.charCodeAt(key.length) === 0xff08;
        return key.includes(whole) || (key.length >= 4 && whole.startsWith(key) && !beforeNote) || headerLeftOut(tpl, key, whole)
          || figureRunIn(key, whole);
      };
      for (const row of table.rows) {
        // The usual row reads its label as the template writes it: equal strings have equal keys.
        if (!row.label || !row.labelSpan || row.label === row.templateLabel) continue;
        // The row a copy stops in may have lost the end of its label with the rest of the text.
        if (table.cut?.insideLastRow && table.cut.lastRow?.key === row.key) continue;
        const spec = templateRow(tpl, row.key);
        const key = labelKey(row.label);
        if (key === templateKey(tpl, row.templateLabel) || spec?.aliases?.some((a) => templateKey(tpl, a) === key) || runOn(key, row.templateLabel)) continue;
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
        if (key === templateKey(tpl, h.templateLabel) || runOn(key, h.templateLabel)) continue;
        // A header matched an alias (e.g. 采购总金额 without the unit note): not a typo.
        const block = tpl?.rows.find((r) => r.headers?.some((x) => templateKey(tpl, x) === key));
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

/** The keys of a template's column headers (其他, 总计 …). */
const headerKeys = derivedFrom((tpl: TableTemplate): Set<string> => new Set(tpl.headers.map((h) => templateKey(tpl, h))));

/**
 * Whether `key` is `whole` with one of the table's column headers left out of its middle (a label of a run-together
 * table a piece of which was read as that header). A label lacking other words (行政止公开) is still reported.
 */
function headerLeftOut(tpl: TableTemplate | undefined, key: string, whole: string): boolean {
  if (!tpl || key.length < 4 || key.length >= whole.length) return false;
  let head = 0;
  while (head < key.length && key.charCodeAt(head) === whole.charCodeAt(head)) head++;
  const tail = key.length - head;
  return head >= 2 && tail >= 2 && whole.endsWith(key.slice(head)) && headerKeys(tpl).has(whole.slice(head, whole.length - tail));
}

/** Whether `key` is `whole` with digits inside it, after its numbering: a figure run into the label. */
function figureRunIn(key: string, whole: string): boolean {
  const numbering = /^[0-9]*/.exec(key)![0];
  return whole.startsWith(numbering) && key.length > whole.length && key.slice(numbering.length).replace(/[0-9]+/g, '') === whole.slice(numbering.length).replace(/[0-9]+/g, '');
}
