// A small LSP client for the protocol tests: starts `node dist/server.js --stdio` and talks to it with
// vscode-languageserver-protocol, answering workspace/configuration from a settings object.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification,
  PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const REPORTS_DIR = path.resolve(ROOT, '..', 'shared', 'reports');

export const uriOf = (file: string) => pathToFileURL(file).href;

export interface Settings { [key: string]: unknown }

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Everything the server wrote to stderr (a crash leaves its stack here). */
  stderr = '';
  private readonly waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order: which document, which version, how many diagnostics. */
  readonly publications: { uri: string; version: number | undefined; count: number; at: number }[] = [];
  private readonly versions = new Map<string, number>();
  readonly notifications: { method: string; params: unknown }[] = [];
  /** window/logMessage lines from the server, shown when a wait times out. */
  readonly log: string[] = [];
  settings: Settings;

  constructor(settings: Settings = {}, extraArgs: string[] = [], launch: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    this.settings = settings;
    this.child = spawn(process.execPath, [...(launch.nodeArgs ?? []), SERVER, '--stdio', ...extraArgs], {
      stdio: ['pipe', 'pipe', 'pipe'], env: launch.env ? { ...process.env, ...launch.env } : process.env,
    });
    this.child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); process.stderr.write(chunk); });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'govreport' ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      this.publications.push({ uri: p.uri, version: p.version, count: p.diagnostics.length, at: Date.now() });
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(p); }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => { this.log.push(p.message); });
    this.connection.onNotification('govreport/didCheck', (params: unknown) => { this.notifications.push({ method: 'govreport/didCheck', params }); });
    this.connection.listen();
  }

  async initialize(options: { locale?: string; workspaceFolders?: string[]; initializationOptions?: unknown } = {}): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'zh-cn',
      initializationOptions: options.initializationOptions ?? { locale: options.locale ?? 'zh-cn' },
      workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: uriOf(f), name: path.basename(f) })) ?? null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `pred` (default: any). */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms${this.log.length ? `; server log:\n${this.log.join('\n')}` : ''}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async open(uri: string, text: string, languageId = 'govreport'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.diagnostics(uri, (p) => p.version === 1 || p.version === undefined);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  /** Sends edits; resolves with the diagnostics published for the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.diagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return (await published).diagnostics;
  }

  version(uri: string): number { return this.versions.get(uri) ?? 0; }

  /** Sets the version the next change() starts from (after changes sent by hand). */
  setVersion(uri: string, version: number): void { this.versions.set(uri, version); }

  /** Whether the server process is still running. */
  get alive(): boolean { return this.child.exitCode === null && this.child.signalCode === null; }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govreport: settings } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else { this.child.once('exit', () => resolve()); setTimeout(() => { this.child.kill(); resolve(); }, 2000); }
    });
  }
}
