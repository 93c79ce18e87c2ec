// Checking many files on every core: the main thread checks files itself and hands others, a few at a time,
// to worker threads running this same bundle. Each thread reads, decodes, fixes and checks its files and sends
// back only a FileReport (rendered JSON or slim findings, and the small R5 summary), never a model.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { EngineConfig } from '../engine';
import { checkJob, type FileReport, type Job, type RunSettings } from './checkFile';

/**
 * Files per checking thread. Every thread warms up its own JIT (TurboFan compiling the engine while the first
 * few hundred reports run slowly), which a worker only earns back over thousands of files on two cores
 * (measured: 3,000 files as fast with a worker as without, 10,000 files 4.2 s with one and 5.7 s without). Up to
 * this many files a run stays on the main thread alone; re-measure after engine changes (`--jobs` to compare).
 */
export const FILES_PER_THREAD = 6000;
/** Most files handed to a worker at once, and how many batches it holds so it never waits for the main thread. */
const MAX_BATCH = 32;
const BATCHES_IN_FLIGHT = 2;
/** Files the main thread checks between looks at the workers' messages. */
const MAIN_BATCH = 4;

const WORKER_FLAG = 'govreportCliWorker';

/** How many threads check files: as asked (--jobs, GOVREPORT_JOBS), else one per FILES_PER_THREAD files, at most one per core. */
export function threadCount(files: number, requested: number | null): number {
  if (requested !== null) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_THREAD)));
}

interface Batch { from: number; files: string[]; configIds: number[]; configs: [number, EngineConfig][] }
interface Done { from: number; reports: FileReport[] }

/**
 * Checks every job on `threads` threads (the main one included) and calls `onReport` for each file on the
 * main thread, in no particular order. Batches shrink as the queue empties so the threads finish together.
 * A worker that fails (cannot start, or an exception) hands its files back to the main thread, which
 * checks them itself: an exception in the engine surfaces there as it would without workers.
 */
export function checkAll(jobs: Job[], settings: RunSettings, threads: number, onReport: (index: number, report: FileReport) => void): Promise<void> {
  if (threads <= 1) return checkRange(jobs, settings, 0, jobs.length, onReport);
  return new Promise<void>((resolve, reject) => {
    const run = new PooledRun(jobs, settings, threads, onReport, (error) => (error === undefined ? resolve() : reject(error)));
    for (let t = 1; t < threads && run.startWorker(); t++);
    run.mainLoop();
  });
}

/** One run over the jobs: the queue, the workers, the main thread's own share, and the batches to check again. */
class PooledRun {
  next = 0;
  done = 0;
  finished = false;
  looping = false;
  readonly retry: [number, number][] = [];
  readonly configIds = new Map<EngineConfig, number>();
  readonly workers: Worker[] = [];

  constructor(
    readonly jobs: Job[],
    readonly settings: RunSettings,
    readonly threads: number,
    readonly onReport: (index: number, report: FileReport) => void,
    readonly settle: (error?: unknown) => void,
  ) {}

  finish(error?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    for (const w of this.workers) void w.terminate();
    this.settle(error);
  }

  /** The next jobs to hand out, at most `most`, fewer as the queue empties. */
  take(most: number): [number, number] {
    const n = this.jobs.length;
    const size = Math.max(1, Math.min(most, Math.ceil((n - this.next) / (this.threads * 4))));
    const range: [number, number] = [this.next, Math.min(n, this.next + size)];
    this.next = range[1];
    return range;
  }

  idOf(config: EngineConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = this.configIds.size));
    return id;
  }

  /** Starts one worker thread and keeps it fed; false when threads cannot be started here. */
  startWorker(): boolean {
    let worker: Worker;
    try {
      worker = new Worker(__filename, { workerData: { [WORKER_FLAG]: this.settings } });
    } catch {
      return false; // no worker threads here: the main thread checks every file
    }
    const feed = new WorkerFeed(this, worker);
    worker.on('message', (m: Done) => feed.received(m));
    worker.on('error', () => feed.fail());
    worker.on('exit', () => feed.fail());
    this.workers.push(worker);
    feed.send();
    return true;
  }

  /** The main thread's share: a few files at a time, or a failed worker's batches, between looks at messages. */
  mainLoop(): void {
    if (this.finished || this.looping) return;
    this.looping = true;
    const range = this.retry.shift() ?? (this.next < this.jobs.length ? this.take(MAIN_BATCH) : null);
    const step = range ? checkRange(this.jobs, this.settings, range[0], range[1], this.onReport) : Promise.resolve();
    step.then(() => {
      if (range) this.done += range[1] - range[0];
      this.looping = false;
      if (this.done === this.jobs.length) this.finish();
      else if (range) setImmediate(() => this.mainLoop());
      // Otherwise the workers have the rest; a failing one calls mainLoop again.
    }, (e: unknown) => {
      this.looping = false;
      this.finish(e);
    });
  }
}

/** What one worker has been sent: configurations (each sent once) and the batches it has not answered yet. */
class WorkerFeed {
  readonly sent = new Set<number>();
  readonly inFlight: [number, number][] = [];
  dead = false;

  constructor(readonly run: PooledRun, readonly worker: Worker) {}

  send(): void {
    const { run } = this;
    while (!this.dead && this.inFlight.length < BATCHES_IN_FLIGHT && run.next < run.jobs.length) {
      const [from, to] = run.take(MAX_BATCH);
      const batch: Batch = { from, files: [], configIds: [], configs: [] };
      for (let i = from; i < to; i++) {
        const id = run.idOf(run.jobs[i].config);
        if (!this.sent.has(id)) { this.sent.add(id); batch.configs.push([id, run.jobs[i].config]); }
        batch.files.push(run.jobs[i].file);
        batch.configIds.push(id);
      }
      this.inFlight.push([from, to]);
      this.worker.postMessage(batch);
    }
  }

  received(m: Done): void {
    const { run } = this;
    if (run.finished || this.dead) return; // a failed worker's batches are being checked again on the main thread
    this.inFlight.splice(this.inFlight.findIndex(([from]) => from === m.from), 1);
    m.reports.forEach((r, k) => run.onReport(m.from + k, r));
    run.done += m.reports.length;
    if (run.done === run.jobs.length) run.finish(); else this.send();
  }

  fail(): void {
    if (this.dead) return;
    this.dead = true;
    this.run.retry.push(...this.inFlight.splice(0));
    void this.worker.terminate();
    setImmediate(() => this.run.mainLoop());
  }
}

/**
 * Checks jobs [from, to) in order. Text files are checked synchronously, with no promise per file; a published
 * file's reader may be asynchronous (PDF), and is waited for before the next file.
 */
async function checkRange(jobs: Job[], settings: RunSettings, from: number, to: number, onReport: (index: number, report: FileReport) => void): Promise<void> {
  for (let i = from; i < to; i++) {
    const r = checkJob(jobs[i], settings);
    onReport(i, r instanceof Promise ? await r : r);
  }
}

/** A worker thread: checks the batches it is sent with the run's settings and sends back their reports. */
function serve(settings: RunSettings): void {
  const configs = new Map<number, EngineConfig>();
  let queue = Promise.resolve();
  parentPort!.on('message', (b: Batch) => {
    for (const [id, c] of b.configs) configs.set(id, c);
    // Batches are answered in the order they came, even when a file in one is read asynchronously.
    queue = queue.then(async () => {
      const reports: FileReport[] = [];
      for (let k = 0; k < b.files.length; k++) {
        const r = checkJob({ file: b.files[k], config: configs.get(b.configIds[k])! }, settings);
        reports.push(r instanceof Promise ? await r : r);
      }
      parentPort!.postMessage({ from: b.from, reports } satisfies Done);
    });
  });
}

if (!isMainThread && workerData?.[WORKER_FLAG]) serve(workerData[WORKER_FLAG] as RunSettings);
