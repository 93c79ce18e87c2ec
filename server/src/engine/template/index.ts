// The registry of template years. Adding a year means adding one entry here.
import type { TableId, TemplateYear } from '../types';
import { applicationsTable } from './applications';
import { disclosureTable } from './disclosure';
import { reviewsTable } from './reviews';
import type { RowSpec, TableTemplate, TemplateYearSpec } from './types';

const YEARS: TemplateYearSpec[] = [
  {
    year: 2019,
    source: '国办公开办函〔2019〕60号',
    markers: ['本年新制作数量', '本年新公开数量', '上一年项目数量', '第二十条第（九）项', '政府集中采购', '采购总金额'],
    tables: {
      2: [disclosureTable(2019), disclosureTable(2019, true)],
      3: [applicationsTable(2019)],
      4: [reviewsTable(2019)],
    },
  },
  {
    year: 2021,
    source: '国办公开办函〔2021〕30号',
    markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '行政规范性文件', '申请人无正当理由逾期不补正'],
    tables: {
      2: [disclosureTable(2021)],
      3: [applicationsTable(2021)],
      4: [reviewsTable(2021)],
    },
  },
];

/**
 * A row with every property of a row, in one order (absent ones undefined). The tables' files build rows of a dozen
 * shapes (a group, a block's row, a row with a short name …); the parser reads rows for every row of every report,
 * and reads on objects of that many shapes go through V8's slowest property look-up (docs/performance.md).
 */
const uniformRow = (r: RowSpec): RowSpec => {
  // Every property named (the type fails to compile when RowSpec gains one that is not listed here).
  const row: { [K in keyof Required<RowSpec>]: RowSpec[K] } = {
    key: r.key, label: r.label, aliases: r.aliases, group: r.group, parent: r.parent, columns: r.columns,
    headers: r.headers, block: r.block, article: r.article, meaning: r.meaning, short: r.short,
  };
  return row;
};
const uniformRows = (t: TableTemplate): TableTemplate => ({ ...t, rows: t.rows.map(uniformRow) });

export const TEMPLATE_YEARS: TemplateYearSpec[] = YEARS.map((y) => ({
  ...y,
  tables: { 2: y.tables[2].map(uniformRows), 3: y.tables[3].map(uniformRows), 4: y.tables[4].map(uniformRows) },
}));

/** The first report year each template year applies to. */
export function templateYearForReportYear(reportYear: number): TemplateYear {
  let chosen = TEMPLATE_YEARS[0].year;
  for (const t of TEMPLATE_YEARS) if (reportYear >= t.year) chosen = t.year;
  return chosen;
}

export function templateYearSpec(year: TemplateYear): TemplateYearSpec {
  return TEMPLATE_YEARS.find((t) => t.year === year) ?? TEMPLATE_YEARS[0];
}

const variantLists = new Map<string, TableTemplate[]>();

/** Every variant of a table, the given template year's first (the same array for the same arguments). */
export function tableVariants(id: TableId, preferred: TemplateYear): readonly TableTemplate[] {
  const key = `${id}/${preferred}`;
  let list = variantLists.get(key);
  if (!list) {
    const first = templateYearSpec(preferred).tables[id];
    const rest = TEMPLATE_YEARS.filter((t) => t.year !== preferred).flatMap((t) => t.tables[id]);
    list = [...first, ...rest];
    variantLists.set(key, list);
  }
  return list;
}

export { SECTIONS } from './sections';
export type { ColumnSpec, RelationSpec, RowSpec, SectionSpec, TableTemplate } from './types';
