// parse → model → relations → rules → findings with LSP ranges.
import { readConfig, type EngineConfig } from './config';
import { parseReport } from './parse';
import { evaluateRelations } from './relations';
import { RULES } from './rules';
import type { RuleFinding } from './rules';
import { spanToRange } from './text';
import type { Finding, RelationResult, ReportModel } from './types';

export interface CheckResult { model: ReportModel; relations: RelationResult[]; findings: Finding[] }

export function checkModel(model: ReportModel, config: Partial<EngineConfig> = {}, relations = evaluateRelations(model)): Finding[] {
  const findings: Finding[] = [];
  const toRange = (span: RuleFinding['span']) => spanToRange(model.lineStarts, span);
  for (const rule of RULES) {
    const setting = config.rules?.[rule.code];
    if (setting === 'off') continue;
    if (!model.isReport && !rule.onNonReport) continue;
    const report = (f: RuleFinding) => {
      // A finding marked quieter than its rule (ambiguous wording) stays quieter than the setting.
      const severity = f.severity ?? setting ?? rule.defaultSeverity;
      const range = toRange(f.span);
      findings.push({
        code: rule.code,
        severity,
        message: f.message,
        range,
        related: (f.related ?? []).map((r) => ({ range: toRange(r.span), message: r.message })),
        // A fix that rewrites the flagged text shares the finding's range (ranges are values, never changed).
        fixes: (f.fixes ?? []).map((x) => ({ title: x.title, preferred: x.preferred, edits: x.edits.map((e) => ({ range: e.span === f.span ? range : toRange(e.span), newText: e.newText })) })),
      });
    };
    try {
      rule.check({ model, relations, report });
    } catch (e) {
      // A bug in one rule must not cost the user every other finding.
      const detail = e instanceof Error ? e.message : String(e);
      findings.push({
        code: 'check-failed',
        severity: 'warning',
        message: { zh: `规则 ${rule.code} 检查时出错，其结果未显示：${detail}`, en: `Rule ${rule.code} failed; its findings are not shown: ${detail}` },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        related: [],
        fixes: [],
      });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return findings;
}

export function checkText(text: string, config: Partial<EngineConfig> = {}): CheckResult {
  const model = parseReport(text, { templateYear: config.templateYear });
  const relations = evaluateRelations(model);
  return { model, relations, findings: checkModel(model, config, relations) };
}

export { readConfig };
