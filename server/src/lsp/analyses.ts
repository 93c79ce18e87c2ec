// The one place a document's analysis (parsed model and findings) is computed and kept, shared by diagnostics,
// hover, symbols, code actions and the rest. Small texts are checked at once on the server thread (after letting
// queued edits in, so a check never runs for a version that is already outdated); large ones in the check
// worker, where a newer version stops the check of the old one. The model is reused when only rule severities
// change; it is parsed again when the text or the template year changes.
//
// Every checked document keeps a small record (what the report list shows); only the most recently used
// analyses keep their model and findings (≈ 150 KB for a report with two dozen findings, ≈ 25 times its
// text). An analysis let go is computed again from the same text and settings when it is asked for (a hover,
// code actions, diagnostics published again): the engine gives the same findings, and the record keeps the
// time of the check that was published.
import { derivedFrom } from '../engine/derived';
import { checkModel, evaluateRelations, parseReport, type EngineConfig, type Finding, type Localized, type RelationResult, type ReportModel } from '../engine';
import type { CheckCounts, CheckSummary } from '../protocol';
import { shownFindings, type Published } from './published';
import { StaleCheck, WorkerUnavailable, type CheckWorkers } from './checkWorker';

export interface Analysis {
  uri: string;
  /** Document version, or null for a file read from disk. */
  version: number | null;
  /** Identifies the text: `v<version>` for open documents, `d<mtime>:<size>` for files. */
  textKey: string;
  /** Null when the file was too large to check. */
  model: ReportModel | null;
  findings: Finding[];
  config: EngineConfig;
  checkedAt: Date;
  durationMs: number;
  skipped?: Localized;
  /** A report read from a web page, Word or PDF file: what places its findings in the file. */
  published?: Published;
}

export interface Source {
  uri: string;
  version: number | null;
  textKey: string;
  getText(): string;
  /** The size in bytes when known without reading (a file on disk); over the limit the text is not read. */
  byteSize?: number;
  /** getText() is the text read from a web page, Word or PDF file; this places its findings in the file. */
  published?: Published;
}

/** What is kept of every checked document, whether or not its full analysis is still held. */
export interface CheckRecord {
  uri: string;
  version: number | null;
  textKey: string;
  config: EngineConfig;
  skipped?: Localized;
  summary: CheckSummary;
}

/**
 * The relations R1–R4 of a model with their figures (hover, outline, inlay hints, code lenses ask for them).
 * Evaluated on first use and kept as long as the model: most checked documents are never hovered.
 */
export const relationsOf: (model: ReportModel) => RelationResult[] = derivedFrom(evaluateRelations);

/**
 * Full analyses held at once: the documents being worked in (hover, code actions, symbols ask for these).
 * Few, so that while many documents are checked one after another (a folder opened, workspace mode) an
 * analysis is let go before a collection of the young generation moves it to the old one: with 16 held,
 * 500 reports opened at once moved twice as much to the old generation as with 4 (≈ 54 against 27 MB).
 */
export const HELD_ANALYSES = 4;

/** Texts from this many UTF-16 units on are checked in the worker (≈ 50–100 ms of work on the server thread). */
export const WORKER_THRESHOLD = 200_000;

export function countFindings(findings: Finding[]): CheckCounts {
  const counts: CheckCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function summarize(analysis: Analysis): CheckSummary {
  const m = analysis.model;
  return {
    uri: analysis.uri,
    version: analysis.version,
    title: m?.title?.text ?? null,
    // A published file is listed whatever was read from it: it was opened as a report, or named as one.
    isReport: (m?.isReport ?? false) || !!analysis.published,
    templateYear: m?.templateYear ?? null,
    templateYearSource: m?.templateYearSource ?? null,
    reportYear: m?.reportYear ?? null,
    counts: countFindings(shownFindings(analysis)),
    checkedAt: analysis.checkedAt.toISOString(),
    durationMs: Math.round(analysis.durationMs * 10) / 10,
    skipped: analysis.skipped?.en,
  };
}

interface Entry {
  parseKey: string;
  ruleKey: string;
  record: CheckRecord;
  /** The full analysis while it is held (always for a skipped file: it has no model). */
  analysis: Analysis | undefined;
  checkedAt: Date;
  durationMs: number;
}

const parseKeyOf = (source: Source, config: EngineConfig) => `${source.textKey}|${config.templateYear}`;
const ruleKeyOf = (config: EngineConfig) => JSON.stringify(Object.entries(config.rules).sort());
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const byteSizeOf = (text: string, limit: number) => (text.length > limit / 3 ? Buffer.byteLength(text, 'utf8') : text.length);

export interface AnalysesOptions {
  /** The check worker for large texts; null checks everything on this thread. */
  workers: CheckWorkers | null;
  /** Texts from this length on go to the worker. */
  threshold?: number;
  /** Full analyses held at once. */
  held?: number;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  /** URIs whose full analysis is held, least recently used first. */
  private readonly held = new Set<string>();
  private readonly inflight = new Map<string, { key: string; promise: Promise<Analysis> }>();
  /** Set when a worker could not be started: every check runs on the server thread from then on. */
  private workerless = false;
  private readonly workers: CheckWorkers | null;
  private readonly threshold: number;
  private readonly heldLimit: number;

  constructor(options: AnalysesOptions) {
    this.workers = options.workers;
    this.threshold = options.threshold ?? WORKER_THRESHOLD;
    this.heldLimit = options.held ?? HELD_ANALYSES;
  }

  /**
   * The analysis of `source` under `config`, computed at most once while it is held; null when `isStale()`
   * turned true first (a newer version, the document closed): the caller then publishes nothing, the newer
   * version has its own check.
   */
  async analyze(source: Source, config: EngineConfig, maxFileSizeBytes: number, isStale: () => boolean): Promise<Analysis | null> {
    try {
      return await this.compute(source, config, maxFileSizeBytes, isStale);
    } catch (e) {
      if (e instanceof StaleCheck) return null;
      throw e;
    }
  }

  /** The last analysis of a document, whatever its version, if it is still held. */
  last(uri: string): Analysis | undefined { return this.entries.get(uri)?.analysis; }

  /** The record of the last check of a document, whatever its version. */
  record(uri: string): CheckRecord | undefined { return this.entries.get(uri)?.record; }

  /** The summary of this exact text and configuration if it was checked, held or not. */
  summary(source: Source, config: EngineConfig): CheckSummary | undefined {
    const entry = this.entries.get(source.uri);
    return entry && entry.parseKey === parseKeyOf(source, config) && entry.ruleKey === ruleKeyOf(config) && !entry.record.skipped
      ? entry.record.summary
      : undefined;
  }

  delete(uri: string): void { this.entries.delete(uri); this.held.delete(uri); }

  clear(): void { this.entries.clear(); this.held.clear(); }

  dispose(): void { this.workers?.dispose(); }

  private async compute(source: Source, config: EngineConfig, maxFileSizeBytes: number, isStale: () => boolean): Promise<Analysis> {
    const cached = this.peek(source, config);
    if (cached) return cached;
    // Queued notifications (a newer version, a close) are taken in before any work is done.
    await nextTurn();
    if (isStale()) throw new StaleCheck();
    const again = this.peek(source, config);
    if (again) return again;
    if (source.byteSize !== undefined && source.byteSize > maxFileSizeBytes) return this.here(source, config, maxFileSizeBytes);

    const text = source.getText();
    const read: Source = { ...source, getText: () => text };
    const small = text.length < this.threshold || byteSizeOf(text, maxFileSizeBytes) > maxFileSizeBytes;
    if (!this.workers || this.workerless || small) return this.here(read, config, maxFileSizeBytes);
    const key = `${source.textKey}|${JSON.stringify(config)}`;
    const running = this.inflight.get(source.uri);
    if (running && running.key === key) return running.promise;
    const promise = this.inWorker(read, text, config, isStale);
    const entry = { key, promise };
    this.inflight.set(source.uri, entry);
    const done = () => { if (this.inflight.get(source.uri) === entry) this.inflight.delete(source.uri); };
    promise.then(done, done);
    return promise;
  }

  /** The analysis of this exact text and configuration if it is held, without computing it. */
  private peek(source: Source, config: EngineConfig): Analysis | undefined {
    const entry = this.entries.get(source.uri);
    return entry?.analysis && entry.parseKey === parseKeyOf(source, config) && entry.ruleKey === ruleKeyOf(config) && !entry.analysis.skipped
      ? this.touch(entry, entry.analysis)
      : undefined;
  }

  /** Checks on this thread (a small text, a file over the size limit, no worker), reusing a held model. */
  private here(source: Source, config: EngineConfig, maxFileSizeBytes: number): Analysis {
    const parseKey = parseKeyOf(source, config);
    const ruleKey = ruleKeyOf(config);
    const entry = this.entries.get(source.uri);
    const same = entry && entry.parseKey === parseKey && entry.ruleKey === ruleKey;
    // A skipped file is measured again (cheap): the size limit may have been raised since.
    if (same && entry.analysis && !entry.analysis.skipped) return this.touch(entry, entry.analysis);

    const started = performance.now();
    const unread = source.byteSize !== undefined && source.byteSize > maxFileSizeBytes;
    const text = unread ? '' : source.getText();
    const size = source.byteSize ?? byteSizeOf(text, maxFileSizeBytes);
    let analysis: Analysis;
    if (size > maxFileSizeBytes) {
      analysis = { ...base(source, config), model: null, findings: [], durationMs: performance.now() - started, skipped: tooLarge(size, maxFileSizeBytes) };
    } else {
      const reuse = entry && entry.parseKey === parseKey && entry.analysis?.model ? entry.analysis : null;
      const model = reuse?.model ?? parseReport(text, { templateYear: config.templateYear });
      const findings = checkModel(model, config, evaluateRelations(model));
      analysis = { ...base(source, config), model, findings, durationMs: performance.now() - started };
    }
    return this.store(source.uri, parseKey, ruleKey, analysis);
  }

  private async inWorker(source: Source, text: string, config: EngineConfig, isStale: () => boolean): Promise<Analysis> {
    const checkedAt = new Date();
    let result;
    try {
      result = await this.workers!.check(text, config, isStale);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      // No threads here (a restricted runtime): check on this thread, as for a small text.
      this.workerless = true;
      return this.here(source, config, Infinity);
    }
    if (isStale()) throw new StaleCheck();
    const analysis: Analysis = { ...base(source, config), checkedAt, model: result.model, findings: result.findings, durationMs: result.durationMs };
    return this.store(source.uri, parseKeyOf(source, config), ruleKeyOf(config), analysis);
  }

  private store(uri: string, parseKey: string, ruleKey: string, analysis: Analysis): Analysis {
    const entry = this.entries.get(uri);
    // The same text and settings computed again after it was let go: still the check that was published.
    if (entry && !entry.analysis && entry.parseKey === parseKey && entry.ruleKey === ruleKey) {
      analysis.checkedAt = entry.checkedAt;
      analysis.durationMs = entry.durationMs;
      entry.analysis = analysis;
      return this.touch(entry, analysis);
    }
    const { version, textKey, config, skipped } = analysis;
    const record: CheckRecord = { uri, version, textKey, config, summary: summarize(analysis) };
    if (skipped) record.skipped = skipped;
    const next: Entry = { parseKey, ruleKey, record, analysis, checkedAt: analysis.checkedAt, durationMs: analysis.durationMs };
    this.entries.set(uri, next);
    if (skipped) { this.held.delete(uri); return analysis; }
    return this.touch(next, analysis);
  }

  /** Marks an analysis as just used; the least recently used beyond the limit are let go. */
  private touch(entry: Entry, analysis: Analysis): Analysis {
    this.held.delete(entry.record.uri);
    this.held.add(entry.record.uri);
    for (const uri of this.held) {
      if (this.held.size <= this.heldLimit) break;
      this.held.delete(uri);
      const gone = this.entries.get(uri);
      if (gone) gone.analysis = undefined;
    }
    return analysis;
  }
}

function tooLarge(size: number, maxFileSizeBytes: number): Localized {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    zh: `文件过大（${mb(size)} MB），超过 govreport.maxFileSize（${mb(maxFileSizeBytes)} MB），未检查`,
    en: `File too large (${mb(size)} MB, govreport.maxFileSize is ${mb(maxFileSizeBytes)} MB); not checked`,
  };
}

function base(source: Source, config: EngineConfig) {
  const b = { uri: source.uri, version: source.version, textKey: source.textKey, config, checkedAt: new Date() };
  return source.published ? { ...b, published: source.published } : b;
}
