// R5 across two reports of the same body: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column.
// It needs two reports, so it runs from the workspace (crossReportFindings in ../workspace.ts), not per report;
// it is registered here so that settings, docs and the rule list know it.
import { defineRule } from './rule';

export default defineRule({
  code: 'carry-over-mismatch',
  defaultSeverity: 'warning',
  description: {
    zh: '本年度“二、上年结转”与同一机关上一年度报告的“四、结转下年度继续办理”不一致（R5，需两份报告同在工作区或同一次检查中）',
    en: "R5: this year's 上年结转 ≠ last year's 结转下年度继续办理 of the same body (needs both reports in the workspace or one CLI run)",
  },
  check() {
    // Single-report check: nothing to compare with. See crossReportFindings.
  },
});
