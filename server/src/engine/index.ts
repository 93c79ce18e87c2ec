// The report engine: plain TypeScript, no editor dependency; shared by the server, the CLI and tests.
export * from './types';
export { parseReport, subHeadingsOf, type ParseOptions } from './parse';
export { evaluateRelations, templateOf } from './relations';
export { checkModel, checkText, plainFinding, type CheckResult } from './check';
export { readConfig, mergeConfigs, parseSeverity, defaultConfig, SEVERITY_SETTINGS, type EngineConfig } from './config';
export { RULES, RULES_BY_CODE, type Rule } from './rules';
export { applyEdits, computeLineStarts, positionAt, offsetAt, spanToRange } from './text';
export { cellName, columnName } from './cellName';
export { TEMPLATE_YEARS, SECTIONS, templateYearForReportYear } from './template';
export { reportSkeleton, emptyTable, standardHeading, renderTable } from './skeleton';
export { proseFigures, describeFigure, targetText, type ProseFigure, type FigureTarget, type FigureCell, type FigureStatus } from './prose';
export { crossReportFindings, bodyKey, type WorkspaceReport } from './workspace';
export { warmUpSteps } from './warmUp';

import type { Localized, Locale } from './types';
export const localize = (m: Localized, locale: Locale): string => (locale === 'en' ? m.en : m.zh);
export const ruleDocPath = (code: string): string => `docs/rules/${code}.md`;
export { nextYearReport, type NextYearReport, type NextYearResult } from './nextYear';
