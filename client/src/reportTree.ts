// The Explorer view "年报检查 / Report checks": each report with its sections, tables and a ✓/✗ for
// every relation R1–R4; clicking an entry reveals it in the editor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  REPORT_LIST, REPORT_OUTLINE, type CheckSummary, type RelationOutline, type ReportOutline, type SectionOutline, type TableOutline,
} from '../../server/src/protocol';

export const VIEW_ID = 'govreport.reportChecks';
export const REVEAL_COMMAND = 'govreport.reveal';

type Node =
  | { kind: 'report'; summary: CheckSummary }
  | { kind: 'section'; uri: string; section: SectionOutline }
  | { kind: 'missing'; uri: string; name: string }
  | { kind: 'table'; uri: string; table: TableOutline }
  | { kind: 'relations'; uri: string; id: RelationOutline['id']; items: RelationOutline[] }
  | { kind: 'relation'; uri: string; relation: RelationOutline };

const RELATION_NAMES: Record<RelationOutline['id'], () => [label: string, tooltip: string]> = {
  R1: () => [vscode.l10n.t('R1 balance'), vscode.l10n.t('R1 balance: new + carried over = total handled + carried to next year')],
  R2: () => [vscode.l10n.t('R2 column totals'), vscode.l10n.t('R2 column totals: (7) total = sum of the outcomes')],
  R3: () => [vscode.l10n.t('R3 row totals'), vscode.l10n.t('R3 row totals: total = sum of the applicant columns')],
  R4: () => [vscode.l10n.t('R4 review totals'), vscode.l10n.t('R4 review totals: total = upheld + corrected + other + pending')],
};

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export class ReportTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly outlines = new Map<string, Promise<ReportOutline | null>>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => Promise<LanguageClient>) {}

  /** A report was checked again: drop its outline and redraw (batched). */
  invalidate(uri?: string): void {
    if (uri) this.outlines.delete(uri); else this.outlines.clear();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 250);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const client = await this.client();
      const list = (await client.sendRequest(REPORT_LIST, {})) ?? [];
      return list.filter((s) => s.isReport || s.skipped).sort((a, b) => a.uri.localeCompare(b.uri)).map((summary) => ({ kind: 'report', summary }));
    }
    switch (node.kind) {
      case 'report': {
        const outline = await this.outline(node.summary.uri);
        if (!outline) return [];
        const uri = outline.uri;
        return [
          ...outline.sections.map((section): Node => ({ kind: 'section', uri, section })),
          ...outline.looseTables.map((table): Node => ({ kind: 'table', uri, table })),
          ...outline.missingSections.map((m): Node => ({ kind: 'missing', uri, name: m.name })),
        ];
      }
      case 'section': return node.section.tables.map((table) => ({ kind: 'table', uri: node.uri, table }));
      case 'table': {
        const ids = [...new Set(node.table.relations.map((r) => r.id))].sort();
        return ids.map((id) => ({ kind: 'relations', uri: node.uri, id, items: node.table.relations.filter((r) => r.id === id) }));
      }
      case 'relations': return [...node.items].sort((a, b) => Number(a.ok) - Number(b.ok)).map((relation) => ({ kind: 'relation', uri: node.uri, relation }));
      default: return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'report': {
        const s = node.summary;
        const uri = vscode.Uri.parse(s.uri);
        const item = new vscode.TreeItem(s.title ?? uri.path.split('/').pop() ?? s.uri, C.Collapsed);
        item.resourceUri = uri;
        item.id = s.uri;
        item.description = s.skipped ? vscode.l10n.t('not checked (too large)') : countsText(s);
        item.tooltip = `${uri.fsPath || s.uri}\n${templateText(s)}`;
        item.iconPath = new vscode.ThemeIcon(s.counts.error ? 'error' : s.counts.warning ? 'warning' : 'pass');
        item.command = reveal(s.uri);
        item.contextValue = 'report';
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.name, node.section.tables.length ? C.Expanded : C.None);
        item.id = `${node.uri}#s${node.section.id}`;
        item.description = node.section.standard ? undefined : vscode.l10n.t('non-standard heading');
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.command = reveal(node.uri, node.section.selectionRange);
        return item;
      }
      case 'missing': {
        const item = new vscode.TreeItem(`✗ ${node.name}`, C.None);
        item.description = vscode.l10n.t('missing');
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
      case 'table': {
        const bad = node.table.relations.filter((r) => !r.ok).length;
        const total = node.table.relations.length;
        const item = new vscode.TreeItem(node.table.name, total ? C.Collapsed : C.None);
        item.id = `${node.uri}#t${node.table.id}`;
        item.description = total ? `${mark(bad === 0)} ${total - bad}/${total}` : node.table.variant;
        item.iconPath = new vscode.ThemeIcon('table');
        item.command = reveal(node.uri, node.table.range);
        return item;
      }
      case 'relations': {
        const bad = node.items.filter((r) => !r.ok).length;
        const [label, tooltip] = RELATION_NAMES[node.id]();
        const item = new vscode.TreeItem(label, bad ? C.Expanded : C.Collapsed);
        item.tooltip = tooltip;
        item.description = `${mark(bad === 0)} ${node.items.length - bad}/${node.items.length}`;
        return item;
      }
      case 'relation': {
        const r = node.relation;
        const item = new vscode.TreeItem(`${mark(r.ok)} ${r.label}`, C.None);
        item.tooltip = r.ok ? `${r.id} ✓ ${r.actual}` : vscode.l10n.t('{0}: the table says {1}, expected {2}', r.id, r.actual, r.expected);
        item.command = reveal(node.uri, r.range);
        return item;
      }
    }
  }

  private outline(uri: string): Promise<ReportOutline | null> {
    let hit = this.outlines.get(uri);
    if (!hit) {
      hit = this.client().then((c) => c.sendRequest(REPORT_OUTLINE, { uri }));
      this.outlines.set(uri, hit);
    }
    return hit;
  }
}

export function countsText(s: CheckSummary): string {
  const { error, warning, information, hint } = s.counts;
  const other = warning + information + hint;
  if (!error && !other) return '✓';
  if (!error) return vscode.l10n.t('{0} warnings', other);
  if (!other) return vscode.l10n.t('{0} errors', error);
  return vscode.l10n.t('{0} errors, {1} warnings', error, other);
}

export function templateText(s: CheckSummary): string {
  return s.templateYear ? vscode.l10n.t('{0} template', s.templateYear) : vscode.l10n.t('template not detected');
}

function reveal(uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Command {
  return { title: vscode.l10n.t('Reveal'), command: REVEAL_COMMAND, arguments: [uri, range] };
}
