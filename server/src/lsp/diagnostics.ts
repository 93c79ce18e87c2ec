// Diagnostics: engine findings as LSP diagnostics, checked on open and save and, debounced, as the
// user types; published for open documents and (workspace mode) for report files on disk.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, ruleDocPath, RULES_BY_CODE, type Finding, type Locale, type Severity } from '../engine';
import { isSourceMapped, shownFindings } from './published';
import { DID_CHECK } from '../protocol';
import { looksLikeReportPage } from '../protocol/detection';
import { summarize, WORKER_THRESHOLD, type Analyses, type Analysis, type Source } from './analyses';
import { CrossReports } from './crossReports';
import type { ReportDocuments } from './documents';
import type { SettingsStore } from './settings';

export const SOURCE = 'govreport';
export const FILE_TOO_LARGE = 'file-too-large';
export const CHECK_FAILED = 'check-failed';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to code actions: the version its findings were computed for. */
export interface DiagnosticData { version: number | null; textKey: string }

/** The extension's root folder: dist/server.js lives one level below it. */
export const extensionRoot = (): string => path.resolve(__dirname, '..');

export function ruleDocUri(code: string, root = extensionRoot()): string {
  return pathToFileURL(path.join(root, ruleDocPath(code))).href;
}

/** ruleDocUri of the installed extension, once per rule (a diagnostic list names the same few rules many times). */
const docHrefs = new Map<string, string>();
const ruleDocHref = (code: string): string => {
  let href = docHrefs.get(code);
  if (href === undefined) { href = ruleDocUri(code); docHrefs.set(code, href); }
  return href;
};

export function toDiagnostics(analysis: Analysis, locale: Locale, crossFindings: Finding[] = []): Diagnostic[] {
  const data: DiagnosticData = { version: analysis.version, textKey: analysis.textKey };
  if (analysis.skipped) {
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Warning,
      code: FILE_TOO_LARGE,
      source: SOURCE,
      message: localize(analysis.skipped, locale),
      data,
    }];
  }
  // A page's findings are placed in its source; R5 across reports speaks of the text read, so it is left out there.
  const cross = analysis.published && isSourceMapped(analysis.published) ? [] : crossFindings;
  return [...shownFindings(analysis), ...cross].map((f) => {
    const d: Diagnostic = {
      range: f.range,
      severity: SEVERITY[f.severity],
      code: f.code,
      source: SOURCE,
      message: localize(f.message, locale),
      data,
    };
    if (RULES_BY_CODE.has(f.code)) d.codeDescription = { href: ruleDocHref(f.code) };
    if (f.related.length) {
      d.relatedInformation = f.related.map((r) => ({ location: { uri: r.file ?? analysis.uri, range: r.range }, message: localize(r.message, locale) }));
    }
    return d;
  });
}

export interface DiagnosticsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  reports: ReportDocuments;
  analyses: Analyses;
  settings: SettingsStore;
  locale: () => Locale;
  /** A workspace file's source when workspace mode checks it, else null. */
  diskSource: (uri: string) => Source | null;
}

export class DiagnosticsService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly cross = new CrossReports();
  /** The end of the last check to take its turn (see inTurn), and the writing of the last diagnostics sent. */
  private turn: Promise<void> = Promise.resolve();
  private written: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** The R5 findings a report has now (published with its diagnostics). */
  crossFindingsOf(uri: string): Finding[] { return this.cross.of(uri); }

  /** An open document was edited: checked after the debounce when checks run as the user types. */
  async changed(doc: TextDocument): Promise<void> {
    // A page is read when its check is due, not on every keystroke: the cheap look decides here.
    const checked = this.deps.analyses.record(doc.uri) !== undefined;
    if (doc.languageId === 'html' ? !checked && !looksLikeReportPage(doc.getText()) : !this.deps.reports.isOurs(doc)) return;
    const settings = await this.deps.settings.forUri(doc.uri);
    if (settings.run !== 'onType') return;
    this.schedule(doc.uri, settings.debounceMs);
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    if (delayMs <= 0) { void this.checkNow(uri); return; }
    this.timers.set(uri, setTimeout(() => { this.timers.delete(uri); void this.checkNow(uri); }, delayMs));
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) { clearTimeout(t); this.timers.delete(uri); }
  }

  /** Checks an open document, or a workspace file, and publishes the result. */
  async checkNow(uri: string): Promise<void> {
    this.cancel(uri);
    const doc = this.deps.documents.get(uri);
    try {
      await (doc ? this.checkOpen(doc) : this.checkFile(uri));
    } catch (e) {
      // A fault in the checker must not leave stale diagnostics behind as if they were current.
      this.deps.connection.console.error(`检查失败 / check failed: ${uri}: ${(e as Error).stack ?? e}`);
      const message = this.deps.locale() === 'en' ? `The check failed: ${(e as Error).message} (see the output)` : `检查出错：${(e as Error).message}（详见输出）`;
      void this.deps.connection.sendDiagnostics({
        uri, version: doc?.version,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, code: CHECK_FAILED, source: SOURCE, message }],
      });
    }
  }

  private async checkOpen(doc: TextDocument): Promise<void> {
    // A page edited until it no longer reads as a report loses its findings.
    if (!this.deps.reports.isOurs(doc)) { if (this.deps.analyses.record(doc.uri)) this.clear(doc.uri, doc.version); return; }
    // The settings are awaited first (the client may take a while to answer), and the check runs in calls
    // of its own: a frame that waited long enough to reach the old generation never holds an analysis,
    // which would otherwise be kept (and promoted) until the next full collection.
    await this.deps.settings.forUri(doc.uri);
    const publish = async () => { const a = await this.deps.reports.current(doc); if (a) this.publish(a); };
    await (doc.getText().length < WORKER_THRESHOLD ? this.inTurn(publish) : publish());
  }

  private async checkFile(uri: string): Promise<void> {
    const source = this.deps.diskSource(uri);
    if (!source) { this.clear(uri); return; }
    const settings = await this.deps.settings.forUri(uri);
    const stale = () => this.deps.diskSource(uri)?.textKey !== source.textKey;
    const publish = async () => {
      const a = await this.deps.analyses.analyze(source, settings.engine, settings.maxFileSizeBytes, stale);
      if (a) this.publish(a);
    };
    await (source.byteSize !== undefined && source.byteSize < WORKER_THRESHOLD ? this.inTurn(publish) : publish());
  }

  /**
   * Runs a check on this thread once the diagnostics published before it have been written. The connection
   * writes one message per turn of the event loop; checks that do not wait for it (many documents opened at
   * once) pile their diagnostics up in its queue, where they outlive garbage collections of the young
   * generation and end up as garbage in the old one.
   */
  private async inTurn(work: () => Promise<void>): Promise<void> {
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise((resolve) => { release = resolve; });
    try {
      await previous;
      await work();
    } finally {
      void this.written.then(release, release);
    }
  }

  /** An open document was closed: a workspace file goes on being checked from disk, anything else is cleared. */
  closed(uri: string): void {
    this.cancel(uri);
    this.deps.reports.closed(uri);
    if (this.deps.diskSource(uri)) void this.checkNow(uri);
    else this.clear(uri);
  }

  clear(uri: string, version?: number): void {
    this.deps.analyses.delete(uri);
    void this.deps.connection.sendDiagnostics({ uri, version, diagnostics: [] });
    this.sendOthers(this.cross.update(uri, null), uri);
  }

  /** Re-checks every open document (e.g. after a settings change). */
  async recheckOpen(): Promise<void> {
    await Promise.all(this.deps.documents.all().map((d) => this.checkNow(d.uri)));
  }

  private publish(analysis: Analysis): void {
    const changed = this.cross.update(analysis.uri, analysis);
    this.send(analysis);
    void this.deps.connection.sendNotification(DID_CHECK, summarize(analysis));
    this.sendOthers(changed, analysis.uri);
  }

  private send(analysis: Analysis): void {
    const diagnostics = toDiagnostics(analysis, this.deps.locale(), this.cross.of(analysis.uri));
    this.written = this.deps.connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version ?? undefined, diagnostics });
  }

  /** Reports compared with each other (R5): others whose cross-report findings changed are published again. */
  private sendOthers(changed: string[], except: string): void {
    for (const uri of changed) {
      if (uri === except) continue;
      const a = this.deps.analyses.last(uri);
      if (a) this.send(a);
      else void this.sendAgain(uri);
    }
  }

  /** Publishes again a report whose analysis was let go: from its text as checked, else (edited since) checked now. */
  private async sendAgain(uri: string): Promise<void> {
    const record = this.deps.analyses.record(uri);
    if (!record) return;
    try {
      const a = await this.deps.reports.again(record);
      const now = this.deps.analyses.record(uri);
      if (a) { if (now && now.textKey === record.textKey && now.version === record.version) this.send(a); } else if (now === record) await this.checkNow(uri);
    } catch (e) {
      this.deps.connection.console.error(`检查失败 / check failed: ${uri}: ${(e as Error).stack ?? e}`);
    }
  }
}
