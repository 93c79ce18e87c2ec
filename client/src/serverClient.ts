// Starts the language server (IPC) on first need, and restarts it with one clear message if it dies.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, LANGUAGE_ID, type InitializationOptions } from '../../server/src/features/protocol';

const RESTART_WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly crashes: number[] = [];
  private readonly onStartedHandlers: ((c: LanguageClient) => void)[] = [];

  constructor(private readonly context: vscode.ExtensionContext, readonly output: vscode.LogOutputChannel) {}

  get running(): LanguageClient | undefined { return this.client?.isRunning() ? this.client : undefined; }

  onStarted(handler: (c: LanguageClient) => void): void { this.onStartedHandlers.push(handler); }

  start(): Promise<LanguageClient> {
    this.starting ??= this.create();
    return this.starting;
  }

  async restart(): Promise<void> {
    if (!this.client) { await this.start(); return; }
    this.crashes.length = 0;
    await this.client.restart();
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const initializationOptions: InitializationOptions = { locale: vscode.env.language, clientCommands: [DISABLE_RULE_COMMAND] };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.txt,*.md,*.govreport,.govreportrc.json}') },
      initializationOptions,
      outputChannel: this.output,
      diagnosticCollectionName: 'govreport',
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => this.closed(),
      },
    };
    const client = new LanguageClient('govreport', vscode.l10n.t('Government Disclosure Annual Report'), serverOptions, clientOptions);
    this.client = client;
    await client.start();
    for (const h of this.onStartedHandlers) h(client);
    return client;
  }

  /** The server process ended without being asked to: restart it, telling the user once. */
  private closed() {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_RESTARTS) {
      const message = vscode.l10n.t('The report checker stopped unexpectedly and has been restarted.');
      this.output.error(message);
      if (this.crashes.length === 1) void this.notify(message, false);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = vscode.l10n.t('The report checker stopped {0} times in 3 minutes and will not be restarted.', this.crashes.length);
    this.output.error(message);
    void this.notify(message, true);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private async notify(message: string, offerRestart: boolean): Promise<void> {
    const show = vscode.l10n.t('Show Output');
    const restart = vscode.l10n.t('Restart');
    const choice = offerRestart
      ? await vscode.window.showErrorMessage(message, restart, show)
      : await vscode.window.showWarningMessage(message, show);
    if (choice === show) this.output.show(true);
    if (choice === restart) await this.restart();
  }

  async dispose(): Promise<void> {
    await this.client?.stop();
  }
}
