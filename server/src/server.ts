// The govreport language server: thin LSP wiring over the features. Runs in VS Code over IPC and
// standalone with `node dist/server.js --stdio`; the same file, started as a worker thread, checks large
// documents off the server thread (features/checkWorker.ts).
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, LSPErrorCodes, ProposedFeatures, ResponseError,
  TextDocuments, TextDocumentSyncKind, type CancellationToken, type InitializeResult, type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_LIMITS } from './formats/types';
import { offsetAt, reportSkeleton, warmUpSteps, type Locale, type ReportModel } from './engine';
import { lineEnd } from './engine/text';
import { Analyzer } from './features/analyzer';
import { CheckWorkers, isCheckWorker, runCheckWorker } from './features/checkWorker';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { DiagnosticsService, isOurs } from './features/diagnostics';
import { DocumentCache, type Analysis } from './features/documentCache';
import { foldingRanges } from './features/folding';
import { documentUri, guardedDocumentConnection, invalidParams, isObject, isPosition, isRange, plainUri } from './features/guard';
import { hoverAt } from './features/hover';
import { reportOutline } from './features/outline';
import { exportTables, summaryData, type DeskSources } from './features/desk';
import { DISABLE_RULE_COMMAND, EXPORT_TABLES, NEW_REPORT, RECHECK, REPORT_LIST, REPORT_OUTLINE, REPORT_VIEW, SUMMARY_DATA, type InitializationOptions, type ReportViewText } from './features/protocol';
import { isSourceMapped, mapRanges, shownFindings, textOffsetOfSource, TextToSource } from './features/published';
import { PublishedFiles } from './features/publishedFiles';
import { isRcUri, RcDiagnostics } from './features/rcDiagnostics';
import { initializationLocale, SettingsStore, uriToPath } from './features/settings';
import { documentSymbols } from './features/symbols';
import { WorkspaceReports } from './features/workspace';
import { registerWriting, WRITING_CAPABILITIES } from './features/writing';

if (isCheckWorker()) runCheckWorker();
else startServer();

/** Checks of each warm-up report after start: ≈ 0.5 s of work in all, done while someone reads the report just opened. */
const WARM_UP_ROUNDS = 100;

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  const workers = new CheckWorkers(__filename, (m) => connection.console.error(m));
  const analyzer = new Analyzer(cache, workers);

  // A bug must cost one answer, not the server: anything thrown outside a request handler is logged.
  let reporting = false;
  const internalError = (e: unknown) => {
    if (reporting) return; // the log itself failing must not loop
    reporting = true;
    try { connection.console.error(`内部错误 / internal error: ${(e as Error)?.stack ?? e}`); } catch { /* nowhere to report */ } finally { reporting = false; }
  };
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);

  let locale: Locale = 'en';
  let canPullSettings = false;
  let canRegisterConfiguration = false;
  let versionedEdits = false;
  let canDisableRule = false;
  let hasFolderEvents = false;

  const rcDiagnostics = new RcDiagnostics(connection, () => locale);
  const settings = new SettingsStore(connection, () => canPullSettings, (loaded) => rcDiagnostics.loaded(loaded));
  const folders = () => (lastFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
  let lastFolders: { uri: string }[] | null = null;
  const workspace: WorkspaceReports = new WorkspaceReports({
    isOpen: (uri) => documents.get(uri) !== undefined,
    check: (uri) => diagnostics.checkNow(uri),
    clear: (uri) => diagnostics.clear(uri),
    log: (m) => connection.console.warn(m),
    maxFileSizeBytes: async () => (await settings.raw()).maxFileSize * 1024 * 1024,
    read: (file) => publishedFiles.read(file),
  });
  const publishedFiles = new PublishedFiles(workers, async () => ({ ...DEFAULT_LIMITS, maxBytes: Math.max(1, (await settings.raw()).maxFileSize * 1024 * 1024) }));
  const diagnostics = new DiagnosticsService({
    connection, documents, cache, settings, locale: () => locale, diskSource: (uri) => workspace.source(uri), analyzer, publishedFiles,
  });

  connection.onInitialize((params): InitializeResult => {
    // Read defensively: a client that sends odd values gets a server with the features it can use.
    const options = (isObject(params.initializationOptions) ? params.initializationOptions : {}) as InitializationOptions;
    const ws = (isObject(params.capabilities) && isObject(params.capabilities.workspace) ? params.capabilities.workspace : {}) as NonNullable<typeof params.capabilities.workspace>;
    locale = initializationLocale({ locale: typeof options.locale === 'string' ? options.locale : undefined }, typeof params.locale === 'string' ? params.locale : undefined);
    canPullSettings = !!ws.configuration;
    canRegisterConfiguration = !!(isObject(ws.didChangeConfiguration) && ws.didChangeConfiguration.dynamicRegistration);
    versionedEdits = !!(isObject(ws.workspaceEdit) && ws.workspaceEdit.documentChanges);
    canDisableRule = Array.isArray(options.clientCommands) && options.clientCommands.includes(DISABLE_RULE_COMMAND);
    hasFolderEvents = !!ws.workspaceFolders;
    lastFolders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.filter((f) => isObject(f) && typeof f.uri === 'string') : null;
    workspace.setFolders(lastFolders as Parameters<WorkspaceReports['setFolders']>[0]);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentSymbolProvider: { label: locale === 'en' ? 'Report' : '年报' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        ...WRITING_CAPABILITIES,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'govreport', version: typeof __VERSION__ === 'string' ? __VERSION__ : undefined },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        if (!isObject(e) || !Array.isArray(e.added) || !Array.isArray(e.removed)) return;
        const ok = (f: unknown): f is { uri: string; name: string } => isObject(f) && typeof f.uri === 'string';
        workspace.addRemoveFolders(e.added.filter(ok), e.removed.filter(ok));
        const removed = new Set(e.removed.filter(ok).map((f) => f.uri));
        lastFolders = [...(lastFolders ?? []).filter((f) => !removed.has(f.uri)), ...e.added.filter(ok)];
        void rcDiagnostics.checkFolders(folders());
        if (workspace.isEnabled) void workspace.scan();
      });
    }
    void rcDiagnostics.checkFolders(folders());
    warmUp();
    const raw = await settings.raw();
    if (raw.workspace.enable) await workspace.setEnabled(true);
  });

  /**
   * The first checks of a session ran while the JIT was still compiling the engine (40–75 ms for the first
   * edits of a 10 KB report against 2–3 ms later): generated reports are checked first, one a turn of the
   * event loop, so that requests arriving meanwhile are served between them.
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

  // The change event that follows every open is not an edit: the open is checked at once.
  const justOpened = new Set<string>();
  // A .govreportrc.json open in the editor is validated as it is typed; it is not a report.
  documents.onDidOpen((e) => {
    if (isRcUri(e.document.uri)) { rcDiagnostics.opened(e.document.uri, e.document.getText()); return; }
    justOpened.add(e.document.uri);
    void diagnostics.checkNow(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (isRcUri(e.document.uri)) { if (!justOpened.has(e.document.uri)) rcDiagnostics.opened(e.document.uri, e.document.getText()); return; }
    if (justOpened.delete(e.document.uri)) return;
    void diagnostics.changed(e.document);
  });
  documents.onDidSave((e) => { if (isRcUri(e.document.uri)) void refreshAll(); else void diagnostics.checkNow(e.document.uri); });
  documents.onDidClose((e) => {
    if (isRcUri(e.document.uri)) { void rcDiagnostics.closed(e.document.uri); return; }
    justOpened.delete(e.document.uri); settings.forget(e.document.uri); diagnostics.closed(e.document.uri);
  });

  async function refreshAll(pushed?: unknown): Promise<void> {
    settings.invalidate(pushed);
    const raw = await settings.raw();
    await diagnostics.recheckOpen();
    if (raw.workspace.enable !== workspace.isEnabled) await workspace.setEnabled(raw.workspace.enable);
    else if (workspace.isEnabled) await workspace.scan();
  }

  connection.onDidChangeConfiguration((change) => void refreshAll(isObject(change) ? change.settings : undefined));
  connection.onDidChangeWatchedFiles((e) => {
    const changes = isObject(e) && Array.isArray(e.changes) ? e.changes.filter((c) => isObject(c) && typeof c.uri === 'string') : [];
    const rc = changes.filter((c) => isRcUri(c.uri));
    for (const c of rc) void rcDiagnostics.checkFile(c.uri);
    if (rc.length) void refreshAll();
    else if (changes.length) void workspace.filesChanged(changes);
  });

  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

  /** `work`, or the RequestCancelled error as soon as the client cancels (the work itself goes on for others). */
  function unlessCancelled<T>(work: Promise<T>, token: CancellationToken): Promise<T | ResponseError<void>> {
    if (token.isCancellationRequested) return Promise.resolve(cancelled());
    return new Promise((resolve, reject) => {
      const subscription = token.onCancellationRequested(() => { subscription.dispose(); resolve(cancelled()); });
      work.then(
        (value) => { subscription.dispose(); resolve(token.isCancellationRequested ? cancelled() : value); },
        (error) => { subscription.dispose(); reject(error); },
      );
    });
  }

  /** The current analysis of an open document (shared with diagnostics), honouring cancellation. */
  async function analysisOf(uri: string, token: CancellationToken): Promise<Analysis | null | ResponseError<void>> {
    const doc = documents.get(uri);
    if (!doc || !isOurs(doc)) return null;
    return unlessCancelled(diagnostics.analyzeDocument(doc), token);
  }

  /** The offset of an LSP position: a character past the end of its line means the line's end. */
  function offsetOf(model: ReportModel, position: Position): number {
    const line = Math.min(position.line, model.lineStarts.length - 1);
    const end = position.line >= model.lineStarts.length ? model.text.length : lineEnd(model.text, model.lineStarts, line);
    return Math.min(offsetAt(model.lineStarts, model.text.length, position), end);
  }

  connection.onHover(async (params, token) => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return uri;
    if (!isPosition(params.position)) return invalidParams('position');
    const a = await analysisOf(uri, token);
    if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
    const page = a.published && isSourceMapped(a.published) ? a.published : null;
    if (!page) return hoverAt({ model: a.model, relations: a.relations, offset: offsetOf(a.model, params.position), locale });
    // A web page: the position is in the page source; the hover is of the text read there, shown over its source.
    const html = page.extracted.sourceText ?? '';
    const offset = textOffsetOfSource(page, offsetAt(page.sourceLineStarts!, html.length, params.position));
    const hover = offset === null ? null : hoverAt({ model: a.model, relations: a.relations, offset, locale });
    if (hover?.range) hover.range = new TextToSource(page, a.model.lineStarts).range(hover.range);
    return hover;
  });

  connection.onDocumentSymbol(async (params, token) => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return uri;
    const a = await analysisOf(uri, token);
    if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
    // A web page's outline is the HTML one; the report's sections are in the Report checks view.
    if (a.published && isSourceMapped(a.published)) return null;
    return documentSymbols(a.model, locale);
  });

  connection.onFoldingRanges(async (params, token) => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return uri;
    const a = await analysisOf(uri, token);
    if (!a || a instanceof ResponseError || !a.model) return a instanceof ResponseError ? a : null;
    if (a.published && isSourceMapped(a.published)) return null;
    return foldingRanges(documentSymbols(a.model, locale));
  });

  connection.onCodeAction(async (params, token) => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return uri;
    const context = params.context as unknown;
    if (!isRange(params.range)) return invalidParams('range');
    if (!isObject(context) || !Array.isArray(context.diagnostics)) return invalidParams('context.diagnostics');
    if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === 'string'))) return invalidParams('context.only');
    const version = documents.get(uri)?.version;
    const a = await analysisOf(uri, token);
    if (version === undefined || !a || a instanceof ResponseError) return a instanceof ResponseError ? a : null;
    // A diagnostic that is not a well-formed one of ours cannot name a finding: it is passed over.
    const ours = params.context.diagnostics.filter((d) => isObject(d) && isRange(d.range) && (typeof d.code === 'string' || typeof d.code === 'number'));
    // Fixes only for the version asked about: if the document changed meanwhile, the client asks again.
    if (documents.get(uri)?.version !== version) return null;
    // A published report's fixes are those placed in the file (a page's cell text; none in a read-only view).
    const analysis = a.published ? { ...a, findings: shownFindings(a) } : a;
    return codeActions({ analysis, version, context: { ...params.context, diagnostics: ours }, locale, versionedEdits, canDisableRule });
  });

  connection.onRequest(REPORT_OUTLINE, async (params: unknown, token: CancellationToken) => {
    const uri = plainUri(params);
    if (uri instanceof ResponseError) return uri;
    const a = await analysisOf(uri, token);
    if (a instanceof ResponseError) return a;
    const analysis = a ?? (await unlessCancelled(diagnostics.lastAnalysis(uri), token));
    if (analysis instanceof ResponseError) return analysis;
    if (!analysis) return null;
    const outline = reportOutline(analysis, locale);
    const page = analysis.published && analysis.model && isSourceMapped(analysis.published) ? analysis.published : null;
    return page ? mapRanges(outline, (r) => new TextToSource(page, analysis.model!.lineStarts).range(r)) : outline;
  });

  // The text read from a Word or PDF file, shown as its report view; a damaged file gives an empty view and one
  // finding saying why.
  connection.onRequest(REPORT_VIEW, async (params: unknown, token: CancellationToken) => {
    const uri = plainUri(params);
    if (uri instanceof ResponseError) return uri;
    const file = uriToPath(uri);
    if (!file) return invalidParams('uri');
    const read = await unlessCancelled(publishedFiles.read(file), token);
    if (read instanceof ResponseError) return read;
    const answer: ReportViewText = { text: read.extracted.text, format: read.extracted.format };
    return answer;
  });

  connection.onRequest(REPORT_LIST, async (_params: unknown, token: CancellationToken) => {
    const out = [];
    for (const doc of documents.all()) {
      if (!isOurs(doc)) continue;
      const s = await unlessCancelled(diagnostics.summaryOf(doc), token);
      if (s instanceof ResponseError) return s;
      if (s) out.push(s);
    }
    for (const uri of workspace.uris()) {
      const r = documents.get(uri) ? undefined : cache.record(uri);
      if (r) out.push(r.summary);
    }
    return out;
  });

  connection.onRequest(RECHECK, async () => {
    cache.clear();
    await refreshAll();
    return null;
  });

  connection.onRequest(NEW_REPORT, (params: unknown) => {
    if (!isObject(params)) return invalidParams('params');
    const { templateYear, reportYear, agency, eol } = params;
    if (!Number.isInteger(reportYear) || (reportYear as number) < 1990 || (reportYear as number) > 2999) return invalidParams('reportYear');
    if (agency !== undefined && agency !== null && (typeof agency !== 'string' || agency.length > 200)) return invalidParams('agency');
    if (eol !== undefined && eol !== '\n' && eol !== '\r\n') return invalidParams('eol');
    return reportSkeleton(templateYear === 2019 ? 2019 : 2021, reportYear as number, (agency as string | undefined) || undefined, (eol as string | undefined) ?? '\n');
  });

  registerWriting({ connection, documents, settings, locale: () => locale, analysisOf, offsetOf });
  /** The reports the summary page and the export read: open documents at their current version, then workspace files. */
  const deskSources = (token: CancellationToken): DeskSources => ({
    uris: () => [...documents.all().filter(isOurs).map((d) => d.uri), ...workspace.uris()],
    analysis: async (uri) => {
      const doc = documents.get(uri);
      return (doc && isOurs(doc) ? await diagnostics.analyzeDocument(doc) : null) ?? diagnostics.lastAnalysis(uri);
    },
    crossFindings: (uri) => diagnostics.crossFindingsOf(uri),
    locale: () => locale,
    cancelled: () => token.isCancellationRequested,
  });

  connection.onRequest(SUMMARY_DATA, async (_params: unknown, token: CancellationToken) =>
    (await summaryData(deskSources(token))) ?? cancelled());

  connection.onRequest(EXPORT_TABLES, async (params: unknown, token: CancellationToken) => {
    if (!isObject(params) || typeof params.path !== 'string' || !/\.xlsx$/i.test(params.path)) return invalidParams('path');
    return (await exportTables(deskSources(token), params.path)) ?? cancelled();
  });

  connection.onShutdown(() => analyzer.dispose());

  documents.listen(guardedDocumentConnection(connection, (m) => connection.console.warn(m)));
  connection.listen();
}

declare const __VERSION__: string | undefined;
