// The language status item: the template year detected and when the report was last checked.
import * as vscode from 'vscode';
import { LANGUAGE_ID, type CheckSummary } from '../../server/src/protocol';
import { templateText } from './reportTree';

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('govreport.status', { language: LANGUAGE_ID });
  private readonly summaries = new Map<string, CheckSummary>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = vscode.l10n.t('Report check');
    this.item.text = vscode.l10n.t('Not checked yet');
    this.item.command = { title: vscode.l10n.t('Re-check'), command: 'govreport.recheck' };
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(summary: CheckSummary): void {
    this.summaries.set(summary.uri, summary);
    this.render();
  }

  /** The summary of the active editor's document. */
  active(): CheckSummary | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc ? this.summaries.get(doc.uri.toString()) : undefined;
  }

  private render(): void {
    const s = this.active();
    if (!s) return;
    const time = new Date(s.checkedAt).toLocaleTimeString();
    if (s.skipped) {
      this.item.text = vscode.l10n.t('Not checked (file too large)');
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    this.item.text = `${s.counts.error ? '$(error)' : '$(check)'} ${templateText(s)}`;
    this.item.detail = vscode.l10n.t('checked at {0} in {1} ms', time, s.durationMs);
    this.item.severity = s.counts.error ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
