// Document symbols and folding ranges, in memory: the outline's tree and what folds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { parseReport } from '../../../server/src/engine';
import { foldingRanges } from '../../../server/src/features/folding';
import { documentSymbols } from '../../../server/src/features/symbols';
import { positionOf, report } from './report';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind as number, name]));

/** The tree as `name (kind)` lines, indented by depth, down to `depth`. */
function tree(symbols: DocumentSymbol[], depth: number, indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name} (${KIND_NAMES.get(s.kind)})`, ...(depth > 0 ? tree(s.children ?? [], depth - 1, `${indent}  `) : [])]);
}

const find = (symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined =>
  symbols.map((s) => (s.name === name ? s : find(s.children ?? [], name))).find((s) => s);

describe('document symbols', () => {
  const text = report().replace('一、总体情况\n（文字描述）', '一、总体情况\n（一）主动公开\n今年很好。\n（二）依申请公开\n也很好。');
  const model = parseReport(text);

  it('sections hold their sub-headings and tables; tables hold their blocks and rows', () => {
    assert.deepEqual(tree(documentSymbols(model, 'zh-cn'), 2), [
      '一、总体情况 (Module)',
      '  （一）主动公开 (Namespace)',
      '  （二）依申请公开 (Namespace)',
      '二、主动公开政府信息情况 (Module)',
      '  主动公开政府信息情况表 (Struct)',
      '    第二十条第（一）项 (Object)',
      '    第二十条第（五）项 (Object)',
      '    第二十条第（六）项 (Object)',
      '    第二十条第（八）项 (Object)',
      '三、收到和处理政府信息公开申请情况 (Module)',
      '  收到和处理政府信息公开申请情况表 (Struct)',
      '    一、本年新收政府信息公开申请数量 (Field)',
      '    二、上年结转政府信息公开申请数量 (Field)',
      '    三、本年度办理结果 (Namespace)',
      '    四、结转下年度继续办理 (Field)',
      '四、政府信息公开行政复议、行政诉讼情况 (Module)',
      '  行政复议、行政诉讼情况表 (Struct)',
      '    案件数 (Field)',
      '五、存在的主要问题及改进情况 (Module)',
      '六、其他需要报告的事项 (Module)',
    ]);
  });

  it('a row carries its figures; a sub-heading runs to the next one; ranges end on the last character written', () => {
    const symbols = documentSymbols(model, 'zh-cn');
    const fresh = find(symbols, '一、本年新收政府信息公开申请数量')!;
    assert.equal(fresh.detail, '5 1 0 0 0 0 6');
    const first = find(symbols, '（一）主动公开')!;
    const second = find(symbols, '（二）依申请公开')!;
    assert.equal(first.range.end.line, second.range.start.line - 1);
    const line = '四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |';
    assert.deepEqual(find(symbols, '四、结转下年度继续办理')!.range.end, positionOf(text, text.indexOf(line) + line.length - 2));
    const results = find(symbols, '三、本年度办理结果')!;
    assert.deepEqual(tree(results.children!, 0).slice(0, 3), ['（一）予以公开 (Field)', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） (Field)', '（三）不予公开 (Namespace)']);
  });

  it('names in English, and the same tree for the same model asked again', () => {
    const en = documentSymbols(model, 'en');
    assert.equal(find(en, 'Applications table')?.kind, SymbolKind.Struct);
    assert.equal(find(en, 'Cases')?.kind, SymbolKind.Field);
    assert.equal(documentSymbols(model, 'en'), en);
  });

  it('folding: every section, sub-heading, table and block of more than one line, from its first line to its last', () => {
    const folds = foldingRanges(documentSymbols(model, 'zh-cn'));
    const at = (needle: string) => positionOf(text, text.indexOf(needle)).line;
    assert.ok(folds.some((f) => f.startLine === at('一、总体情况') && f.endLine === at('也很好。')));
    assert.ok(folds.some((f) => f.startLine === at('三、本年度办理结果') && f.endLine === at('（七）总计')));
    assert.ok(folds.some((f) => f.startLine === at('第二十条第（八）项') && f.endLine === at('行政事业性收费 |')));
    assert.ok(!folds.some((f) => f.startLine === at('一、本年新收')), 'a one-line row does not fold');
    assert.ok(folds.every((f) => f.kind === 'region' && f.endLine > f.startLine));
    const starts = folds.map((f) => f.startLine);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });
});
