// The export's columns: every data cell of tables 二, 三 and 四 in every template year, under one stable key
// and one Chinese header each, so that reports of both years line up in one sheet.
import { TEMPLATE_YEARS, type TableId, type TableModel, type TemplateYear } from '../engine';

export interface CellColumn {
  /** Stable machine key, e.g. t3.total.natural or t2.2021.item1.r1.c1. */
  key: string;
  /** Chinese header, table › row › column, e.g. 表三›（七）总计›自然人. */
  header: string;
  table: TableId;
  row: string;
  column: string;
  /** The template years whose tables have this cell. */
  years: TemplateYear[];
}

const TABLE_NAME: Record<TableId, string> = { 2: '表二', 3: '表三', 4: '表四' };
export const TABLE_IDS: TableId[] = [2, 3, 4];

/**
 * Table 二's blocks have different columns in each year under the same keys (c1 is 本年新制作数量 in 2019 and
 * 本年制发件数 in 2021), so its keys and headers carry the year; tables 三 and 四 mean the same by the same key.
 */
const yearPart = (table: TableId, year: TemplateYear): string => (table === 2 ? `.${year}` : '');

/** Builds the column list once from the templates (every variant, the first one's wording kept). */
function buildColumns(): CellColumn[] {
  const out: CellColumn[] = [];
  const byKey = new Map<string, CellColumn>();
  for (const table of TABLE_IDS) {
    for (const spec of TEMPLATE_YEARS) {
      for (const template of spec.tables[table]) {
        const labels = new Map(template.rows.map((r) => [r.key, r.label]));
        for (const row of template.rows) {
          if (row.group) continue;
          for (const col of row.columns) {
            const key = `t${table}${yearPart(table, spec.year)}.${row.key}.${col.key}`;
            const known = byKey.get(key);
            if (known) { if (!known.years.includes(spec.year)) known.years.push(spec.year); continue; }
            const rowPath = rowLabels(row.key, row.parent, labels, template.rows);
            // Table 四's columns repeat 总计 etc. under 行政复议 and 行政诉讼: its header takes the whole column path.
            const colPath = table === 4 ? col.path : col.path.slice(-1);
            const header = [TABLE_NAME[table] + (table === 2 ? `（${spec.year}）` : ''), ...rowPath, ...colPath].join('›');
            const column: CellColumn = { key, header, table, row: row.key, column: col.key, years: [spec.year] };
            byKey.set(key, column);
            out.push(column);
          }
        }
      }
    }
  }
  return out;
}

/** The labels from the row's block or group down to the row (table 四's one row has none of its own). */
function rowLabels(key: string, parent: string | undefined, labels: Map<string, string>, rows: { key: string; parent?: string }[]): string[] {
  const path = [labels.get(key) ?? key];
  let p = parent;
  while (p !== undefined) {
    // Table 三's group 三、本年度办理结果 is left out: its sub-rows are named enough by （一）…（七）.
    if (p !== 'results') path.unshift(labels.get(p) ?? p);
    p = rows.find((r) => r.key === p)?.parent;
  }
  return path.filter((l) => l !== '');
}

export const CELL_COLUMNS: readonly CellColumn[] = buildColumns();
export const COLUMN_INDEX: ReadonlyMap<string, number> = new Map(CELL_COLUMNS.map((c, i) => [c.key, i]));

/** The column key a table's cell goes to. */
export const cellKey = (t: TableModel, rowKey: string, columnKey: string): string =>
  `t${t.id}${yearPart(t.id, t.variantYear)}.${rowKey}.${columnKey}`;

/**
 * Column indexes by table and template year, row key, column key: found for every cell of every report without
 * building its key string (the row and column keys are the template's own strings).
 */
const INDEXES = new Map<string, Map<string, Map<string, number>>>();
CELL_COLUMNS.forEach((c, index) => {
  for (const year of c.years) {
    const tableKey = `${c.table}/${year}`;
    let rows = INDEXES.get(tableKey);
    if (!rows) INDEXES.set(tableKey, rows = new Map());
    let columns = rows.get(c.row);
    if (!columns) rows.set(c.row, columns = new Map());
    columns.set(c.column, index);
  }
});

/** A table's cell indexes by row key, then column key (undefined for a table of no known template). */
export const cellIndexes = (t: TableModel): Map<string, Map<string, number>> | undefined => INDEXES.get(`${t.id}/${t.variantYear}`);
