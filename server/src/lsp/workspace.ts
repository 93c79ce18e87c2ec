// Workspace mode: every report file in the open folders is checked, not just open editors, so a
// reviewer sees all of them in the Problems panel. Files are found by name or by content.
import { readFileSync, promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver';
import type { Source } from './analyses';
import { DETECTION_PREFIX, looksLikeReport, matchesReportFileName } from '../protocol/detection';
import { VIEW_EXTENSIONS, viewUriOf } from '../protocol';
import { publishedOf, type Published } from './published';
import type { PublishedRead } from './publishedFiles';
import { uriToPath } from './settings';
import { decodeBytes } from '../formats/decode';

/** The order localeCompare gives, from one collator (localeCompare makes one per comparison). */
const NAME_ORDER = new Intl.Collator();

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.govreport']);
/** Published files, read through their reader; Word and PDF ones are listed under their report view's URI. */
const PUBLISHED_EXTENSIONS = new Set(['.html', '.htm', ...VIEW_EXTENSIONS]);
const EXTENSIONS = new Set([...TEXT_EXTENSIONS, ...PUBLISHED_EXTENSIONS]);
/** A published file named as a report is listed even when nothing could be read from it (it says why). */
const REPORT_NAME = /年度报告|年报/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build']);
const MAX_FILES = 5000;

interface FileInfo { file: string; textKey: string; size: number; published?: Published }

export interface WorkspaceDeps {
  isOpen(uri: string): boolean;
  check(uri: string): Promise<void>;
  clear(uri: string): void;
  log(message: string): void;
  maxFileSizeBytes(): Promise<number>;
  /** Reads a web page, Word or PDF file (Word and PDF off the server thread). */
  read(file: string): Promise<PublishedRead>;
}

/** The URI a file's findings are published at: a Word or PDF file's report view, else the file. */
export function publishedUriOf(file: string): string {
  const uri = pathToFileURL(file).href;
  return VIEW_EXTENSIONS.includes(path.extname(file).toLowerCase()) ? viewUriOf(uri) : uri;
}

export class WorkspaceReports {
  private folders: string[] = [];
  private readonly files = new Map<string, FileInfo>();
  private enabled = false;
  private generation = 0;

  constructor(private readonly deps: WorkspaceDeps) {}

  setFolders(folders: WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
  }

  addRemoveFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => uriToPath(f.uri)));
    this.folders = this.folders.filter((f) => !gone.has(f));
    this.setFolders([...this.folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })), ...added]);
  }

  get isEnabled(): boolean { return this.enabled; }

  /** URIs of the report files found in the folders. */
  uris(): string[] { return [...this.files.keys()]; }

  /** The source of a workspace report file that is not open in an editor, else null. */
  source(uri: string): Source | null {
    if (!this.enabled || this.deps.isOpen(uri)) return null;
    const info = this.files.get(uri);
    if (!info) return null;
    const { published } = info;
    if (published) return { uri, version: null, textKey: info.textKey, getText: () => published.extracted.text, published };
    return { uri, version: null, textKey: info.textKey, byteSize: info.size, getText: () => readText(info.file) };
  }

  /** Turns the mode on or off; on (re)start the folders are scanned again. */
  async setEnabled(enabled: boolean): Promise<void> {
    const was = this.enabled;
    this.enabled = enabled;
    if (!enabled) {
      this.generation++;
      if (was) for (const uri of this.files.keys()) if (!this.deps.isOpen(uri)) this.deps.clear(uri);
      this.files.clear();
      return;
    }
    await this.scan();
  }

  async scan(): Promise<void> {
    const generation = ++this.generation;
    const maxSize = await this.deps.maxFileSizeBytes();
    const candidates: string[] = [];
    for (const folder of this.folders) await walk(folder, candidates);
    if (candidates.length >= MAX_FILES) this.deps.log(`工作区文件过多，只检查前 ${MAX_FILES} 个 / more than ${MAX_FILES} files; checking the first ${MAX_FILES}`);
    const seen = new Set<string>();
    for (const file of candidates.slice(0, MAX_FILES)) {
      if (generation !== this.generation) return;
      const uri = publishedUriOf(file);
      const info = await this.inspect(file, maxSize);
      if (!info) continue;
      seen.add(uri);
      this.files.set(uri, info);
      if (!this.deps.isOpen(uri)) await this.deps.check(uri);
      await new Promise((r) => setImmediate(r));
    }
    for (const uri of [...this.files.keys()]) {
      if (!seen.has(uri)) { this.files.delete(uri); if (!this.deps.isOpen(uri)) this.deps.clear(uri); }
    }
  }

  /** Files created, changed or deleted on disk (the client watches *.txt, *.md, *.govreport). */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    if (!this.enabled) return;
    const maxSize = await this.deps.maxFileSizeBytes();
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!file || !EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
      if (!this.folders.some((f) => isInside(file, f))) continue;
      const uri = publishedUriOf(file);
      const info = change.type === FileChangeType.Deleted ? null : await this.inspect(file, maxSize);
      if (info) {
        this.files.set(uri, info);
        if (!this.deps.isOpen(uri)) await this.deps.check(uri);
      } else if (this.files.delete(uri) && !this.deps.isOpen(uri)) {
        this.deps.clear(uri);
      }
    }
  }

  /** A text file by name or content; a published file when the text read from it looks like a report (or its name says so). */
  private async inspect(file: string, maxSize: number): Promise<FileInfo | null> {
    if (!PUBLISHED_EXTENSIONS.has(path.extname(file).toLowerCase())) return inspect(file, maxSize);
    let read: PublishedRead;
    try { read = await this.deps.read(file); } catch (e) { this.deps.log(`${file}: ${(e as Error).message}`); return null; }
    const { extracted } = read;
    const named = REPORT_NAME.test(path.basename(file));
    if (!named && !looksLikeReport(extracted.text.slice(0, DETECTION_PREFIX))) return null;
    return { file, textKey: read.textKey, size: extracted.text.length, published: publishedOf(extracted) };
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  let entries: Dirent[];
  try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  entries.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) await walk(p, out); } else if (e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
    if (out.length >= MAX_FILES) return;
  }
}

/** A file is a report by its name, or (.txt/.md) by its first part; too large files are still listed. */
async function inspect(file: string, maxSize: number): Promise<FileInfo | null> {
  let stat;
  try { stat = await fs.stat(file); } catch { return null; }
  const textKey = `d${stat.mtimeMs}:${stat.size}`;
  if (matchesReportFileName(file)) return { file, textKey, size: stat.size };
  if (stat.size > maxSize) return null;
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(Math.min(stat.size, DETECTION_PREFIX * 3));
      await handle.read(head, 0, head.length, 0);
    } finally { await handle.close(); }
  } catch { return null; }
  const text = readPrefix(head, head.length === stat.size);
  return text !== null && looksLikeReport(text) ? { file, textKey, size: stat.size } : null;
}

function readPrefix(bytes: Buffer, whole: boolean): string | null {
  // A prefix may end inside a character: cut it at a UTF-8 boundary, or (GB18030) by one byte.
  const candidates = whole ? [bytes] : [bytes.subarray(0, utf8Boundary(bytes)), bytes.subarray(0, bytes.length - 1)];
  for (const c of candidates) {
    try { return decodeBytes(c).text; } catch { /* try the next cut */ }
  }
  return null;
}

function utf8Boundary(bytes: Buffer): number {
  let i = bytes.length;
  while (i > 0 && i > bytes.length - 4 && (bytes[i - 1] & 0xc0) === 0x80) i--;
  if (i === 0) return bytes.length;
  const lead = bytes[i - 1];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - (i - 1) >= need ? bytes.length : i - 1;
}

/** The text of a workspace file; throws a clear error when it is not text in an encoding read here. */
function readText(file: string): string {
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch (e) { throw new Error(`无法读取文件 / cannot read the file: ${(e as Error).message}`); }
  try { return decodeBytes(bytes).text; } catch {
    throw new Error('无法识别文件编码（应为 UTF-8、UTF-16 或 GB18030） / cannot decode the file (expected UTF-8, UTF-16 or GB18030)');
  }
}


const isInside = (file: string, folder: string) => {
  const rel = path.relative(folder, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
};
