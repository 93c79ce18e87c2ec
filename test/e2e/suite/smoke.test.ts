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
