// The extension's commands: re-check, restart the server, show output, new report, and the two
// used by the server's code actions and the Report checks view.
import * as vscode from 'vscode';
import { DISABLE_RULE_COMMAND, LANGUAGE_ID, NEW_REPORT, NEXT_YEAR, RECHECK, type NewReportParams, type NextYearParams } from '../../server/src/protocol';
import type { ServerClient } from './serverClient';
import { REVEAL_COMMAND } from './reportTree';

export const COMMANDS = {
  recheck: 'govreport.recheck',
  restartServer: 'govreport.restartServer',
  showOutput: 'govreport.showOutput',
  newReport: 'govreport.newReport',
  nextYear: 'govreport.nextYear',
  disableRule: DISABLE_RULE_COMMAND,
  reveal: REVEAL_COMMAND,
} as const;

type Position = { line: number; character: number };

export function registerCommands(server: ServerClient, refreshTree: () => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.recheck, async () => {
      const client = await server.start();
      await client.sendRequest(RECHECK, {});
      refreshTree();
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await server.restart();
      refreshTree();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => server.output.show(true)),
    vscode.commands.registerCommand(COMMANDS.newReport, (args?: Partial<NewReportParams>) => newReport(server, args)),
    vscode.commands.registerCommand(COMMANDS.nextYear, () => nextYear(server)),
    vscode.commands.registerCommand(COMMANDS.disableRule, (code: string, uri?: string) => disableRule(code, uri)),
    vscode.commands.registerCommand(COMMANDS.reveal, (uri: string, range?: { start: Position; end: Position }) => reveal(uri, range)),
  ];
}

async function newReport(server: ServerClient, args?: Partial<NewReportParams>): Promise<vscode.TextEditor | undefined> {
  let reportYear = args?.reportYear;
  let agency = args?.agency;
  if (reportYear === undefined) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('New report from the 2021 template'),
      prompt: vscode.l10n.t('Report year'),
      value: String(new Date().getFullYear() - 1),
      validateInput: (v) => (/^(20\d{2})$/.test(v.trim()) && Number(v) >= 2021 ? undefined : vscode.l10n.t('A year from 2021 on, e.g. 2024')),
    });
    if (answer === undefined) return undefined;
    reportYear = Number(answer.trim());
    if (agency === undefined) {
      agency = await vscode.window.showInputBox({
        title: vscode.l10n.t('New report from the 2021 template'),
        prompt: vscode.l10n.t('Name of the agency (may be left empty)'),
        placeHolder: '（机关名称）',
      });
      if (agency === undefined) return undefined;
    }
  }
  const client = await server.start();
  const params: NewReportParams = { templateYear: args?.templateYear ?? 2021, reportYear, agency: agency?.trim() || undefined };
  const content = await client.sendRequest(NEW_REPORT, params);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(doc);
}

/** Next year's report from the report in the active editor, opened as a new untitled document. */
async function nextYear(server: ServerClient): Promise<vscode.TextEditor | undefined> {
  const source = vscode.window.activeTextEditor?.document;
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the current report first.'));
    return undefined;
  }
  const client = await server.start();
  const params: NextYearParams = { text: source.getText() };
  const answer = await client.sendRequest(NEXT_YEAR, params);
  if ('error' in answer) {
    void vscode.window.showWarningMessage(answer.error);
    return undefined;
  }
  for (const note of answer.notes) void vscode.window.showWarningMessage(note);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: answer.text });
  return vscode.window.showTextDocument(doc);
}

/** Writes `"<code>": "off"` into govreport.rules for the workspace (or the user, with no folder open). */
async function disableRule(code: string, uri?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('govreport', uri ? vscode.Uri.parse(uri) : undefined);
  const hasWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, string>>('rules');
  const current = (hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await config.update('rules', { ...current, [code]: 'off' }, target);
  const where = hasWorkspace ? vscode.l10n.t('this workspace') : vscode.l10n.t('your user settings');
  void vscode.window.showInformationMessage(vscode.l10n.t('Rule {0} is turned off in {1} (govreport.rules).', code, where));
}

async function reveal(uri: string, range?: { start: Position; end: Position }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
  await vscode.window.showTextDocument(doc, { selection, preserveFocus: false });
}
