// Switches a plain-text or markdown document to govreport when its content looks like a report.
import * as vscode from 'vscode';
import { DETECTION_PREFIX, looksLikeReport } from '../../server/src/protocol/detection';
import { LANGUAGE_ID } from '../../server/src/protocol';

const CANDIDATES = new Set(['plaintext', 'markdown']);

export class LanguageDetection implements vscode.Disposable {
  /** Each document is looked at once, so a user who switches back to plain text is not overruled. */
  private readonly examined = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => this.consider(d)));
    vscode.workspace.textDocuments.forEach((d) => this.consider(d));
  }

  private consider(doc: vscode.TextDocument): void {
    if (!CANDIDATES.has(doc.languageId)) return;
    const key = doc.uri.toString();
    if (this.examined.has(key)) return;
    this.examined.add(key);
    if (!vscode.workspace.getConfiguration('govreport', doc).get<boolean>('detectLanguage', true)) return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 4000), 0)).slice(0, DETECTION_PREFIX);
    if (looksLikeReport(head)) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }

  dispose(): void { this.subscriptions.forEach((s) => s.dispose()); }
}
