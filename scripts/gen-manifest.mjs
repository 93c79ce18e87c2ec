// Regenerates the per-rule part of the extension manifest from the rule registry: the properties of
// the `govreport.rules` setting in package.json and their descriptions in package.nls*.json.
// Usage: node scripts/gen-manifest.mjs [--check]   (--check: exit 1 if the files are stale)
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'govreport-manifest-'));
let RULES;
let SEVERITY_SETTINGS;
try {
  const outfile = join(dir, 'engine.cjs');
  await esbuild.build({ entryPoints: ['server/src/engine/index.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  ({ RULES, SEVERITY_SETTINGS } = createRequire(import.meta.url)(outfile));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const files = { manifest: 'package.json', en: 'package.nls.json', zh: 'package.nls.zh-cn.json' };
const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
const pkg = read(files.manifest);
const nls = { en: read(files.en), zh: read(files.zh) };

const severities = [...SEVERITY_SETTINGS];
const properties = {};
for (const rule of RULES) {
  const key = `config.rules.${rule.code}`;
  properties[rule.code] = { type: 'string', enum: severities, default: rule.defaultSeverity, description: `%${key}%` };
  nls.en[key] = `${rule.description.en} (default: ${rule.defaultSeverity})`;
  nls.zh[key] = `${rule.description.zh}（默认：${rule.defaultSeverity}）`;
}
for (const lang of ['en', 'zh']) {
  for (const key of Object.keys(nls[lang])) {
    if (key.startsWith('config.rules.') && !(key.slice('config.rules.'.length) in properties)) delete nls[lang][key];
  }
}
pkg.contributes.configuration.properties['govreport.rules'].properties = properties;
pkg.contributes.configuration.properties['govreport.rules'].additionalProperties = { type: 'string', enum: severities };

const outputs = {
  [files.manifest]: `${JSON.stringify(pkg, null, 2)}\n`,
  [files.en]: `${JSON.stringify(nls.en, null, 2)}\n`,
  [files.zh]: `${JSON.stringify(nls.zh, null, 2)}\n`,
};
let stale = false;
for (const [file, text] of Object.entries(outputs)) {
  if (readFileSync(file, 'utf8') === text) continue;
  stale = true;
  if (check) console.error(`${file} is stale: run node scripts/gen-manifest.mjs`);
  else { writeFileSync(file, text); console.log(`wrote ${file}`); }
}
if (check && stale) process.exit(1);
