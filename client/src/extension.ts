// The govreport extension: language detection, the language client, the Report checks view,
// the language status item and the commands. The server starts on first need.
import * as vscode from 'vscode';
import { looksLikeReportPage } from '../../server/src/protocol/detection';
import { DID_CHECK, LANGUAGE_ID, VIEW_SCHEME, type CheckSummary } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { LanguageDetection } from './detection';
import { ReportTree, VIEW_ID } from './reportTree';
import { OPEN_REPORT_VIEW, openReportView, ReportViewProvider } from './reportView';
import { ServerClient } from './serverClient';
import { EXPORT_COMMAND, exportTables, SUMMARY_COMMAND, SummaryPanel } from './summaryPanel';
import { ReportStatus } from './status';

let server: ServerClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Report checks (govreport)'), { log: true });
  server = new ServerClient(context, output);
  const client = server;
  const tree = new ReportTree(() => client.start());
  const status = new ReportStatus();
  const summaryPanel = new SummaryPanel(context.extensionUri, client);

  client.onStarted((c) => {
    c.onNotification(DID_CHECK, (summary: CheckSummary) => {
      status.update(summary);
      tree.invalidate(summary.uri);
      summaryPanel.refreshSoon();
    });
    void vscode.commands.executeCommand('setContext', 'govreport.active', true);
  });

  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // A report, a report view, or a web page whose content looks like a report (the server reads the page itself).
  const isReport = (doc: vscode.TextDocument) =>
    doc.languageId === LANGUAGE_ID || doc.uri.scheme === VIEW_SCHEME || (doc.languageId === 'html' && looksLikeReportPage(doc.getText()));
  const startIfReport = (doc: vscode.TextDocument) => { if (isReport(doc)) void client.start(); };
  const views = new ReportViewProvider(client);

  context.subscriptions.push(
    output,
    status,
    view,
    new LanguageDetection(),
    ...registerCommands(client, () => tree.invalidate()),
    summaryPanel,
    vscode.commands.registerCommand(SUMMARY_COMMAND, () => summaryPanel.show()),
    vscode.commands.registerCommand(EXPORT_COMMAND, () => exportTables(client)),
    views,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    vscode.commands.registerCommand(OPEN_REPORT_VIEW, (resource?: vscode.Uri) => openReportView(resource)),
    vscode.workspace.onDidOpenTextDocument(startIfReport),
    vscode.workspace.onDidCloseTextDocument((d) => { if (d.languageId === LANGUAGE_ID || d.languageId === 'html') tree.invalidate(d.uri.toString()); }),
    view.onDidChangeVisibility((e) => { if (e.visible) void client.start(); }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govreport.workspace.enable') && vscode.workspace.getConfiguration('govreport').get('workspace.enable')) void client.start();
      if (e.affectsConfiguration('govreport')) tree.invalidate();
    }),
    { dispose: () => void client.dispose() },
  );

  vscode.workspace.textDocuments.forEach(startIfReport);
  if (view.visible || vscode.workspace.getConfiguration('govreport').get('workspace.enable')) void client.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
