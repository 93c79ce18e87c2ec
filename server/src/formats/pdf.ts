// The PDF reader: Mozilla's pdf.js reads the file (fonts, CMaps, compressed streams, broken cross-reference
// tables) in a worker thread (pdf-worker, pdf-extract); the text is laid out here from the runs' positions
// (pdf-layout, pdf-tables), and every piece of the text keeps the page and rectangle it came from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Localized } from '../engine';
import type { ExtractedReport, ReaderLimits, SourceSegment } from './types';
import type { Extracted, PageText } from './pdf-extract';
import { problem, timeoutProblem } from './pdf-problems';
import { buildLines, dropFurniture, splitPieces, type OutLine } from './pdf-layout';
import { layoutPages } from './pdf-tables';
import type { PdfJob } from './pdf-worker';

export { MAX_PAGES, MAX_RUNS_PER_PAGE } from './pdf-problems';

/** Memory the worker may take: a hostile file that needs more ends the worker, not the editor or the CLI. */
const WORKER_HEAP_MB = 512;

/** Extract a PDF report's text, tables as pipe rows, with every piece mapped to its page and rectangle. */
export async function readPdf(bytes: Uint8Array, limits: ReaderLimits): Promise<ExtractedReport> {
  const empty = (p: Localized): ExtractedReport => ({ format: 'pdf', text: '', segments: [], problems: [p] });
  if (bytes.length > limits.maxBytes) {
    return empty(problem(`PDF 文件过大（${bytes.length} 字节，上限 ${limits.maxBytes}），未读取`, `The PDF is too large (${bytes.length} bytes, limit ${limits.maxBytes}); not read`));
  }
  if (!looksLikePdf(bytes)) return empty(problem('文件不是 PDF（缺少 %PDF- 文件头），未读取', 'The file is not a PDF (no %PDF- header); not read'));
  const { pages, problems } = await extractor.extract(bytes, limits);
  if (pages.length === 0) return { format: 'pdf', text: '', segments: [], problems };
  return { format: 'pdf', ...assemble(pages), problems };
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}


/** The worker script beside this module (dist/pdf-worker.js, or the compiled module when run unbundled). */
const WORKER_SCRIPT = path.join(__dirname, 'pdf-worker.js');

/** One worker thread, kept for the next file and ended when a file runs out of time. */
class Extractor {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  extract(bytes: Uint8Array, limits: ReaderLimits): Promise<Extracted> {
    if (!fs.existsSync(WORKER_SCRIPT)) {
      return Promise.resolve({ pages: [], problems: [problem('PDF 阅读器未安装（缺少 pdf-worker.js），未读取', 'The PDF reader is not installed (pdf-worker.js is missing); not read')] });
    }
    const run = this.queue.then(() => this.inWorker(bytes, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads one file in the worker. A worker that ends before it answers is given a second chance with a fresh
   * worker (it may have died of something else, e.g. starting while the machine was short of memory); a file that
   * ends the second one too gets its problem.
   */
  private inWorker(bytes: Uint8Array, limits: ReaderLimits, retry = true): Promise<Extracted> {
    return new Promise((resolve) => {
      const worker = this.ensureWorker();
      const id = this.nextId++;
      const started = Date.now();
      const finish = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.unref();
      };
      const done = (result: Extracted): void => { finish(); resolve(result); };
      const onMessage = (m: { id: number; result: Extracted }): void => { if (m.id === id) done(m.result); };
      const onExit = (): void => {
        this.worker = undefined;
        const left = limits.maxMillis - (Date.now() - started);
        if (retry && left > 0) {
          finish();
          resolve(this.inWorker(bytes, { ...limits, maxMillis: left }, false));
          return;
        }
        done({ pages: [], problems: [problem('PDF 读取线程意外结束（文件可能过大或已损坏），未读取', 'The PDF reader stopped (the file may be too large or damaged); not read')] });
      };
      // Ending the thread is the only way to stop pdf.js inside one long step; the file gets one problem.
      const timer = setTimeout(() => { this.stop(worker); done({ pages: [], problems: [timeoutProblem(limits)] }); }, limits.maxMillis);
      worker.ref();
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      const copy = bytes.slice();
      worker.postMessage({ id, bytes: copy, limits } satisfies PdfJob, [copy.buffer]);
    });
  }

  /** Start the worker (it loads pdf.js at once) before the first file comes. */
  prepare(): void {
    if (fs.existsSync(WORKER_SCRIPT)) this.ensureWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // Out of memory or a crash: the 'exit' that follows gives the file its problem; the error must not end this thread.
    worker.on('error', () => undefined);
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }
}

const extractor = new Extractor();

/** Start the PDF reader's worker ahead of the first file (when a folder holds PDFs, or the editor opens one). */
export function preparePdfReader(): void {
  extractor.prepare();
}

/** Page by page: lines, page furniture dropped, tables laid out; then one text with its segments. */
function assemble(pages: PageText[]): { text: string; segments: SourceSegment[] } {
  const lines = dropFurniture(pages.map((p) => ({ lines: buildLines(splitPieces(p.pieces)), height: p.height, bottom: p.bottom })));
  const out: OutLine[] = layoutPages(lines);
  let text = '';
  const segments: SourceSegment[] = [];
  for (const line of out) {
    if (text) text += '\n';
    for (const part of line) {
      const start = text.length;
      text += part.text;
      const onPage = part.pieces.filter((p) => p.page === part.pieces[0]?.page);
      if (onPage.length === 0) continue;
      const boxes = onPage.map((p): [number, number, number, number] => p.rect ?? [p.x0, p.y0, p.x1, p.y1]);
      const rect: [number, number, number, number] = [
        Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
      ];
      segments.push({ textStart: start, textEnd: text.length, source: { kind: 'pdf', page: onPage[0].page, rect } });
    }
  }
  return { text: text ? text + '\n' : text, segments };
}
