// One analysis (parsed model, relations, findings) per document version, shared by every feature.
// The model is reused when only rule severities change; it is parsed again when the text or the
// template year changes.
//
// Every checked document keeps a small record (what the report list shows); only the most recently used
// analyses keep their model and findings (≈ 150 KB for a report with two dozen findings, ≈ 25 times its
// text). An analysis let go is computed again from the same text and settings when it is asked for (a hover,
// code actions, diagnostics published again): the engine gives the same findings, and the record keeps the
// time of the check that was published.
import { checkModel, evaluateRelations, parseReport, type EngineConfig, type Finding, type Localized, type RelationResult, type ReportModel } from '../engine';
import type { CheckCounts, CheckSummary } from './protocol';
import { shownFindings, type Published } from './published';

export interface Analysis {
  uri: string;
  /** Document version, or null for a file read from disk. */
  version: number | null;
  /** Identifies the text: `v<version>` for open documents, `d<mtime>:<size>` for files. */
  textKey: string;
  /** Null when the file was too large to check. */
  model: ReportModel | null;
  relations: RelationResult[];
  findings: Finding[];
  config: EngineConfig;
  checkedAt: Date;
  durationMs: number;
  skipped?: Localized;
  /** A report read from a web page, Word or PDF file: what places its findings in the file. */
  published?: Published;
}

export interface Source {
  uri: string;
  version: number | null;
  textKey: string;
  getText(): string;
  /** The size in bytes when known without reading (a file on disk); over the limit the text is not read. */
  byteSize?: number;
  /** getText() is the text read from a web page, Word or PDF file; this places its findings in the file. */
  published?: Published;
}

/** What is kept of every checked document, whether or not its full analysis is still held. */
export interface CheckRecord {
  uri: string;
  version: number | null;
  textKey: string;
  config: EngineConfig;
  skipped?: Localized;
  summary: CheckSummary;
}

interface Entry {
  parseKey: string;
  ruleKey: string;
  record: CheckRecord;
  /** The full analysis while it is held (always for a skipped file: it has no model). */
  analysis: Analysis | undefined;
  checkedAt: Date;
  durationMs: number;
}

/**
 * Full analyses held at once: the documents being worked in (hover, code actions, symbols ask for these).
 * Few, so that while many documents are checked one after another (a folder opened, workspace mode) an
 * analysis is let go before a collection of the young generation moves it to the old one: with 16 held,
 * 500 reports opened at once moved twice as much to the old generation as with 4 (≈ 54 against 27 MB).
 */
export const HELD_ANALYSES = 4;

const parseKeyOf = (source: Source, config: EngineConfig) => `${source.textKey}|${config.templateYear}`;
const ruleKeyOf = (config: EngineConfig) => JSON.stringify(Object.entries(config.rules).sort());

export function countFindings(findings: Finding[]): CheckCounts {
  const counts: CheckCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function summarize(analysis: Analysis): CheckSummary {
  const m = analysis.model;
  return {
    uri: analysis.uri,
    version: analysis.version,
    title: m?.title?.text ?? null,
    // A published file is listed whatever was read from it: it was opened as a report, or named as one.
    isReport: (m?.isReport ?? false) || !!analysis.published,
    templateYear: m?.templateYear ?? null,
    templateYearSource: m?.templateYearSource ?? null,
    reportYear: m?.reportYear ?? null,
    counts: countFindings(shownFindings(analysis)),
    checkedAt: analysis.checkedAt.toISOString(),
    durationMs: Math.round(analysis.durationMs * 10) / 10,
    skipped: analysis.skipped?.en,
  };
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  /** URIs whose full analysis is held, least recently used first. */
  private readonly held = new Set<string>();

  constructor(private readonly heldLimit = HELD_ANALYSES) {}

  /** The analysis of this exact text and configuration, computed at most once while it is held. */
  analyze(source: Source, config: EngineConfig, maxFileSizeBytes: number): Analysis {
    const parseKey = parseKeyOf(source, config);
    const ruleKey = ruleKeyOf(config);
    const entry = this.entries.get(source.uri);
    const same = entry && entry.parseKey === parseKey && entry.ruleKey === ruleKey;
    // A skipped file is measured again (cheap): the size limit may have been raised since.
    if (same && entry.analysis && !entry.analysis.skipped) return this.touch(entry, entry.analysis);

    const started = performance.now();
    const unread = source.byteSize !== undefined && source.byteSize > maxFileSizeBytes;
    const text = unread ? '' : source.getText();
    let analysis: Analysis;
    const size = source.byteSize ?? (text.length > maxFileSizeBytes / 3 ? Buffer.byteLength(text, 'utf8') : text.length);
    if (size > maxFileSizeBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      analysis = {
        ...base(source, config), model: null, relations: [], findings: [], durationMs: performance.now() - started,
        skipped: {
          zh: `文件过大（${mb(size)} MB），超过 govreport.maxFileSize（${mb(maxFileSizeBytes)} MB），未检查`,
          en: `File too large (${mb(size)} MB, govreport.maxFileSize is ${mb(maxFileSizeBytes)} MB); not checked`,
        },
      };
    } else {
      const reuse = entry && entry.parseKey === parseKey && entry.analysis?.model ? entry.analysis : null;
      const model = reuse?.model ?? parseReport(text, { templateYear: config.templateYear });
      const findings = flattenMessages(checkModel(model, config, evaluateRelations(model)));
      analysis = withRelations({ ...base(source, config), model, findings, durationMs: performance.now() - started }, model);
    }
    return this.store(source.uri, parseKey, ruleKey, analysis);
  }

  /** The analysis of this exact text and configuration if it is held, without computing it. */
  peek(source: Source, config: EngineConfig): Analysis | undefined {
    const entry = this.entries.get(source.uri);
    return entry?.analysis && entry.parseKey === parseKeyOf(source, config) && entry.ruleKey === ruleKeyOf(config) && !entry.analysis.skipped
      ? this.touch(entry, entry.analysis)
      : undefined;
  }

  /** Stores an analysis computed elsewhere (the check worker) for this text and configuration. */
  put(source: Source, config: EngineConfig, analysis: Analysis): Analysis {
    return this.store(source.uri, parseKeyOf(source, config), ruleKeyOf(config), analysis);
  }

  /** The last analysis of a document, whatever its version, if it is still held. */
  last(uri: string): Analysis | undefined { return this.entries.get(uri)?.analysis; }

  /** The record of the last check of a document, whatever its version. */
  record(uri: string): CheckRecord | undefined { return this.entries.get(uri)?.record; }

  /** The summary of this exact text and configuration if it was checked, held or not. */
  summary(source: Source, config: EngineConfig): CheckSummary | undefined {
    const entry = this.entries.get(source.uri);
    return entry && entry.parseKey === parseKeyOf(source, config) && entry.ruleKey === ruleKeyOf(config) && !entry.record.skipped
      ? entry.record.summary
      : undefined;
  }

  delete(uri: string): void { this.entries.delete(uri); this.held.delete(uri); }

  clear(): void { this.entries.clear(); this.held.clear(); }

  private store(uri: string, parseKey: string, ruleKey: string, analysis: Analysis): Analysis {
    const entry = this.entries.get(uri);
    // The same text and settings computed again after it was let go: still the check that was published.
    if (entry && !entry.analysis && entry.parseKey === parseKey && entry.ruleKey === ruleKey) {
      analysis.checkedAt = entry.checkedAt;
      analysis.durationMs = entry.durationMs;
      entry.analysis = analysis;
      return this.touch(entry, analysis);
    }
    const { version, textKey, config, skipped } = analysis;
    const record: CheckRecord = { uri, version, textKey, config, summary: summarize(analysis) };
    if (skipped) record.skipped = skipped;
    const next: Entry = { parseKey, ruleKey, record, analysis, checkedAt: analysis.checkedAt, durationMs: analysis.durationMs };
    this.entries.set(uri, next);
    if (skipped) { this.held.delete(uri); return analysis; }
    return this.touch(next, analysis);
  }

  /** Marks an analysis as just used; the least recently used beyond the limit are let go. */
  private touch(entry: Entry, analysis: Analysis): Analysis {
    this.held.delete(entry.record.uri);
    this.held.add(entry.record.uri);
    for (const uri of this.held) {
      if (this.held.size <= this.heldLimit) break;
      this.held.delete(uri);
      const gone = this.entries.get(uri);
      if (gone) gone.analysis = undefined;
    }
    return analysis;
  }
}

/**
 * Messages are built by concatenation, which V8 keeps as a tree of the parts (several times the size of the
 * text). Findings are kept as long as their document is open: reading one character flattens each string,
 * and the collector then keeps only the flat copy (≈ 122 → 93 KB for the findings of a bench report).
 * Sending them would flatten the strings of one language anyway.
 */
function flattenMessages(findings: Finding[]): Finding[] {
  const flat = (m: Localized) => { m.zh.charCodeAt(0); m.en.charCodeAt(0); };
  for (const f of findings) {
    flat(f.message);
    for (const r of f.related) flat(r.message);
    for (const x of f.fixes) flat(x.title);
  }
  return findings;
}

/**
 * Relations are evaluated again when asked (hover, outline): it takes microseconds (three tables), while
 * keeping them costs every open document a term object per cell of every sum (≈ 26 KB a report).
 */
function withRelations<T extends object>(analysis: T, model: ReportModel): T & { relations: RelationResult[] } {
  return Object.defineProperty(analysis, 'relations', { get: () => evaluateRelations(model), enumerable: true }) as T & { relations: RelationResult[] };
}

function base(source: Source, config: EngineConfig) {
  const b = { uri: source.uri, version: source.version, textKey: source.textKey, config, checkedAt: new Date() };
  return source.published ? { ...b, published: source.published } : b;
}
