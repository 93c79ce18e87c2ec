// Starts the language server (IPC) on first need, and restarts it with one clear message if it dies.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, LANGUAGE_ID, VIEW_SCHEME, type InitializationOptions } from '../../server/src/protocol';
import { continueAfterError, RestartPolicy } from './restartPolicy';

/**
 * The documents the server gets: reports, report views of Word and PDF files, web pages (the server checks
 * those whose text looks like a report), and the project config file (validated as it is typed).
 */
export const DOCUMENT_SELECTOR = [
  { language: LANGUAGE_ID }, { scheme: VIEW_SCHEME }, { language: 'html' }, { scheme: 'file', pattern: '**/.govreportrc.json' },
];

/**
 * vscode-languageclient 9.0.1 logs its restart line with `!handled` as the data argument, which prints a
 * stray "false" under the message; a boolean there is taken as what it was meant to be.
 */
export class GovreportLanguageClient extends LanguageClient {
  override info(message: string, data?: unknown, showNotification?: boolean): void {
    if (typeof data === 'boolean') super.info(message, undefined, data);
    else super.info(message, data, showNotification);
  }
}

export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly policy = new RestartPolicy({
    restarted: () => vscode.l10n.t('The report checker stopped unexpectedly and has been restarted.'),
    stopped: (n) => vscode.l10n.t('The report checker stopped {0} times in 3 minutes and will not be restarted.', n),
  });
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
    this.policy.reset();
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
      documentSelector: DOCUMENT_SELECTOR,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.txt,*.md,*.govreport,*.html,*.htm,*.docx,*.pdf,.govreportrc.json}') },
      initializationOptions,
      outputChannel: this.output,
      diagnosticCollectionName: 'govreport',
      errorHandler: {
        error: (_error, _message, count) => ({ action: continueAfterError(count) ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => this.closed(),
      },
    };
    const client = new GovreportLanguageClient('govreport', vscode.l10n.t('Government Disclosure Annual Report'), serverOptions, clientOptions);
    this.client = client;
    await client.start();
    for (const h of this.onStartedHandlers) h(client);
    return client;
  }

  /**
   * The server process ended without being asked to: restart it. The message returned is the one line the
   * language client writes to the output (handled: it shows no notification of its own); the user is
   * notified once per series of crashes, and when the checker is given up.
   */
  private closed() {
    const decision = this.policy.crashed();
    if (decision.notify) void this.notify(decision.message, !decision.restart);
    return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.message, handled: true };
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
