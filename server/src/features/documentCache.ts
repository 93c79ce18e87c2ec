// One analysis (parsed model, relations, findings) per document version, shared by every feature.
// The model is reused when only rule severities change; it is parsed again when the text or the
// template year changes.
import { checkModel, evaluateRelations, parseReport, type EngineConfig, type Finding, type Localized, type RelationResult, type ReportModel } from '../engine';
import type { CheckCounts } from './protocol';

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
}

export interface Source {
  uri: string;
  version: number | null;
  textKey: string;
  getText(): string;
  /** The size in bytes when known without reading (a file on disk); over the limit the text is not read. */
  byteSize?: number;
}

interface Entry { parseKey: string; ruleKey: string; analysis: Analysis }

const parseKeyOf = (source: Source, config: EngineConfig) => `${source.textKey}|${config.templateYear}`;
const ruleKeyOf = (config: EngineConfig) => JSON.stringify(Object.entries(config.rules).sort());

export function countFindings(findings: Finding[]): CheckCounts {
  const counts: CheckCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** The analysis of this exact text and configuration, computed at most once. */
  analyze(source: Source, config: EngineConfig, maxFileSizeBytes: number): Analysis {
    const parseKey = parseKeyOf(source, config);
    const ruleKey = ruleKeyOf(config);
    const entry = this.entries.get(source.uri);
    // A skipped file is measured again (cheap): the size limit may have been raised since.
    if (entry && entry.parseKey === parseKey && entry.ruleKey === ruleKey && !entry.analysis.skipped) return entry.analysis;

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
      const reuse = entry && entry.parseKey === parseKey && entry.analysis.model ? entry.analysis : null;
      const model = reuse?.model ?? parseReport(text, { templateYear: config.templateYear });
      const findings = flattenMessages(checkModel(model, config, evaluateRelations(model)));
      analysis = withRelations({ ...base(source, config), model, findings, durationMs: performance.now() - started }, model);
    }
    this.entries.set(source.uri, { parseKey, ruleKey, analysis });
    return analysis;
  }

  /** The analysis of this exact text and configuration if it is cached, without computing it. */
  peek(source: Source, config: EngineConfig): Analysis | undefined {
    const entry = this.entries.get(source.uri);
    return entry && entry.parseKey === parseKeyOf(source, config) && entry.ruleKey === ruleKeyOf(config) && !entry.analysis.skipped ? entry.analysis : undefined;
  }

  /** Stores an analysis computed elsewhere (the check worker) for this text and configuration. */
  put(source: Source, config: EngineConfig, analysis: Analysis): void {
    this.entries.set(source.uri, { parseKey: parseKeyOf(source, config), ruleKey: ruleKeyOf(config), analysis });
  }

  /** The last analysis of a document, whatever its version. */
  last(uri: string): Analysis | undefined { return this.entries.get(uri)?.analysis; }

  all(): Analysis[] { return [...this.entries.values()].map((e) => e.analysis); }

  delete(uri: string): void { this.entries.delete(uri); }

  clear(): void { this.entries.clear(); }
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
  return { uri: source.uri, version: source.version, textKey: source.textKey, config, checkedAt: new Date() };
}
