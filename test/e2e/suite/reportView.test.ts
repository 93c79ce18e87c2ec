// The "Report checks" view (govreport.reportChecks).
//
// The extension exports no API, and VS Code gives no extension access to another's tree view, so
// the entries of the view itself are read from the screen by the UI check (scripts/e2e/ui-check.mjs).
// Here the view's own tree data provider (client/src/reportTree.ts) is run against a second
// instance of the real language server (dist/server.js, started by a language client of this
// test whose diagnostics and editor features are switched off, so the editor sees no duplicates),
// with the same reports open, and its entries are checked item by item.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';
import { ReportTree } from '../../../client/src/reportTree';
import { FAULTY_SAMPLE } from './expected';
import { activateExtension, closeAllWithoutSaving, openChecked, zh } from './helpers';

type Node = Parameters<ReportTree['getTreeItem']>[0];

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** The report entry (top level) of a document, found by its URI. */
function reportNode(tree: ReportTree, roots: Node[], uri: vscode.Uri): Node {
  const hit = roots.find((n) => n.kind === 'report' && n.summary.uri === uri.toString());
  assert.ok(hit, `${vscode.workspace.asRelativePath(uri)} is not in the view: ${roots.map((n) => label(tree.getTreeItem(n))).join(' | ')}`);
  return hit;
}

function icon(item: vscode.TreeItem): string {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
}

suite('Report checks view', () => {
  let client: LanguageClient | undefined;
  let tree: ReportTree;

  suiteSetup(async () => {
    const ext = await activateExtension();
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'govreport' }],
      initializationOptions: { locale: vscode.env.language, clientCommands: [] },
      middleware: {
        handleDiagnostics: () => undefined,
        provideHover: () => undefined,
        provideDocumentSymbols: () => undefined,
        provideCodeActions: () => undefined,
        provideFoldingRanges: () => undefined,
      },
    };
    const module = vscode.Uri.joinPath(ext.extensionUri, 'dist', 'server.js').fsPath;
    client = new LanguageClient('govreport-e2e-tree', 'govreport (e2e tree)', { module, transport: TransportKind.ipc }, clientOptions);
    await client.start();
    const started = client;
    tree = new ReportTree(async () => started);
  });

  suiteTeardown(async () => {
    await client?.stop();
    await closeAllWithoutSaving();
  });

  test('the view is registered in the Explorer and can be focused', async () => {
    await openChecked(FAULTY_SAMPLE);
    await vscode.commands.executeCommand('govreport.reportChecks.focus');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('lists each open report with its counts, sections, tables and relations', async () => {
    const faultyDoc = (await openChecked(FAULTY_SAMPLE)).doc;
    const seed001 = (await openChecked('reports/001_f11dda0cfbad3174.txt')).doc;
    const seed003 = (await openChecked('reports/003_da7f200eb5fd91c5.txt')).doc;

    const roots = await tree.getChildren();
    const faulty = reportNode(tree, roots, faultyDoc.uri);
    const faultyItem = tree.getTreeItem(faulty);
    assert.strictEqual(label(faultyItem), '示例街道办事处2022年政府信息公开工作年度报告', 'the report title');
    assert.strictEqual(faultyItem.description, zh ? '7 个错误，4 个警告' : '7 errors, 4 warnings');
    assert.strictEqual(icon(faultyItem), 'error');
    assert.strictEqual(faultyItem.command?.command, 'govreport.reveal');

    const warningsOnly = tree.getTreeItem(reportNode(tree, roots, seed001.uri));
    assert.strictEqual(warningsOnly.description, zh ? '6 个警告' : '6 warnings');
    assert.strictEqual(icon(warningsOnly), 'warning');
    const clean = tree.getTreeItem(reportNode(tree, roots, seed003.uri));
    assert.strictEqual(clean.description, '✓');
    assert.strictEqual(icon(clean), 'pass');
    assert.match(String(clean.tooltip), zh ? /2019 模板/ : /2019 template/);

    // Sections of the faulty sample: the six of them, in order.
    const sections = await tree.getChildren(faulty);
    const sectionItems = sections.map((n) => tree.getTreeItem(n));
    assert.strictEqual(sectionItems.length, 6, sectionItems.map(label).join(' | '));
    assert.match(label(sectionItems[2]), /收到和处理政府信息公开申请情况/);
    assert.strictEqual(sectionItems[2].description, zh ? '标题不规范' : 'non-standard heading'); // 3、收到和处理…

    // Section 3 → its table → the relation groups R1–R4, with the broken ones marked ✗.
    const [table] = await tree.getChildren(sections[2]);
    const tableItem = tree.getTreeItem(table);
    assert.strictEqual(icon(tableItem), 'table');
    assert.match(String(tableItem.description), /^✗ \d+\/\d+$/);
    const groups = await tree.getChildren(table);
    const groupItems = groups.map((n) => tree.getTreeItem(n));
    assert.deepStrictEqual(groupItems.map((g) => label(g).slice(0, 2)), ['R1', 'R2', 'R3']);
    for (const g of groupItems) assert.match(String(g.description), /^✗ \d+\/\d+$/, `${label(g)} has a broken relation in the faulty sample`);

    // R3 (row totals): the broken ones first, each revealing its cell.
    const r3 = await tree.getChildren(groups[2]);
    const r3Items = r3.map((n: Node) => tree.getTreeItem(n));
    assert.ok(label(r3Items[0]).startsWith('✗ '), label(r3Items[0]));
    assert.ok(r3Items.some((i) => label(i).startsWith('✓ ')));
    assert.strictEqual(r3Items[0].command?.command, 'govreport.reveal');
    assert.match(String(r3Items[0].tooltip), zh ? /表中为 \d+，应为 \d+/ : /the table says \d+, expected \d+/);

    // Section 4 → the review/litigation table → R4 broken (行政复议 总计 3 ≠ 2).
    const [reviewTable] = await tree.getChildren(sections[3]);
    const reviewGroups = (await tree.getChildren(reviewTable)).map((n) => tree.getTreeItem(n));
    const r4 = reviewGroups.find((g) => label(g).startsWith('R4'));
    assert.ok(r4, reviewGroups.map(label).join(' | '));
    assert.match(String(r4.description), /^✗ /);
  });

  test('clicking an entry reveals its range (govreport.reveal)', async () => {
    const { doc } = await openChecked(FAULTY_SAMPLE);
    const faulty = reportNode(tree, await tree.getChildren(), doc.uri);
    const sections = await tree.getChildren(faulty);
    const command = tree.getTreeItem(sections[3]).command!;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor after reveal');
    assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /行政复议.*行政诉讼/);
  });
});
