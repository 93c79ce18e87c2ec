// The govreport language server: thin LSP wiring over the features. Runs in VS Code over IPC and
// standalone with `node dist/server.js --stdio`.
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, LSPErrorCodes, ProposedFeatures, ResponseError,
  TextDocuments, TextDocumentSyncKind, type CancellationToken, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, reportSkeleton, type Locale } from './engine';
import { RC_FILE } from './node/rcfile';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { DiagnosticsService, isOurs, summarize } from './features/diagnostics';
import { DocumentCache, type Analysis } from './features/documentCache';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { reportOutline } from './features/outline';
import { DISABLE_RULE_COMMAND, NEW_REPORT, RECHECK, REPORT_LIST, REPORT_OUTLINE, type InitializationOptions, type NewReportParams, type UriParams } from './features/protocol';
import { initializationLocale, SettingsStore } from './features/settings';
import { documentSymbols } from './features/symbols';
import { WorkspaceReports } from './features/workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new DocumentCache();

let locale: Locale = 'en';
let canPullSettings = false;
let canRegisterConfiguration = false;
let versionedEdits = false;
let canDisableRule = false;
let hasFolderEvents = false;

const settings = new SettingsStore(connection, () => canPullSettings);
const workspace: WorkspaceReports = new WorkspaceReports({
  isOpen: (uri) => documents.get(uri) !== undefined,
  check: (uri) => diagnostics.checkNow(uri),
  clear: (uri) => diagnostics.clear(uri),
  log: (m) => connection.console.warn(m),
  maxFileSizeBytes: async () => (await settings.raw()).maxFileSize * 1024 * 1024,
});
const diagnostics = new DiagnosticsService({
  connection, documents, cache, settings, locale: () => locale, diskSource: (uri) => workspace.source(uri),
});

connection.onInitialize((params): InitializeResult => {
  const options = params.initializationOptions as InitializationOptions | undefined;
  locale = initializationLocale(options, params.locale);
  canPullSettings = !!params.capabilities.workspace?.configuration;
  canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  canDisableRule = !!options?.clientCommands?.includes(DISABLE_RULE_COMMAND);
  hasFolderEvents = !!params.capabilities.workspace?.workspaceFolders;
  workspace.setFolders(params.workspaceFolders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      documentSymbolProvider: { label: locale === 'en' ? 'Report' : '年报' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'govreport', version: typeof __VERSION__ === 'string' ? __VERSION__ : undefined },
  };
});

connection.onInitialized(async () => {
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (hasFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspace.addRemoveFolders(e.added, e.removed);
      if (workspace.isEnabled) void workspace.scan();
    });
  }
  const raw = await settings.raw();
  if (raw.workspace.enable) await workspace.setEnabled(true);
});

// The change event that follows every open is not an edit: the open is checked at once.
const justOpened = new Set<string>();
documents.onDidOpen((e) => { justOpened.add(e.document.uri); void diagnostics.checkNow(e.document.uri); });
documents.onDidChangeContent((e) => {
  if (justOpened.delete(e.document.uri)) return;
  void diagnostics.changed(e.document);
});
documents.onDidSave((e) => void diagnostics.checkNow(e.document.uri));
documents.onDidClose((e) => { justOpened.delete(e.document.uri); settings.forget(e.document.uri); diagnostics.closed(e.document.uri); });

async function refreshAll(pushed?: unknown): Promise<void> {
  settings.invalidate(pushed);
  const raw = await settings.raw();
  await diagnostics.recheckOpen();
  if (raw.workspace.enable !== workspace.isEnabled) await workspace.setEnabled(raw.workspace.enable);
  else if (workspace.isEnabled) await workspace.scan();
}

connection.onDidChangeConfiguration((change) => void refreshAll(change.settings));
connection.onDidChangeWatchedFiles((e) => {
  if (e.changes.some((c) => c.uri.endsWith(`/${RC_FILE}`))) void refreshAll();
  else void workspace.filesChanged(e.changes);
});

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** The current analysis of an open document (shared with diagnostics), honouring cancellation. */
async function analysisOf(uri: string, token: CancellationToken): Promise<Analysis | null | ResponseError<void>> {
  const doc = documents.get(uri);
  if (!doc || !isOurs(doc)) return null;
  const analysis = await diagnostics.analyzeDocument(doc);
  if (token.isCancellationRequested) return cancelled();
  return analysis;
}

connection.onHover(async (params, token) => {
  const a = await analysisOf(params.textDocument.uri, token);
  if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
  const offset = offsetAt(a.model.lineStarts, a.model.text.length, params.position);
  return hoverAt({ model: a.model, relations: a.relations, offset, locale });
});

connection.onDocumentSymbol(async (params, token) => {
  const a = await analysisOf(params.textDocument.uri, token);
  if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
  return documentSymbols(a.model, locale);
});

connection.onFoldingRanges(async (params, token) => {
  const a = await analysisOf(params.textDocument.uri, token);
  if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
  return foldingRanges(documentSymbols(a.model, locale));
});

connection.onCodeAction(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  const a = await analysisOf(params.textDocument.uri, token);
  if (!doc || !a || a instanceof ResponseError) return a instanceof ResponseError ? a : null;
  return codeActions({ analysis: a, version: doc.version, context: params.context, locale, versionedEdits, canDisableRule });
});

connection.onRequest(REPORT_OUTLINE, async (params: UriParams, token: CancellationToken) => {
  const a = await analysisOf(params.uri, token);
  if (a instanceof ResponseError) return a;
  const analysis = a ?? cache.last(params.uri);
  return analysis ? reportOutline(analysis, locale) : null;
});

connection.onRequest(REPORT_LIST, async (_params: unknown, token: CancellationToken) => {
  const out = [];
  for (const doc of documents.all()) {
    if (!isOurs(doc)) continue;
    const a = await diagnostics.analyzeDocument(doc);
    if (token.isCancellationRequested) return cancelled();
    if (a) out.push(summarize(a));
  }
  for (const uri of workspace.uris()) {
    const a = documents.get(uri) ? undefined : cache.last(uri);
    if (a) out.push(summarize(a));
  }
  return out;
});

connection.onRequest(RECHECK, async () => {
  cache.clear();
  await refreshAll();
  return null;
});

connection.onRequest(NEW_REPORT, (params: NewReportParams) =>
  reportSkeleton(params.templateYear === 2019 ? 2019 : 2021, params.reportYear, params.agency || undefined, params.eol ?? '\n'));

documents.listen(connection);
connection.listen();

declare const __VERSION__: string | undefined;
