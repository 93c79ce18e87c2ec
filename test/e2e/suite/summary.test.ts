// The Reports summary command: it opens its webview, whose page runs and receives the reports' data (the page
// itself is checked in Chromium by scripts/e2e/summary-page.mjs); opening it again reveals the same one.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, openChecked, waitUntil } from './helpers';

const summaryTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('govreport.summary'));

suite('Reports summary', () => {
  suiteTeardown(() => closeAllWithoutSaving());

  test('the command opens the summary webview once, its page runs and gets the open reports', async () => {
    await openChecked('samples/示例市民政局2021年政府信息公开工作年度报告.txt');
    // The command resolves once the page's script (allowed by the webview's CSP) asked for its data and got it.
    const reports = await vscode.commands.executeCommand<number>('govreport.summary');
    assert.ok(typeof reports === 'number' && reports >= 1, `reports sent to the page: ${reports}`);
    await waitUntil(vscode.window.tabGroups.onDidChangeTabs, () => summaryTabs().length === 1, () => undefined, 10000,
      () => `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.equal(await vscode.commands.executeCommand<number>('govreport.summary'), reports);
    assert.equal(summaryTabs().length, 1);
    const label = summaryTabs()[0].label;
    assert.ok(label === '年报汇总' || label === 'Reports summary', label);
  });
});
