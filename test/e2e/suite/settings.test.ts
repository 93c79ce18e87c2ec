// Settings take effect at once, without restarting the server or reopening the file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyAction, byPosition, closeAllWithoutSaving, codeOf, openChecked, publishCount, severityName, summarize, waitForDiagnostics } from './helpers';

const SEED_001 = 'reports/001_f11dda0cfbad3174.txt';
const Workspace = vscode.ConfigurationTarget.Workspace;
const rules = () => vscode.workspace.getConfiguration('govreport');

function codes(ds: vscode.Diagnostic[]): string[] {
  return ds.map(codeOf).sort();
}

suite('settings', () => {
  teardown(() => rules().update('rules', undefined, Workspace));
  suiteTeardown(closeAllWithoutSaving);

  test('govreport.rules {"row-label": "off"} drops the row-label findings; clearing it brings them back', async () => {
    const { doc, diagnostics } = await openChecked(SEED_001);
    const original = summarize(byPosition(diagnostics));
    assert.deepStrictEqual(codes(diagnostics), ['amount-format', 'row-label', 'row-label', 'row-label', 'row-label', 'row-label']);

    let since = publishCount(doc.uri);
    await rules().update('rules', { 'row-label': 'off' }, Workspace);
    const off = await waitForDiagnostics(doc.uri, (ds) => ds.length === 1, since);
    assert.deepStrictEqual(codes(off), ['amount-format']);

    since = publishCount(doc.uri);
    await rules().update('rules', undefined, Workspace);
    const back = await waitForDiagnostics(doc.uri, (ds) => ds.length === 6, since);
    assert.deepStrictEqual(summarize(byPosition(back)), original);
  });

  test('govreport.rules {"amount-format": "error"} raises that finding to an Error', async () => {
    const { doc } = await openChecked(SEED_001);
    const since = publishCount(doc.uri);
    await rules().update('rules', { 'amount-format': 'error' }, Workspace);
    const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => codeOf(d) === 'amount-format' && d.severity === vscode.DiagnosticSeverity.Error), since);
    assert.deepStrictEqual(ds.map((d) => `${codeOf(d)} ${severityName(d.severity)}`).sort(),
      ['amount-format error', ...Array(5).fill('row-label warning')]);
  });

  test('the quick fix "turn off rule row-label in this workspace" writes govreport.rules and the findings go', async () => {
    const { doc, diagnostics } = await openChecked(SEED_001);
    const rowLabel = diagnostics.find((d) => codeOf(d) === 'row-label')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rowLabel.range);
    const turnOff = actions.find((a) => a.command?.command === 'govreport.disableRuleInWorkspace');
    assert.ok(turnOff, `no turn-off action; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepStrictEqual(turnOff.command!.arguments, ['row-label']);
    const since = publishCount(doc.uri);
    await applyAction(turnOff);
    assert.deepStrictEqual(rules().inspect('rules')?.workspaceValue, { 'row-label': 'off' });
    const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'row-label'), since);
    assert.deepStrictEqual(codes(after), ['amount-format']);
  });

  test('govreport.templateYear "2021" on a 2019-format report reports the old tables', async () => {
    const { doc } = await openChecked(SEED_001);
    const since = publishCount(doc.uri);
    await rules().update('templateYear', '2021', Workspace);
    try {
      const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => codeOf(d) === 'template-version'), since);
      assert.ok(ds.some((d) => codeOf(d) === 'template-version'), summarize(ds).join('; '));
    } finally {
      await rules().update('templateYear', undefined, Workspace);
    }
  });
});
