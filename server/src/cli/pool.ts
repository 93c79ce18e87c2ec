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
  const n = jobs.length;
  if (threads <= 1) return checkRange(jobs, settings, 0, n, onReport);
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let finished = false;
    const retry: [number, number][] = [];
    const configIds = new Map<EngineConfig, number>();
    const idOf = (c: EngineConfig) => { let id = configIds.get(c); if (id === undefined) configIds.set(c, id = configIds.size); return id; };
    const workers: Worker[] = [];

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve(); else reject(error);
    };
    const take = (most: number): [number, number] => {
      const size = Math.max(1, Math.min(most, Math.ceil((n - next) / (threads * 4))));
      const range: [number, number] = [next, Math.min(n, next + size)];
      next = range[1];
      return range;
    };

    for (let t = 1; t < threads; t++) {
      let worker: Worker;
      try {
        worker = new Worker(__filename, { workerData: { [WORKER_FLAG]: settings } });
      } catch {
        break; // no worker threads here: the main thread checks every file
      }
      const sent = new Set<number>();
      const inFlight: [number, number][] = [];
      let dead = false;
      const send = () => {
        while (!dead && inFlight.length < BATCHES_IN_FLIGHT && next < n) {
          const [from, to] = take(MAX_BATCH);
          const batch: Batch = { from, files: [], configIds: [], configs: [] };
          for (let i = from; i < to; i++) {
            const id = idOf(jobs[i].config);
            if (!sent.has(id)) { sent.add(id); batch.configs.push([id, jobs[i].config]); }
            batch.files.push(jobs[i].file);
            batch.configIds.push(id);
          }
          inFlight.push([from, to]);
          worker.postMessage(batch);
        }
      };
      const fail = () => {
        if (dead) return;
        dead = true;
        retry.push(...inFlight.splice(0));
        void worker.terminate();
        setImmediate(mainLoop);
      };
      worker.on('message', (m: Done) => {
        if (finished || dead) return; // a failed worker's batches are being checked again on the main thread
        inFlight.splice(inFlight.findIndex(([from]) => from === m.from), 1);
        m.reports.forEach((r, k) => onReport(m.from + k, r));
        done += m.reports.length;
        if (done === n) finish(); else send();
      });
      worker.on('error', fail);
      worker.on('exit', fail);
      workers.push(worker);
      send();
    }

    let looping = false;
    function mainLoop() {
      if (finished || looping) return;
      looping = true;
      const range = retry.shift() ?? (next < n ? take(MAIN_BATCH) : null);
      const step = range ? checkRange(jobs, settings, range[0], range[1], onReport) : Promise.resolve();
      step.then(() => {
        if (range) done += range[1] - range[0];
        looping = false;
        if (done === n) finish();
        else if (range) setImmediate(mainLoop);
        // Otherwise the workers have the rest; a failing one calls mainLoop again.
      }, (e: unknown) => {
        looping = false;
        finish(e);
      });
    }
    mainLoop();
  });
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
