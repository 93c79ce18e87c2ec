// parse → model → relations → rules → findings with LSP ranges.
import { readConfig, type EngineConfig } from './config';
import { parseReport } from './parse';
import { evaluateRelations } from './relations';
import { RULES } from './rules';
import type { RuleFinding } from './rules';
import { positionAt } from './text';
import type { Finding, Fix, Localized, Position, Range, RelatedLocation, RelationResult, ReportModel, Span } from './types';

export interface CheckResult { model: ReportModel; relations: RelationResult[]; findings: Finding[] }

export function checkModel(model: ReportModel, config: Partial<EngineConfig> = {}, relations = evaluateRelations(model)): Finding[] {
  const findings: Finding[] = [];
  const toPosition = positionsIn(model.lineStarts);
  const toRange = (span: Span): Range => ({ start: toPosition(span.start), end: toPosition(span.end) });
  for (const rule of RULES) {
    const setting = config.rules?.[rule.code];
    if (setting === 'off') continue;
    if (!model.isReport && !rule.onNonReport) continue;
    const report = (f: RuleFinding) => {
      // A finding marked quieter than its rule (ambiguous wording) stays quieter than the setting.
      findings.push(new CheckedFinding(rule.code, f.severity ?? setting ?? rule.defaultSeverity, f, toRange));
    };
    try {
      rule.check?.({ model, relations, report });
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
 * A finding whose related locations and fixes are built when first read: the CLI's json and stylish output
 * never read related locations (≈ 8 a finding, each with a message in two languages), and fixes are read
 * only for code actions, --fix and counts. They are accessors on the prototype (an object literal with
 * accessors costs more to create than the arrays save), so a copy for another thread (structured clone)
 * must read them: see plainFinding. JSON reads them through toJSON.
 */
class CheckedFinding implements Finding {
  readonly message: Localized;
  readonly range: Range;
  #related: RelatedLocation[] | undefined;
  #fixes: Fix[] | undefined;
  readonly #source: RuleFinding;
  readonly #toRange: (span: Span) => Range;
  constructor(readonly code: string, readonly severity: Finding['severity'], f: RuleFinding, toRange: (span: Span) => Range) {
    this.message = f.message;
    this.range = toRange(f.span);
    this.#source = f;
    this.#toRange = toRange;
  }
  get related(): RelatedLocation[] {
    const f = this.#source;
    return (this.#related ??= (typeof f.related === 'function' ? f.related() : f.related ?? []).map((r) => ({ range: this.#toRange(r.span), message: r.message })));
  }
  get fixes(): Fix[] {
    const f = this.#source;
    return (this.#fixes ??= (typeof f.fixes === 'function' ? f.fixes() : f.fixes ?? []).map((x) => ({
      title: x.title, preferred: x.preferred, edits: x.edits.map((e) => ({ range: e.span === f.span ? this.range : this.#toRange(e.span), newText: e.newText })),
    })));
  }
  toJSON(): Finding { return plainFinding(this); }
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

/** A finding as plain data, for a message to another thread (structured clone copies own data only). */
export function plainFinding(f: Finding): Finding {
  return { code: f.code, severity: f.severity, message: f.message, range: f.range, related: f.related, fixes: f.fixes };
}

export function checkText(text: string, config: Partial<EngineConfig> = {}): CheckResult {
  const model = parseReport(text, { templateYear: config.templateYear });
  const relations = evaluateRelations(model);
  return { model, relations, findings: checkModel(model, config, relations) };
}

export { readConfig };
