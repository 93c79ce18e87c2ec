// What a rule is: one small module with its code, default severity, messages and check.
import type { Localized, RelationResult, ReportModel, Severity, Span } from '../types';

export interface SpanEdit { span: Span; newText: string }

export interface RuleRelated { span: Span; message: Localized }

export interface RuleFix { title: Localized; edits: SpanEdit[]; preferred: boolean }

export interface RuleFinding {
  span: Span;
  message: Localized;
  /** Other places the finding refers to; a function where building them costs (it runs when they are read). */
  related?: RuleRelated[] | (() => RuleRelated[]);
  /** Quick fixes; a function where building them costs (it runs when they are read). */
  fixes?: RuleFix[] | (() => RuleFix[]);
  /** A lower severity for this finding only (e.g. information where the wording is ambiguous). */
  severity?: Severity;
}

export interface RuleContext {
  model: ReportModel;
  relations: RelationResult[];
  report(finding: RuleFinding): void;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for settings, docs and the rule list. */
  description: Localized;
  /** What the quick fix does, for the docs; absent when the rule offers none. */
  fix?: Localized;
  /** Runs on text that does not look like a report at all (only `not-a-report` does). */
  onNonReport?: boolean;
  check(ctx: RuleContext): void;
}

export const defineRule = (rule: Rule): Rule => rule;
