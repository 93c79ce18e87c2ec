// The export's columns as headers and plain values, shared by the XLSX, CSV and JSON writers.
import { CELL_COLUMNS, type CellColumn } from './columns';
import type { DeskRecord } from './record';

export interface MetaColumn { key: string; header: string; value: (r: DeskRecord) => string | number | null }

/** What every row starts with: which report, and how many findings of each severity. */
export const META_COLUMNS: MetaColumn[] = [
  { key: 'agency', header: '机关', value: (r) => r.agency },
  { key: 'reportYear', header: '报告年度', value: (r) => r.reportYear },
  { key: 'templateYear', header: '模板年度', value: (r) => r.templateYear },
  { key: 'file', header: '文件', value: (r) => r.file },
  { key: 'errors', header: '错误', value: (r) => r.counts.error },
  { key: 'warnings', header: '警告', value: (r) => r.counts.warning },
  { key: 'information', header: '信息', value: (r) => r.counts.information },
  { key: 'hints', header: '提示', value: (r) => r.counts.hint },
];

/** The keys of the cells this report's tables have but that could not be read: never a 0 in their place. */
export const UNREAD_COLUMN: MetaColumn = {
  key: 'unread', header: '未读单元格', value: (r) => r.unread.map((i) => CELL_COLUMNS[i].key).join(' ') || null,
};

export const columnsOfTable = (table: number): { column: CellColumn; index: number }[] =>
  CELL_COLUMNS.map((column, index) => ({ column, index })).filter((c) => c.column.table === table);
