// The extension's commands: re-check, restart the server, show output, new report, and the two
// used by the server's code actions and the Report checks view.
import * as vscode from 'vscode';
import { DISABLE_RULE_COMMAND, LANGUAGE_ID, NEW_REPORT, RECHECK, type NewReportParams } from '../../server/src/features/protocol';
import type { ServerClient } from './serverClient';
import { REVEAL_COMMAND } from './reportTree';

export const COMMANDS = {
  recheck: 'govreport.recheck',
  restartServer: 'govreport.restartServer',
  showOutput: 'govreport.showOutput',
  newReport: 'govreport.newReport',
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
  const content = await client.sendRequest<string>(NEW_REPORT, params);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
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
