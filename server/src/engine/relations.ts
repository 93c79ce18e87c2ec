// Evaluates the arithmetic relations R1–R4 that the template data declares for each table.
import { TEMPLATE_YEARS, type TableTemplate } from './template';
import type { CellModel, RelationResult, RelationTerm, ReportModel, RowModel, TableModel } from './types';

export function templateOf(table: TableModel): TableTemplate | undefined {
  for (const y of TEMPLATE_YEARS) {
    const t = y.tables[table.id].find((v) => v.variant === table.variant);
    if (t) return t;
  }
  return undefined;
}

const numeric = (c: CellModel | undefined): c is CellModel =>
  !!c && c.value !== null && Number.isInteger(c.value) && c.value >= 0;

const shortLabel = (row: RowModel): string => row.templateLabel;

export function evaluateRelations(model: ReportModel): RelationResult[] {
  const out: RelationResult[] = [];
  for (const table of model.tables) {
    const tpl = templateOf(table);
    if (!tpl) continue;
    const rowsByKey = new Map(table.rows.map((r) => [r.key, r]));
    for (const rel of tpl.relations) {
      if (rel.within === 'row') {
        const rowKeys = rel.rows ?? table.rows.filter((r) => !r.group).map((r) => r.key);
        for (const key of rowKeys) {
          const row = rowsByKey.get(key);
          if (!row) continue;
          const cell = (k: string) => row.cells.find((c) => c.columnKey === k);
          const target = cell(rel.target);
          const plus = rel.plus.map(cell);
          const minus = (rel.minus ?? []).map(cell);
          if (!numeric(target) || !plus.every(numeric) || !minus.every(numeric)) continue;
          const term = (c: CellModel): RelationTerm => ({ cell: c, row });
          out.push(result(rel.id, table, term(target), plus.map(term), minus.map(term),
            { zh: `${last(target.columnPath)} = ${plus.map((c) => last(c.columnPath)).join(' + ')}`, en: `total = sum of ${plus.length} columns` }));
        }
      } else {
        const targetRow = rowsByKey.get(rel.target);
        if (!targetRow) continue;
        const plusRows = rel.plus.map((k) => rowsByKey.get(k));
        const minusRows = (rel.minus ?? []).map((k) => rowsByKey.get(k));
        if (!plusRows.every(Boolean) || !minusRows.every(Boolean)) continue;
        for (const targetCell of targetRow.cells) {
          const at = (r: RowModel | undefined) => r!.cells.find((c) => c.columnKey === targetCell.columnKey);
          const plus = plusRows.map(at);
          const minus = minusRows.map(at);
          if (!numeric(targetCell) || !plus.every(numeric) || !minus.every(numeric)) continue;
          const desc = rel.minus
            ? { zh: `${shortLabel(targetRow)} = ${rel.plus.map((k) => shortLabel(rowsByKey.get(k)!)).join(' + ')} − ${rel.minus.map((k) => shortLabel(rowsByKey.get(k)!)).join(' − ')}`, en: 'carried to next year = new + carried over − total handled' }
            : { zh: `${shortLabel(targetRow)} = 各办理结果之和`, en: 'total = sum of the outcome rows' };
          out.push(result(rel.id, table, { cell: targetCell, row: targetRow },
            plus.map((c, i) => ({ cell: c, row: plusRows[i]! })), minus.map((c, i) => ({ cell: c, row: minusRows[i]! })), desc));
        }
      }
    }
  }
  return out;
}

function last<T>(a: T[]): T { return a[a.length - 1]; }

function result(id: RelationResult['id'], table: TableModel, target: RelationTerm, plus: RelationTerm[], minus: RelationTerm[], description: RelationResult['description']): RelationResult {
  const sum = (ts: RelationTerm[]) => ts.reduce((s, t) => s + (t.cell.value ?? 0), 0);
  const expected = sum(plus) - sum(minus);
  const actual = target.cell.value ?? 0;
  return { id, tableId: table.id, target, plus, minus, expected, actual, ok: expected === actual, description };
}
