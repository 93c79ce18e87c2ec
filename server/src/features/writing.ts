// LSP wiring of the writing help: completion, inlay hints, code lenses, table formatting and next year's report.
// Each answer comes from a plain function over the document's current analysis.
import { ResponseError, type CancellationToken, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, nextYearReport, offsetAt, type Locale, type ReportModel } from '../engine';
import type { Analysis } from './documentCache';
import { codeLenses } from './codeLens';
import { completions } from './completion';
import { formatTables } from './formatting';
import { documentUri, invalidParams, isObject, isPosition, isRange } from './guard';
import { inlayHints } from './inlayHints';
import { NEXT_YEAR, type NextYearAnswer } from './protocol';
import type { SettingsStore } from './settings';

export interface WritingDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  locale: () => Locale;
  analysisOf: (uri: string, token: CancellationToken) => Promise<Analysis | null | ResponseError<void>>;
  offsetOf: (model: ReportModel, position: { line: number; character: number }) => number;
}

/** The capabilities these features add to the server's. */
export const WRITING_CAPABILITIES: ServerCapabilities = {
  completionProvider: { resolveProvider: false },
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** The largest report text next year's report is made from (the same bound as the largest file checked). */
const MAX_NEXT_YEAR_TEXT = 256 * 1024 * 1024;

export function registerWriting(deps: WritingDeps): void {
  const { connection, settings, locale, analysisOf, offsetOf } = deps;
  /** The model of the document the params name, or the error or null to answer with. */
  const modelFor = async (params: unknown, token: CancellationToken) => {
    const uri = documentUri(params);
    if (uri instanceof ResponseError) return { answer: uri };
    const a = await analysisOf(uri, token);
    if (!a || a instanceof ResponseError || !a.model) return { answer: a instanceof ResponseError ? a : null };
    return { uri, analysis: a, model: a.model };
  };

  connection.onCompletion(async (params, token) => {
    if (!isPosition(params.position)) return invalidParams('position');
    const m = await modelFor(params, token);
    if (!m.model) return m.answer;
    return completions({ model: m.model, offset: offsetOf(m.model, params.position), locale: locale() });
  });

  connection.languages.inlayHint.on(async (params, token) => {
    if (!isRange(params.range)) return invalidParams('range');
    const m = await modelFor(params, token);
    if (!m.model) return m.answer;
    const mode = (await settings.forUri(m.uri)).totalHints;
    const within = { start: offsetOf(m.model, params.range.start), end: offsetOf(m.model, params.range.end) };
    return inlayHints({ model: m.model, relations: m.analysis.relations, mode, locale: locale(), within });
  });

  connection.onCodeLens(async (params, token) => {
    const m = await modelFor(params, token);
    if (!m.model) return m.answer;
    return codeLenses({ model: m.model, relations: m.analysis.relations, uri: m.uri, locale: locale() });
  });

  connection.onDocumentFormatting(async (params, token) => {
    const m = await modelFor(params, token);
    return m.model ? formatTables(m.model) : m.answer;
  });

  connection.onDocumentRangeFormatting(async (params, token) => {
    if (!isRange(params.range)) return invalidParams('range');
    const m = await modelFor(params, token);
    if (!m.model) return m.answer;
    return formatTables(m.model, { start: offsetAt(m.model.lineStarts, m.model.text.length, params.range.start), end: offsetAt(m.model.lineStarts, m.model.text.length, params.range.end) });
  });

  connection.onRequest(NEXT_YEAR, (params: unknown): NextYearAnswer | ResponseError<void> => {
    if (!isObject(params) || typeof params.text !== 'string' || params.text.length > MAX_NEXT_YEAR_TEXT) return invalidParams('text');
    const result = nextYearReport(params.text);
    if (!result.ok) return { error: localize(result.error, locale()) };
    const { text, year, templateYear, notes } = result.report;
    return { text, year, templateYear, notes: notes.map((n) => localize(n, locale())) };
  });
}
