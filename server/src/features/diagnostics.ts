// Diagnostics: engine findings as LSP diagnostics, checked on open and save and, debounced, as the
// user types; published for open documents and (workspace mode) for report files on disk.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, ruleDocPath, RULES_BY_CODE, type Finding, type Locale, type Severity } from '../engine';
import { WORKER_THRESHOLD, type Analyzer } from './analyzer';
import { CrossReports } from './crossReports';
import { summarize, type Analysis, type CheckRecord, type DocumentCache, type Source } from './documentCache';
import { DETECTION_PREFIX, looksLikeReport, looksLikeReportPage, matchesReportFileName } from './languageDetection';
import { DID_CHECK, fileUriOfView, LANGUAGE_ID, type CheckSummary } from './protocol';
import { isSourceMapped, publishedOf, shownFindings, type Published } from './published';
import type { PublishedFiles } from './publishedFiles';
import { uriToPath, type EffectiveSettings, type SettingsStore } from './settings';

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

export { summarize };

/** An open document as the checks read it: a web page through its reader, anything else as it is. */
export function documentSource(doc: TextDocument, published?: Published): Source {
  const page = doc.languageId === 'html' ? pageOf(doc) : null;
  if (page) return { uri: doc.uri, version: doc.version, textKey: `v${doc.version}`, getText: () => page.extracted.text, published: page };
  const source: Source = { uri: doc.uri, version: doc.version, textKey: `v${doc.version}`, getText: () => doc.getText() };
  // A report view shows what was read from its file: that reading places its findings in the file.
  if (published && published.extracted.text === doc.getText()) source.published = published;
  return source;
}

export interface DiagnosticsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: DocumentCache;
  settings: SettingsStore;
  locale: () => Locale;
  /** A workspace file's source when workspace mode checks it, else null. */
  diskSource: (uri: string) => Source | null;
  /** Computes analyses off the server thread for large texts and drops superseded ones (else: the cache, at once). */
  analyzer?: Analyzer;
  /** Reads Word and PDF files behind report views. */
  publishedFiles?: PublishedFiles;
}

export class DiagnosticsService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs with published diagnostics that came from disk (workspace mode). */
  readonly published = new Set<string>();
  private readonly cross = new CrossReports();
  /** The end of the last check to take its turn (see inTurn), and the writing of the last diagnostics sent. */
  private turn: Promise<void> = Promise.resolve();
  private written: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** The analysis of an open document at its current version (cached), or null if superseded meanwhile. */
  async analyzeDocument(doc: TextDocument): Promise<Analysis | null> {
    const settings = await this.deps.settings.forUri(doc.uri);
    const now = this.deps.documents.get(doc.uri);
    if (!now || now.version !== doc.version) return null;
    const { analyzer } = this.deps;
    // The document object is updated in place: its version now is the one to compare with later.
    const version = now.version;
    const source = await this.sourceOf(now);
    if (this.deps.documents.get(doc.uri)?.version !== version) return null;
    if (analyzer) return analyzer.analyze(source, settings.engine, settings.maxFileSizeBytes, () => this.deps.documents.get(doc.uri)?.version !== version);
    return this.deps.cache.analyze(source, settings.engine, settings.maxFileSizeBytes);
  }

  /** The source of an open document; a report view's with the reading of its file (read again if let go). */
  private async sourceOf(doc: TextDocument): Promise<Source> {
    const file = fileUriOfView(doc.uri);
    const path = file && uriToPath(file);
    if (!path || !this.deps.publishedFiles) return documentSource(doc);
    try {
      return documentSource(doc, publishedOf((await this.deps.publishedFiles.read(path)).extracted));
    } catch {
      return documentSource(doc);
    }
  }

  /** The summary of an open document at its current version: the record of its check, else a check now. */
  async summaryOf(doc: TextDocument): Promise<CheckSummary | null> {
    const settings = await this.deps.settings.forUri(doc.uri);
    const now = this.deps.documents.get(doc.uri);
    if (!now || now.version !== doc.version) return null;
    const kept = this.deps.cache.summary(await this.sourceOf(now), settings.engine);
    if (kept) return kept;
    const a = await this.analyzeDocument(now);
    return a && summarize(a);
  }

  /** The R5 findings a report has now (published with its diagnostics). */
  crossFindingsOf(uri: string): Finding[] { return this.cross.of(uri); }

  /** The last analysis of a document or workspace file, whatever its version; computed again if it was let go. */
  async lastAnalysis(uri: string): Promise<Analysis | undefined> {
    const held = this.deps.cache.last(uri);
    if (held) return held;
    const record = this.deps.cache.record(uri);
    return (record && (await this.again(record))) ?? undefined;
  }

  /**
   * The analysis behind `record` computed again from the same text and settings (it was let go), or null
   * when the text is no longer there (the document was edited or closed, the file changed on disk).
   */
  private async again(record: CheckRecord): Promise<Analysis | null> {
    const { uri, textKey } = record;
    const doc = this.deps.documents.get(uri);
    const source = doc ? await this.sourceOf(doc) : this.deps.diskSource(uri);
    if (!source || source.textKey !== textKey) return null;
    const stale = () => this.deps.cache.record(uri)?.textKey !== textKey;
    const { analyzer } = this.deps;
    // It was checked under the size limit of the time: the limit is not applied again.
    return analyzer ? analyzer.analyze(source, record.config, Infinity, stale) : this.deps.cache.analyze(source, record.config, Infinity);
  }

  async changed(doc: TextDocument): Promise<void> {
    // A page is read when its check is due, not on every keystroke: the cheap look decides here.
    const checked = this.deps.cache.record(doc.uri) !== undefined;
    if (doc.languageId === 'html' ? !checked && !looksLikeReportPage(doc.getText()) : !isOurs(doc)) return;
    const settings = await this.deps.settings.forUri(doc.uri);
    if (settings.run !== 'onType') return;
    this.schedule(doc.uri, settings.debounceMs);
  }

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    if (delayMs <= 0) { void this.checkNow(uri); return; }
    this.timers.set(uri, setTimeout(() => { this.timers.delete(uri); void this.checkNow(uri); }, delayMs));
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) { clearTimeout(t); this.timers.delete(uri); }
  }

  /** Checks an open document, or a workspace file, and publishes the result. */
  async checkNow(uri: string): Promise<void> {
    this.cancel(uri);
    const doc = this.deps.documents.get(uri);
    try {
      if (doc) {
        // A page edited until it no longer reads as a report loses its findings.
        if (!isOurs(doc)) { if (this.deps.cache.record(uri)) this.clear(uri, doc.version); return; }
        // The settings are awaited first (the client may take a while to answer), and the check runs in calls
        // of its own: a frame that waited long enough to reach the old generation never holds an analysis,
        // which would otherwise be kept (and promoted) until the next full collection.
        await this.deps.settings.forUri(uri);
        const publish = () => this.publishDocument(doc);
        await (doc.getText().length < WORKER_THRESHOLD ? this.inTurn(publish) : publish());
        return;
      }
      const source = this.deps.diskSource(uri);
      if (!source) { this.clear(uri); return; }
      const settings = await this.deps.settings.forUri(uri);
      const publish = () => this.publishFile(uri, source, settings);
      await (source.byteSize !== undefined && source.byteSize < WORKER_THRESHOLD ? this.inTurn(publish) : publish());
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

  private async publishDocument(doc: TextDocument): Promise<void> {
    const analysis = await this.analyzeDocument(doc);
    if (analysis) this.publish(analysis, false);
  }

  private async publishFile(uri: string, source: Source, settings: EffectiveSettings): Promise<void> {
    const { analyzer } = this.deps;
    const analysis = analyzer
      ? await analyzer.analyze(source, settings.engine, settings.maxFileSizeBytes, () => this.deps.diskSource(uri)?.textKey !== source.textKey)
      : this.deps.cache.analyze(source, settings.engine, settings.maxFileSizeBytes);
    if (analysis) this.publish(analysis, true);
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

  closed(uri: string): void {
    this.cancel(uri);
    pages.delete(uri);
    this.deps.cache.delete(uri);
    if (this.deps.diskSource(uri)) void this.checkNow(uri);
    else this.clear(uri);
  }

  clear(uri: string, version?: number): void {
    this.published.delete(uri);
    this.deps.cache.delete(uri);
    void this.deps.connection.sendDiagnostics({ uri, version, diagnostics: [] });
    this.sendOthers(this.cross.update(uri, null), uri);
  }

  /** Re-checks every open document (e.g. after a settings change). */
  async recheckOpen(): Promise<void> {
    await Promise.all(this.deps.documents.all().map((d) => this.checkNow(d.uri)));
  }

  private publish(analysis: Analysis, fromDisk: boolean): void {
    if (fromDisk) this.published.add(analysis.uri); else this.published.delete(analysis.uri);
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
      const a = this.deps.cache.last(uri);
      if (a) this.send(a);
      else void this.sendAgain(uri);
    }
  }

  /** Publishes again a report whose analysis was let go: from its text as checked, else (edited since) checked now. */
  private async sendAgain(uri: string): Promise<void> {
    const record = this.deps.cache.record(uri);
    if (!record) return;
    try {
      const a = await this.again(record);
      const now = this.deps.cache.record(uri);
      if (a) { if (now && now.textKey === record.textKey && now.version === record.version) this.send(a); } else if (now === record) await this.checkNow(uri);
    } catch (e) {
      this.deps.connection.console.error(`检查失败 / check failed: ${uri}: ${(e as Error).stack ?? e}`);
    }
  }
}

/**
 * Documents the server checks: the govreport language; other LSP clients may send reports as plain
 * text or markdown, which are taken when their name or content says they are reports.
 */
export function isOurs(doc: TextDocument): boolean {
  if (doc.languageId === LANGUAGE_ID || fileUriOfView(doc.uri) !== null) return true;
  if (doc.languageId === 'html') return pageOf(doc) !== null;
  if (!/^(plaintext|text|markdown)$/.test(doc.languageId)) return false;
  return matchesReportFileName(doc.uri) || looksLikeReport(doc.getText().slice(0, DETECTION_PREFIX));
}

/** Time a page open in the editor may take to read on the server thread; past it the reader stops, and says so. */
const PAGE_MILLIS = 2000;

/** The reading of each open web page at its version; null for a page that is not a report. */
const pages = new Map<string, { version: number; published: Published | null }>();

/**
 * An open web page read as a report, or null when it is not one (content detection as for plain text: the
 * text read from the page must look like a report). Read once a version, on the server thread (a page of
 * 300 KB takes ≈ 15 ms).
 */
function pageOf(doc: TextDocument): Published | null {
  const hit = pages.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.published;
  const html = doc.getText();
  let published: Published | null = null;
  if (looksLikeReportPage(html)) {
    try {
      const { readHtmlText } = require('../formats/html') as typeof import('../formats/html');
      const { DEFAULT_LIMITS } = require('../formats/types') as typeof import('../formats/types');
      const extracted = readHtmlText(html, { ...DEFAULT_LIMITS, maxMillis: PAGE_MILLIS });
      if (looksLikeReport(extracted.text.slice(0, DETECTION_PREFIX))) published = publishedOf(extracted);
    } catch (e) {
      // A page the reader fails on: one finding saying so, where it was taken for a report.
      const why = e instanceof Error ? e.message : String(e);
      published = publishedOf({ format: 'html', text: '', segments: [], sourceText: html, problems: [{ zh: `无法读取网页：${why}`, en: `Cannot read the page: ${why}` }] });
    }
  }
  pages.set(doc.uri, { version: doc.version, published });
  return published;
}
