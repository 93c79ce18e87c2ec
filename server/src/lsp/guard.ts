// Parameters from the client are checked before use: a malformed request gets an InvalidParams error, a
// malformed notification is dropped with a line in the log; neither reaches the features or the engine.
import { ErrorCodes, ResponseError, type Connection, type Position, type Range, type TextDocumentContentChangeEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/** Longer URIs are refused (no real file has one; a hostile one would only cost memory in logs and maps). */
export const MAX_URI_LENGTH = 8192;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isUri = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_URI_LENGTH;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isPosition = (v: unknown): v is Position => isObject(v) && isCount(v.line) && isCount(v.character);
export const isRange = (v: unknown): v is Range => isObject(v) && isPosition(v.start) && isPosition(v.end);

export const invalidParams = (what: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);

/** `params.textDocument.uri`, or an InvalidParams error. */
export function documentUri(params: unknown): string | ResponseError<void> {
  const td = isObject(params) ? params.textDocument : undefined;
  return isObject(td) && isUri(td.uri) ? td.uri : invalidParams('textDocument.uri');
}

/** `params.uri` (the custom requests), or an InvalidParams error. */
export function plainUri(params: unknown): string | ResponseError<void> {
  return isObject(params) && isUri(params.uri) ? params.uri : invalidParams('uri');
}

function validOpen(p: unknown): boolean {
  const td = isObject(p) ? p.textDocument : undefined;
  return isObject(td) && isUri(td.uri) && typeof td.languageId === 'string' && Number.isSafeInteger(td.version) && typeof td.text === 'string';
}

function validChange(p: unknown): boolean {
  if (!isObject(p) || !isObject(p.textDocument) || !isUri(p.textDocument.uri) || !Number.isSafeInteger(p.textDocument.version)) return false;
  const changes = p.contentChanges;
  return Array.isArray(changes) && changes.every((c: TextDocumentContentChangeEvent | unknown) =>
    isObject(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range)));
}

const validIdentifier = (p: unknown): boolean => isObject(p) && isObject(p.textDocument) && isUri(p.textDocument.uri);

/**
 * The connection as TextDocuments sees it: open, change, close and save notifications that are malformed
 * are dropped before they can corrupt a document or throw inside the document store.
 */
export function guardedDocumentConnection(connection: Connection, log: (message: string) => void): TextDocumentConnection {
  const guard = (name: string, valid: (p: unknown) => boolean) => <P>(handler: (p: P) => void) => (p: P) => {
    if (valid(p)) handler(p);
    else log(`已忽略格式错误的通知 / ignored a malformed ${name}: ${JSON.stringify(p)?.slice(0, 200)}`);
  };
  const out: TextDocumentConnection = {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(guard('didOpen', validOpen)(h)),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument(guard('didChange', validChange)(h)),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(guard('didClose', validIdentifier)(h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(guard('willSave', validIdentifier)(h)),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onWillSaveTextDocumentWaitUntil((p, token) => (validIdentifier(p) ? h(p, token) : [])),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(guard('didSave', validIdentifier)(h)),
  };
  return out;
}
