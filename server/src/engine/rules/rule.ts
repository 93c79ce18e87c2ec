// What a rule is: one small module with its code, default severity, messages, examples and check.
import type { Localized, RelationResult, ReportModel, SectionId, Severity, Span, TableId, TemplateYear } from '../types';

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

/** A report among several checked together, with an id of the adapter's choosing (a path or URI). */
export interface WorkspaceReport { id: string; model: ReportModel }

/** A finding of a rule across reports: it sits in one report; its related places may be in others. */
export interface ReportsFinding {
  span: Span;
  message: Localized;
  related: { report: WorkspaceReport; span: Span; message: Localized }[];
}

export interface ReportsContext {
  /** The reports of one body (see bodyKey in ../workspace.ts) by report year; a year may hold several copies. */
  byYear: ReadonlyMap<number, WorkspaceReport[]>;
  report(on: WorkspaceReport, finding: ReportsFinding): void;
}

/**
 * Where an example's snippet goes in a minimal report (the template skeleton with a line of prose in each section,
 * see examples.ts): the whole text; sections `section` to `through` (headings included); or, in a table, each
 * snippet line in place of the table's line with the same label (else the one whose label starts most alike).
 */
export type Placement = 'report' | { section: SectionId; through?: SectionId } | { table: TableId };

export interface RuleExample {
  in: Placement;
  snippet: string;
  /** Template year of the minimal report (2021 unless said); its report year is the template year's. */
  year?: TemplateYear;
  /** For a rule across reports: the snippet placed the same way in last year's report of the same body. */
  lastYear?: string;
  /** Other rules the snippet trips as well (codes): the example's report has findings of these and no others. */
  also?: string[];
}

export interface InvalidExample extends RuleExample {
  /** The snippet with the text of each finding of the rule between ⟦ and ⟧. */
  marked: string;
  /** The snippet once the first fix of each finding is applied; absent when the rule offers none. */
  fixed?: string;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for settings, docs and the rule list. */
  description: Localized;
  /** One line: why a reviewer cares. */
  rationale: Localized;
  /** Short report snippets the rule accepts and rejects: its tests (test/unit/rules/examples.test.ts) and docs. */
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
  /** What the quick fix does, for the docs; absent when the rule offers none. */
  fix?: Localized;
  /** Runs on text that does not look like a report at all (only `not-a-report` does). */
  onNonReport?: boolean;
  /** Checks one report; absent for a rule that only compares reports. */
  check?(ctx: RuleContext): void;
  /** Compares the reports of one body (the CLI's inputs of one run, the server's workspace); see ../workspace.ts. */
  checkReports?(ctx: ReportsContext): void;
}

export const defineRule = (rule: Rule): Rule => rule;
