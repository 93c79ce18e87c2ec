// The reports the server holds, as the checks read them: open documents it takes for reports (by language, name
// or content), a web page through its reader, a report view with the reading of its file, and workspace files on
// disk. `current` and `last` are the one way every feature and the diagnostics get an analysis.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_LIMITS } from '../formats/types';
import { publishedOf, type Published } from './published';
import { fileUriOfView, LANGUAGE_ID, type CheckSummary } from '../protocol';
import { DETECTION_PREFIX, looksLikeReport, looksLikeReportPage, matchesReportFileName } from '../protocol/detection';
import { summarize, type Analyses, type Analysis, type CheckRecord, type Source } from './analyses';
import type { PublishedFiles } from './publishedFiles';
import { uriToPath, type SettingsStore } from './settings';

/** Time a page open in the editor may take to read on the server thread; past it the reader stops, and says so. */
const PAGE_MILLIS = 2000;

export interface ReportDocumentsDeps {
  documents: TextDocuments<TextDocument>;
  analyses: Analyses;
  settings: SettingsStore;
  /** A workspace file's source when workspace mode checks it, else null. */
  diskSource: (uri: string) => Source | null;
  /** Reads Word and PDF files behind report views. */
  publishedFiles?: PublishedFiles;
}

export class ReportDocuments {
  /** The reading of each open web page at its version; null for a page that is not a report. */
  private readonly pages = new Map<string, { version: number; published: Published | null }>();

  constructor(private readonly deps: ReportDocumentsDeps) {}

  /**
   * Documents the server checks: the govreport language; other LSP clients may send reports as plain
   * text or markdown, which are taken when their name or content says they are reports.
   */
  isOurs(doc: TextDocument): boolean {
    if (doc.languageId === LANGUAGE_ID || fileUriOfView(doc.uri) !== null) return true;
    if (doc.languageId === 'html') return this.pageOf(doc) !== null;
    if (!/^(plaintext|text|markdown)$/.test(doc.languageId)) return false;
    return matchesReportFileName(doc.uri) || looksLikeReport(doc.getText().slice(0, DETECTION_PREFIX));
  }

  /** The open document at `uri` if the server checks it. */
  open(uri: string): TextDocument | undefined {
    const doc = this.deps.documents.get(uri);
    return doc && this.isOurs(doc) ? doc : undefined;
  }

  /** The analysis of an open document at its current version (held), or null if superseded meanwhile. */
  async current(doc: TextDocument): Promise<Analysis | null> {
    const { documents, settings, analyses } = this.deps;
    const effective = await settings.forUri(doc.uri);
    // The document object is updated in place: its version now is the one to compare with later.
    const version = doc.version;
    const changed = () => documents.get(doc.uri)?.version !== version;
    if (changed()) return null;
    const source = await this.sourceOf(doc);
    if (changed()) return null;
    return analyses.analyze(source, effective.engine, effective.maxFileSizeBytes, changed);
  }

  /** The summary of an open document at its current version: the record of its check, else a check now. */
  async summaryOf(doc: TextDocument): Promise<CheckSummary | null> {
    const effective = await this.deps.settings.forUri(doc.uri);
    if (this.deps.documents.get(doc.uri)?.version !== doc.version) return null;
    const kept = this.deps.analyses.summary(await this.sourceOf(doc), effective.engine);
    if (kept) return kept;
    const a = await this.current(doc);
    return a && summarize(a);
  }

  /** The last analysis of a document or workspace file, whatever its version; computed again if it was let go. */
  async last(uri: string): Promise<Analysis | undefined> {
    const held = this.deps.analyses.last(uri);
    if (held) return held;
    const record = this.deps.analyses.record(uri);
    return (record && (await this.again(record))) ?? undefined;
  }

  /**
   * The analysis behind `record` computed again from the same text and settings (it was let go), or null
   * when the text is no longer there (the document was edited or closed, the file changed on disk).
   */
  async again(record: CheckRecord): Promise<Analysis | null> {
    const { uri, textKey } = record;
    const doc = this.deps.documents.get(uri);
    const source = doc ? await this.sourceOf(doc) : this.deps.diskSource(uri);
    if (!source || source.textKey !== textKey) return null;
    const stale = () => this.deps.analyses.record(uri)?.textKey !== textKey;
    // It was checked under the size limit of the time: the limit is not applied again.
    return this.deps.analyses.analyze(source, record.config, Infinity, stale);
  }

  /** A document closed: its page reading and analysis go. */
  closed(uri: string): void {
    this.pages.delete(uri);
    this.deps.analyses.delete(uri);
  }

  /** The source of an open document; a report view's with the reading of its file (read again if let go). */
  private async sourceOf(doc: TextDocument): Promise<Source> {
    const file = fileUriOfView(doc.uri);
    const path = file && uriToPath(file);
    if (!path || !this.deps.publishedFiles) return this.documentSource(doc);
    try {
      return this.documentSource(doc, publishedOf((await this.deps.publishedFiles.read(path)).extracted));
    } catch {
      return this.documentSource(doc);
    }
  }

  /** An open document as the checks read it: a web page through its reader, anything else as it is. */
  private documentSource(doc: TextDocument, published?: Published): Source {
    const page = doc.languageId === 'html' ? this.pageOf(doc) : null;
    if (page) return { uri: doc.uri, version: doc.version, textKey: `v${doc.version}`, getText: () => page.extracted.text, published: page };
    const source: Source = { uri: doc.uri, version: doc.version, textKey: `v${doc.version}`, getText: () => doc.getText() };
    // A report view shows what was read from its file: that reading places its findings in the file.
    if (published && published.extracted.text === doc.getText()) source.published = published;
    return source;
  }

  /**
   * An open web page read as a report, or null when it is not one (content detection as for plain text: the
   * text read from the page must look like a report). Read once a version, on the server thread (a page of
   * 300 KB takes ≈ 15 ms).
   */
  private pageOf(doc: TextDocument): Published | null {
    const hit = this.pages.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.published;
    const published = looksLikeReportPage(doc.getText()) ? readPage(doc.getText()) : null;
    this.pages.set(doc.uri, { version: doc.version, published });
    return published;
  }
}

function readPage(html: string): Published | null {
  try {
    const { readHtmlText } = require('../formats/html') as typeof import('../formats/html');
    const extracted = readHtmlText(html, { ...DEFAULT_LIMITS, maxMillis: PAGE_MILLIS });
    return looksLikeReport(extracted.text.slice(0, DETECTION_PREFIX)) ? publishedOf(extracted) : null;
  } catch (e) {
    // A page the reader fails on: one finding saying so, where it was taken for a report.
    const why = e instanceof Error ? e.message : String(e);
    return publishedOf({ format: 'html', text: '', segments: [], sourceText: html, problems: [{ zh: `无法读取网页：${why}`, en: `Cannot read the page: ${why}` }] });
  }
}
