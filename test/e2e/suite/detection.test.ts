// Content detection: a .txt report whose name says nothing opens as plain text and is switched to
// the govreport language (and checked); a .txt that only talks about reports stays plain text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activateExtension, checkedDiagnostics, closeAllWithoutSaving, ours, reportSymbols, waitForLanguage, wsUri } from './helpers';

/** The language each document had when it was first opened, by URI. */
const firstLanguage = new Map<string, string>();
vscode.workspace.onDidOpenTextDocument((d) => {
  if (!firstLanguage.has(d.uri.toString())) firstLanguage.set(d.uri.toString(), d.languageId);
});

/** Writes a copy of shared report 003 under a name that does not look like a report. */
async function reportCopy(name: string): Promise<vscode.Uri> {
  const uri = wsUri(`detect/${name}`);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(wsUri('reports/003_da7f200eb5fd91c5.txt')));
  return uri;
}

suite('language detection', () => {
  suiteSetup(activateExtension);
  suiteTeardown(closeAllWithoutSaving);
  teardown(() => vscode.workspace.getConfiguration('govreport').update('detectLanguage', undefined, vscode.ConfigurationTarget.Workspace));

  test('a report saved as draft.txt opens as plaintext, is switched to govreport and checked', async () => {
    const uri = await reportCopy('draft.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.strictEqual(firstLanguage.get(uri.toString()), 'plaintext', 'draft.txt should open as plain text first');
    const doc = await waitForLanguage(uri, LANGUAGE_ID);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    // Report 003 is clean: the check publishes an empty list.
    assert.deepStrictEqual(await checkedDiagnostics(uri), []);
    const symbols = await reportSymbols(uri);
    assert.strictEqual(symbols.filter((s) => s.kind === vscode.SymbolKind.Module).length, 6, 'the server did not read it as a report');
  });

  test('a non-report .txt (meeting notes listing the six headings) stays plaintext', async () => {
    const notes = wsUri('notes/会议纪要.txt');
    const notesDoc = await vscode.workspace.openTextDocument(notes);
    await vscode.window.showTextDocument(notesDoc);
    // Detection looks at each document as it opens, in order: once a report opened after the
    // notes has been switched, the notes have been looked at too.
    const control = await reportCopy('control.txt');
    await vscode.workspace.openTextDocument(control);
    await waitForLanguage(control, LANGUAGE_ID);
    assert.strictEqual(notesDoc.languageId, 'plaintext');
    assert.strictEqual(vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes.toString())?.languageId, 'plaintext');
    assert.deepStrictEqual(ours(notes), []);
  });

  test('with govreport.detectLanguage off, a report .txt is left as plaintext', async () => {
    await vscode.workspace.getConfiguration('govreport').update('detectLanguage', false, vscode.ConfigurationTarget.Workspace);
    const off = await reportCopy('detection-off.txt');
    const offDoc = await vscode.workspace.openTextDocument(off);
    await vscode.workspace.getConfiguration('govreport').update('detectLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    const control = await reportCopy('detection-on.txt');
    await vscode.workspace.openTextDocument(control);
    await waitForLanguage(control, LANGUAGE_ID);
    assert.strictEqual(offDoc.languageId, 'plaintext');
  });
});
