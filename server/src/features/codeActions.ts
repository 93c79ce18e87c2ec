// Code actions: each engine fix as a quick fix, "fix all of this rule in the file", source.fixAll.govreport,
// and "turn this rule off in this workspace". Fixes come only from the analysis of the document version
// the request is about, and the edits name that version, so a stale fix is never applied.
import {
  CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionContext, type CodeActionParams, type Connection, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { localize, type Finding, type Fix, type Locale, type Range } from '../engine';
import type { Analysis } from '../lsp/analyses';
import { SOURCE } from '../lsp/diagnostics';
import { invalidParams, isObject, isRange } from '../lsp/guard';
import { onAnalysis } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { shownFindings } from '../lsp/published';
import { DISABLE_RULE_COMMAND } from '../protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

export interface CodeActionInput {
  analysis: Analysis;
  /** The document's current version: the analysis must be of this version. */
  version: number;
  context: CodeActionContext;
  locale: Locale;
  /** Whether the client applies versioned edits (documentChanges). */
  versionedEdits: boolean;
  /** Whether the client implements the command that turns a rule off. */
  canDisableRule: boolean;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** Kind `kind` is wanted when nothing is asked for, or it equals or refines an asked kind. */
const wanted = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

function workspaceEdit(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  const { uri } = input.analysis;
  return input.versionedEdits
    ? { documentChanges: [TextDocumentEdit.create({ uri, version: input.version }, edits)] }
    : { changes: { [uri]: edits } };
}

/** Edits of several fixes, dropping any that overlaps one taken before it. */
export function mergeFixes(fixes: Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (a: Range, b: Range) => !(cmp(a.end, b.start) <= 0 || cmp(b.end, a.start) <= 0) || sameRange(a, b);
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((x) => overlaps(x.range, e.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

const cmp = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;

const preferredFix = (f: Finding) => f.fixes.find((x) => x.preferred);

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { analysis, context } = input;
  if (analysis.version !== input.version || !analysis.model) return [];
  return [
    ...(wanted(context.only, CodeActionKind.QuickFix) ? quickFixes(input) : []),
    ...(wanted(context.only, FIX_ALL_KIND) ? fixAll(input) : []),
  ];
}

/** For each diagnostic of a finding: its fixes, once per rule a fix-all of that rule, and turning the rule off. */
function quickFixes(input: CodeActionInput): CodeAction[] {
  const { analysis, context, locale } = input;
  const out: CodeAction[] = [];
  const offeredAll = new Set<string>();
  const findingOf = findingIndex(analysis);
  const preferredOfRule = new Map<string, Finding[]>();
  for (const diagnostic of context.diagnostics) {
    const finding = findingOf(diagnostic);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      out.push({ title: localize(fix.title, locale), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(input, fix.edits) });
    }
    if (!preferredOfRule.has(finding.code)) preferredOfRule.set(finding.code, analysis.findings.filter((f) => f.code === finding.code && preferredFix(f)));
    const sameRule = preferredOfRule.get(finding.code)!;
    if (sameRule.length > 1 && !offeredAll.has(finding.code)) {
      offeredAll.add(finding.code);
      out.push({
        title: t(locale, `修复本文件中所有 ${finding.code} 问题（${sameRule.length} 处）`, `Fix all ${finding.code} problems in this file (${sameRule.length})`),
        kind: CodeActionKind.QuickFix,
        diagnostics: context.diagnostics.filter((d) => d.code === finding.code),
        edit: workspaceEdit(input, mergeFixes(sameRule.map((f) => preferredFix(f)!))),
      });
    }
    if (input.canDisableRule) {
      out.push({
        title: t(locale, `在此工作区关闭规则 ${finding.code}`, `Turn off rule ${finding.code} in this workspace`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: t(locale, '关闭规则', 'Turn off rule'), command: DISABLE_RULE_COMMAND, arguments: [finding.code] },
      });
    }
  }
  return out;
}

/** source.fixAll.govreport: every preferred fix of the file at once (overlapping ones after the first dropped). */
function fixAll(input: CodeActionInput): CodeAction[] {
  const fixes = input.analysis.findings.map(preferredFix).filter((f): f is Fix => !!f);
  if (!fixes.length) return [];
  return [{
    title: t(input.locale, `修复所有可自动修复的年报问题（${fixes.length} 处）`, `Fix all auto-fixable report problems (${fixes.length})`),
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(input, mergeFixes(fixes)),
  }];
}

const rangeKey = (code: unknown, r: Range) => `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * The finding of the current analysis behind a diagnostic: same rule, same range. A diagnostic
 * published for an older version matches only if the current text still has that very finding,
 * and the fix offered is then the one computed for the current text. Indexed once per request:
 * a client may send thousands of diagnostics for a large file.
 */
function findingIndex(analysis: Analysis): (d: Diagnostic) => Finding | undefined {
  let index: Map<string, Finding> | undefined;
  return (d) => {
    if (d.source !== SOURCE) return undefined;
    if (!index) {
      index = new Map();
      for (const f of analysis.findings) { const k = rangeKey(f.code, f.range); if (!index.has(k)) index.set(k, f); }
    }
    return index.get(rangeKey(d.code, d.range));
  };
}

export const capabilities = () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } });

function invalid(params: CodeActionParams) {
  const context = params.context as unknown;
  if (!isRange(params.range)) return invalidParams('range');
  if (!isObject(context) || !Array.isArray(context.diagnostics)) return invalidParams('context.diagnostics');
  if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === 'string'))) return invalidParams('context.only');
  return null;
}

export function register(connection: Connection, services: Services): void {
  connection.onCodeAction(onAnalysis(services, ({ uri, version, analysis: a, locale }, params: CodeActionParams) => {
    // Fixes only for the version asked about: if the document changed meanwhile, the client asks again.
    if (version === undefined || services.documents.get(uri)?.version !== version) return null;
    // A diagnostic that is not a well-formed one of ours cannot name a finding: it is passed over.
    const ours = params.context.diagnostics.filter((d) => isObject(d) && isRange(d.range) && (typeof d.code === 'string' || typeof d.code === 'number'));
    // A published report's fixes are those placed in the file (a page's cell text; none in a read-only view).
    const analysis = a.published ? { ...a, findings: shownFindings(a) } : a;
    const { versionedEdits, canDisableRule } = services.client;
    return codeActions({ analysis, version, context: { ...params.context, diagnostics: ours }, locale, versionedEdits, canDisableRule });
  }, invalid));
}
