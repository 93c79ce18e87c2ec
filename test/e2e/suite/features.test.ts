// Language features through VS Code's own commands, as the editor calls them: document symbols
// (Outline), hovers, quick fixes and source.fixAll.govreport, each applied and checked against the
// diagnostics that follow.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAULTY_SAMPLE, OLD_TEMPLATE_SAMPLE, SAMPLES, SECTION_PATTERNS, SHARED_REPORTS } from './expected';
import {
  applyAction, at, byPosition, closeAllWithoutSaving, codeOf, copyInWorkspace, hoverText, openChecked, positionOf, publishCount,
  summarize, waitForDiagnostics, wsUri, zh,
} from './helpers';

const FIX_ALL = 'source.fixAll.govreport';

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  assert.ok(symbols && symbols.length, `no document symbols for ${vscode.workspace.asRelativePath(uri)}`);
  return symbols;
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers ?? []);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

/** Waits for the diagnostics published after an edit (the server checks as you type, debounced). */
function afterEdit(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, predicate, publishCount(uri));
}

suite('outline (document symbols)', () => {
  suiteTeardown(closeAllWithoutSaving);

  for (const file of [...SHARED_REPORTS, ...SAMPLES]) {
    const sections = file.path === OLD_TEMPLATE_SAMPLE ? 5 : 6;
    test(`${file.path}: ${sections} sections in order, tables inside sections 2–4`, async () => {
      const { doc } = await openChecked(file.path);
      const symbols = await symbolsOf(doc.uri);
      const modules = symbols.filter((s) => s.kind === vscode.SymbolKind.Module);
      assert.strictEqual(modules.length, sections, `sections: ${modules.map((s) => s.name).join(' | ')}`);
      // The old-template sample has no section 5 (reported as section-missing).
      const patterns = file.path === OLD_TEMPLATE_SAMPLE ? SECTION_PATTERNS.filter((_, i) => i !== 4) : SECTION_PATTERNS;
      modules.forEach((s, i) => assert.match(s.name, patterns[i], `section ${i + 1}`));
      // Each section symbol starts at its heading, which is the text it selects.
      for (const s of modules) {
        assert.ok(s.range.contains(s.selectionRange), `${s.name}: selection outside its range`);
        assert.strictEqual(doc.getText(s.selectionRange).trim(), s.name.trim(), `${s.name}: selection is not the heading`);
      }
      for (const i of [1, 2, 3]) {
        const tables = (modules[i].children ?? []).filter((c) => c.kind === vscode.SymbolKind.Struct);
        assert.strictEqual(tables.length, 1, `section ${i + 1} (${modules[i].name}) holds ${tables.length} tables`);
        assert.ok((tables[0].children ?? []).length > 0, `the table of section ${i + 1} has no rows`);
      }
    });
  }

  test('a non-standard heading is marked in the outline (seed 004, 总体情况)', async () => {
    const { doc } = await openChecked('reports/004_d5656f869e11e1df.txt');
    const [first] = (await symbolsOf(doc.uri)).filter((s) => s.kind === vscode.SymbolKind.Module);
    assert.strictEqual(first.name, '总体情况');
    assert.strictEqual(first.detail, zh ? '标题不规范' : 'non-standard heading');
  });
});

suite('hover', () => {
  suiteTeardown(closeAllWithoutSaving);

  test('on a broken total (faulty sample, 本年新收 × 总计 = 35) shows R3 with the figures and ✗', async () => {
    const { doc } = await openChecked(FAULTY_SAMPLE);
    const text = await hoverAt(doc.uri, positionOf(doc, 95, '35', 0, 1));
    assert.match(text, /本年新收政府信息公开申请数量/, text);
    assert.match(text, /\*\*R3\*\*/, text);
    assert.match(text, /`30 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0 = 34`/, text);
    assert.match(text, zh ? /✗ 表中为 35，应为 34/ : /✗ the table says 35, expected 34/, text);
  });

  test('on a correct total (seed 001, （七）总计 × 总计 = 23) shows its relations with ✓', async () => {
    const { doc } = await openChecked('reports/001_f11dda0cfbad3174.txt');
    const text = await hoverAt(doc.uri, positionOf(doc, 64, '| 23 |', 1, 2));
    assert.match(text, /（七）总计|\(七\)总计/, text);
    assert.match(text, /\*\*R3\*\*.*\n`23 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 23` ✓/, text);
    assert.doesNotMatch(text, /✗/, text);
  });

  test('on a section heading shows what the section must contain', async () => {
    const { doc } = await openChecked('reports/003_da7f200eb5fd91c5.txt');
    const [first] = (await symbolsOf(doc.uri)).filter((s) => s.kind === vscode.SymbolKind.Module);
    const text = await hoverAt(doc.uri, first.selectionRange.start.translate(0, 1));
    assert.match(text, /\*\*一、总体情况\*\*/, text);
    assert.match(text, zh ? /本节应包括/ : /This section must contain/, text);
  });

  test('on plain prose there is no hover from the checker', async () => {
    const { doc } = await openChecked('reports/003_da7f200eb5fd91c5.txt');
    // The first line of prose after the first heading.
    const [first] = (await symbolsOf(doc.uri)).filter((s) => s.kind === vscode.SymbolKind.Module);
    let line = first.selectionRange.start.line + 1;
    while (doc.lineAt(line).isEmptyOrWhitespace) line++;
    const text = await hoverAt(doc.uri, new vscode.Position(line, 2));
    assert.strictEqual(text, '', `unexpected hover on ${JSON.stringify(doc.lineAt(line).text.slice(0, 30))}: ${text}`);
  });
});

// Each test edits a copy of its own (edits/<test>/<same file name>), so no other test sees the edits.
suite('quick fixes and fix-all', () => {
  teardown(closeAllWithoutSaving);

  test('a broken review total: the preferred quick fix writes 2 and the diagnostic goes', async () => {
    const { doc, diagnostics } = await openChecked(await copyInWorkspace(FAULTY_SAMPLE, 'edits/review-total'));
    const target = diagnostics.find((d) => codeOf(d) === 'review-total');
    assert.ok(target, 'no review-total diagnostic');
    assert.strictEqual(doc.getText(target.range), '3');
    const actions = await codeActions(doc.uri, target.range);
    const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit);
    const preferred = fixes.find((a) => a.isPreferred);
    assert.ok(preferred, `no preferred quick fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
    // The turn-off action is offered too (a command, no edit).
    assert.ok(actions.some((a) => a.command?.command === 'govreport.disableRuleInWorkspace' && a.command.arguments?.[0] === 'review-total'),
      `no "turn off review-total" action; offered: ${actions.map((a) => a.title).join(' | ')}`);

    const others = summarize(byPosition(diagnostics.filter((d) => d !== target)));
    await applyAction(preferred);
    assert.strictEqual(doc.lineAt(target.range.start.line).text.trim(), '2', 'the cell was not rewritten');
    const after = await afterEdit(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'review-total'));
    assert.deepStrictEqual(summarize(byPosition(after)), others, 'other diagnostics changed');
  });

  test('fix all of one rule in the file (row-total): the totals with a sure fix are rewritten', async () => {
    const { doc, diagnostics } = await openChecked(await copyInWorkspace(FAULTY_SAMPLE, 'edits/row-total'));
    const rowTotals = diagnostics.filter((d) => codeOf(d) === 'row-total');
    assert.deepStrictEqual(rowTotals.map((d) => at(d.range.start)), ['95:2', '334:2', '344:2']);
    const actions = await codeActions(doc.uri, rowTotals[0].range);
    const titles = actions.map((a) => a.title).join(' | ');
    const all = actions.find((a) => (zh ? /修复本文件中所有 row-total 问题（\d+ 处）/ : /Fix all row-total problems in this file \(\d+\)/).test(a.title));
    assert.ok(all?.edit, `no fix-all-of-rule action; offered: ${titles}`);
    // 95 (本年新收 35 → 34) and 344 (结转 1 → 2) have a sure fix; 334 ((七)总计 × 总计) is also the
    // total of its column, the two sums disagree, and it is left for a person to decide.
    assert.match(all.title, zh ? /（2 处）/ : /\(2\)/);
    await applyAction(all);
    assert.strictEqual(doc.lineAt(94).text.trim(), '34');
    assert.strictEqual(doc.lineAt(343).text.trim(), '2');
    const after = await afterEdit(doc.uri, (ds) => ds.filter((d) => codeOf(d) === 'row-total').length === 1);
    assert.deepStrictEqual(after.filter((d) => codeOf(d) === 'row-total').map((d) => at(d.range.start)), ['334:2']);
  });

  test(`${FIX_ALL} on seed 001 fixes the amount and all five row labels`, async () => {
    const { doc, diagnostics } = await openChecked(await copyInWorkspace('reports/001_f11dda0cfbad3174.txt', 'edits/fix-all'));
    assert.strictEqual(diagnostics.length, 6);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc.uri, whole, FIX_ALL);
    assert.strictEqual(actions.length, 1, `actions of kind ${FIX_ALL}: ${actions.map((a) => a.title).join(' | ')}`);
    const [fixAll] = actions;
    assert.strictEqual(fixAll.kind?.value, FIX_ALL);
    assert.match(fixAll.title, zh ? /修复所有可自动修复的年报问题（6 处）/ : /Fix all auto-fixable report problems \(6\)/);
    await applyAction(fixAll);
    await afterEdit(doc.uri, (ds) => ds.length === 0);
    assert.strictEqual(doc.lineAt(42).text.split(' | ')[0], '一、本年新收政府信息公开申请数量');
    assert.ok(doc.lineAt(37).text.includes('| 7004.69 |'), doc.lineAt(37).text);
  });

  test(`editor.codeActionsOnSave {"${FIX_ALL}": "explicit"} fixes seed 004 on save, leaving the prose mismatches`, async () => {
    const path = await copyInWorkspace('reports/004_d5656f869e11e1df.txt', 'edits/fix-on-save');
    const copy = wsUri(path);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' });
    await config.update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { doc, diagnostics } = await openChecked(path);
      assert.strictEqual(diagnostics.length, 7);
      await vscode.commands.executeCommand('workbench.action.files.save');
      const after = await waitForDiagnostics(doc.uri, (ds) => ds.length === 3, -1);
      assert.deepStrictEqual(after.map(codeOf), ['text-table-mismatch', 'text-table-mismatch', 'text-table-mismatch']);
      assert.ok(!doc.isDirty, 'the document was not saved');
      const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(copy)).split(/\r?\n/);
      assert.strictEqual(disk[6], '一、总体情况');
      assert.strictEqual(disk[90].trim(), '373.91');
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('after a line is inserted above, the finding moves with its cell and its fix is offered there', async () => {
    const { doc, diagnostics } = await openChecked(await copyInWorkspace(FAULTY_SAMPLE, 'edits/insert-line'));
    const target = diagnostics.find((d) => codeOf(d) === 'column-total')!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const fresh = await afterEdit(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'column-total' && d.range.start.line === target.range.start.line + 1));
    const moved = fresh.find((d) => codeOf(d) === 'column-total')!;
    assert.strictEqual(at(moved.range.start), at(target.range.start.translate(1)));
    const actions = await codeActions(doc.uri, moved.range);
    assert.ok(actions.some((a) => a.isPreferred && a.edit), 'no fix at the new position');
  });
});
