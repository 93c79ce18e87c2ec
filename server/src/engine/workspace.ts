// Checks that need several reports: R5 (carry-over-mismatch) between consecutive years of the same body.
// The adapters pass every report they hold (the CLI: all inputs of one run; the server: the workspace) with an
// id of their choosing (a path or URI) and turn the ids in Finding.related[].file back into locations.
import type { EngineConfig } from './config';
import { toHalfWidth } from './normalize';
import carryOverRule from './rules/carry-over-mismatch';
import { spanToRange } from './text';
import type { CellModel, Finding, ReportModel, RowModel } from './types';

export interface WorkspaceReport { id: string; model: ReportModel }

const COLUMN_NAME: Record<string, string> = {
  natural: '自然人', business: '商业企业', research: '科研机构', charity: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计',
};

/**
 * The body a report is about, normalised so that two years of it compare equal: the agency from the title,
 * half-width, without spaces, punctuation or brackets. Null when the report has no recognisable agency.
 */
export function bodyKey(model: ReportModel): string | null {
  if (!model.agency) return null;
  const key = toHalfWidth(model.agency)
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[()（）【】\[\]《》“”"'‘’·•.,，、:：;；-]/g, '')
    .replace(/\d{4}年度?$/, '');
  return key.length >= 2 ? key : null;
}

function row(model: ReportModel, key: string): RowModel | null {
  return model.tables.find((t) => t.id === 3)?.rows.find((r) => r.key === key && !r.group) ?? null;
}

const cellOf = (r: RowModel | null, column: string): CellModel | null => r?.cells.find((c) => c.columnKey === column) ?? null;

/**
 * Findings that compare reports with each other, keyed by report id (only ids with findings appear).
 * R5: for each body with reports of consecutive years, this year's 二、上年结转 must equal last year's
 * 四、结转下年度继续办理 in every column; the finding sits on this year's cell and its related location is the
 * other report's cell (`file` = that report's id).
 */
export function crossReportFindings(reports: WorkspaceReport[], config: Partial<EngineConfig> = {}): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const setting = config.rules?.[carryOverRule.code];
  if (setting === 'off') return out;
  const severity = setting ?? carryOverRule.defaultSeverity;

  const byBody = new Map<string, Map<number, WorkspaceReport[]>>();
  for (const r of reports) {
    const key = bodyKey(r.model);
    const year = r.model.reportYear;
    if (!key || year === null || !r.model.isReport) continue;
    const years = byBody.get(key) ?? new Map<number, WorkspaceReport[]>();
    years.set(year, [...(years.get(year) ?? []), r]);
    byBody.set(key, years);
  }

  for (const years of byBody.values()) {
    for (const [year, current] of years) {
      const previous = years.get(year - 1);
      if (!previous) continue;
      for (const cur of current) {
        for (const prev of previous) {
          if (prev.id === cur.id) continue;
          const carried = row(cur.model, 'carried');
          const carryOver = row(prev.model, 'carryOver');
          if (!carried || !carryOver) continue;
          for (const c of carried.cells) {
            const other = cellOf(carryOver, c.columnKey);
            if (c.value === null || !other || other.value === null || c.value === other.value) continue;
            const column = COLUMN_NAME[c.columnKey] ?? c.columnKey;
            const finding: Finding = {
              code: carryOverRule.code,
              severity,
              message: {
                zh: `二、上年结转 × ${column} 为 ${c.value}，但 ${year - 1} 年度报告的 四、结转下年度继续办理 × ${column} 为 ${other.value}`,
                en: `二、上年结转 × ${column} is ${c.value}, but the ${year - 1} report's 四、结转下年度继续办理 × ${column} is ${other.value}`,
              },
              range: spanToRange(cur.model.lineStarts, c.span),
              related: [{
                range: spanToRange(prev.model.lineStarts, other.span),
                message: {
                  zh: `${year - 1} 年度报告：四、结转下年度继续办理 × ${column}：${other.value}`,
                  en: `${year - 1} report: 四、结转下年度继续办理 × ${column}: ${other.value}`,
                },
                file: prev.id,
              }],
              fixes: [],
            };
            out.set(cur.id, [...(out.get(cur.id) ?? []), finding]);
          }
        }
      }
    }
  }
  return out;
}
