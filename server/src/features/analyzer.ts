// Where a document's analysis is computed: small texts at once on the server thread (after letting queued
// edits in, so a check never runs for a version that is already outdated), large ones in the check worker,
// where a newer version stops the check of the old one. Either way the result lands in the DocumentCache,
// shared by diagnostics, hover, symbols and code actions.
import type { EngineConfig } from '../engine';
import { CheckWorkers, StaleCheck, WorkerUnavailable } from './checkWorker';
import type { Analysis, DocumentCache, Source } from './documentCache';

/** Texts from this many UTF-16 units on are checked in the worker (≈ 50–100 ms of work on the server thread). */
export const WORKER_THRESHOLD = 200_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Analyzer {
  private readonly inflight = new Map<string, { key: string; promise: Promise<Analysis> }>();
  /** Set when a worker could not be started: every check runs on the server thread from then on. */
  private workerless = false;

  constructor(
    private readonly cache: DocumentCache,
    private readonly workers: CheckWorkers | null,
    private readonly threshold = WORKER_THRESHOLD,
  ) {}

  /**
   * The analysis of `source` under `config`, or null when `isStale()` turned true first (a newer version,
   * the document closed): the caller then publishes nothing, the newer version has its own check.
   */
  async analyze(source: Source, config: EngineConfig, maxFileSizeBytes: number, isStale: () => boolean): Promise<Analysis | null> {
    try {
      return await this.compute(source, config, maxFileSizeBytes, isStale);
    } catch (e) {
      if (e instanceof StaleCheck) return null;
      throw e;
    }
  }

  private async compute(source: Source, config: EngineConfig, maxFileSizeBytes: number, isStale: () => boolean): Promise<Analysis> {
    const cached = this.cache.peek(source, config);
    if (cached) return cached;
    // Queued notifications (a newer version, a close) are taken in before any work is done.
    await nextTurn();
    if (isStale()) throw new StaleCheck();
    const again = this.cache.peek(source, config);
    if (again) return again;
    if (source.byteSize !== undefined && source.byteSize > maxFileSizeBytes) return this.cache.analyze(source, config, maxFileSizeBytes);

    const text = source.getText();
    const read: Source = { ...source, getText: () => text };
    const tooLarge = () => (text.length > maxFileSizeBytes / 3 ? Buffer.byteLength(text, 'utf8') : text.length) > maxFileSizeBytes;
    if (!this.workers || text.length < this.threshold || tooLarge()) return this.cache.analyze(read, config, maxFileSizeBytes);

    if (this.workerless) return this.cache.analyze(read, config, maxFileSizeBytes);
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

  private async inWorker(source: Source, text: string, config: EngineConfig, isStale: () => boolean): Promise<Analysis> {
    const checkedAt = new Date();
    let result;
    try {
      result = await this.workers!.check(text, config, isStale);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      // No threads here (a restricted runtime): check on this thread, as for a small text.
      this.workerless = true;
      return this.cache.analyze(source, config, Infinity);
    }
    if (isStale()) throw new StaleCheck();
    const analysis: Analysis = {
      uri: source.uri, version: source.version, textKey: source.textKey, config, checkedAt,
      model: result.model, relations: result.relations, findings: result.findings, durationMs: result.durationMs,
      ...(source.published ? { published: source.published } : {}),
    };
    this.cache.put(source, config, analysis);
    return analysis;
  }

  dispose(): void { this.workers?.dispose(); }
}
