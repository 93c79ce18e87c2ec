// Findings between reports (R5 carry-over-mismatch): computed over every report the server holds (open
// documents and, in workspace mode, files), with each report's own severity settings.
import { crossReportFindings, type Finding } from '../engine';
import type { Analysis } from './documentCache';

export class CrossReports {
  private current = new Map<string, Finding[]>();

  /** Recomputes; returns the URIs whose cross-report findings changed. */
  update(analyses: Analysis[]): string[] {
    const reports = analyses.filter((a) => a.model?.isReport).map((a) => ({ id: a.uri, model: a.model! }));
    const raw = crossReportFindings(reports);
    const configs = new Map(analyses.map((a) => [a.uri, a.config]));
    const next = new Map<string, Finding[]>();
    for (const [uri, findings] of raw) {
      const setting = (code: string) => configs.get(uri)?.rules[code];
      const kept = findings
        .filter((f) => setting(f.code) !== 'off')
        .map((f) => { const s = setting(f.code); return s && s !== 'off' ? { ...f, severity: s } : f; });
      if (kept.length) next.set(uri, kept);
    }
    const changed = [...new Set([...this.current.keys(), ...next.keys()])]
      .filter((uri) => JSON.stringify(this.current.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? []));
    this.current = next;
    return changed;
  }

  of(uri: string): Finding[] { return this.current.get(uri) ?? []; }
}
