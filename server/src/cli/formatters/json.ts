// The stable JSON contract other tools read: see README "JSON output".
import { localize, type Finding, type Locale } from '../../engine';
import type { FileResult, FindingLocation, Formatter, LocatedFinding } from './types';

/** A Word or PDF finding's place as the contract has it: 1-based numbers and the description in the locale. */
const jsonLocation = (l: FindingLocation, locale: Locale) => ({ ...l, description: localize(l.description, locale) });

/** One diagnostic as the contract has it (`location` only for Word and PDF files). */
export const jsonDiagnostic = (f: LocatedFinding, locale: Locale) => ({
  code: f.code,
  severity: f.severity,
  message: localize(f.message, locale),
  range: f.range,
  ...(f.location ? { location: jsonLocation(f.location, locale) } : {}),
});

/**
 * One file's entry, written out as it appears inside the output array (indented one level), so that files
 * can be written where they are checked and the document put together from the pieces. Written by hand in
 * the layout JSON.stringify(entries, null, 2) gives (a test holds them equal): a run's output is mostly
 * these, and the generic pretty printer costs twice as much.
 */
export function jsonEntry(r: FileResult, locale: Locale): string {
  let s = `{\n    "file": ${JSON.stringify(r.file)},\n    "templateYear": ${JSON.stringify(r.templateYear)},\n    "reportYear": ${JSON.stringify(r.reportYear)},\n    "diagnostics": `;
  if (r.findings.length === 0) return `${s}[]\n  }`;
  for (let i = 0; i < r.findings.length; i++) {
    const f = r.findings[i];
    const { start, end } = f.range;
    s += `${i === 0 ? '[' : ','}\n      {\n        "code": ${JSON.stringify(f.code)},\n        "severity": ${JSON.stringify(f.severity)},\n        "message": ${JSON.stringify(localize(f.message, locale))},\n`
      + `        "range": {\n          "start": {\n            "line": ${start.line},\n            "character": ${start.character}\n          },\n`
      + `          "end": {\n            "line": ${end.line},\n            "character": ${end.character}\n          }\n        }`
      + (f.location ? `,\n        "location": ${JSON.stringify(jsonLocation(f.location, locale), null, 2).replace(/\n/g, '\n        ')}` : '')
      + '\n      }';
  }
  return `${s}\n    ]\n  }`;
}

/**
 * An entry written as an element of a pretty-printed array, cut out of one: a slice of a flat string, where
 * re-indenting with replace() would leave a tree of hundreds of string pieces per file in memory until the end.
 */
export const entryText = (entry: object): string => JSON.stringify([entry], null, 2).slice(4, -2);

const SEPARATOR = ',\n  ';

/** The output array from its written entries, in order: exactly what JSON.stringify(entries, null, 2) writes. */
export function jsonDocument(entries: string[]): string {
  return entries.length === 0 ? '[]' : `[\n  ${entries.join(SEPARATOR)}\n]`;
}

/** The same from entries in UTF-8, as pieces to write one after the other. */
export function* jsonDocumentBytes(entries: Uint8Array[]): Generator<Uint8Array> {
  const utf8 = new TextEncoder();
  if (entries.length === 0) { yield utf8.encode('[]'); return; }
  const separator = utf8.encode(SEPARATOR);
  yield utf8.encode('[\n  ');
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) yield separator;
    yield entries[i];
  }
  yield utf8.encode('\n]');
}

/** Findings in the order the output lists them: by start position (a stable sort, ties keep their order). */
export const byStart = (a: { range: Finding['range'] }, b: { range: Finding['range'] }): number =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** A written entry (UTF-8) with more findings (carry-over-mismatch, known once every file is checked) sorted in. */
export function jsonEntryAdding(entry: Uint8Array, added: LocatedFinding[], locale: Locale): Uint8Array {
  const e = JSON.parse(new TextDecoder().decode(entry)) as { diagnostics: ReturnType<typeof jsonDiagnostic>[] };
  e.diagnostics.push(...added.map((f) => jsonDiagnostic(f, locale)));
  e.diagnostics.sort(byStart);
  return new TextEncoder().encode(entryText(e));
}

export const json: Formatter = (results, locale) => jsonDocument(results.map((r) => jsonEntry(r, locale)));
