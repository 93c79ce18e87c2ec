// Reports as published, where the user sees them: a web page in the HTML editor (its findings, hover and quick
// fix at the cell in the page source), a Word document and a PDF file as a read-only report view (findings telling
// their place in the original, hover, outline), and a finding clicked in the Problems panel opening the view at it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllWithoutSaving, codeOf, EXTENSION_ID, hoverText, LANGUAGE_ID, ours, waitForDiagnostics, waitForLanguage, wsUri, zh,
} from './helpers';

const PAGE = 'samples/示例市民政局2021年政府信息公开工作年度报告（网页）.html';
const WORD = 'samples/示例县人民政府2020年政府信息公开工作年度报告（Word）.docx';
const PDF = 'real/hongze-2023.pdf';
const VIEW_SCHEME = 'govreport-view';

/** Opens a Word or PDF file's report view with the extension's command, as the Explorer's context menu does. */
async function openView(relative: string): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  await activateExtension();
  const file = wsUri(relative);
  const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.openReportView', file);
  assert.ok(editor, 'the command opened no editor');
  const uri = file.with({ scheme: VIEW_SCHEME });
  assert.strictEqual(editor.document.uri.toString(), uri.toString());
  const doc = await waitForLanguage(uri, LANGUAGE_ID);
  assert.ok(doc.getText().includes('政府信息公开'), 'the view holds the report text');
  const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length > 0);
  return { editor, diagnostics };
}

suite('published reports', () => {
  suiteTeardown(closeAllWithoutSaving);

  test('a web page: the finding, its hover and its quick fix at the cell in the HTML source', async () => {
    await activateExtension();
    const uri = wsUri(PAGE);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'html', 'the page stays in the HTML editor');
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'amount-format'));
    const amount = ds.find((d) => codeOf(d) === 'amount-format')!;
    assert.strictEqual(doc.getText(amount.range), '12.35万元', 'the range covers the cell in the page source');
    if (zh) assert.match(amount.message, /单位/);

    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, amount.range.start) ?? []);
    assert.match(hover, /本年收费金额/, `hover: ${hover}`);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, amount.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions?.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, `no preferred fix: ${actions?.map((a) => a.title).join(' | ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), before.replace('12.35万元', '12.35'), 'only the cell text changed');
    await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'amount-format'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a Word document: the report view shows the wrong total with its place in the document; hover and outline', async () => {
    const { editor, diagnostics } = await openView(WORD);
    const review = diagnostics.find((d) => codeOf(d) === 'review-total');
    assert.ok(review, `findings: ${diagnostics.map(codeOf).join(', ')}`);
    assert.match(review.message, zh ? /（原文：表3 第4行 第5列）$/ : /\(in the original: table 3, row 4, column 5\)$/);
    assert.deepStrictEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), ['review-total']);
    const uri = editor.document.uri;
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, review.range.start) ?? []);
    assert.match(hover, /R4/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok((symbols?.length ?? 0) >= 6, 'the outline lists the sections');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, review.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual((actions ?? []).filter((a) => a.edit).map((a) => a.title), [], 'a read-only view is offered no edit');
  });

  test('a finding clicked in the Problems panel opens the report view at the cell', async () => {
    const uri = wsUri(WORD).with({ scheme: VIEW_SCHEME });
    const review = ours(uri).find((d) => codeOf(d) === 'review-total');
    assert.ok(review, 'the finding is listed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What the Problems panel does on a click: open the finding's URI with its range selected.
    const editor = await vscode.window.showTextDocument(uri, { selection: review.range });
    assert.strictEqual(editor.document.getText(review.range), '3');
    await waitForLanguage(uri, LANGUAGE_ID);
  });

  test('a PDF file: the report view shows the faults of the published PDF with their pages', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (!fs.existsSync(path.join(ext.extensionPath, 'server', 'src', 'formats', 'pdf.ts'))) {
      console.log('E2E-LOG   skipped: no PDF reader yet (server/src/formats/pdf.ts is absent)');
      this.skip();
    }
    if (!fs.existsSync(path.join(workspacePath(), PDF))) {
      console.log(`E2E-LOG   skipped: ${PDF} was not copied into the workspace (../shared/real/hongze-2023.pdf is missing)`);
      this.skip();
    }
    const { diagnostics } = await openView(PDF);
    const reviews = diagnostics.filter((d) => codeOf(d) === 'review-total');
    assert.strictEqual(reviews.length, 2, `findings: ${diagnostics.map(codeOf).join(', ')}`);
    for (const d of reviews) assert.match(d.message, zh ? /（原文：第\d+页）$/ : /\(in the original: page \d+\)$/);
  });
});

function workspacePath(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}
