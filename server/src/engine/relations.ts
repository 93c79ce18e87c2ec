// Evaluates the arithmetic relations R1–R4 that the template data declares for each table.
import { TEMPLATE_YEARS, type ColumnSpec, type RelationSpec, type RowSpec, type TableTemplate } from './template';
import type { CellModel, RelationResult, RelationTerm, ReportModel, RowModel, TableModel } from './types';

/** Template of each table id and variant name: the first year that has it. */
const TEMPLATES = new Map<string, TableTemplate>();
for (const y of TEMPLATE_YEARS) {
  for (const id of [2, 3, 4] as const) {
    for (const t of y.tables[id]) if (!TEMPLATES.has(`${id}/${t.variant}`)) TEMPLATES.set(`${id}/${t.variant}`, t);
  }
}

export function templateOf(table: TableModel): TableTemplate | undefined {
  return TEMPLATES.get(`${table.id}/${table.variant}`);
}

/** The first item with `key` in `items`, from a map built once per owner (as items.find would give). */
function firstByKey<T extends { key: string }>(cache: WeakMap<object, Map<string, T>>, owner: object, items: T[], key: string): T | undefined {
  let index = cache.get(owner);
  if (!index) {
    index = new Map();
    for (const item of items) if (!index.has(item.key)) index.set(item.key, item);
    cache.set(owner, index);
  }
  return index.get(key);
}

const rowIndex = new WeakMap<object, Map<string, RowSpec>>();
const columnIndex = new WeakMap<object, Map<string, ColumnSpec>>();

/** The template's row with this key. */
export function templateRow(tpl: TableTemplate | undefined, key: string): RowSpec | undefined {
  return tpl ? firstByKey(rowIndex, tpl, tpl.rows, key) : undefined;
}

/** The row's column with this key. */
export function templateColumn(row: RowSpec | undefined, key: string): ColumnSpec | undefined {
  return row ? firstByKey(columnIndex, row, row.columns, key) : undefined;
}

/**
 * The column of a row's `index`-th cell: the parser fills a row's cells in the template's column order, so the
 * column at the same index is the one, unless the row was read against another template.
 */
export function templateColumnAt(row: RowSpec | undefined, key: string, index: number): ColumnSpec | undefined {
  const column = row?.columns[index];
  return column && column.key === key ? column : templateColumn(row, key);
}

/** A row's first cell in the column with this key (a row has at most fifteen). */
function cellAt(row: RowModel, key: string): CellModel | undefined {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) if (cells[i].columnKey === key) return cells[i];
  return undefined;
}

const NONE: string[] = [];

/** The row's cells in these columns as terms, or null when one is missing or not a count. */
function termsInRow(row: RowModel, keys: string[]): RelationTerm[] | null {
  const out: RelationTerm[] = [];
  const cells = row.cells;
  let next = 0;
  for (const k of keys) {
    // The keys mostly come in column order, as the cells do: the cell after the last one found is tried first.
    const c = cells[next]?.columnKey === k ? cells[next] : cellAt(row, k);
    if (!numeric(c)) return null;
    out.push({ cell: c, row });
    next = (c === cells[next] ? next : cells.indexOf(c)) + 1;
  }
  return out;
}

const allNumeric = (cells: (CellModel | undefined)[]): cells is CellModel[] => {
  for (const c of cells) if (!numeric(c)) return false;
  return true;
};

const numeric = (c: CellModel | undefined): c is CellModel =>
  !!c && c.value !== null && Number.isInteger(c.value) && c.value >= 0;

const shortLabel = (row: RowModel): string => row.templateLabel;

export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (const table of model.tables) {
    const tpl = templateOf(table);
    if (!tpl) continue;
    const rowsByKey = new Map<string, RowModel>();
    for (const r of table.rows) rowsByKey.set(r.key, r);
    for (const rel of tpl.relations) {
      if (rel.within === 'row') {
        const rowKeys = rel.rows ?? table.rows.filter((r) => !r.group).map((r) => r.key);
        for (const key of rowKeys) {
          const row = rowsByKey.get(key);
          if (!row) continue;
          const target = cellAt(row, rel.target);
          if (!numeric(target)) continue;
          const plus = termsInRow(row, rel.plus);
          const minus = plus && termsInRow(row, rel.minus ?? NONE);
          if (!plus || !minus) continue;
          out.push(result(rel.id, table, { cell: target, row }, plus, minus, rowDescription(rel, target, plus)));
        }
      } else {
        const targetRow = rowsByKey.get(rel.target);
        if (!targetRow) continue;
        const plusRows = rel.plus.map((k) => rowsByKey.get(k));
        const minusRows = (rel.minus ?? []).map((k) => rowsByKey.get(k));
        if (!plusRows.every(Boolean) || !minusRows.every(Boolean)) continue;
        // The same wording for every column of the relation.
        const zh = rel.minus
          ? `${shortLabel(targetRow)} = ${rel.plus.map((k) => shortLabel(rowsByKey.get(k)!)).join(' + ')} − ${rel.minus.map((k) => shortLabel(rowsByKey.get(k)!)).join(' − ')}`
          : `${shortLabel(targetRow)} = 各办理结果之和`;
        const en = rel.minus ? 'carried to next year = new + carried over − total handled' : 'total = sum of the outcome rows';
        const desc = { zh, en };
        for (const targetCell of targetRow.cells) {
          if (!numeric(targetCell)) continue;
          const plus = plusRows.map((r) => cellAt(r!, targetCell.columnKey));
          if (!allNumeric(plus)) continue;
          const minus = minusRows.map((r) => cellAt(r!, targetCell.columnKey));
          if (!allNumeric(minus)) continue;
          out.push(result(rel.id, table, { cell: targetCell, row: targetRow },
            plus.map((c, i) => ({ cell: c, row: plusRows[i]! })), minus.map((c, i) => ({ cell: c, row: minusRows[i]! })), desc));
        }
      }
    }
  }
  return out;
}

function last<T>(a: T[]): T { return a[a.length - 1]; }

/** The wording of a row relation, built once for the columns it names (every row of a table has the same). */
const rowWording = new WeakMap<RelationSpec, { paths: string[][]; description: RelationResult['description'] }>();
function rowDescription(rel: RelationSpec, target: CellModel, plus: RelationTerm[]): RelationResult['description'] {
  const known = rowWording.get(rel);
  if (known && known.paths.length === plus.length + 1 && known.paths[0] === target.columnPath && plus.every((t, i) => t.cell.columnPath === known.paths[i + 1])) {
    return known.description;
  }
  const zh = `${last(target.columnPath)} = ${plus.map((t) => last(t.cell.columnPath)).join(' + ')}`;
  const en = `total = sum of ${plus.length} columns`;
  const description = { zh, en };
  rowWording.set(rel, { paths: [target.columnPath, ...plus.map((t) => t.cell.columnPath)], description });
  return description;
}

function result(id: RelationResult['id'], table: TableModel, target: RelationTerm, plus: RelationTerm[], minus: RelationTerm[], description: RelationResult['description']): RelationResult {
  const sum = (ts: RelationTerm[]) => {
    let s = 0;
    for (const t of ts) s += t.cell.value ?? 0;
    return s;
  };
  const expected = sum(plus) - sum(minus);
  const actual = target.cell.value ?? 0;
  return { id, tableId: table.id, target, plus, minus, expected, actual, ok: expected === actual, description };
}
