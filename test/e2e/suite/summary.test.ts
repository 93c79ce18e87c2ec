// The Reports summary command: it opens its webview (the page itself is checked in Chromium by
// scripts/e2e/summary-page.mjs), and opening it again reveals the same one.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, openChecked, waitUntil } from './helpers';

const summaryTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('govreport.summary'));

suite('Reports summary', () => {
  suiteTeardown(() => closeAllWithoutSaving());

  test('the command opens the summary webview once, titled in the display language', async () => {
    await openChecked('samples/示例市民政局2021年政府信息公开工作年度报告.txt');
    await vscode.commands.executeCommand('govreport.summary');
    await waitUntil(vscode.window.tabGroups.onDidChangeTabs, () => summaryTabs().length === 1, () => undefined, 10000,
      () => `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    await vscode.commands.executeCommand('govreport.summary');
    assert.equal(summaryTabs().length, 1);
    const label = summaryTabs()[0].label;
    assert.ok(label === '年报汇总' || label === 'Reports summary', label);
  });
});
