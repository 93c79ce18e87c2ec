// How a table cell is named to people, in messages, hovers and the Report checks view: the row and the column
// as the format prints them, joined by ×.
import type { CellModel, RowModel } from './types';

/** Umbrella headers people leave out when they name a column (申请人情况 › 自然人 is just 自然人). */
const UMBRELLAS = new Set(['申请人情况', '信息内容']);

/** A cell's column path as people say it: without the umbrella header. */
export function columnName(cell: CellModel): string {
  const path = UMBRELLAS.has(cell.columnPath[0]) ? cell.columnPath.slice(1) : cell.columnPath;
  return path.join(' › ');
}

/**
 * A cell's name: in full, the row's label path × the column path (三、本年度办理结果 › （一）予以公开 × 自然人);
 * short, the row's template label × the column's last header (（一）予以公开 × 自然人), as findings say it, or for
 * the one unlabelled row of table 四 its column path (行政复议 › 结果维持).
 */
export function cellName(row: RowModel, cell: CellModel, form: 'full' | 'short' = 'full'): string {
  if (form === 'short') return row.templateLabel ? `${row.templateLabel} × ${cell.columnPath[cell.columnPath.length - 1]}` : cell.columnPath.join(' › ');
  const rowPath = row.path.join(' › ');
  return rowPath ? `${rowPath} × ${columnName(cell)}` : columnName(cell);
}
