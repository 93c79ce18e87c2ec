// Evaluates the arithmetic relations that the template data declares for each table (R1–R3: table 三 in
// template/applications.ts; R4: table 四 in template/reviews.ts), and looks up a table's template, rows and columns.
import { derivedFrom } from './derived';
import { isShortRow } from './parse/reading';
import { TEMPLATE_YEARS, type ColumnSpec, type RelationSpec, type RowSpec, type TableTemplate } from './template';
import type { CellModel, Localized, RelationResult, RelationTerm, ReportModel, RowModel, TableModel } from './types';

/**
 * Template of each table id (the index) and variant name: the first year that has it. By id, then variant, so that
 * a look-up (several a table, from each rule) builds no key string to hash.
 */
const TEMPLATES: Map<string, TableTemplate>[] = [];
for (const y of TEMPLATE_YEARS) {
  for (const id of [2, 3, 4] as const) {
    const variants = (TEMPLATES[id] ??= new Map());
    for (const t of y.tables[id]) if (!variants.has(t.variant)) variants.set(t.variant, t);
  }
}

export function templateOf(table: TableModel): TableTemplate | undefined {
  return TEMPLATES[table.id]?.get(table.variant);
}

/** The first item of each key, by key (as items.find would give). */
function byKey<T extends { key: string }>(items: T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) if (!index.has(item.key)) index.set(item.key, item);
  return index;
}

const rowsByKey = derivedFrom((tpl: TableTemplate) => byKey(tpl.rows));
const columnsByKey = derivedFrom((row: RowSpec) => byKey(row.columns));

/** The template's row with this key. */
export function templateRow(tpl: TableTemplate | undefined, key: string): RowSpec | undefined {
  return tpl ? rowsByKey(tpl).get(key) : undefined;
}

/** The row's column with this key. */
export function templateColumn(row: RowSpec | undefined, key: string): ColumnSpec | undefined {
  return row ? columnsByKey(row).get(key) : undefined;
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
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // The keys mostly come in column order, as the cells do: the cell after the last one found is tried first.
    const c = cells[next]?.columnKey === k ? cells[next] : cellAt(row, k);
    if (!numeric(c)) return null;
    out.push({ cell: c, row });
    next = (c === cells[next] ? next : cells.indexOf(c)) + 1;
  }
  return out;
}

const numeric = (c: CellModel | undefined): c is CellModel =>
  !!c && c.value !== null && Number.isInteger(c.value) && c.value >= 0;


/**
 * Where a template's relations find their rows: positions in the template's rows (-1 for a key it has not), worked
 * out once per template, so that a report's rows are placed by position rather than put in a map of keys.
 */
interface RelationRows { positions: Map<string, number>; target: number[]; plus: number[][]; minus: number[][]; rows: (number[] | null)[] }
const relationRowsOf = derivedFrom((tpl: TableTemplate): RelationRows => {
  const positions = new Map<string, number>();
  tpl.rows.forEach((row, i) => { if (!positions.has(row.key)) positions.set(row.key, i); });
  const at = (keys: string[]): number[] => keys.map((k) => positions.get(k) ?? -1);
  // Only a column relation names rows in target, plus and minus (a row relation names columns there).
  const byColumn = (rel: RelationSpec, keys: string[]): number[] => (rel.within === 'column' ? at(keys) : []);
  return {
    positions,
    target: tpl.relations.map((rel) => byColumn(rel, [rel.target])[0] ?? -1),
    plus: tpl.relations.map((rel) => byColumn(rel, rel.plus)),
    minus: tpl.relations.map((rel) => byColumn(rel, rel.minus ?? NONE)),
    rows: tpl.relations.map((rel) => (rel.rows ? at(rel.rows) : null)),
  };
});

/**
 * The table's rows at their template positions (one per position, the last with the key as a map would keep). A
 * short row is left out: no relation goes through cells that cannot be placed; table-shape reports the row.
 */
function placeRows(tpl: TableTemplate, positions: Map<string, number>, rows: RowModel[]): (RowModel | undefined)[] {
  const specs = tpl.rows;
  const placed: (RowModel | undefined)[] = [];
  for (let j = 0; j < specs.length; j++) placed.push(undefined);
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const key = rows[i].key;
    // The parser reads rows in the template's order: the next template row with the key is the row's.
    while (j < specs.length && specs[j].key !== key) j++;
    const at = j < specs.length ? j++ : positions.get(key) ?? -1;
    if (at >= 0 && !isShortRow(rows[i])) placed[at] = rows[i];
  }
  return placed;
}

export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (let t = 0; t < model.tables.length; t++) {
    const table = model.tables[t];
    const tpl = templateOf(table);
    if (!tpl || tpl.relations.length === 0) continue; // table 二 has none
    if (table.unreliable) continue; // figures that cannot be placed in their cells are no terms to add up
    const where = relationRowsOf(tpl);
    const wording = wordingOf(tpl);
    const placed = placeRows(tpl, where.positions, table.rows);
    for (let i = 0; i < tpl.relations.length; i++) {
      const rel = tpl.relations[i];
      if (rel.within === 'row') rowRelation(rel, table, placed, where.rows[i], wording[i], out);
      else columnRelation(rel, table, placed, where.target[i], where.plus[i], where.minus[i], wording[i], out);
    }
  }
  return out;
}

/** A relation between the cells of each row it names (R3: 总计 = the applicant columns; R4: 总计 = the outcomes). */
function rowRelation(
  rel: RelationSpec, table: TableModel, placed: (RowModel | undefined)[], positions: number[] | null, description: Localized, out: RelationResult[],
): void {
  // Every data row by default: the table's own, in order (a table has one row a key).
  const n = positions ? positions.length : table.rows.length;
  for (let i = 0; i < n; i++) {
    const row = positions ? rowAt(placed, positions[i]) : table.rows[i];
    // Group rows are left out of the default (every data row), not out of rows a relation names.
    if (!row || (!positions && row.group) || isShortRow(row)) continue;
    const target = cellAt(row, rel.target);
    if (!numeric(target)) continue;
    const plus = termsInRow(row, rel.plus);
    const minus = plus && termsInRow(row, rel.minus ?? NONE);
    if (!plus || !minus) continue;
    out.push(result(rel.id, table, { cell: target, row }, plus, minus, description));
  }
}

const rowAt = (placed: (RowModel | undefined)[], at: number): RowModel | undefined => (at >= 0 ? placed[at] : undefined);

/** The rows at these positions, or null when one is missing. */
function rowsOf(placed: (RowModel | undefined)[], positions: number[]): RowModel[] | null {
  const rows: RowModel[] = [];
  for (let i = 0; i < positions.length; i++) {
    const r = rowAt(placed, positions[i]);
    if (!r) return null;
    rows.push(r);
  }
  return rows;
}

/**
 * The cells of these rows in one column as terms, or null when one is missing or not a count. The column's cell
 * is mostly at the same index in every row (`index`, where the target row has it): that one is tried first.
 */
function termsInColumn(rows: RowModel[], columnKey: string, index: number): RelationTerm[] | null {
  const out: RelationTerm[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const c = row.cells[index]?.columnKey === columnKey ? row.cells[index] : cellAt(row, columnKey);
    if (!numeric(c)) return null;
    out.push({ cell: c, row });
  }
  return out;
}

/** A relation between rows, column by column (R2: （七）总计 = the outcome rows; R1: the carry-over balance). */
function columnRelation(
  rel: RelationSpec, table: TableModel, placed: (RowModel | undefined)[], targetAt: number, plusAt: number[], minusAt: number[],
  description: Localized, out: RelationResult[],
): void {
  const targetRow = rowAt(placed, targetAt);
  if (!targetRow) return;
  const plusRows = rowsOf(placed, plusAt);
  const minusRows = plusRows && rowsOf(placed, minusAt);
  if (!plusRows || !minusRows) return;
  for (let i = 0; i < targetRow.cells.length; i++) {
    const targetCell = targetRow.cells[i];
    if (!numeric(targetCell)) continue;
    const plus = termsInColumn(plusRows, targetCell.columnKey, i);
    const minus = plus && termsInColumn(minusRows, targetCell.columnKey, i);
    if (!plus || !minus) continue;
    out.push(result(rel.id, table, { cell: targetCell, row: targetRow }, plus, minus, description));
  }
}

/**
 * The wording of each of a template's relations, as the hover and the outline show it: a column relation by its
 * rows' labels, a row relation by its columns' names (the same for every column, or every row, it holds in).
 */
const wordingOf = derivedFrom((tpl: TableTemplate): Localized[] => tpl.relations.map((rel) => {
  if (rel.within === 'column') {
    const label = (key: string) => templateRow(tpl, key)?.label ?? key;
    return {
      zh: rel.minus
        ? `${label(rel.target)} = ${rel.plus.map(label).join(' + ')} − ${rel.minus.map(label).join(' − ')}`
        : `${label(rel.target)} = 各办理结果之和`,
      en: rel.minus ? 'carried to next year = new + carried over − total handled' : 'total = sum of the outcome rows',
    };
  }
  const row = tpl.rows.find((r) => templateColumn(r, rel.target));
  const name = (key: string) => templateColumn(row, key)?.path.at(-1) ?? key;
  return { zh: `${name(rel.target)} = ${rel.plus.map(name).join(' + ')}`, en: `total = sum of ${rel.plus.length} columns` };
}));

/** The sum of the terms' values. */
function sumOf(ts: RelationTerm[]): number {
  let s = 0;
  for (let i = 0; i < ts.length; i++) s += ts[i].cell.value ?? 0;
  return s;
}

function result(id: RelationResult['id'], table: TableModel, target: RelationTerm, plus: RelationTerm[], minus: RelationTerm[], description: Localized): RelationResult {
  const expected = sumOf(plus) - sumOf(minus);
  const actual = target.cell.value ?? 0;
  return { id, tableId: table.id, target, plus, minus, expected, actual, ok: expected === actual, description };
}
