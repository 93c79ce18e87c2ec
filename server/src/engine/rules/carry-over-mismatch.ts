// R5, across two reports of the same body: in each column of table 三, this year's 二、上年结转 must equal last
// year's 四、结转下年度继续办理. It needs both reports (in the workspace, or among the inputs of one CLI run): it
// has no per-report check; ../workspace.ts groups the reports by body and year and calls checkReports.
import type { CellModel, ReportModel, RowModel } from '../types';
import { defineRule, type ReportsContext, type WorkspaceReport } from './rule';

const COLUMN_NAME: Record<string, string> = {
  natural: '自然人', business: '商业企业', research: '科研机构', charity: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计',
};

// The adapters may pass a stand-in model with only what this reads: agency, reportYear, isReport, lineStarts and
// these two rows of table 三 (see cli/crossSummary.ts, features/crossReports.ts).
function row(model: ReportModel, key: string): RowModel | null {
  return model.tables.find((t) => t.id === 3)?.rows.find((r) => r.key === key && !r.group) ?? null;
}

const cellOf = (r: RowModel | null, column: string): CellModel | null => r?.cells.find((c) => c.columnKey === column) ?? null;

/** A finding on each of this year's 上年结转 cells that differs from last year's 结转下年度 cell in its column. */
function compare(cur: WorkspaceReport, prev: WorkspaceReport, year: number, report: ReportsContext['report']): void {
  const carried = row(cur.model, 'carried');
  const carryOver = row(prev.model, 'carryOver');
  if (!carried || !carryOver) return;
  for (const c of carried.cells) {
    const other = cellOf(carryOver, c.columnKey);
    if (c.value === null || !other || other.value === null || c.value === other.value) continue;
    const column = COLUMN_NAME[c.columnKey] ?? c.columnKey;
    report(cur, {
      span: c.span,
      message: {
        zh: `二、上年结转 × ${column} 为 ${c.value}，但 ${year - 1} 年度报告的 四、结转下年度继续办理 × ${column} 为 ${other.value}`,
        en: `二、上年结转 × ${column} is ${c.value}, but the ${year - 1} report's 四、结转下年度继续办理 × ${column} is ${other.value}`,
      },
      related: [{
        report: prev,
        span: other.span,
        message: {
          zh: `${year - 1} 年度报告：四、结转下年度继续办理 × ${column}：${other.value}`,
          en: `${year - 1} report: 四、结转下年度继续办理 × ${column}: ${other.value}`,
        },
      }],
    });
  }
}

const CARRIED = (natural: number) => `二、上年结转政府信息公开申请数量 | ${natural} | 0 | 0 | 0 | 0 | 0 | ${natural} |`;
const CARRY_OVER = (natural: number) => `四、结转下年度继续办理 | ${natural} | 0 | 0 | 0 | 0 | 0 | ${natural} |`;

export default defineRule({
  code: 'carry-over-mismatch',
  defaultSeverity: 'warning',
  description: {
    zh: '本年度“二、上年结转”与同一机关上一年度报告的“四、结转下年度继续办理”不一致（R5，需两份报告同在工作区或同一次检查中）',
    en: "R5: this year's 上年结转 ≠ last year's 结转下年度继续办理 of the same body (needs both reports in the workspace or one CLI run)",
  },
  rationale: {
    zh: '上年结转的申请就是上一年度报告中结转下年度的那些，两份报告对不上说明有申请在年度之间丢失或凭空出现',
    en: "The applications carried over are those last year's report carried forward; when the two reports disagree, applications vanished or appeared between the years",
  },
  examples: {
    valid: [{ in: { table: 3 }, snippet: `${CARRIED(2)}\n${CARRY_OVER(2)}`, lastYear: `${CARRIED(2)}\n${CARRY_OVER(2)}` }],
    invalid: [{
      in: { table: 3 },
      snippet: `${CARRIED(3)}\n${CARRY_OVER(3)}`,
      lastYear: `${CARRIED(2)}\n${CARRY_OVER(2)}`,
      marked: `二、上年结转政府信息公开申请数量 | ⟦3⟧ | 0 | 0 | 0 | 0 | 0 | ⟦3⟧ |\n${CARRY_OVER(3)}`,
    }],
  },
  checkReports({ byYear, report }) {
    for (const [year, current] of byYear) {
      const previous = byYear.get(year - 1);
      if (!previous) continue;
      for (const cur of current) {
        for (const prev of previous) if (prev.id !== cur.id) compare(cur, prev, year, report);
      }
    }
  },
});
