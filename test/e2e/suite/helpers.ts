// Shared helpers of the end-to-end suite. Nothing here sleeps for a fixed time:
// every wait is on a VS Code event (diagnostics changed, document opened) with a
// timeout that fails the test with what was seen instead.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'govreport.govreport';
export const LANGUAGE_ID = 'govreport';
export const SOURCE = 'govreport';

/** How long one check may take to show up (server start included). */
export const CHECK_TIMEOUT_MS = 30000;

/** True when the checker talks Chinese (vscode.env.language zh-*), as on a Chinese VS Code. */
export const zh = /^zh\b/i.test(vscode.env.language);

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (expected a copy of test/e2e/workspace)');
  return folder;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** Names of the files in a workspace sub-folder, sorted. */
export async function filesIn(relativeDir: string, suffix = '.txt'): Promise<string[]> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(wsUri(relativeDir));
  } catch {
    return [];
  }
  return entries.filter(([n, t]) => t === vscode.FileType.File && n.endsWith(suffix)).map(([n]) => n).sort();
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

// ------------------------------------------------------------ diagnostics --
// Every diagnostics change is counted per URI from the moment this module loads,
// so a test can wait for "the server has published for this document since X"
// even when the result is an empty list (a clean report).
const published = new Map<string, number>();
/** GOVREPORT_E2E_TRACE=1 logs every diagnostics change. */
const trace = process.env.GOVREPORT_E2E_TRACE === '1';
/** How many govreport diagnostics each publication carried, per URI (for failure messages). */
const history = new Map<string, number[]>();
vscode.languages.onDidChangeDiagnostics((e) => {
  for (const uri of e.uris) {
    const key = uri.toString();
    published.set(key, (published.get(key) ?? 0) + 1);
    history.set(key, [...(history.get(key) ?? []), ours(uri).length].slice(-20));
    if (trace) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      console.log(`E2E-LOG   [diagnostics] ${vscode.workspace.asRelativePath(uri)} #${published.get(key)}: ${ours(uri).length} (${doc ? `${doc.languageId} v${doc.version}` : 'not open'})`);
    }
  }
});

export function publishCount(uri: vscode.Uri): number {
  return published.get(uri.toString()) ?? 0;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with `value()` once `ready()` holds, re-evaluated on each `event`;
 * rejects after `timeoutMs` with `describe()` in the message.
 */
export function waitUntil<T>(
  event: vscode.Event<unknown>,
  ready: () => boolean,
  value: () => T,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  if (ready()) return Promise.resolve(value());
  return new Promise<T>((resolve, reject) => {
    const sub = event(() => {
      try {
        if (!ready()) return;
      } catch (e) {
        done();
        reject(e);
        return;
      }
      done();
      resolve(value());
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
  });
}

/**
 * Waits until the diagnostics of `uri` have been published after the count `since`
 * (from publishCount) and satisfy `predicate`; returns the govreport ones.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean = () => true,
  since = -1,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitUntil(
    vscode.languages.onDidChangeDiagnostics,
    () => publishCount(uri) > since && predicate(ours(uri)),
    () => ours(uri),
    timeoutMs,
    () => `diagnostics of ${vscode.workspace.asRelativePath(uri)} (published ${publishCount(uri)}× [${history.get(uri.toString())?.join(', ') ?? ''} diagnostics], waited for more than ${since}): ${summarize(ours(uri)).join('; ') || 'none'}`,
  );
}

/** Waits until a document with this URI is open with the given language. */
export function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<vscode.TextDocument> {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return waitUntil(
    vscode.workspace.onDidOpenTextDocument,
    () => find()?.languageId === languageId,
    () => find()!,
    timeoutMs,
    () => `${vscode.workspace.asRelativePath(uri)} has language ${find()?.languageId ?? '(not open)'}, expected ${languageId}`,
  );
}

export interface Checked {
  doc: vscode.TextDocument;
  editor: vscode.TextEditor;
  diagnostics: vscode.Diagnostic[];
}

/**
 * The checker's diagnostics of an open govreport document once the check of its current text has
 * been published.
 *
 * vscode.languages.onDidChangeDiagnostics also fires for changes that are not the checker's (the
 * workbench forwards every marker change of the file, before and after each publication), so an
 * event alone does not say "checked", least of all for a clean report whose result is an empty
 * list. Two things do:
 *   - `until`: the diagnostics reach the expected state (waited for on the event, with a timeout);
 *   - a request about the document: the server answers it only after taking in the opening and
 *     edits sent before it, and it sends the result of a check before answering requests that
 *     came in after the check started (both wait for the same analysis), so once
 *     vscode.executeDocumentSymbolProvider has answered, the diagnostics of that version are in
 *     (see reportSymbols: the first document of a session starts the server).
 */
export async function checkedDiagnostics(uri: vscode.Uri, until?: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = CHECK_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  if (until) return waitForDiagnostics(uri, until, -1, timeoutMs);
  await reportSymbols(uri, timeoutMs);
  return ours(uri);
}

/**
 * The document symbols of an open report, once the server answers for it. The extension starts the server
 * when the first report opens, and its providers are registered only when it has started: until then the
 * command answers undefined, as it does for an empty list, so it is asked again (a report always has
 * symbols).
 */
export async function reportSymbols(uri: vscode.Uri, timeoutMs = CHECK_TIMEOUT_MS): Promise<vscode.DocumentSymbol[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    if (symbols?.length) return symbols;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: no document symbols for ${vscode.workspace.asRelativePath(uri)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Checked {
  doc: vscode.TextDocument;
  editor: vscode.TextEditor;
  diagnostics: vscode.Diagnostic[];
}

/**
 * Opens a workspace file in an editor and waits until it is in language `govreport` (switched by
 * content detection when the file opened as plain text) and checked; see checkedDiagnostics.
 */
export async function openChecked(relative: string, until?: (ds: vscode.Diagnostic[]) => boolean): Promise<Checked> {
  await activateExtension();
  const uri = wsUri(relative);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANGUAGE_ID) doc = await waitForLanguage(uri, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const diagnostics = await checkedDiagnostics(uri, until);
  return { doc: editor.document, editor, diagnostics };
}

// ------------------------------------------------------------- formatting --
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export function severityName(s: vscode.DiagnosticSeverity): SeverityName {
  return SEVERITY_NAMES[s];
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/** 1-based line:column, as the editor's status bar and the CLI show them. */
export function at(p: vscode.Position): string {
  return `${p.line + 1}:${p.character + 1}`;
}

export function summarize(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${at(d.range.start)}-${at(d.range.end)} ${severityName(d.severity)} ${codeOf(d)}`);
}

/** Sorts diagnostics by position, then code. */
export function byPosition(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return [...ds].sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b)));
}

/** Plain text of hover contents (markdown or strings). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/** Position of the `nth` (0-based) occurrence of `needle` on 1-based line `line`, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, line: number, needle: string, nth = 0, offset = 0): vscode.Position {
  const text = doc.lineAt(line - 1).text;
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `line ${line} has no ${k > 0 ? `${k + 1}th ` : ''}${JSON.stringify(needle)}: ${JSON.stringify(text)}`);
  }
  return new vscode.Position(line - 1, i + offset);
}

/** Reverts every changed document to its file and closes every editor. */
export async function closeAllWithoutSaving(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!doc.isDirty, `${vscode.workspace.asRelativePath(doc.uri)} could not be reverted`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Copies a workspace file to `destDir` (same file name, so a report name stays a report name) and
 * returns the copy's workspace path: tests that edit a document work on a copy of their own.
 */
export async function copyInWorkspace(relative: string, destDir: string): Promise<string> {
  const name = relative.split('/').pop()!;
  const dest = `${destDir}/${name}`;
  await vscode.workspace.fs.writeFile(wsUri(dest), await vscode.workspace.fs.readFile(wsUri(relative)));
  return dest;
}

/** Applies a code action's edit (and its command, if any), asserting the edit was applied. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
