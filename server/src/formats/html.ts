// The HTML reader: a whole published page (site header, menus, scripts, footer) → the report text, every piece
// mapped to its offsets in the decoded page source so that a finding is shown at line:column of the page.
// htmlparser2 builds the tree with each node's source offsets; nothing on the page is ever run or fetched.
import { isUtf8 } from 'node:buffer';
import { decodeHTML } from 'entities';
import { DomHandler, Parser } from 'htmlparser2';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import type { FileEncoding } from '../cli/encoding';
import { decodeBytes } from './decode';
import { GridPlacer, joinLabelPieces, TextBuilder, tidyPieces, writeTable, type Piece } from './build';
import type { ExtractedReport, ReaderLimits } from './types';

/** Elements whose content is never report text: code, styling, embedded objects and form controls. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'embed', 'svg', 'math',
  'select', 'button', 'textarea', 'input', 'canvas', 'video', 'audio', 'map']);
/** Elements that start and end a line of text. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section',
  'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'center', 'form', 'address', 'figure',
  'figcaption', 'caption', 'hr', 'fieldset', 'details', 'summary', 'body', 'html']);
/** Deeper than this, a page is hostile or broken: what lies below is left out, and the reader says so. */
export const MAX_DEPTH = 400;
/**
 * Open elements at which parsing stops: the parser's cost per tag grows with the depth of open elements, so a
 * page of endlessly nested tags would take minutes. The page is fed in pieces and the depth looked at between them.
 */
const STOP_DEPTH = 2 * MAX_DEPTH;
const PIECE = 16 * 1024;

class DepthCountingHandler extends DomHandler {
  depth = 0;
  onopentag(name: string, attribs: { [key: string]: string }): void { this.depth++; super.onopentag(name, attribs); }
  onclosetag(): void { this.depth--; super.onclosetag(); }
}

/** The page's tree with source offsets, or as much of it as lies above STOP_DEPTH or within the time. */
function parsePage(source: string, deadline: number): { doc: Document; cut: boolean } {
  const options = { decodeEntities: false, withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  // No callback: `undefined`, since DomHandler takes a null first argument for its options.
  const handler = new DepthCountingHandler(undefined, options);
  const parser = new Parser(handler, options);
  let cut = false;
  for (let i = 0; i < source.length; i += PIECE) {
    if (handler.depth > STOP_DEPTH || Date.now() > deadline) { cut = true; break; }
    parser.write(source.slice(i, i + PIECE));
  }
  parser.end();
  return { doc: handler.root, cut };
}

export interface DecodedPage { text: string; encoding: FileEncoding }

/**
 * The page's text: UTF-8 when its bytes are UTF-8 (saved pages are often re-encoded and keep their old <meta>; CJK
 * text in GBK is practically never valid UTF-8), else the GBK/GB2312/GB18030 its <meta> declares, else as the
 * CLI decodes text files (a byte-order mark wins over both).
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!hasBom && !isUtf8(buffer)) {
    const head = buffer.subarray(0, 4096).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared && /^(gbk|gb2312|gb18030|x-gbk|cp936)$/.test(declared) && !buffer.includes(0)) {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  return decodeBytes(bytes);
}

interface Reader {
  source: string;
  out: TextBuilder;
  problems: ExtractedReport['problems'];
  deadline: number;
  tooDeep: boolean;
}

export function readHtml(bytes: Uint8Array, limits: ReaderLimits): ExtractedReport {
  const empty = (zh: string, en: string): ExtractedReport => ({ format: 'html', text: '', segments: [], problems: [{ zh, en }] });
  if (bytes.byteLength > limits.maxBytes) return empty(`网页超过 ${limits.maxBytes} 字节的上限，未读取`, `The page exceeds the ${limits.maxBytes}-byte limit; not read`);
  let page: DecodedPage;
  try {
    page = decodePage(bytes);
  } catch {
    return empty('无法识别网页的编码（不是 UTF-8、UTF-16 或 GB18030），未读取', 'Cannot decode the page (not UTF-8, UTF-16 or GB18030); not read');
  }
  return readHtmlText(page.text, limits, page.encoding);
}

/** Reads an already decoded page (the editor has its text). */
export function readHtmlText(source: string, limits: ReaderLimits, encoding?: FileEncoding): ExtractedReport {
  const deadline = Date.now() + limits.maxMillis;
  const { doc, cut } = parsePage(source, deadline);
  const r: Reader = { source, out: new TextBuilder(), problems: [], deadline, tooDeep: cut };
  const lengths = new Map<ParentNode, number>();
  measure(doc, lengths, 0, false);
  const article = findArticle(doc, lengths);
  writeBlock(r, article, 0);
  if (r.tooDeep) r.problems.push({ zh: `网页的标签嵌套超过 ${MAX_DEPTH} 层，更深处的内容未读取`, en: `The page nests tags deeper than ${MAX_DEPTH} levels; what lies deeper was not read` });
  return { format: 'html', text: r.out.toString(), segments: r.out.segments, problems: r.problems, sourceText: source, ...(encoding ? { encoding } : {}) };
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const skipped = (e: Element): boolean => SKIPPED.has(e.name) || e.attribs.hidden !== undefined || hiddenByStyle(e.attribs.style);
/** `display: none` in a style (Word-exported pages give every element a long style: looked for only where `none` is). */
const hiddenByStyle = (style: string | undefined): boolean => style !== undefined && style.includes('none') && /display\s*:\s*none/i.test(style);

/** Characters of text that are not whitespace (an `&nbsp;` counts as its five). */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

/**
 * Visible text length (whitespace left out) of every element, for telling the article from the site around it.
 * Text inside links does not count: a site's menus, link lists and footers are mostly links, an article is not.
 */
function measure(node: ParentNode, lengths: Map<ParentNode, number>, depth: number, inLink: boolean): number {
  let n = 0;
  if (depth <= MAX_DEPTH) {
    for (const c of node.children) {
      if (c.type === 'text') { if (!inLink) n += visibleLength(c.data); }
      else if (isElement(c) && !skipped(c)) n += measure(c, lengths, depth + 1, inLink || c.name === 'a');
    }
  }
  lengths.set(node, n);
  return n;
}

/**
 * The element holding the report: from the top, step into the child that holds most of the text while it holds
 * nearly all of it (a site's menus and footer hold little), never into a table of figures; then out again to the
 * nearest element with the 年度报告 title in its opening, when the title sits just above the body.
 */
function findArticle(doc: ParentNode, lengths: Map<ParentNode, number>): ParentNode {
  let node: ParentNode = doc;
  for (;;) {
    const total = lengths.get(node) ?? 0;
    let best: Element | null = null;
    for (const c of node.children) if (isElement(c) && (lengths.get(c) ?? 0) > (best ? lengths.get(best)! : 0)) best = c;
    if (!best || lengths.get(best)! < total * 0.7 || (best.name === 'table' && !hasTable(best, 0))) break;
    node = best;
  }
  let found = node;
  for (let up: ParentNode | null = node, steps = 0; up && steps < 5; up = up.parent, steps++) {
    if (/年度报告|年报/.test(openingText(up, 400))) { found = up; break; }
  }
  return found;
}

function hasTable(e: ParentNode, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return e.children.some((c) => isElement(c) && (c.name === 'table' || hasTable(c, depth + 1)));
}

/** The first `most` characters of an element's visible text. */
function openingText(node: ParentNode, most: number): string {
  let s = '';
  const visit = (n: ParentNode, depth: number): void => {
    for (const c of n.children) {
      if (s.length >= most || depth > MAX_DEPTH) return;
      if (c.type === 'text') s += c.data.replace(/\s+/g, '');
      else if (isElement(c) && !skipped(c)) visit(c, depth + 1);
    }
  };
  visit(node, 0);
  return s;
}

/** Writes an element's content: blocks on lines of their own, tables as pipe rows. */
function writeBlock(r: Reader, node: ParentNode, depth: number): void {
  let line: Piece[] = [];
  const flush = () => {
    const pieces = joinLabelPieces(tidyPieces(line), true);
    line = [];
    if (pieces.length === 0) return;
    r.out.newline();
    r.out.addPieces(pieces);
    r.out.newline();
  };
  for (const c of node.children) {
    if (c.type === 'text') { line.push(...textPieces(r.source, c.startIndex!, c.endIndex! + 1)); continue; }
    if (!isElement(c) || skipped(c)) continue;
    if (depth >= MAX_DEPTH || Date.now() > r.deadline) { r.tooDeep = true; continue; }
    if (c.name === 'br') { flush(); continue; }
    if (c.name === 'table') { flush(); writeHtmlTable(r, c, depth + 1); continue; }
    if (BLOCKS.has(c.name)) { flush(); writeBlock(r, c, depth + 1); continue; }
    if (hasBlock(c, depth)) { flush(); writeBlock(r, c, depth + 1); continue; }
    line.push(...inlinePieces(r, c, depth + 1));
  }
  flush();
}

function hasBlock(e: Element, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return e.children.some((c) => isElement(c) && (BLOCKS.has(c.name) || c.name === 'table' || hasBlock(c, depth + 1)));
}

/** The text of an inline element or a table cell: every piece in order, blocks and <br> as breaks between them. */
function inlinePieces(r: Reader, node: ParentNode, depth: number): Piece[] {
  const out: Piece[] = [];
  for (const c of node.children) {
    if (c.type === 'text') { out.push(...textPieces(r.source, c.startIndex!, c.endIndex! + 1)); continue; }
    if (!isElement(c) || skipped(c)) continue;
    if (depth >= MAX_DEPTH) { r.tooDeep = true; continue; }
    if (c.name === 'br' || BLOCKS.has(c.name) || c.name === 'table' || c.name === 'tr' || c.name === 'td' || c.name === 'th') out.push({ text: '\n' });
    out.push(...inlinePieces(r, c, depth + 1));
  }
  return out;
}

/** A text node's source [start, end) as pieces: plain runs map one to one, each character reference as a whole. */
export function textPieces(source: string, start: number, end: number): Piece[] {
  const raw = source.slice(start, end);
  const out: Piece[] = [];
  const re = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    if (m.index > last) out.push({ text: raw.slice(last, m.index), source: { kind: 'offset', start: start + last, end: start + m.index } });
    const decoded = decodeHTML(m[0]);
    out.push({ text: decoded === '\u00a0' ? ' ' : decoded, source: { kind: 'offset', start: start + m.index, end: start + m.index + m[0].length } });
    last = m.index + m[0].length;
  }
  if (last < raw.length) out.push({ text: raw.slice(last), source: { kind: 'offset', start: start + last, end } });
  return out;
}

/** A table's rows and cells (not those of tables nested in its cells) placed on the grid, written as pipe rows. */
function writeHtmlTable(r: Reader, table: Element, depth: number): void {
  const grid = new GridPlacer();
  const rows: Element[] = [];
  const collect = (n: ParentNode, d: number) => {
    for (const c of n.children) {
      if (!isElement(c) || skipped(c) || d > MAX_DEPTH) continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name !== 'table') collect(c, d + 1);
    }
  };
  collect(table, depth);
  for (const tr of rows) {
    grid.startRow();
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || skipped(cell)) continue;
      const pieces = joinLabelPieces(tidyPieces(inlinePieces(r, cell, depth + 1)));
      grid.place(pieces, spanOf(cell.attribs.rowspan), spanOf(cell.attribs.colspan));
    }
  }
  writeTable(r.out, grid.cells);
}

const spanOf = (v: string | undefined): number => (v === undefined ? 1 : Number.parseInt(v, 10) || 1);
