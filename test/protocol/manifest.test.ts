// The extension manifest: contributions point at files that exist, every %key% is translated, the
// rule settings match the rule registry, every contributed command is registered by the client.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/engine';
import { looksLikeReport, matchesReportFileName } from '../../server/src/protocol/detection';
import { ROOT } from './lsp';

const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const json = (f: string) => JSON.parse(read(f));

describe('extension manifest', () => {
  const pkg = json('package.json');
  const nls = { en: json('package.nls.json'), zh: json('package.nls.zh-cn.json') };

  test('every %key% in package.json is in both nls files, and nothing else is', () => {
    const keys = new Set([...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    for (const lang of ['en', 'zh'] as const) {
      assert.deepEqual(Object.keys(nls[lang]).sort(), [...keys].sort(), lang);
    }
  });

  test('the govreport.rules setting lists every rule (run `node scripts/gen-manifest.mjs` when it does not)', () => {
    const props = pkg.contributes.configuration.properties['govreport.rules'].properties;
    assert.deepEqual(Object.keys(props).sort(), RULES.map((r) => r.code).sort());
    for (const r of RULES) assert.equal(props[r.code].default, r.defaultSeverity);
  });

  test('language, grammar and files exist', () => {
    const [language] = pkg.contributes.languages;
    assert.equal(language.id, 'govreport');
    assert.ok(existsSync(path.join(ROOT, language.configuration)));
    const [grammar] = pkg.contributes.grammars;
    assert.equal(JSON.parse(read(grammar.path)).scopeName, grammar.scopeName);
    for (const f of [pkg.main, pkg.icon, `${pkg.l10n}/bundle.l10n.zh-cn.json`]) assert.ok(existsSync(path.join(ROOT, f)), f);
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.ok(pkg.activationEvents.includes('onLanguage:govreport'));
  });

  test('every contributed command is registered by the client, every client string is translated', () => {
    const client = readdirSync(path.join(ROOT, 'client', 'src')).map((f) => read(path.join('client', 'src', f))).join('\n');
    const ids = `${client}\n${read('server/src/protocol/index.ts')}`;
    for (const c of pkg.contributes.commands) assert.ok(ids.includes(`'${c.command}'`), c.command);
    const used = new Set([...client.matchAll(/l10n\.t\('([^']*)'/g)].map((m) => m[1]));
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), [...used].sort());
  });

  test('.vscodeignore is a whitelist', () => {
    const lines = read('.vscodeignore').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.slice(1).every((l) => l.startsWith('!')));
  });
});

describe('language detection', () => {
  test('report file names', () => {
    assert.ok(matchesReportFileName('/x/某区2021年度报告.txt'));
    assert.ok(matchesReportFileName('C:\\x\\政府信息公开年报.txt'));
    assert.ok(matchesReportFileName('a.govreport'));
    assert.ok(!matchesReportFileName('/x/notes.txt'));
  });

  test('a report is recognised by its title and headings; a list of the headings is not a report', () => {
    const report = '某区2021年政府信息公开\n工作年度报告\n\n一、总体情况\n文字。\n二、主动公开政府信息情况\n表格。\n三、收到和处理政府信息公开申请情况\n表格。\n';
    assert.ok(looksLikeReport(report));
    const notice = '关于做好政府信息公开工作年度报告编制的通知\n报告应包括：\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n请按时报送。\n';
    assert.ok(!looksLikeReport(notice));
    assert.ok(!looksLikeReport('一、总体情况\n文字。\n二、主动公开政府信息情况\n文字。\n三、收到和处理政府信息公开申请情况\n文字。\n'), 'no title');
    assert.ok(!looksLikeReport('# 会议纪要\n政府信息公开工作年度报告的讨论。\n\n```\n一、总体情况\n```\n'));
  });
});
