// Diagnostics and code actions, in memory: a report's findings as diagnostics, the quick fixes they offer,
// fix-all of one rule and of the file, and the edits named by document version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { applyEdits, checkText } from '../../../server/src/engine';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/features/codeActions';
import { SOURCE, toDiagnostics } from '../../../server/src/lsp/diagnostics';
import { DISABLE_RULE_COMMAND } from '../../../server/src/protocol';
import { analyze, BALANCED, report, URI } from './report';

/** Two row totals written wrong: 一、本年新收 says 7 (5 + 1 = 6) and （一）予以公开 says 6 (4 + 1 = 5). */
const TWO_WRONG = report({ ...BALANCED, '一、本年新收政府信息公开申请数量': [5, 1, 0, 0, 0, 0, 7], '（一）予以公开': [4, 1, 0, 0, 0, 0, 6] });

const editsOf = (action: CodeAction): TextEdit[] => {
  const change = action.edit?.documentChanges?.[0];
  return change && TextDocumentEdit.is(change) ? change.edits : action.edit?.changes?.[URI] ?? [];
};

describe('diagnostics', () => {
  it('each finding is a diagnostic of govreport with its rule, severity, range and the rule\'s page', async () => {
    const a = await analyze(TWO_WRONG);
    const diagnostics = toDiagnostics(a, 'en');
    const rowTotals = diagnostics.filter((d) => d.code === 'row-total');
    assert.equal(rowTotals.length, 2);
    for (const d of diagnostics) assert.equal(d.source, SOURCE);
    assert.equal(rowTotals[0].severity, 1);
    assert.match(rowTotals[0].codeDescription!.href, /docs\/rules\/row-total\.md$/);
    assert.deepEqual(rowTotals[0].data, { version: 1, textKey: 'v1' });
    const line = TWO_WRONG.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    assert.deepEqual(rowTotals[0].range.start, { line, character: '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | '.length });
  });
});

describe('code actions', () => {
  const actionsFor = async (options: { only?: string[]; versionedEdits?: boolean; canDisableRule?: boolean; version?: number } = {}) => {
    const analysis = await analyze(TWO_WRONG);
    const diagnostics: Diagnostic[] = toDiagnostics(analysis, 'zh-cn').filter((d) => d.code === 'row-total').slice(0, 1);
    return codeActions({
      analysis, version: options.version ?? 1, locale: 'zh-cn', context: { diagnostics, only: options.only },
      versionedEdits: options.versionedEdits ?? true, canDisableRule: options.canDisableRule ?? false,
    });
  };

  it('a finding\'s fix is a preferred quick fix whose edit, applied, leaves the row adding up', async () => {
    const [fix] = await actionsFor();
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, '将总计改为 6');
    const fixed = applyEdits(TWO_WRONG, editsOf(fix));
    assert.match(fixed, /^一、本年新收政府信息公开申请数量 \| 5 \| 1 \| 0 \| 0 \| 0 \| 0 \| 6 \|$/m);
    assert.equal(checkText(fixed).findings.filter((f) => f.code === 'row-total').length, 1, 'the other row is still wrong');
  });

  it('with two of a rule, a fix-all of that rule; source.fixAll fixes every preferred fix at once', async () => {
    const actions = await actionsFor();
    const ofRule = actions.find((x) => x.title.startsWith('修复本文件中所有 row-total'))!;
    assert.equal(ofRule.title, '修复本文件中所有 row-total 问题（2 处）');
    assert.equal(editsOf(ofRule).length, 2);
    const all = actions.find((x) => x.kind === FIX_ALL_KIND)!;
    assert.ok(all, 'source.fixAll.govreport is offered');
    const fixed = applyEdits(TWO_WRONG, editsOf(all));
    assert.deepEqual(checkText(fixed).findings.filter((f) => f.code === 'row-total'), []);
  });

  it('edits name the version when the client takes versioned edits, else are plain changes', async () => {
    const [versioned] = await actionsFor();
    const change = versioned.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: URI, version: 1 });
    const [plain] = await actionsFor({ versionedEdits: false });
    assert.ok(plain.edit!.changes![URI]);
  });

  it('only the kinds asked for; a rule can be turned off where the client can; nothing for another version', async () => {
    const fixAllOnly = await actionsFor({ only: [CodeActionKind.SourceFixAll] });
    assert.deepEqual(fixAllOnly.map((x) => x.kind), [FIX_ALL_KIND]);
    const off = (await actionsFor({ canDisableRule: true })).find((x) => x.command?.command === DISABLE_RULE_COMMAND);
    assert.deepEqual(off?.command?.arguments, ['row-total']);
    assert.deepEqual(await actionsFor({ version: 2 }), []);
  });

  it('a diagnostic of another source or range names no finding', async () => {
    const analysis = await analyze(TWO_WRONG);
    const [d] = toDiagnostics(analysis, 'zh-cn').filter((x) => x.code === 'row-total');
    const foreign = [{ ...d, source: 'other' }, { ...d, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
    const actions = codeActions({ analysis, version: 1, locale: 'zh-cn', context: { diagnostics: foreign, only: [CodeActionKind.QuickFix] }, versionedEdits: true, canDisableRule: false });
    assert.deepEqual(actions, []);
  });
});
