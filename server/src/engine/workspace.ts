// Checks that need several reports (rules with checkReports; today R5, rules/carry-over-mismatch.ts). The adapters
// pass every report they hold (the CLI: all inputs of one run; the server: the workspace) with an id of their
// choosing (a path or URI) and turn the ids in Finding.related[].file back into locations. Here the reports are
// grouped by body and year, each group handed to each such rule, and its findings given ranges and severities.
import type { EngineConfig } from './config';
import { toHalfWidth } from './normalize';
import { RULES } from './rules';
import type { ReportsFinding, Rule, WorkspaceReport } from './rules/rule';
import { spanToRange } from './text';
import type { Finding, ReportModel, Severity } from './types';

export type { WorkspaceReport } from './rules/rule';

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

/** The reports of each body, by report year (reports without a body or a year are compared with none). */
function byBody(reports: WorkspaceReport[]): Map<string, Map<number, WorkspaceReport[]>> {
  const bodies = new Map<string, Map<number, WorkspaceReport[]>>();
  for (const r of reports) {
    const key = bodyKey(r.model);
    const year = r.model.reportYear;
    if (!key || year === null || !r.model.isReport) continue;
    const years = bodies.get(key) ?? new Map<number, WorkspaceReport[]>();
    years.set(year, [...(years.get(year) ?? []), r]);
    bodies.set(key, years);
  }
  return bodies;
}

type AcrossReports = Rule & Required<Pick<Rule, 'checkReports'>>;
const ACROSS_REPORTS = RULES.filter((r): r is AcrossReports => r.checkReports !== undefined);

/**
 * Findings that compare reports with each other, keyed by report id (only ids with findings appear). Each sits in
 * one report; its related locations may be in others (`file` = that report's id).
 */
export function crossReportFindings(reports: WorkspaceReport[], config: Partial<EngineConfig> = {}): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const rules = ACROSS_REPORTS.filter((r) => config.rules?.[r.code] !== 'off');
  if (rules.length === 0) return out;
  const bodies = byBody(reports);
  for (const rule of rules) {
    const severity = (config.rules?.[rule.code] ?? rule.defaultSeverity) as Severity;
    for (const byYear of bodies.values()) {
      rule.checkReports({
        byYear,
        report: (on, f) => out.set(on.id, [...(out.get(on.id) ?? []), toFinding(rule, severity, on, f)]),
      });
    }
  }
  return out;
}

function toFinding(rule: Rule, severity: Severity, on: WorkspaceReport, f: ReportsFinding): Finding {
  return {
    code: rule.code,
    severity,
    message: f.message,
    range: spanToRange(on.model.lineStarts, f.span),
    related: f.related.map((r) => ({ range: spanToRange(r.report.model.lineStarts, r.span), message: r.message, file: r.report.id })),
    fixes: [],
  };
}
