// Large documents are checked in a worker thread, so the server keeps answering (hover, symbols, other
// documents) while a 20 MB file is parsed, and a check made stale by a newer version is stopped at once
// instead of running to its end. The worker is the server bundle itself, started in worker mode.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkModel, evaluateRelations, parseReport, plainFinding, type EngineConfig, type Finding, type ReportModel } from '../engine';
import type { ExtractedReport, ReaderLimits } from '../formats';

const WORKER_FLAG = 'govreportCheckWorker';
/** An idle worker is kept this long for the next check of a large document, then ended. */
const IDLE_MS = 60_000;
/** How often a running check asks whether it is still wanted. */
const POLL_MS = 20;

/** A check of a text, or the reading of a published file (Word, PDF: its parsing is the heavy part). */
type Job =
  | { id: number; kind: 'check'; text: string; config: EngineConfig }
  | { id: number; kind: 'extract'; file: string; limits: ReaderLimits };
type Reply =
  | { id: number; ok: true; model: Omit<ReportModel, 'text'>; findings: Finding[]; durationMs: number }
  | { id: number; ok: true; extracted: ExtractedReport }
  | { id: number; ok: false; message: string; stack?: string };

export interface WorkerCheck { model: ReportModel; findings: Finding[]; durationMs: number }

/** Whether this thread is a check worker (then the server must not start). */
export const isCheckWorker = (): boolean =>
  !isMainThread && !!workerData && typeof workerData === 'object' && (workerData as Record<string, unknown>)[WORKER_FLAG] === true;

/** The worker side: parse and check each text sent, answer with the model (without its text) and findings. */
export function runCheckWorker(): void {
  parentPort!.on('message', (job: Job) => {
    if (job.kind === 'extract') { void extractInWorker(job); return; }
    const started = performance.now();
    let reply: Reply;
    try {
      const model = parseReport(job.text, { templateYear: job.config.templateYear });
      const findings = checkModel(model, job.config, evaluateRelations(model)).map(plainFinding);
      const { text: _text, ...rest } = model;
      reply = { id: job.id, ok: true, model: rest, findings, durationMs: performance.now() - started };
    } catch (e) {
      reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
    }
    parentPort!.postMessage(reply);
  });
}

/** Reads a published file in the worker; the registry's reader never throws (a damaged file gives problems). */
async function extractInWorker(job: Extract<Job, { kind: 'extract' }>): Promise<void> {
  let reply: Reply;
  try {
    const { readPublishedFile } = require('./publishedFiles') as typeof import('./publishedFiles');
    reply = { id: job.id, ok: true, extracted: await readPublishedFile(job.file, job.limits) };
  } catch (e) {
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
}

/** Thrown when a check was given up because its document changed or closed (not an error). */
export class StaleCheck extends Error {
  constructor() { super('superseded'); }
}

/** Thrown when no worker thread can be started here: the caller checks on its own thread instead. */
export class WorkerUnavailable extends Error {}

interface Pending { job: Job; isStale: () => boolean; resolve: (r: WorkerCheck | ExtractedReport) => void; reject: (e: Error) => void }

/**
 * One worker, one check at a time (the machine may have two cores: one for the server, one for the
 * worker); checks wait in line, and one that is stale by the time its turn comes is dropped.
 */
export class CheckWorkers {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  /** Checks run in a worker so far, and how many were stopped as stale (for tests and the log). */
  readonly stats = { checked: 0, stopped: 0 };

  constructor(private readonly script: string, private readonly log: (message: string) => void = () => undefined) {}

  /** Checks `text` in the worker; rejects with StaleCheck when `isStale()` turns true first. */
  check(text: string, config: EngineConfig, isStale: () => boolean): Promise<WorkerCheck> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, kind: 'check', text, config }, isStale, resolve: resolve as Pending['resolve'], reject });
      this.pump();
    });
  }

  /**
   * Reads a published file in the worker; rejects with StaleCheck when `isStale()` turns true first (a newer
   * request for the file, its time limit reached): the worker is then ended, whatever the reader was doing.
   */
  extract(file: string, limits: ReaderLimits, isStale: () => boolean): Promise<ExtractedReport> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, kind: 'extract', file, limits }, isStale, resolve: resolve as Pending['resolve'], reject });
      this.pump();
    });
  }

  dispose(): void {
    this.stopWorker();
    for (const p of this.queue.splice(0)) p.reject(new StaleCheck());
    if (this.running) { this.running.reject(new StaleCheck()); this.running = undefined; }
  }

  private pump(): void {
    if (this.running) return;
    let next: Pending | undefined;
    while ((next = this.queue.shift()) && next.isStale()) next.reject(new StaleCheck());
    if (!next) { this.scheduleIdle(); return; }
    if (this.idleTimer) { clearTimeout(this.idleTimer); this.idleTimer = undefined; }
    this.running = next;
    try {
      this.ensureWorker().postMessage(next.job);
    } catch (e) {
      this.stopWorker();
      this.finish(next, (p) => p.reject(new WorkerUnavailable(e instanceof Error ? e.message : String(e))));
      return;
    }
    this.pollTimer = setInterval(() => {
      if (this.running === next && next.isStale()) {
        this.stats.stopped++;
        this.stopWorker();
        this.finish(next, (p) => p.reject(new StaleCheck()));
      }
    }, POLL_MS);
  }

  private finish(p: Pending, settle: (p: Pending) => void): void {
    if (this.running !== p) return;
    this.running = undefined;
    if (this.pollTimer) { clearInterval(this.pollTimer); this.pollTimer = undefined; }
    settle(p);
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { [WORKER_FLAG]: true }, stdout: false, stderr: false });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.running;
      if (!p || p.job.id !== reply.id) return;
      if (reply.ok && 'extracted' in reply) {
        this.finish(p, (x) => x.resolve(reply.extracted));
      } else if (reply.ok && p.job.kind === 'check') {
        this.stats.checked++;
        const model = { ...reply.model, text: p.job.text } as ReportModel;
        this.finish(p, (x) => x.resolve({ model, findings: reply.findings, durationMs: reply.durationMs }));
      } else if (!reply.ok) {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        this.finish(p, (x) => x.reject(error));
      }
    });
    // A worker that runs out of memory or dies ends only that check; the server goes on.
    const gone = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const p = this.running;
      if (p) {
        this.log(`检查线程意外结束 / check worker ended: ${why}`);
        this.finish(p, (x) => x.reject(new Error(why)));
      }
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }

  private scheduleIdle(): void {
    if (this.idleTimer || !this.worker) return;
    this.idleTimer = setTimeout(() => { this.idleTimer = undefined; if (!this.running) this.stopWorker(); }, IDLE_MS);
    this.idleTimer.unref();
  }
}
