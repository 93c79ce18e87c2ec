// The server's life: initialize (what the client can do, the capabilities the features add), the documents
// opened, edited, saved and closed, settings and watched files, the workspace folders, the report list and the
// recheck command, warm-up after start and shutdown.
import { DidChangeConfigurationNotification, ResponseError, TextDocumentSyncKind, type CancellationToken, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import { warmUpSteps } from '../engine';
import { DISABLE_RULE_COMMAND, RECHECK, REPORT_LIST, type CheckSummary, type InitializationOptions, type NoParams } from '../protocol';
import { guardedDocumentConnection, isObject } from './guard';
import { isRcUri } from './rcDiagnostics';
import { unlessCancelled } from './requests';
import { initializationLocale } from './settings';
import type { ClientOptions, Feature, Services } from './services';

/** Checks of each warm-up report after start: ≈ 0.5 s of work in all, done while someone reads the report just opened. */
const WARM_UP_ROUNDS = 100;

/** Registers the server's own handlers and the features', then listens. */
export function serve(connection: Connection, services: Services, features: Feature[]): void {
  connection.onInitialize((params) => initialize(params, services, features));
  connection.onInitialized(() => initialized(connection, services));
  registerDocuments(services);
  registerWatching(connection, services);
  registerReports(connection, services);
  for (const feature of features) feature.register(connection, services);
  connection.onShutdown(() => services.analyses.dispose());
  services.documents.listen(guardedDocumentConnection(connection, (m) => connection.console.warn(m)));
  connection.listen();
}

/** What the client can do, read defensively: a client that sends odd values gets a server with the features it can use. */
function readClient(params: InitializeParams, client: ClientOptions): void {
  const options = (isObject(params.initializationOptions) ? params.initializationOptions : {}) as InitializationOptions;
  const ws = (isObject(params.capabilities) && isObject(params.capabilities.workspace) ? params.capabilities.workspace : {}) as NonNullable<typeof params.capabilities.workspace>;
  client.locale = initializationLocale({ locale: typeof options.locale === 'string' ? options.locale : undefined }, typeof params.locale === 'string' ? params.locale : undefined);
  client.canPullSettings = !!ws.configuration;
  client.canRegisterConfiguration = !!(isObject(ws.didChangeConfiguration) && ws.didChangeConfiguration.dynamicRegistration);
  client.versionedEdits = !!(isObject(ws.workspaceEdit) && ws.workspaceEdit.documentChanges);
  client.canDisableRule = Array.isArray(options.clientCommands) && options.clientCommands.includes(DISABLE_RULE_COMMAND);
  client.hasFolderEvents = !!ws.workspaceFolders;
  client.folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.filter((f) => isObject(f) && typeof f.uri === 'string') : null;
}

function initialize(params: InitializeParams, services: Services, features: Feature[]): InitializeResult {
  const { client, workspace } = services;
  readClient(params, client);
  workspace.setFolders(client.folders as Parameters<typeof workspace.setFolders>[0]);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...Object.assign({}, ...features.map((f) => f.capabilities?.(client) ?? {})) as ServerCapabilities,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'govreport', version: typeof __VERSION__ === 'string' ? __VERSION__ : undefined },
  };
}

async function initialized(connection: Connection, services: Services): Promise<void> {
  const { client, workspace, rcDiagnostics, settings } = services;
  if (client.canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (client.hasFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      if (!isObject(e) || !Array.isArray(e.added) || !Array.isArray(e.removed)) return;
      const ok = (f: unknown): f is { uri: string; name: string } => isObject(f) && typeof f.uri === 'string';
      workspace.addRemoveFolders(e.added.filter(ok), e.removed.filter(ok));
      const removed = new Set(e.removed.filter(ok).map((f) => f.uri));
      client.folders = [...(client.folders ?? []).filter((f) => !removed.has(f.uri)), ...e.added.filter(ok)];
      void rcDiagnostics.checkFolders(services.folderPaths());
      if (workspace.isEnabled) void workspace.scan();
    });
  }
  void rcDiagnostics.checkFolders(services.folderPaths());
  warmUp();
  const raw = await settings.raw();
  if (raw.workspace.enable) await workspace.setEnabled(true);
}

/**
 * The first checks of a session ran while the engine's code was still being compiled (40–75 ms for the first
 * edits of a 10 KB report against 2–3 ms later): generated reports are checked first, one a turn of the event
 * loop, so that requests arriving meanwhile are served between them.
 */
function warmUp(): void {
  const steps = warmUpSteps(WARM_UP_ROUNDS);
  let done = 0;
  const next = (): void => {
    if (done === steps.length) return;
    try { steps[done++](); } catch { return; } // a warm-up is no reason to fail anything
    setImmediate(next);
  };
  setImmediate(next);
}

/** Open documents are checked at once, edits after the debounce; a .govreportrc.json open in the editor is validated as it is typed. */
function registerDocuments({ documents, diagnostics, rcDiagnostics, settings, refreshAll }: Services): void {
  // The change event that follows every open is not an edit: the open is checked at once.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document: doc }) => {
    if (isRcUri(doc.uri)) { rcDiagnostics.opened(doc.uri, doc.getText()); return; }
    justOpened.add(doc.uri);
    void diagnostics.checkNow(doc.uri);
  });
  documents.onDidChangeContent(({ document: doc }) => {
    if (isRcUri(doc.uri)) { if (!justOpened.has(doc.uri)) rcDiagnostics.opened(doc.uri, doc.getText()); return; }
    if (justOpened.delete(doc.uri)) return;
    void diagnostics.changed(doc);
  });
  documents.onDidSave(({ document: doc }) => { if (isRcUri(doc.uri)) void refreshAll(); else void diagnostics.checkNow(doc.uri); });
  documents.onDidClose(({ document: doc }) => {
    if (isRcUri(doc.uri)) { void rcDiagnostics.closed(doc.uri); return; }
    justOpened.delete(doc.uri); settings.forget(doc.uri); diagnostics.closed(doc.uri);
  });
}

/** Settings pushed by the client and files changed on disk (rc files, workspace reports). */
function registerWatching(connection: Connection, { rcDiagnostics, workspace, refreshAll }: Services): void {
  connection.onDidChangeConfiguration((change) => void refreshAll(isObject(change) ? change.settings : undefined));
  connection.onDidChangeWatchedFiles((e) => {
    const changes = isObject(e) && Array.isArray(e.changes) ? e.changes.filter((c) => isObject(c) && typeof c.uri === 'string') : [];
    const rc = changes.filter((c) => isRcUri(c.uri));
    for (const c of rc) void rcDiagnostics.checkFile(c.uri);
    if (rc.length) void refreshAll();
    else if (changes.length) void workspace.filesChanged(changes);
  });
}

/** Every report the server has checked (the Report checks view), and a recheck of everything. */
function registerReports(connection: Connection, services: Services): void {
  const { documents, reports, analyses, workspace } = services;
  connection.onRequest(REPORT_LIST, async (_params: NoParams, token: CancellationToken) => {
    const out: CheckSummary[] = [];
    for (const doc of documents.all()) {
      if (!reports.isOurs(doc)) continue;
      const s = await unlessCancelled(reports.summaryOf(doc), token);
      if (s instanceof ResponseError) return s;
      if (s) out.push(s);
    }
    for (const uri of workspace.uris()) {
      const r = documents.get(uri) ? undefined : analyses.record(uri);
      if (r) out.push(r.summary);
    }
    return out;
  });
  connection.onRequest(RECHECK, async () => {
    analyses.clear();
    await services.refreshAll();
    return null;
  });
}

declare const __VERSION__: string | undefined;
