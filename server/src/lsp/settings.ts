// Settings: `govreport.*` from the client (workspace/configuration, per document, refreshed on change),
// merged over the .govreportrc.json the CLI reads — the editor's settings win.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { mergeConfigs, readConfig, type EngineConfig, type Locale } from '../engine';
import { RcFinder, type LoadedConfig } from '../node/rcfile';
import { SETTINGS_SECTION, type GovreportSettings, type InitializationOptions, type RunMode } from '../protocol';

export const DEFAULT_SETTINGS: GovreportSettings = {
  rules: {},
  templateYear: 'auto',
  run: 'onType',
  debounce: 300,
  workspace: { enable: false },
  detectLanguage: true,
  maxFileSize: 20,
  inlayHints: { totals: 'whenDifferent' },
};

/** The manifest's maximum; a larger value from a hand-edited settings file is cut to it. */
const MAX_DEBOUNCE = 5000;
/** A workspace cannot raise the size limit past what one process can hold as text (in MB). */
const MAX_FILE_SIZE_MB = 256;

export interface EffectiveSettings {
  engine: EngineConfig;
  run: RunMode;
  debounceMs: number;
  maxFileSizeBytes: number;
  totalHints: GovreportSettings['inlayHints']['totals'];
  /** Problems in the settings or the rc file, for the output channel. */
  problems: string[];
}

/** zh for any Chinese display language, en otherwise. */
export function pickLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const c of candidates) if (c) return /^zh\b/i.test(c) ? 'zh-cn' : 'en';
  return 'en';
}

export function localeFromEnvironment(): string | undefined {
  try {
    const nls = process.env.VSCODE_NLS_CONFIG;
    return nls ? (JSON.parse(nls) as { locale?: string }).locale : undefined;
  } catch {
    return undefined;
  }
}

export function initializationLocale(options: InitializationOptions | undefined, paramsLocale: string | undefined): Locale {
  return pickLocale(options?.locale, paramsLocale, localeFromEnvironment());
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try { return fileURLToPath(uri); } catch { return null; }
}

function normalize(raw: unknown): GovreportSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<GovreportSettings>;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    rules: s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules) ? s.rules : {},
    templateYear: s.templateYear ?? 'auto',
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    debounce: Math.min(num(s.debounce, DEFAULT_SETTINGS.debounce), MAX_DEBOUNCE),
    workspace: { enable: !!s.workspace?.enable },
    detectLanguage: s.detectLanguage !== false,
    maxFileSize: Math.min(num(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize), MAX_FILE_SIZE_MB),
    inlayHints: { totals: s.inlayHints?.totals === 'off' || s.inlayHints?.totals === 'always' ? s.inlayHints.totals : 'whenDifferent' },
  };
}

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<EffectiveSettings>>();
  private readonly rc = new RcFinder();
  /** Settings pushed by clients that do not answer workspace/configuration. */
  private pushed: unknown = undefined;
  /** Problems in the editor settings already written to the log. */
  private readonly logged = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    /** Told of every config file read, so its problems can be shown on it. */
    private readonly onRcLoaded: (loaded: LoadedConfig) => void = () => undefined,
  ) {}

  /** Called on workspace/didChangeConfiguration and when an rc file changes. */
  invalidate(pushedSettings?: unknown): void {
    if (pushedSettings && typeof pushedSettings === 'object' && SETTINGS_SECTION in pushedSettings) {
      this.pushed = (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION];
    }
    this.byUri.clear();
    this.rc.clear();
  }

  forget(uri: string): void { this.byUri.delete(uri); }

  /** The raw `govreport` section for a scope (a document URI, or the whole window). */
  async raw(scopeUri?: string): Promise<GovreportSettings> {
    if (!this.canPull()) return normalize(this.pushed);
    try {
      return normalize(await this.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }));
    } catch {
      return normalize(this.pushed);
    }
  }

  forUri(uri: string): Promise<EffectiveSettings> {
    let hit = this.byUri.get(uri);
    if (!hit) {
      hit = this.resolve(uri);
      this.byUri.set(uri, hit);
    }
    return hit;
  }

  private async resolve(uri: string): Promise<EffectiveSettings> {
    const settings = await this.raw(uri);
    const file = uriToPath(uri);
    const rc = file ? await this.rc.find(path.dirname(file)) : null;
    if (rc) this.onRcLoaded(rc);
    const editor = readConfig({ rules: settings.rules, templateYear: settings.templateYear });
    for (const p of editor.problems) {
      if (this.logged.has(p)) continue;
      this.logged.add(p);
      this.connection.console.warn(`govreport.rules: ${p}（使用默认值 / the default applies）`);
    }
    const problems = [...(rc?.problems.map((p) => `${rc.file}: ${p}`) ?? []), ...editor.problems.map((p) => `govreport.rules: ${p}`)];
    const engine = mergeConfigs(
      rc?.config ?? {},
      { rules: editor.config.rules, templateYear: editor.config.templateYear === 'auto' ? undefined : editor.config.templateYear },
    );
    return {
      engine,
      run: settings.run,
      debounceMs: settings.debounce,
      maxFileSizeBytes: Math.round(settings.maxFileSize * 1024 * 1024),
      totalHints: settings.inlayHints.totals,
      problems,
    };
  }
}
