// Finds and reads .govreportrc.json, the project config the CLI and the editor share.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readConfig, type EngineConfig } from '../engine';

export const RC_FILE = '.govreportrc.json';

export interface LoadedConfig { file: string | null; config: EngineConfig; problems: string[] }

export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { file, config: readConfig(undefined).config, problems: [`无法读取配置文件 / cannot read config: ${(e as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { file, config: readConfig(undefined).config, problems: [`配置文件不是有效的 JSON / invalid JSON: ${(e as Error).message}`] };
  }
  const { config, problems } = readConfig(json);
  return { file, config, problems };
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
