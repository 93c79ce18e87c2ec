// The govreport language server. Runs in VS Code over IPC and standalone with `node dist/server.js --stdio`; the
// same file, started as a worker thread, checks large documents off the server thread (lsp/checkWorker.ts).
// The plumbing (documents, analyses, diagnostics, settings, workspace mode) is in lsp/; each language feature in
// features/ registers its own handlers.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import * as codeActions from './features/codeActions';
import * as codeLens from './features/codeLens';
import * as completion from './features/completion';
import * as desk from './features/desk';
import * as folding from './features/folding';
import * as formatting from './features/formatting';
import * as hover from './features/hover';
import * as inlayHints from './features/inlayHints';
import * as outline from './features/outline';
import * as reportView from './features/reportView';
import * as symbols from './features/symbols';
import * as writing from './features/writing';
import { isCheckWorker, runCheckWorker } from './lsp/checkWorker';
import { serve } from './lsp/lifecycle';
import { createServices, type Feature } from './lsp/services';

const FEATURES: Feature[] = [hover, symbols, folding, codeActions, completion, inlayHints, codeLens, formatting, outline, reportView, writing, desk];

if (isCheckWorker()) runCheckWorker();
else startServer();

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // A bug must cost one answer, not the server: anything thrown outside a request handler is logged.
  let reporting = false;
  const internalError = (e: unknown) => {
    if (reporting) return; // the log itself failing must not loop
    reporting = true;
    try { connection.console.error(`内部错误 / internal error: ${(e as Error)?.stack ?? e}`); } catch { /* nowhere to report */ } finally { reporting = false; }
  };
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);
  serve(connection, createServices(connection, __filename), FEATURES);
}
