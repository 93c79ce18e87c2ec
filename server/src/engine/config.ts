// Settings shared by the CLI (.govreportrc.json) and the editor: validated, never trusted.
import { RULES_BY_CODE } from './rules';
import type { SeveritySetting, TemplateYear } from './types';

export interface EngineConfig {
  rules: Record<string, SeveritySetting>;
  templateYear: 'auto' | TemplateYear;
}

export const SEVERITY_SETTINGS: SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning', none: 'off', false: 'off' };

export function parseSeverity(value: unknown): SeveritySetting | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if ((SEVERITY_SETTINGS as string[]).includes(v)) return v as SeveritySetting;
  return ALIASES[v] ?? null;
}

export const defaultConfig = (): EngineConfig => ({ rules: {}, templateYear: 'auto' });

/** Reads a config object (from JSON or editor settings); unknown or wrong entries become problems, not exceptions. */
export function readConfig(raw: unknown): { config: EngineConfig; problems: string[] } {
  const config = defaultConfig();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, problems: ['配置应为 JSON 对象 / the configuration must be a JSON object'] };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push('"rules" 应为对象，如 {"row-total": "off"} / "rules" must be an object');
    } else {
      for (const [code, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULES_BY_CODE.has(code)) { problems.push(`未知规则 "${code}" / unknown rule "${code}"`); continue; }
        const sev = parseSeverity(value);
        if (!sev) { problems.push(`规则 "${code}" 的级别 ${JSON.stringify(value)} 无效（off|hint|information|warning|error） / invalid severity for "${code}"`); continue; }
        config.rules[code] = sev;
      }
    }
  }
  if (obj.templateYear !== undefined) {
    const y = obj.templateYear;
    if (y === 'auto' || y === 2019 || y === 2021 || y === '2019' || y === '2021') config.templateYear = y === 'auto' ? 'auto' : (Number(y) as TemplateYear);
    else problems.push(`"templateYear" 应为 "auto"、2019 或 2021 / "templateYear" must be "auto", 2019 or 2021`);
  }
  return { config, problems };
}

/** Later configs win, rule by rule. */
export function mergeConfigs(...configs: Partial<EngineConfig>[]): EngineConfig {
  const out = defaultConfig();
  for (const c of configs) {
    if (c.rules) Object.assign(out.rules, c.rules);
    if (c.templateYear) out.templateYear = c.templateYear;
  }
  return out;
}
