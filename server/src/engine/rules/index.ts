// The rule registry: every rule the engine runs, in the order findings are reported.
import amountFormat from './amount-format';
import balance from './balance';
import carryOverMismatch from './carry-over-mismatch';
import cellValue from './cell-value';
import columnTotal from './column-total';
import controlCharacter from './control-character';
import enumeration from './enumeration';
import feeReportMissing from './fee-report-missing';
import notAReport from './not-a-report';
import reviewTotal from './review-total';
import rowLabel from './row-label';
import rowMissing from './row-missing';
import rowTotal from './row-total';
import sectionHeading from './section-heading';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import tableMissing from './table-missing';
import tableShape from './table-shape';
import templateVersion from './template-version';
import textTableMismatch from './text-table-mismatch';
import yearMismatch from './year-mismatch';
import type { Rule } from './rule';

export const RULES: Rule[] = [
  notAReport,
  sectionMissing,
  sectionOrder,
  sectionHeading,
  tableMissing,
  tableShape,
  rowLabel,
  rowMissing,
  cellValue,
  rowTotal,
  columnTotal,
  balance,
  reviewTotal,
  amountFormat,
  templateVersion,
  textTableMismatch,
  carryOverMismatch,
  yearMismatch,
  enumeration,
  feeReportMissing,
  controlCharacter,
];

export const RULES_BY_CODE = new Map(RULES.map((r) => [r.code, r]));
export type { Rule, RuleContext, RuleFinding, RuleFix } from './rule';
