// The opening every document request shares: check the params, find the open report, wait for its analysis at
// the current version (or answer RequestCancelled as soon as the client cancels), and hand the feature the
// report's model with the locale; a feature answers from there.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Position } from 'vscode-languageserver/node';
import { offsetAt, type Locale, type ReportModel } from '../engine';
import { lineEnd } from '../engine/text';
import { isSourceMapped, type Published } from './published';
import type { Analysis } from './analyses';
import { documentUri } from './guard';
import type { Services } from './services';

export const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** `work`, or the RequestCancelled error as soon as the client cancels (the work itself goes on for others). */
export function unlessCancelled<T>(work: Promise<T>, token: CancellationToken): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return Promise.resolve(cancelled());
  return new Promise((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => { subscription.dispose(); resolve(cancelled()); });
    work.then(
      (value) => { subscription.dispose(); resolve(token.isCancellationRequested ? cancelled() : value); },
      (error) => { subscription.dispose(); reject(error); },
    );
  });
}

/** The current analysis of an open report (null for a document that is not one), honouring cancellation. */
export async function analysisOf(services: Services, uri: string, token: CancellationToken): Promise<Analysis | null | ResponseError<void>> {
  const doc = services.reports.open(uri);
  return doc ? unlessCancelled(services.reports.current(doc), token) : null;
}

/** The offset of an LSP position: a character past the end of its line means the line's end. */
export function offsetOf(model: ReportModel, position: Position): number {
  const line = Math.min(position.line, model.lineStarts.length - 1);
  const end = position.line >= model.lineStarts.length ? model.text.length : lineEnd(model.text, model.lineStarts, line);
  return Math.min(offsetAt(model.lineStarts, model.text.length, position), end);
}

/** What a document request's handler is given. */
export interface AnalysisRequest {
  uri: string;
  /** The document's version when the request came in. */
  version: number | undefined;
  analysis: Analysis;
  locale: Locale;
  services: Services;
}

/** A report request whose analysis has a model (the file was not too large to check). */
export interface ReportRequest extends AnalysisRequest {
  model: ReportModel;
  /** A web page edited as HTML: positions are in its source, the model is of the text read from it. */
  page: Published | null;
}

type Answer<R> = R | null | ResponseError<void>;
type Handler<Q, P, R> = (request: Q, params: P, token: CancellationToken) => Answer<R> | Promise<Answer<R>>;

/**
 * A handler of a request about one document (`params.textDocument.uri`): `invalid` names a malformed param (the
 * answer is then InvalidParams); a document that is not an open report answers null.
 */
export function onAnalysis<P, R>(services: Services, answer: Handler<AnalysisRequest, P, R>, invalid?: (params: P) => ResponseError<void> | null) {
  return async (params: P, token: CancellationToken): Promise<Answer<R>> => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return uri;
    const bad = invalid?.(params);
    if (bad) return bad;
    const version = services.documents.get(uri)?.version;
    const a = await analysisOf(services, uri, token);
    if (!a || a instanceof ResponseError) return a;
    return answer({ uri, version, analysis: a, locale: services.client.locale, services }, params, token);
  };
}

/** As onAnalysis, for features that read the report's model: a file too large to check answers null. */
export function onReport<P, R>(services: Services, answer: Handler<ReportRequest, P, R>, invalid?: (params: P) => ResponseError<void> | null) {
  return onAnalysis<P, R>(services, (request, params, token) => {
    const { model, published } = request.analysis;
    if (!model) return null;
    const page = published && isSourceMapped(published) ? published : null;
    return answer({ ...request, model, page }, params, token);
  }, invalid);
}
