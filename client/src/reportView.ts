// The read-only report view of a Word or PDF file: a virtual document (govreport-view:) whose text the server
// reads from the file, in the govreport language, so that it gets diagnostics, hovers, the outline and a place in
// the Report checks view like any report. The file itself is never opened as text nor written to.
import * as vscode from 'vscode';
import { fileUriOfView, LANGUAGE_ID, REPORT_VIEW, VIEW_EXTENSIONS, VIEW_SCHEME } from '../../server/src/protocol';
import type { ServerClient } from './serverClient';

export const OPEN_REPORT_VIEW = 'govreport.openReportView';

export class ReportViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerClient) {
    // The file changed on disk: each open view of it is read again.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf,DOCX,PDF}');
    const refresh = (file: vscode.Uri) => {
      const view = viewUriOf(file);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) this.changed.fire(view);
    };
    this.subscriptions.push(watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh), this.changed);
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void asReport(d)));
    vscode.workspace.textDocuments.forEach((d) => void asReport(d));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const file = fileUriOfView(uri.toString());
    if (!file) return '';
    const client = await this.server.start();
    const answer = await client.sendRequest(REPORT_VIEW, { uri: file }, token);
    return answer?.text ?? '';
  }

  dispose(): void { this.subscriptions.forEach((s) => s.dispose()); }
}

/** The report view URI of a file. */
export const viewUriOf = (file: vscode.Uri): vscode.Uri => file.with({ scheme: VIEW_SCHEME });

/** A report view opened any way (a finding clicked in Problems, the Report checks view) is shown as a report. */
async function asReport(doc: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (doc.uri.scheme !== VIEW_SCHEME || doc.languageId === LANGUAGE_ID) return doc;
  return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

const isViewable = (uri: vscode.Uri | undefined): uri is vscode.Uri =>
  !!uri && uri.scheme === 'file' && VIEW_EXTENSIONS.some((ext) => uri.path.toLowerCase().endsWith(ext));

/** Opens the report view of a Word or PDF file: the one clicked in the Explorer, else one picked. */
export async function openReportView(resource?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  let file = isViewable(resource) ? resource : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Open report view'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Word or PDF report')]: VIEW_EXTENSIONS.map((e) => e.slice(1)) },
    });
    file = picked?.[0];
    if (!file) return undefined;
  }
  const doc = await asReport(await vscode.workspace.openTextDocument(viewUriOf(file)));
  return vscode.window.showTextDocument(doc, { preview: false });
}
