// Writing help through VS Code's own commands, as the editor calls them: completion of the next row in the
// table's layout, the inlay hint after a broken total, the code lens over table 三, formatting of a pipe-row
// table, and 新建下一年度年报 / Start next year's report.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAULTY_SAMPLE } from './expected';
import { closeAllWithoutSaving, openChecked } from './helpers';

suite('writing help', () => {
  suiteTeardown(closeAllWithoutSaving);

  test('completion on the blank line after 一、本年新收 offers 二、上年结转 first, cell per line like the table', async () => {
    const { doc } = await openChecked(FAULTY_SAMPLE);
    // Line 96 (1-based) is the blank line after the 一、本年新收 row (its total, 35, is on line 95).
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(95, 0));
    const next = list.items.find((i) => i.preselect);
    assert.ok(next, `no preselected item among ${list.items.map((i) => i.label).join(' | ')}`);
    assert.strictEqual(typeof next.label === 'string' ? next.label : next.label.label, '二、上年结转政府信息公开申请数量');
    const insert = next.insertText instanceof vscode.SnippetString ? next.insertText.value : String(next.insertText ?? '');
    assert.match(insert, /^\t二、上年结转政府信息公开申请数量\n\t\$\{1:0\}\n/);
  });

  test('an inlay hint = 34 after the total 35 of 一、本年新收', async () => {
    const { doc } = await openChecked(FAULTY_SAMPLE);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const hint = hints.find((h) => h.position.line === 94);
    assert.ok(hint, `no hint on line 95: ${hints.map((h) => `${h.position.line + 1}:${h.label}`).join(', ')}`);
    assert.strictEqual(hint.label, '= 34');
    assert.strictEqual(doc.lineAt(94).text.slice(0, hint.position.character), '\t35');
  });

  test('a code lens over table 三 shows R1 R2 R3 with ✗ and goes to the first failing total', async () => {
    const { doc } = await openChecked(FAULTY_SAMPLE);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const table3 = lenses.find((l) => l.command?.title.startsWith('R1'));
    assert.ok(table3, `no lens over table 三: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.match(table3.command!.title, /^R1 ✗ R2 ✗ R3 ✗/);
    assert.strictEqual(table3.command!.command, 'govreport.reveal');
    await vscode.commands.executeCommand(table3.command!.command, ...(table3.command!.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.selection.start.line, 94, 'the click selects the total on line 95');
    assert.ok(lenses.some((l) => /^R4 ✗/.test(l.command?.title ?? '')), 'a lens over table 四');
  });

  test('Format Document aligns the pipe rows of shared report 001 and keeps its figures', async () => {
    const { doc } = await openChecked('reports/001_f11dda0cfbad3174.txt');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits.length > 0, 'no formatting edits');
    // VS Code hands back its own smaller edits for the server's: they are applied, then the lines read.
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.lineAt(22).text, /^规章 +\| 0 +\| 0 +\| 0 +\|$/);
    assert.match(doc.lineAt(21).text, /^信息内容 +\| 本年新制作数量 \| 本年新公开数量 \| 对外公开总数量 \|$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('新建下一年度年报 opens next year\'s report with the carried-over row filled in', async () => {
    await openChecked(FAULTY_SAMPLE);
    await vscode.commands.executeCommand('govreport.nextYear');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.isUntitled, 'a new untitled document');
    assert.strictEqual(editor.document.languageId, 'govreport');
    const text = editor.document.getText();
    assert.match(text, /^示例街道办事处2023年政府信息公开工作年度报告/);
    assert.match(text, /统计期限自2023年1月1日起至2023年12月31日止/);
    // This year's 四、结转下年度继续办理 (2 0 0 0 0 0 1) is next year's 二、上年结转.
    assert.match(text, /\n二、上年结转政府信息公开申请数量 \| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
