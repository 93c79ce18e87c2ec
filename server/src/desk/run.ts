// Checks a run's files for the reviewer's desk (export, summary): every file's DeskRecord goes to a spool on
// disk in file order as it is checked, so that 10,000 reports never sit in memory at once; R5 (carry-over)
// findings, which need every report, are added when the spool is read back.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { crossReportFindings, mergeConfigs, type EngineConfig, type Locale, type TemplateYear, type WorkspaceReport } from '../engine';
import { RcFinder } from '../node/rcfile';
import type { Job, RunSettings } from '../cli/checkFile';
import { collectTargets } from '../cli/files';
import { checkAll, threadCount } from '../cli/pool';
import { countSeverities, deskFinding, type DeskFinding, type DeskRecord } from './record';

/** Records in file order, read back from disk as often as a writer needs (the XLSX writes one sheet per pass). */
export class Spool {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'govreport-desk-'));
  private readonly file = path.join(this.dir, 'records.ndjson');
  private readonly fd = openSync(this.file, 'w');
  private closed = false;
  count = 0;
  /** R5 findings by record index, added to the record as it is read. */
  readonly extra = new Map<number, DeskFinding[]>();

  /** Lines not yet written: written a megabyte at a time, not one system call a report. */
  private pending: string[] = [];
  private pendingSize = 0;

  /** Adds a record, given as its JSON (one line). */
  add(json: string): void {
    this.pending.push(json, '\n');
    this.pendingSize += json.length + 1;
    this.count++;
    if (this.pendingSize >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingSize = 0;
  }

  async *records(): AsyncGenerator<DeskRecord> {
    if (!this.closed) { this.flush(); closeSync(this.fd); this.closed = true; }
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let i = 0;
    for await (const line of lines) {
      if (line === '') continue;
      const record = JSON.parse(line) as DeskRecord;
      const added = this.extra.get(i++);
      if (added) {
        record.findings = [...record.findings, ...added].sort((a, b) => a.line - b.line || a.character - b.character);
        record.counts = countSeverities(record.findings);
      }
      yield record;
    }
  }

  dispose(): void {
    if (!this.closed) { closeSync(this.fd); this.closed = true; }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface DeskOptions {
  paths: string[];
  locale: Locale;
  maxFileSize: number;
  templateYear?: 'auto' | TemplateYear;
  jobs: number | null;
}

export interface DeskRun { spool: Spool; missing: string[] }

/** Checks every file of the paths with its .govreportrc.json and fills a spool with their records, in file order. */
export async function deskRun(options: DeskOptions): Promise<DeskRun> {
  const { targets, missing } = await collectTargets(options.paths);
  const finder = new RcFinder();
  const merged = new Map<unknown, EngineConfig>();
  const jobs: Job[] = [];
  for (const target of targets) {
    const rc = await finder.find(path.dirname(target.path));
    let config = merged.get(rc);
    if (!config) merged.set(rc, config = mergeConfigs(rc?.config ?? {}, { templateYear: options.templateYear }));
    jobs.push({ file: target.path, config });
  }
  const settings: RunSettings = {
    format: 'desk', needs: { related: false, fixes: 'none' }, locale: options.locale, maxFileSize: options.maxFileSize, fix: false, desk: true,
  };
  const spool = new Spool();
  const waiting = new Map<number, string>();
  const cross: WorkspaceReport[] = [];
  let next = 0;
  try {
    // Threads hand records back in any order; the few that come early wait here for their turn.
    await checkAll(jobs, settings, threadCount(jobs.length, options.jobs), (i, report) => {
      if (report.cross) cross.push({ id: String(i), model: report.cross });
      waiting.set(i, report.desk!);
      for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
        waiting.delete(next++);
        spool.add(r);
      }
    });
  } catch (e) {
    spool.dispose();
    throw e;
  }
  for (const [id, found] of crossReportFindings(cross, mergeConfigs({}))) {
    const i = Number(id);
    const setting = jobs[i].config.rules['carry-over-mismatch'];
    if (setting === 'off') continue;
    spool.extra.set(i, found.map((f) => deskFinding(setting ? { ...f, severity: setting } : f, options.locale)));
  }
  return { spool, missing };
}
