import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'govreport.govreport';

async function waitFor(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('smoke', () => {
  test('the extension is present and activates when a .govreport file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open (expected test/e2e/workspace)');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.govreport'));
    await vscode.window.showTextDocument(doc);

    await waitFor(() => ext.isActive, 30000, `${EXTENSION_ID} did not activate after opening sample.govreport (languageId ${doc.languageId})`);
  });
});

suite('activation figures', () => {
  // `npm run bench` (scripts/e2e/run.mjs --measure-activation) reads these marks of VS Code's extension
  // host; this keeps the method honest when code-server is upgraded.
  test('VS Code\'s extension host has marked loading and activating the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const api = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
    assert.ok(api, 'globalThis.MonacoPerformanceMarks is not there in the extension host');
    const names = api.getMarks().map((m) => m.name);
    for (const what of ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension']) {
      assert.ok(names.includes(`code/extHost/${what}/${EXTENSION_ID}`), `no mark code/extHost/${what}/${EXTENSION_ID} among ${names.length} marks`);
    }
  });
});
