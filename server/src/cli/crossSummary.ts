// What carry-over-mismatch (R5) reads of a report, and nothing else: the CLI keeps one of these per file
// (and a checking thread sends it to the main thread), never the whole model.
import { positionAt, type CellModel, type ReportModel, type RowModel, type TableModel } from '../engine';

/** The rows crossReportFindings compares: this year's 二、上年结转 and last year's 四、结转下年度继续办理. */
const CROSS_ROWS = ['carried', 'carryOver'];

/**
 * A stand-in for the model with only what crossReportFindings reads: agency, reportYear and isReport; the
 * first table 三 with the first non-group row of each compared key, its cells' column, value and span; and the
 * line starts up to the last of those spans (enough to turn them into the same ranges). Null when the
 * report cannot take part (no agency or no year).
 */
export function crossSummary(model: ReportModel): ReportModel | null {
  if (!model.agency || model.reportYear === null) return null;
  const table = model.tables.find((t) => t.id === 3);
  const rows: RowModel[] = [];
  let lastOffset = 0;
  if (table) {
    for (const key of CROSS_ROWS) {
      const r = table.rows.find((x) => x.key === key && !x.group);
      if (!r) continue;
      const cells = r.cells.map((c): CellModel => {
        lastOffset = Math.max(lastOffset, c.span.end);
        return { columnPath: [], columnKey: c.columnKey, raw: '', span: c.span, value: c.value, kind: c.kind, unit: null, fullWidth: false };
      });
      rows.push({ key: r.key, templateLabel: '', label: null, labelSpan: null, path: [], group: false, cells, expectedValues: 0 });
    }
  }
  return {
    text: '',
    lineStarts: model.lineStarts.slice(0, positionAt(model.lineStarts, lastOffset).line + 1),
    controlCharacters: { first: -1, count: 0 },
    title: null,
    agency: copy(model.agency),
    reportYear: model.reportYear,
    reportYearSource: model.reportYearSource,
    templateYear: model.templateYear,
    templateYearSource: model.templateYearSource,
    isReport: model.isReport,
    sections: [],
    extraHeadings: [],
    tables: table ? [slimTable(table, rows)] : [],
  };
}

function slimTable(t: TableModel, rows: RowModel[]): TableModel {
  return { id: t.id, variant: t.variant, variantYear: t.variantYear, span: t.span, rows, missingRows: [], unread: [], headers: [], fourDecimalAmounts: false, cut: null, unreliable: null, inferredCells: [], runTogether: false };
}

/** A string of its own: the agency may be a slice of the report's text, which would keep the whole text alive. */
const copy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
