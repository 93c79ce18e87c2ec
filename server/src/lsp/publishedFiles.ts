// Published files (Word, PDF and, in workspace mode, web pages on disk) read through the formats registry.
// Reading a Word or PDF file is the heavy part (unzipping, XML, PDF geometry): it runs in the check worker, is
// given up when a newer request for the same file comes or its time limit passes, and a damaged file gives a
// problem to report, never an exception.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LIMITS, extractReport, formatOf, type ExtractedReport, type ReaderLimits } from '../formats';
import { StaleCheck, WorkerUnavailable, type CheckWorkers } from './checkWorker';

/** Reads one file and its text; what cannot be read is a problem of the result. Used on either thread. */
export async function readPublishedFile(file: string, limits: ReaderLimits): Promise<ExtractedReport> {
  const entry = formatOf(path.extname(file));
  const failed = (zh: string, en: string): ExtractedReport => ({ format: entry?.format ?? 'text', text: '', segments: [], problems: [{ zh, en }] });
  if (!entry) return failed('不是网页、Word 或 PDF 文件', 'Not a web page, Word or PDF file');
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > limits.maxBytes) {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      return failed(`文件过大（${mb(stat.size)} MB），超过 govreport.maxFileSize（${mb(limits.maxBytes)} MB），未读取`,
        `File too large (${mb(stat.size)} MB, govreport.maxFileSize is ${mb(limits.maxBytes)} MB); not read`);
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    return failed(`无法读取文件：${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`);
  }
  return extractReport(bytes, entry, limits);
}

/** The read of a file, with the state of the file it was read from. */
export interface PublishedRead { file: string; textKey: string; extracted: ExtractedReport }

/** Files whose reading is kept (views being looked at, the last workspace files read). */
const KEPT = 16;

export class PublishedFiles {
  private readonly kept = new Map<string, PublishedRead>();
  /** The read under way per file; one for an older state of the file is given up when a newer one starts. */
  private readonly inflight = new Map<string, { textKey: string; promise: Promise<PublishedRead> }>();

  constructor(
    private readonly workers: CheckWorkers | null,
    private readonly limits: () => Promise<ReaderLimits> = async () => DEFAULT_LIMITS,
  ) {}

  /** The file's read at its current state on disk: kept, or read now (Word and PDF in the worker). */
  async read(file: string): Promise<PublishedRead> {
    const textKey = await stateOf(file);
    const hit = this.kept.get(file);
    if (hit && hit.textKey === textKey) return this.keep(hit);
    const running = this.inflight.get(file);
    if (running && running.textKey === textKey) return running.promise;
    const entry = { textKey, promise: this.start(file, textKey) };
    this.inflight.set(file, entry);
    const done = () => { if (this.inflight.get(file) === entry) this.inflight.delete(file); };
    entry.promise.then(done, done);
    try {
      return await entry.promise;
    } catch (e) {
      // The file changed while it was read: the read of its new state answers.
      if (e instanceof StaleCheck) return this.read(file);
      throw e;
    }
  }

  private async start(file: string, textKey: string): Promise<PublishedRead> {
    const limits = await this.limits();
    const superseded = () => this.inflight.get(file)?.textKey !== textKey;
    const extracted = await this.extract(file, limits, superseded);
    return this.keep({ file, textKey, extracted });
  }

  /** The read kept for this file if it is of this state, without reading. */
  peek(file: string, textKey?: string): PublishedRead | undefined {
    const hit = this.kept.get(file);
    return hit && (textKey === undefined || hit.textKey === textKey) ? hit : undefined;
  }

  private async extract(file: string, limits: ReaderLimits, newer: () => boolean): Promise<ExtractedReport> {
    const inWorker = !!this.workers;
    if (!inWorker) return readPublishedFile(file, limits);
    const deadline = Date.now() + limits.maxMillis;
    const timedOut = () => Date.now() > deadline;
    try {
      return await this.workers!.extract(file, limits, () => newer() || timedOut());
    } catch (e) {
      if (e instanceof WorkerUnavailable) return readPublishedFile(file, limits);
      if (e instanceof StaleCheck && !timedOut()) throw e;
      const seconds = Math.round(limits.maxMillis / 1000);
      const why = e instanceof StaleCheck ? { zh: `读取超过 ${seconds} 秒，已停止`, en: `reading took over ${seconds} s and was stopped` } : { zh: (e as Error).message, en: (e as Error).message };
      return { format: formatOf(path.extname(file))!.format, text: '', segments: [], problems: [{ zh: `无法读取文件：${why.zh}`, en: `Cannot read the file: ${why.en}` }] };
    }
  }

  private keep(read: PublishedRead): PublishedRead {
    this.kept.delete(read.file);
    this.kept.set(read.file, read);
    for (const file of this.kept.keys()) {
      if (this.kept.size <= KEPT) break;
      this.kept.delete(file);
    }
    return read;
  }
}

/** A file's state as the cache keys it (`d<mtime>:<size>`, as workspace files), or `missing`. */
export async function stateOf(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    return `d${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}
