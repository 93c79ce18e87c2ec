// Problems in a .govreportrc.json are shown on that file: one diagnostic per problem, on the setting it is
// about (or where the JSON breaks). The settings that are wrong fall back to their defaults; the rest apply.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { computeLineStarts, positionAt, type Locale } from '../engine';
import { loadConfigFile, RC_FILE, readConfigText, type LoadedConfig } from '../node/rcfile';
import { SOURCE } from './diagnostics';
import { uriToPath } from './settings';

export const CONFIG_INVALID = 'config-invalid';

export const isRcUri = (uri: string): boolean => /[\\/]\.govreportrc\.json$/i.test(uri) || uri === RC_FILE;

/** The message in one language: the problems are written "中文 / English". */
function pick(problem: string, locale: Locale): string {
  const cut = problem.lastIndexOf(' / ');
  if (cut < 0) return problem;
  return locale === 'en' ? problem.slice(cut + 3) : problem.slice(0, cut);
}

/** Where a problem is: the JSON error position, or the first key it names ("rules", "row-total"…). */
function locate(text: string, problem: string): { start: number; end: number } {
  const at = /position (\d+)/.exec(problem);
  if (at) { const p = Math.min(Number(at[1]), text.length); return { start: p, end: Math.min(p + 1, text.length) }; }
  for (const m of problem.matchAll(/"([^"]{1,200})"/g)) {
    const key = JSON.stringify(m[1]);
    const re = new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
    const found = re.exec(text);
    if (found) return { start: found.index, end: found.index + key.length };
  }
  return { start: 0, end: 0 };
}

export function rcDiagnostics(loaded: Omit<LoadedConfig, 'file'>, locale: Locale): Diagnostic[] {
  const text = loaded.text ?? '';
  const starts = computeLineStarts(text);
  return loaded.problems.map((problem) => {
    const span = locate(text, problem);
    const fallback = loaded.unusable
      ? (locale === 'en' ? 'the file is ignored; the defaults apply' : '整个文件未生效，使用默认设置')
      : (locale === 'en' ? 'this setting is ignored; its default applies' : '此项未生效，使用默认值');
    return {
      range: { start: positionAt(starts, span.start), end: positionAt(starts, span.end) },
      severity: loaded.unusable ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: CONFIG_INVALID,
      source: SOURCE,
      message: `${pick(problem, locale)}${locale === 'en' ? '; ' : '；'}${fallback}`,
    };
  });
}

/** Publishes the problems of every config file the server reads, and clears them when they are fixed. */
export class RcDiagnostics {
  /** Config URIs and the diagnostics last published for them (as JSON, to publish only changes). */
  private readonly published = new Map<string, string>();
  /** Config files open in the editor: their unsaved text is what counts. */
  private readonly open = new Set<string>();

  constructor(private readonly connection: Connection, private readonly locale: () => Locale) {}

  /** A config file read from disk for a report's settings. */
  loaded(loaded: LoadedConfig): void {
    if (!loaded.file) return;
    const uri = pathToFileURL(loaded.file).href;
    if (this.open.has(uri)) return;
    this.publish(uri, rcDiagnostics(loaded, this.locale()));
  }

  /** The text of an open config file (as the user types). */
  opened(uri: string, text: string): void {
    this.open.add(uri);
    this.publish(uri, rcDiagnostics(readConfigText(text), this.locale()));
  }

  /** A config file closed in the editor: what is on disk counts again. */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    await this.checkFile(uri);
  }

  /** Reads a config file from disk (created, changed or deleted) and publishes its problems. */
  async checkFile(uri: string): Promise<void> {
    if (this.open.has(uri)) return;
    const file = uriToPath(uri);
    if (!file) return;
    try {
      await fs.access(file);
    } catch {
      this.publish(uri, []);
      return;
    }
    const loaded = await loadConfigFile(file);
    if (!this.open.has(uri)) this.publish(uri, rcDiagnostics(loaded, this.locale()));
  }

  /** The config files at the top of the workspace folders, and every one published before. */
  async checkFolders(folders: string[]): Promise<void> {
    const uris = new Set([...this.published.keys(), ...folders.map((f) => pathToFileURL(path.join(f, RC_FILE)).href)]);
    for (const uri of uris) await this.checkFile(uri);
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    const before = this.published.get(uri);
    if (before === key || (before === undefined && diagnostics.length === 0)) return;
    if (diagnostics.length) this.published.set(uri, key); else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
