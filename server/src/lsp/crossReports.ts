// Findings between reports (R5 carry-over-mismatch) over every report the server holds (open documents and, in
// workspace mode, files), with each report's own severity settings.
//
// A report's R5 findings depend only on its own inputs (body, report year, its 二、上年结转 row, its severity
// setting) and on the same body's reports of the year before. So each checked report is filed by body and year,
// and when one changes only it and the same body's reports of the following year are compared again; a check
// that leaves those inputs as they were (most edits) costs one signature. Opening n reports one after another is
// thus linear in n, not quadratic.
import { bodyKey, crossReportFindings, spanToRange, type Finding, type ReportModel, type RowModel } from '../engine';
import type { Analysis } from './analyses';

const CODE = 'carry-over-mismatch';

/** What R5 reads of one report. */
interface Participant {
  key: string;
  year: number;
  /** The report reduced to what crossReportFindings reads: body, year, line starts and the two rows of table 三. */
  model: ReportModel;
  setting: string | undefined;
  /** Equal signatures give equal findings, for this report and for the reports compared with it. */
  signature: string;
}

interface Known { seq: number; participant: Participant | null }

export class CrossReports {
  /** Every report checked and not gone, with the order in which it was first seen (reports are compared in that order). */
  private readonly known = new Map<string, Known>();
  private seq = 0;
  /** body → year → URIs of the participants. */
  private readonly bodies = new Map<string, Map<number, Set<string>>>();
  private readonly current = new Map<string, Finding[]>();

  /** A report checked (`analysis`) or gone (null); returns the URIs whose cross-report findings changed. */
  update(uri: string, analysis: Analysis | null): string[] {
    const before = this.known.get(uri);
    const old = before?.participant ?? null;
    const next = analysis ? participantOf(analysis) : null;
    if (analysis) this.known.set(uri, { seq: before?.seq ?? this.seq++, participant: next });
    else this.known.delete(uri);
    if ((old?.signature ?? null) === (next?.signature ?? null)) return [];

    if (old) this.bodies.get(old.key)?.get(old.year)?.delete(uri);
    if (next) {
      let years = this.bodies.get(next.key);
      if (!years) this.bodies.set(next.key, (years = new Map()));
      let uris = years.get(next.year);
      if (!uris) years.set(next.year, (uris = new Set()));
      uris.add(uri);
    }
    const affected = new Set([uri]);
    for (const p of [old, next]) if (p) for (const u of this.bodies.get(p.key)?.get(p.year + 1) ?? []) affected.add(u);
    if (old) this.prune(old);

    const changed: string[] = [];
    for (const u of affected) {
      const findings = this.compute(u);
      if (equal(this.current.get(u) ?? [], findings)) continue;
      if (findings.length) this.current.set(u, findings); else this.current.delete(u);
      changed.push(u);
    }
    return changed;
  }

  of(uri: string): Finding[] { return this.current.get(uri) ?? []; }

  /** The R5 findings of one report against the same body's reports of the year before, with its own severity setting. */
  private compute(uri: string): Finding[] {
    const self = this.known.get(uri)?.participant;
    if (!self || self.setting === 'off') return [];
    const previous = [...this.bodies.get(self.key)?.get(self.year - 1) ?? []]
      .filter((u) => u !== uri)
      .sort((a, b) => this.known.get(a)!.seq - this.known.get(b)!.seq);
    if (!previous.length) return [];
    const reports = [{ id: uri, model: self.model }, ...previous.map((u) => ({ id: u, model: this.known.get(u)!.participant!.model }))];
    const raw = crossReportFindings(reports).get(uri) ?? [];
    const s = self.setting;
    return s ? raw.map((f) => (f.code === CODE ? { ...f, severity: s as Finding['severity'] } : f)) : raw;
  }

  private prune(p: Participant): void {
    const years = this.bodies.get(p.key);
    if (!years) return;
    if (!years.get(p.year)?.size) years.delete(p.year);
    if (!years.size) this.bodies.delete(p.key);
  }
}

const rowOf = (model: ReportModel, key: string): RowModel | null =>
  model.tables.find((t) => t.id === 3)?.rows.find((r) => r.key === key && !r.group) ?? null;

function participantOf(analysis: Analysis): Participant | null {
  const model = analysis.model;
  if (!model?.isReport || model.reportYear === null) return null;
  const key = bodyKey(model);
  if (!key) return null;
  const rows = [rowOf(model, 'carried'), rowOf(model, 'carryOver')].filter((r): r is RowModel => r !== null);
  const table = model.tables.find((t) => t.id === 3);
  const setting = analysis.config.rules[CODE];
  const cells = (r: RowModel) => r.cells.map((c) => {
    const { start, end } = spanToRange(model.lineStarts, c.span);
    return `${c.columnKey}=${c.value}@${start.line}:${start.character}-${end.line}:${end.character}`;
  }).join(',');
  return {
    key,
    year: model.reportYear,
    setting,
    signature: `${key}\n${model.reportYear}\n${setting ?? ''}\n${rows.map((r) => `${r.key}:${cells(r)}`).join('\n')}`,
    model: {
      text: '',
      lineStarts: model.lineStarts,
      controlCharacters: { first: -1, count: 0 },
      title: null,
      agency: model.agency,
      reportYear: model.reportYear,
      reportYearSource: model.reportYearSource,
      templateYear: model.templateYear,
      templateYearSource: model.templateYearSource,
      isReport: true,
      sections: [],
      extraHeadings: [],
      tables: table ? [{
        id: table.id, variant: table.variant, variantYear: table.variantYear, span: table.span, rows,
        missingRows: [], unread: [], headers: [], fourDecimalAmounts: table.fourDecimalAmounts, cut: null, unreliable: null, inferredCells: [], runTogether: false,
      }] : [],
    },
  };
}

/** Structural equality of findings (plain data: strings, numbers, arrays, objects). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
