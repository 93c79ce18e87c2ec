// The TextMate grammar, run with vscode-textmate on lines from real reports: standard scopes for
// headings, table labels, numbers, totals, 《…》, article references, dates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from './lsp';

const GRAMMAR = path.join(ROOT, 'syntaxes', 'govreport.tmLanguage.json');

let grammar: textmate.IGrammar;

/** Scopes of the token that covers `needle` (its first character) in `line`. */
function scopesAt(line: string, needle: string, state: textmate.StateStack = textmate.INITIAL): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in "${line}"`);
  const { tokens } = grammar.tokenizeLine(line, state);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return token.scopes;
}

const has = (scopes: string[], prefix: string) => scopes.some((s) => s.startsWith(prefix));

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (scope === 'text.govreport' ? textmate.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    grammar = (await registry.loadGrammar('text.govreport'))!;
  });

  test('title and section headings, standard and variant', () => {
    assert.ok(has(scopesAt('北京市朝阳区园林绿化局2020年政府信息公开工作年度报告', '北京'), 'markup.heading.1'));
    for (const line of ['一、总体情况', '1、 总体情况', '总体情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况']) {
      const s = scopesAt(line, '情况');
      assert.ok(has(s, 'markup.heading.2') && has(s, 'entity.name.section'), `${line}: ${s.join(' ')}`);
    }
  });

  test('sub-headings and 一是', () => {
    assert.ok(has(scopesAt('（一）主动公开', '主动'), 'markup.heading.3'));
    assert.ok(has(scopesAt('一是加强组织领导，二是完善制度。', '一是'), 'keyword.other.enumeration'));
  });

  test('table labels, numbers and the totals row', () => {
    const row = '3.危机“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    assert.ok(has(scopesAt(row, '危机'), 'support.type.property-name'));
    assert.ok(has(scopesAt(row, '0'), 'constant.numeric'));
    assert.ok(has(scopesAt(row, '|'), 'punctuation.separator'));
    const total = '（七）总计 | 21 | 0 | 0 | 0 | 0 | 0 | 21 |';
    assert.ok(has(scopesAt(total, '总计'), 'markup.bold'));
    assert.ok(has(scopesAt(total, '21'), 'markup.bold') && has(scopesAt(total, '21'), 'constant.numeric'));
    assert.ok(has(scopesAt('\t商业企业', '商业'), 'entity.other.attribute-name'));
    assert.ok(has(scopesAt('政府集中采购 | 60 | 7004.69万元 |', '7004'), 'constant.numeric'));
    assert.ok(has(scopesAt('政府集中采购 | 60 | 7004.69万元 |', '万元'), 'keyword.other.unit'));
    assert.ok(has(scopesAt('行政许可 | 518 | +43 | 28 |', '+43'), 'constant.numeric'));
  });

  test('《…》 titles, article references, document numbers, dates', () => {
    const line = '根据《中华人民共和国政府信息公开条例》第二十条第（五）项和国办公开办函〔2021〕30号，统计期限自2021年1月1日起至2021年12月31日止。';
    assert.ok(has(scopesAt(line, '《'), 'string.quoted'));
    assert.ok(has(scopesAt(line, '中华'), 'string.quoted'));
    assert.ok(has(scopesAt(line, '第二十条'), 'keyword.other.article-reference'));
    assert.ok(has(scopesAt(line, '（五）'), 'keyword.other.article-reference'));
    assert.ok(has(scopesAt(line, '国办'), 'constant.other.document-number'));
    assert.ok(has(scopesAt(line, '2021年1月1日'), 'constant.numeric.date'));
  });

  test('the table note and artefacts', () => {
    assert.ok(has(scopesAt('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '本列'), 'comment'));
    assert.ok(has(scopesAt('[bookmark: _GoBack]', 'bookmark'), 'comment'));
    assert.ok(has(scopesAt('- 3 -', '3'), 'comment'));
  });

  test('every line of the shared reports tokenizes', () => {
    const dir = path.resolve(ROOT, '..', 'shared', 'reports');
    let files: string[] = [];
    try { files = require('node:fs').readdirSync(dir); } catch { return; }
    for (const f of files) {
      let state = textmate.INITIAL;
      for (const line of readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) state = grammar.tokenizeLine(line, state).ruleStack;
    }
  });
});
