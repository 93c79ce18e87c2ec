// The Reports summary: the same page as `govreport summary`, in a webview over the reports the language server
// holds. The page's script is the bundled dist/summary-page.js (a local resource, strict CSP with a nonce); its
// data comes from the server (SUMMARY_DATA) and is sent again, shortly after reports are checked, while shown.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PAGE_CSS } from '../../server/src/desk/pageStyle';
import type { OpenMessage } from '../../server/src/desk/pageData';
import { EXPORT_TABLES, SUMMARY_DATA, type ExportTablesParams } from '../../server/src/protocol';
import type { ServerClient } from './serverClient';

export const SUMMARY_COMMAND = 'govreport.summary';
export const EXPORT_COMMAND = 'govreport.exportTables';
const VIEW_TYPE = 'govreport.summary';
/** Checks come in bursts (a folder opened, typing): the page is refreshed once they settle. */
const REFRESH_DELAY_MS = 800;

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /** Waiting for the page to have data: resolved with the number of reports sent (what the command returns). */
  private waiting: ((reports: number) => void)[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly server: ServerClient) {}

  /** Shows the page; resolves once it has its data (the page's script ran and asked for it), with the number of reports. */
  show(): Promise<number> {
    const shown = new Promise<number>((resolve) => this.waiting.push(resolve));
    if (this.panel) {
      this.panel.reveal();
      if (this.ready) void this.send();
    } else {
      this.create();
      void offerWorkspaceMode();
    }
    return shown;
  }

  private create(): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Reports summary'), vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false,
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = html(panel.webview, vscode.Uri.joinPath(dist, 'summary-page.js'));
    panel.webview.onDidReceiveMessage((m: { type?: string }) => {
      if (m?.type === 'ready') { this.ready = true; void this.send(); }
      if (m?.type === 'open') void openAt(m as OpenMessage);
    });
    panel.onDidChangeViewState(() => { if (panel.visible) this.refreshSoon(); });
    panel.onDidDispose(() => { this.panel = undefined; clearTimeout(this.timer); });
  }

  /** A report was checked: the page is refreshed if it is open. */
  refreshSoon(): void {
    if (!this.panel || !this.ready) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), REFRESH_DELAY_MS);
  }

  private async send(): Promise<void> {
    const client = await this.server.start();
    const data = await client.sendRequest(SUMMARY_DATA, {});
    if (!this.panel || !(await this.panel.webview.postMessage({ type: 'data', data }))) return;
    for (const resolve of this.waiting.splice(0)) resolve(data.reports.length);
  }

  dispose(): void { this.panel?.dispose(); clearTimeout(this.timer); }
}

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${PAGE_CSS}</style></head>
<body><div id="app"></div><script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script></body></html>`;
}

/** The page names files by path (or by URI for a document not on disk). */
function uriOf(file: string): vscode.Uri {
  return /^[a-z][\w+.-]+:/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

async function openAt(m: OpenMessage): Promise<void> {
  if (typeof m.file !== 'string' || !Number.isInteger(m.line) || !Number.isInteger(m.character)) return;
  const position = new vscode.Position(Math.max(0, m.line), Math.max(0, m.character));
  await vscode.window.showTextDocument(uriOf(m.file), { selection: new vscode.Range(position, position), preview: false });
}

/**
 * The server holds the open reports, and every report in the folders only in workspace mode: with folders open and
 * that mode off, the summary offers to turn it on (the page then fills as the files are checked).
 */
async function offerWorkspaceMode(): Promise<void> {
  const config = vscode.workspace.getConfiguration('govreport');
  if (!vscode.workspace.workspaceFolders?.length || config.get<boolean>('workspace.enable')) return;
  const turnOn = vscode.l10n.t('Check every report in the folders');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('The summary shows the open reports. Check every report in the folders to see them all?'), turnOn);
  if (answer === turnOn) await config.update('workspace.enable', true, vscode.ConfigurationTarget.Workspace);
}

/** Export tables: every report's tables to an XLSX the user names; the server writes it. */
export async function exportTables(server: ServerClient): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export tables'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, vscode.l10n.t('reports-tables.xlsx')) : undefined,
    filters: { Excel: ['xlsx'] },
  });
  if (!target) return;
  const path = /\.xlsx$/i.test(target.fsPath) ? target.fsPath : `${target.fsPath}.xlsx`;
  const client = await server.start();
  try {
    const n = await client.sendRequest(EXPORT_TABLES, { path } satisfies ExportTablesParams);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} reports exported to {1}.', n, path));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the tables: {0}', (e as Error).message));
  }
}
