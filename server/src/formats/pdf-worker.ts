// The PDF reader's worker thread: pdf.js parses here, so that a file that keeps it busy (a content stream built to
// be slow, a decompression bomb) is stopped by ending the thread when the file's time is up, and the memory the
// thread may take is capped. Answers each request with the pages' text runs.
import { parentPort } from 'node:worker_threads';
import { extractPages, loadPdfJs } from './pdf-extract';
import type { ReaderLimits } from './types';

// pdf.js is told to say nothing (verbosity 0); what it prints anyway (while loading) must not reach the CLI's
// stdout, which carries JSON and SARIF. This thread runs nothing else.
if (parentPort) for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => undefined;

export interface PdfJob { id: number; bytes: Uint8Array; limits: ReaderLimits }

// pdf.js loads as soon as the thread starts: a reader prepared ahead (preparePdfReader) reads its first file warm.
if (parentPort) void loadPdfJs().catch(() => undefined);

parentPort?.on('message', (job: PdfJob) => {
  void extractPages(job.bytes, job.limits).then((result) => parentPort?.postMessage({ id: job.id, result }));
});
