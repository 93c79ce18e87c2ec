// What the features are given: the open documents, the one analysis path, diagnostics, settings, workspace mode,
// and what the client said it can do. Built once at start; the features register their handlers over it.
import { TextDocuments, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine';
import { DEFAULT_LIMITS } from '../formats/types';
import { Analyses } from './analyses';
import { CheckWorkers } from './checkWorker';
import { DiagnosticsService } from './diagnostics';
import { ReportDocuments } from './documents';
import { PublishedFiles } from './publishedFiles';
import { RcDiagnostics } from './rcDiagnostics';
import { SettingsStore, uriToPath } from './settings';
import { WorkspaceReports } from './workspace';

/** What the client told the server at initialize. */
export interface ClientOptions {
  locale: Locale;
  canPullSettings: boolean;
  canRegisterConfiguration: boolean;
  hasFolderEvents: boolean;
  /** Whether the client applies versioned edits (documentChanges). */
  versionedEdits: boolean;
  /** Whether the client implements the command that turns a rule off. */
  canDisableRule: boolean;
  /** The workspace folders, as last told. */
  folders: { uri: string }[] | null;
}

export interface Services {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: Analyses;
  reports: ReportDocuments;
  diagnostics: DiagnosticsService;
  settings: SettingsStore;
  workspace: WorkspaceReports;
  publishedFiles: PublishedFiles;
  rcDiagnostics: RcDiagnostics;
  client: ClientOptions;
  /** The workspace folders as file-system paths. */
  folderPaths(): string[];
  /** Settings changed (pushed or in an rc file): every open document and workspace file is checked again. */
  refreshAll(pushed?: unknown): Promise<void>;
}

/** A language feature: the capabilities it adds (once the client is known) and its handlers. */
export interface Feature {
  capabilities?(client: ClientOptions): ServerCapabilities;
  register(connection: Connection, services: Services): void;
}

const megabytes = (mb: number) => mb * 1024 * 1024;

/** The services of a server on `connection`; `workerScript` is the bundle a check worker runs. */
export function createServices(connection: Connection, workerScript: string): Services {
  const client: ClientOptions = {
    locale: 'en', canPullSettings: false, canRegisterConfiguration: false, hasFolderEvents: false, versionedEdits: false, canDisableRule: false, folders: null,
  };
  const documents = new TextDocuments(TextDocument);
  const workers = new CheckWorkers(workerScript, (m) => connection.console.error(m));
  const analyses = new Analyses({ workers });
  const rcDiagnostics = new RcDiagnostics(connection, () => client.locale);
  const settings = new SettingsStore(connection, () => client.canPullSettings, (loaded) => rcDiagnostics.loaded(loaded));
  const maxFileSize = async () => megabytes((await settings.raw()).maxFileSize);
  const publishedFiles = new PublishedFiles(workers, async () => ({ ...DEFAULT_LIMITS, maxBytes: Math.max(1, await maxFileSize()) }));
  const workspace: WorkspaceReports = new WorkspaceReports({
    isOpen: (uri) => documents.get(uri) !== undefined,
    check: (uri) => diagnostics.checkNow(uri),
    clear: (uri) => diagnostics.clear(uri),
    log: (m) => connection.console.warn(m),
    maxFileSizeBytes: maxFileSize,
    read: (file) => publishedFiles.read(file),
  });
  const diskSource = (uri: string) => workspace.source(uri);
  const reports = new ReportDocuments({ documents, analyses, settings, diskSource, publishedFiles });
  const diagnostics = new DiagnosticsService({ connection, documents, reports, analyses, settings, locale: () => client.locale, diskSource });
  const services: Services = {
    connection, documents, analyses, reports, diagnostics, settings, workspace, publishedFiles, rcDiagnostics, client,
    folderPaths: () => (client.folders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null),
    async refreshAll(pushed) {
      settings.invalidate(pushed);
      const raw = await settings.raw();
      await diagnostics.recheckOpen();
      if (raw.workspace.enable !== workspace.isEnabled) await workspace.setEnabled(raw.workspace.enable);
      else if (workspace.isEnabled) await workspace.scan();
    },
  };
  return services;
}
