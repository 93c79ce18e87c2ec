// The part of the PDF reader that runs pdf.js (in the reader's worker thread): the text runs of each page with
// their positions. The file is untrusted: no font program is compiled to JavaScript (isEvalSupported: false), no
// system font or font face is used, nothing is read but the Chinese CMaps shipped beside the bundle
// (by name, from that folder only), pages are capped and every step races the file's time budget.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../engine';
import type { ReaderLimits } from './types';
import type { TextPiece } from './pdf-layout';
import { MAX_PAGES, MAX_RUNS_PER_PAGE, problem, timeoutProblem } from './pdf-problems';


type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let library: Promise<PdfJs> | undefined;
/** Whether pdf.js is the reader's bundle, which keeps the glyphs of vertical text that pdf.js itself drops
 * (scripts/pdfjs-cache.mjs): then no page needs repairVertical's second pass. */
let keepsVerticalText = false;

/** pdf.js with its own worker in this thread (the reader's worker thread keeps it off the caller's). */
export function loadPdfJs(): Promise<PdfJs> {
  library ??= (async () => {
    // pdf.js warns on the console while it loads (no canvas package: it renders nothing here); the CLI's stdout
    // carries JSON and SARIF, so those lines are kept out of it.
    const log = console.log;
    console.log = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      keepsVerticalText = 'keepsVerticalText' in worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return library;
}

/** Where pdf.js's CMaps are: beside the bundle (dist/pdfjs), or in the package when run unbundled. No standard font
 * programs are read: text needs only their metrics, which pdf.js carries. */
export function assetDir(): string | null {
  const candidates = [path.join(__dirname, 'pdfjs'), path.join(__dirname, '../../../node_modules/pdfjs-dist'), path.join(__dirname, '../../../../node_modules/pdfjs-dist')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'cmaps'))) ?? null;
}

/** pdf.js asks its CMap factory for a CMap by name (`fetch`, its interface's word: here a read of a shipped
 * file, no network). Only the shipped folder is read, and a name from the file must be a plain file name. */
class CMapReader {
  constructor(private readonly options: { baseUrl: string | null }) {}
  readonly fetch = async ({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> =>
    ({ cMapData: readAsset(this.options.baseUrl, name + '.bcmap'), isCompressed: true });
}

function readAsset(dir: string | null, name: string): Uint8Array {
  if (!dir || !/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.')) throw new Error(`no such asset: ${name}`);
  return new Uint8Array(fs.readFileSync(path.join(dir, name)));
}


class Deadline extends Error {}

export interface PageText { pieces: TextPiece[]; height: number; bottom: number }
export interface Extracted { pages: PageText[]; problems: Localized[] }

/** The text runs of every page (up to MAX_PAGES), or the one problem that stopped the reading. */
export async function extractPages(bytes: Uint8Array, limits: ReaderLimits): Promise<Extracted> {
  const started = Date.now();
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  const problems: Localized[] = [];
  try {
    const pdfjs = await loadPdfJs();
    const assets = assetDir();
    task = pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy, the caller keeps its bytes.
      data: bytes.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapUrl: assets ? path.join(assets, 'cmaps') + path.sep : undefined,
      cMapPacked: true,
      CMapReaderFactory: CMapReader,
    } as Parameters<PdfJs['getDocument']>[0]);
    const doc = await within(task.promise, started, limits);
    const pages = await readPages(doc, started, limits, problems);
    return { pages, problems };
  } catch (e) {
    return { pages: [], problems: [e instanceof Deadline ? timeoutProblem(limits) : describeFailure(e)] };
  } finally {
    void task?.destroy().catch(() => undefined);
  }
}


function describeFailure(e: unknown): Localized {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') return problem('PDF 已加密（需要密码），未读取', 'The PDF is encrypted (a password is needed); not read');
  const detail = String((e as Error | null)?.message ?? e).slice(0, 200);
  return problem(`PDF 文件已损坏，无法读取：${detail}`, `The PDF is damaged and cannot be read: ${detail}`);
}

/** Settle with `promise`, or reject with Deadline when the file's time budget runs out first. */
function within<T>(promise: Promise<T>, started: number, limits: ReaderLimits): Promise<T> {
  const left = limits.maxMillis - (Date.now() - started);
  if (left <= 0) return Promise.reject(new Deadline());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Deadline()), left); });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function readPages(doc: PdfDocument, started: number, limits: ReaderLimits, problems: Localized[]): Promise<PageText[]> {
  const count = Math.min(doc.numPages, MAX_PAGES);
  if (doc.numPages > MAX_PAGES) {
    problems.push(problem(`PDF 共 ${doc.numPages} 页，只读取了前 ${MAX_PAGES} 页`, `The PDF has ${doc.numPages} pages; only the first ${MAX_PAGES} were read`));
  }
  const pages: PageText[] = [];
  for (let n = 1; n <= count; n++) {
    try {
      const page = await within(doc.getPage(n), started, limits);
      const content = await within(page.getTextContent(), started, limits);
      if (!keepsVerticalText && content.items.some((i) => 'dir' in i && i.dir === 'ttb')) await repairVertical(page, content, started, limits);
      let items = content.items;
      if (items.length > MAX_RUNS_PER_PAGE) {
        items = items.slice(0, MAX_RUNS_PER_PAGE);
        problems.push(problem(`PDF 第 ${n} 页的文字片段过多（${content.items.length} 个），只读取了前 ${MAX_RUNS_PER_PAGE} 个`,
          `Page ${n} of the PDF has too many text runs (${content.items.length}); only the first ${MAX_RUNS_PER_PAGE} were read`));
      }
      pages.push(piecesOf(items, n, page.view));
      page.cleanup();
    } catch (e) {
      if (e instanceof Deadline) throw e;
      problems.push(problem(`PDF 第 ${n} 页已损坏，未读取`, `Page ${n} of the PDF is damaged; not read`));
      pages.push({ pieces: [], height: 0, bottom: 0 });
    }
  }
  return pages;
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

/** pdf.js loses the end of some vertical runs (a rotated group label `三、本年度办理结果` placed glyph by glyph
 * comes out as `三、本年`). The glyphs are all in the page's drawing operations: a vertical run whose text is the
 * start of such a sequence gets the whole sequence. Only pages with vertical text pay for this second pass. */
async function repairVertical(page: PdfPage, content: TextContent, started: number, limits: ReaderLimits): Promise<void> {
  const { OPS } = await loadPdfJs();
  const ops = await within(page.getOperatorList(), started, limits);
  const runs = new Map<string, string[]>();
  let font = '';
  let run = '';
  const flush = (): void => {
    if (run) runs.set(font, [...(runs.get(font) ?? []), run]);
    run = '';
  };
  ops.fnArray.forEach((fn, k) => {
    const args = ops.argsArray[k] as unknown[] | null;
    if (fn === OPS.setFont) { flush(); font = String(args?.[0] ?? ''); } else if (fn === OPS.endText || fn === OPS.setTextMatrix) flush();
    else if ((fn === OPS.showText || fn === OPS.showSpacedText) && content.styles[font]?.vertical && Array.isArray(args?.[0])) {
      for (const g of args[0] as unknown[]) if (g && typeof g === 'object' && 'unicode' in g) run += String((g as { unicode: unknown }).unicode);
    }
  });
  flush();
  for (const item of content.items as RawItem[]) {
    if (item.dir !== 'ttb' || !item.str || !item.fontName) continue;
    const start = item.str.replace(/\s+/g, '');
    const candidates = runs.get(item.fontName) ?? [];
    const k = candidates.findIndex((r) => r.length > start.length && r.startsWith(start));
    if (k < 0) continue;
    const size = item.transform ? Math.hypot(item.transform[2], item.transform[3]) : 0;
    item.height = Math.max(item.height ?? 0, (item.height ?? 0) / Math.max(1, start.length) * candidates[k].length || size * candidates[k].length);
    item.str = candidates[k];
    candidates.splice(k, 1);
  }
}

/** Vertical fonts give the vertical presentation forms of punctuation (`︑` for `、`); the report means the usual ones. */
const VERTICAL_FORMS: Record<string, string> = Object.fromEntries(
  [...'︐︑︒︓︔︕︖︗︘︙︵︶︷︸︹︺︻︼︽︾︿﹀﹁﹂﹃﹄'].map((c, k) => [c, [...'，、。：；！？〖〗…（）｛｝〔〕【】《》〈〉「」『』'][k]]));
const horizontalForms = (s: string): string => s.replace(/[\uFE10-\uFE19\uFE35-\uFE44]/g, (c) => VERTICAL_FORMS[c] ?? c);

interface RawItem { str?: string; transform?: number[]; width?: number; height?: number; dir?: string; fontName?: string }

/** Quarter turns of a run's text direction (0: left to right), or null for a run at another angle. */
function quarterTurns(t: number[]): number | null {
  const angle = Math.atan2(t[1], t[0]) / (Math.PI / 2);
  const q = Math.round(angle);
  return Math.abs(angle - q) < 0.01 ? ((q % 4) + 4) % 4 : null;
}

/** Turn a point by -q quarter turns, so that text running in direction q runs left to right. */
function unturn(x: number, y: number, q: number): [number, number] {
  return q === 1 ? [y, -x] : q === 2 ? [-x, -y] : q === 3 ? [-y, x] : [x, y];
}

/** Text runs with their positions. A page whose text runs mostly in one turned direction (a landscape table set
 * on a turned page) is read turned back; runs at any other angle (stamps, watermarks) are left out of the reading.
 * The rectangle a run maps to stays in the page's own coordinates. */
function piecesOf(items: readonly unknown[], page: number, view: number[]): { pieces: TextPiece[]; height: number; bottom: number } {
  const raws = (items as RawItem[]).filter((r) => r.str && r.str.trim() && r.transform && r.transform.length >= 6 && r.transform.every(Number.isFinite));
  const weight = [0, 0, 0, 0];
  for (const r of raws) { const q = quarterTurns(r.transform!); if (q !== null) weight[q] += r.str!.length; }
  const turn = weight.indexOf(Math.max(...weight));
  const corners = [unturn(view[0], view[1], turn), unturn(view[2], view[3], turn)];
  const bottom = Math.min(corners[0][1], corners[1][1]);
  const height = Math.abs(corners[0][1] - corners[1][1]);
  const pieces: TextPiece[] = [];
  for (const { str, transform: t, width = 0, height: h = 0, dir } of raws as Required<RawItem>[]) {
    const size = Math.hypot(t[2], t[3]);
    if (size <= 0 || quarterTurns(t) !== turn) continue;
    const [x, y] = unturn(t[4], t[5], turn);
    const vertical = dir === 'ttb';
    const top = vertical ? y : y + 0.8 * size;
    const low = vertical ? y - h : y - 0.2 * size;
    const a = unturn(x, low, (4 - turn) % 4);
    const b = unturn(x + width, top, (4 - turn) % 4);
    const rect: [number, number, number, number] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    // A vertical run (a group label set in a column) stands for the middle of the rows it spans.
    pieces.push({ page, str: horizontalForms(str), x0: x, x1: x + width, base: vertical ? (top + low) / 2 : y, size, vertical, y0: low, y1: top, rect });
  }
  return { pieces, height, bottom };
}

