// parse → model → relations → rules → findings with LSP ranges.
import { readConfig, type EngineConfig } from './config';
import { parseReport } from './parse';
import { evaluateRelations } from './relations';
import { RULES } from './rules';
import type { RuleFinding } from './rules';
import { positionAt } from './text';
import type { Finding, Position, Range, RelationResult, ReportModel } from './types';

export interface CheckResult { model: ReportModel; relations: RelationResult[]; findings: Finding[] }

export function checkModel(model: ReportModel, config: Partial<EngineConfig> = {}, relations = evaluateRelations(model)): Finding[] {
  const findings: Finding[] = [];
  const toPosition = positionsIn(model.lineStarts);
  const toRange = (span: RuleFinding['span']): Range => ({ start: toPosition(span.start), end: toPosition(span.end) });
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

/**
 * positionAt for many offsets that mostly fall on the line of the one before (a finding and its related cells):
 * that line and the next are tried before a binary search.
 */
function positionsIn(lineStarts: number[]): (offset: number) => Position {
  let line = 0;
  return (offset) => {
    const next = lineStarts[line + 1] ?? Infinity;
    if (lineStarts[line] <= offset && offset < next) return { line, character: offset - lineStarts[line] };
    if (next <= offset && offset < (lineStarts[line + 2] ?? Infinity)) {
      line++;
      return { line, character: offset - next };
    }
    const p = positionAt(lineStarts, offset);
    line = p.line;
    return p;
  };
}

export function checkText(text: string, config: Partial<EngineConfig> = {}): CheckResult {
  const model = parseReport(text, { templateYear: config.templateYear });
  const relations = evaluateRelations(model);
  return { model, relations, findings: checkModel(model, config, relations) };
}

export { readConfig };
