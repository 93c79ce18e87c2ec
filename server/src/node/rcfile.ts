// Finds and reads .govreportrc.json, the project config the CLI and the editor share.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readConfig, type EngineConfig } from '../engine';

export const RC_FILE = '.govreportrc.json';

export interface LoadedConfig {
  file: string | null;
  config: EngineConfig;
  problems: string[];
  /** The file's text as read (absent when it could not be read), to point at a problem. */
  text?: string;
  /** True when nothing of the file could be used (unreadable, not JSON, not an object): the defaults apply. */
  unusable?: boolean;
}

/** A config file is a few hundred bytes; a larger one is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The settings a config file may hold ($schema is allowed for editors). */
const KNOWN_KEYS = new Set(['rules', 'templateYear', '$schema']);

export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CONFIG_BYTES) {
      return { file, config: readConfig(undefined).config, unusable: true, problems: [`配置文件过大（${stat.size} 字节），未读取 / config file too large (${stat.size} bytes), not read`] };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { file, config: readConfig(undefined).config, unusable: true, problems: [`无法读取配置文件 / cannot read config: ${(e as Error).message}`] };
  }
  return { file, ...readConfigText(text) };
}

/** Reads the text of a config file (saved or being edited); problems instead of exceptions. */
export function readConfigText(text: string): Omit<LoadedConfig, 'file'> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { text, config: readConfig(undefined).config, unusable: true, problems: [`配置文件不是有效的 JSON / invalid JSON: ${(e as Error).message}`] };
  }
  const { config, problems } = readConfig(json);
  if (json === null) problems.push('配置应为 JSON 对象 / the configuration must be a JSON object');
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (isObject) {
    for (const key of Object.keys(json as object)) if (!KNOWN_KEYS.has(key)) problems.push(`未知设置 "${key}"（可用：rules、templateYear） / unknown setting "${key}" (known: rules, templateYear)`);
  }
  return { text, config, problems, unusable: !isObject };
}

/** The nearest .govreportrc.json at or above `dir`, cached per folder. */
export class RcFinder {
  private readonly byDir = new Map<string, Promise<LoadedConfig | null>>();

  find(dir: string): Promise<LoadedConfig | null> {
    const abs = path.resolve(dir);
    let hit = this.byDir.get(abs);
    if (!hit) {
      hit = (async () => {
        const candidate = path.join(abs, RC_FILE);
        try {
          await fs.access(candidate);
          return await loadConfigFile(candidate);
        } catch {
          const parent = path.dirname(abs);
          return parent === abs ? null : this.find(parent);
        }
      })();
      this.byDir.set(abs, hit);
    }
    return hit;
  }

  clear(): void { this.byDir.clear(); }
}
