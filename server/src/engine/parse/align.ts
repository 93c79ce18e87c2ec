// Walks a table template's expected rows over the token stream (format.md §8): each row
// takes its label (matched fuzzily, fragments joined) and then as many values as the template
// gives it. What is left over or missing is recorded, never guessed away.
import { derivedFrom, TextMemo } from '../derived';
import { keyIndex, labelKey, similarities, similarity, type KeyIndex } from '../normalize';
import type { RowSpec, TableTemplate } from '../template';
import type { CellModel, RowModel, Span, TableModel, UnreadPart } from '../types';
import { keyOf, RUNNING_TITLE, type Token } from './tokens';
import { parseCellValue } from './values';
import { inferCells, type InferredCell } from './inferCells';

const ROW_MATCH = 0.72;
const HEADER_MATCH = 0.85;
const ANCHOR_MATCH = 0.85;
const MAX_FRAGMENTS = 8;
const LOOKAHEAD = 6;
/** Tokens skipped while looking for one row's label before the row counts as missing. */
const MAX_SKIPPED = 80;
/** Below this, two labels count as unrelated (and the edit distance can stop early). */
const MIN_SIMILARITY = 0.6;
/** Longest text read as an unreadable value rather than as a label. */
const MAX_STRAY_VALUE = 6;
/** Similarity given to a label that stops where the template's parenthetical note begins. */
const TRUNCATED_LABEL = 0.8;
/** Similarity given to a label that is the end of the template's, its first words left out. */
const SHORTENED_LABEL = 0.74;
/** Most characters such a label leaves out (行政 of 行政规范性文件); more, and it is the tail of a wrapped label. */
const MAX_LEFT_OUT = 3;
/** Similarity given to the first line of a wrapped label, until its tail is read. */
const WRAPPED_LABEL = 0.75;

/** Tokens [at, end) read as a label; its text and span are built only for a match that is kept (labelText, labelSpan). */
interface LabelMatch { at: number; end: number; sim: number; key: string }

function labelText(tokens: Token[], m: LabelMatch): string {
  let text = '';
  for (let i = m.at; i < m.end; i++) text += tokens[i].text;
  return text;
}
const labelSpan = (tokens: Token[], m: LabelMatch): Span => ({ start: tokens[m.at].span.start, end: tokens[m.end - 1].span.end });

interface KeySet {
  keys: string[];
  longest: number;
  /** Best similarity of a joined key with these keys (keySimilarity), remembered: labels recur across reports. */
  similarity: TextMemo<number>;
  /** Whether a joined key can begin one of these keys (beginsAKey), remembered likewise. */
  canBegin: TextMemo<boolean>;
}

function keySet(keys: string[]): KeySet {
  const ks: KeySet = {
    keys,
    longest: Math.max(0, ...keys.map((k) => k.length)),
    similarity: new TextMemo((joined) => keySimilarity(joined, ks)),
    canBegin: new TextMemo((joined) => beginsAKey(joined, ks)),
  };
  return ks;
}

/** Best similarity of `joined` with any of the keys, a label cut short or wrapped counting as given below. */
function keySimilarity(joined: string, ks: KeySet): number {
  let sim = 0;
  for (const key of ks.keys) {
    sim = Math.max(sim, similarity(joined, key, MIN_SIMILARITY));
    // A label cut short before its note, e.g. （二）部分公开 for （二）部分公开（区分处理的，…）.
    if (joined.length >= 6 && key.startsWith(joined) && (key.charCodeAt(joined.length) === 0x28 || key.charCodeAt(joined.length) === 0xff08)) sim = Math.max(sim, TRUNCATED_LABEL);
    // A label that lacks its first words (规范性文件 for 行政规范性文件): like enough to report, not to accept.
    else if (joined.length >= 4 && key.length - joined.length <= MAX_LEFT_OUT && key.endsWith(joined)) sim = Math.max(sim, SHORTENED_LABEL);
    // The first line of a label that wraps after its values (PDF rows).
    else if (joined.length >= 8 && joined.length < key.length && key.startsWith(joined)) sim = Math.max(sim, WRAPPED_LABEL);
  }
  return sim;
}

/**
 * Whether `joined` could begin one of the keys (a header cell before a label, 其他, does not), or be one that lacks
 * its first words.
 */
const beginsAKey = (joined: string, ks: KeySet): boolean =>
  ks.keys.some((key) => similarity(joined, key.slice(0, joined.length), 0.5) > 0 || (joined.length >= 4 && key.length - joined.length <= MAX_LEFT_OUT && key.endsWith(joined)));
const rowKeys = derivedFrom((spec: RowSpec): KeySet => keySet([spec.label, ...(spec.aliases ?? [])].map(labelKey)));

/** Best match of 1…MAX_FRAGMENTS consecutive text tokens from `at` against any of the keys. */
function matchLabel(tokens: Token[], at: number, ks: KeySet): LabelMatch | null {
  if (ks.keys.length === 0) return null;
  const first = tokens[at];
  if (!first || first.kind !== 'text') return null;
  let joined = '';
  let bestEnd = -1;
  let bestSim = 0;
  let bestKey = '';
  for (let k = 0; k < MAX_FRAGMENTS; k++) {
    const t = tokens[at + k];
    if (!t || t.kind !== 'text') break;
    joined += keyOf(t);
    if (joined.length > ks.longest * 1.5 + 2) break;
    if (ks.keys.includes(joined)) return { at, end: at + k + 1, sim: 1, key: joined };
    // A label starts where its first fragment begins it: a header cell before it (其他) is not part of it.
    if (k === 0 && !ks.canBegin.get(joined)) return null;
    const sim = ks.similarity.get(joined);
    if (bestEnd < 0 || sim > bestSim) { bestEnd = at + k + 1; bestSim = sim; bestKey = joined; }
  }
  return bestEnd < 0 ? null : { at, end: bestEnd, sim: bestSim, key: bestKey };
}

function pathOf(spec: RowSpec, byKey: Map<string, RowSpec>): string[] {
  const path: string[] = [];
  for (let s: RowSpec | undefined = spec; s; s = s.parent ? byKey.get(s.parent) : undefined) {
    if (s.label) path.unshift(s.label);
  }
  return path;
}

type HeaderLabels = (readonly [label: string, key: string])[];
/** A table's header labels; `closest` gives the first label most like a header key read from a report. */
interface Headers { labels: HeaderLabels; keys: KeySet; closest: TextMemo<string> }
const headersOf = (labels: string[]): Headers => {
  const pairs = labels.map((h) => [h, labelKey(h)] as const);
  const index = keyIndex(pairs.map(([, k]) => k));
  return { labels: pairs, keys: keySet(pairs.map(([, k]) => k)), closest: new TextMemo((key) => closestLabel(pairs, index, key)) };
};
const headerSims: number[] = [];

/** The first of the labels most like `key` (the similarities with all labels at once). */
function closestLabel(labels: HeaderLabels, index: KeyIndex, key: string): string {
  similarities(key, index, 0.5, headerSims);
  let best = labels[0];
  let bestSim = headerSims[0];
  for (let i = 1; i < labels.length; i++) {
    if (headerSims[i] > bestSim) { best = labels[i]; bestSim = headerSims[i]; }
  }
  return best[0];
}

/** What alignTable derives from a template alone, computed once per template. */
interface Prepared {
  paths: string[][];
  rowKeySets: KeySet[];
  anchorKeys: KeySet;
  headers: Headers;
  rowHeaders: (Headers | null)[];
  /** Characters of the table's headers, group labels and block captions (see isLabelFragment). */
  fragmentChars: Set<string>;
}

/** A note in brackets, either width: (历史累计), （单位：件）. */
const BRACKETED = /^[(（][^()（）]{1,20}[)）]$/;

/** Longest text read as a piece of a header or group label broken up by the layout. */
const MAX_FRAGMENT = 10;

/** Characters of the labels a layout breaks into pieces: column headers, group labels, block captions. */
function fragmentCharsOf(tpl: TableTemplate): Set<string> {
  const words = [...tpl.headers];
  for (const r of tpl.rows) {
    if (r.headers) words.push(...r.headers);
    if (r.group) words.push(r.label);
    if (r.block) words.push(r.block);
  }
  return new Set(labelKey(words.join('')));
}

/**
 * Whether a text token is a piece of a column header or group label that the layout broke up (PDF text writes
 * 结果维持 as 结 果 / 维持, and 三、本年度办理结果 a character a line beside its rows): a few characters, all of
 * them from those labels. Such a piece says nothing about the figures, so it is passed over, not reported.
 */
function isLabelFragment(t: Token, chars: Set<string>): boolean {
  const last = t.text.charCodeAt(t.text.length - 1);
  // A PDF's running header or footer (the report's title) on a line with other text (a line of its own is no token).
  if ((last === 0x544a /* 告 */ || last === 0x62a5 /* 报 */) && RUNNING_TITLE.test(keyOf(t))) return true;
  if (t.text.length > MAX_FRAGMENT * 2) return false;
  const key = keyOf(t);
  if (key.length === 0 || key.length > MAX_FRAGMENT) return false;
  for (const c of key) if (!chars.has(c)) return false;
  return true;
}
const prepare = derivedFrom((tpl: TableTemplate): Prepared => {
  const byKey = new Map(tpl.rows.map((r) => [r.key, r]));
  return {
    paths: tpl.rows.map((r) => pathOf(r, byKey)),
    rowKeySets: tpl.rows.map(rowKeys),
    anchorKeys: keySet([
      ...tpl.headers.map(labelKey).filter((k) => k.length >= 4),
      ...tpl.rows.filter((r) => r.label).slice(0, 3).flatMap((r) => rowKeys(r).keys),
    ]),
    headers: headersOf(tpl.headers),
    rowHeaders: tpl.rows.map((r) => (r.headers ? headersOf([...tpl.headers, ...r.headers]) : null)),
    fragmentChars: fragmentCharsOf(tpl),
  };
});

export interface Alignment {
  table: TableModel;
  cost: number;
  /** The part of the cost owed to template rows missing after the last row read (what a cut copy lacks). */
  tailCost: number;
  /** The part of the cost owed to figures missing from the rows read. */
  shortCost: number;
  /**
   * Whether nothing but labels follows the last row read: headers, pieces of them, or the start of a row label
   * that is missing. A copy that ends there stops inside the table.
   */
  endsInLabels: () => boolean;
}

/**
 * Aligns `tpl` over the tokens; null when it cannot start, or once its cost reaches `bound` (the cost of a
 * variant already read: the cost only grows from one row to the next, so this one could no longer win).
 */
export function alignTable(tokens: Token[], tpl: TableTemplate, regionSpan: Span, bound = Infinity, runTogether = false): Alignment | null {
  const prepared = prepare(tpl);
  const start = tableStart(tokens, tpl, prepared.anchorKeys);
  if (start < 0) return null;
  const aligner = new Aligner(tokens, tpl, prepared, start, regionSpan, runTogether);
  for (let ri = 0; ri < tpl.rows.length; ri++) {
    aligner.readRow(ri);
    if (aligner.cost >= bound) return null;
  }
  return aligner.finish();
}

/** The first token of the table: its first header or row label, or the figures of a table printed without them. */
function tableStart(tokens: Token[], tpl: TableTemplate, anchorKeys: KeySet): number {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'text') continue;
    const m = matchLabel(tokens, i, anchorKeys);
    if (m && m.sim >= ANCHOR_MATCH) return i;
  }
  // A table of one unlabelled row (四) may be printed without its headers: its figures, all of them in a run, are it.
  if (tpl.rows.length === 1 && !tpl.rows[0].label) return valueRunStart(tokens, tpl.rows[0].columns.length);
  return -1;
}

/** The last row label read, which the tail of a label wrapped onto another line (PDF rows) may continue. */
interface LastLabel { row: RowModel; key: string; templateKey: string; sim: number }

/**
 * One walk of a template's rows over the tokens, in order: each row's label is looked for ahead (bounded), then its
 * cells are read. What does not fit is kept as unread parts, each adding to the cost that ranks the readings.
 */
class Aligner {
  readonly rows: RowModel[] = [];
  readonly missingRows: TableModel['missingRows'] = [];
  readonly unread: UnreadPart[] = [];
  readonly headers: TableModel['headers'] = [];
  /** Cells cut out of run-together digits. */
  readonly inferredCells: Span[] = [];
  /** Template positions of the rows not found. */
  readonly missingAt: number[] = [];
  currentHeaders: Headers;
  cost = 0;
  /** The part of the cost owed to figures missing from rows read (all of it, in a table without figures). */
  shortCost = 0;
  /** The next token to read. */
  ti: number;
  /** Template position of the last row read, and the index of the token after it. */
  lastReadAt = -1;
  readEnd: number;
  /** Whether some row's run-together digits could not be cut in one way only. */
  runTogetherFailed = false;
  /** The label of the last row read, and of the one before: see continuesRecentLabel. */
  lastLabel: LastLabel | null = null;
  olderLabel: LastLabel | null = null;
  /** Whether a row's label spanned the empty cell after it (the figures after it filled the row): see readCells. */
  spanningLabels = false;

  constructor(readonly tokens: Token[], readonly tpl: TableTemplate, readonly prepared: Prepared, readonly start: number, readonly regionSpan: Span, readonly runTogether: boolean) {
    this.currentHeaders = prepared.headers;
    this.ti = start;
    this.readEnd = start;
  }

  readRow(ri: number): void {
    const spec = this.tpl.rows[ri];
    let labelMatch: LabelMatch | null = null;
    if (spec.label) {
      labelMatch = this.findLabel(ri);
      if (!labelMatch) { this.markMissing(ri); return; }
      this.ti = labelMatch.end;
      this.cost += 1 - labelMatch.sim;
      const blockHeaders = this.prepared.rowHeaders[ri];
      if (blockHeaders) this.currentHeaders = blockHeaders;
    } else {
      this.skipHeaders();
    }
    const cells = spec.group ? [] : this.readCells(ri);
    const { tokens } = this;
    const row: RowModel = {
      key: spec.key,
      templateLabel: spec.label,
      label: labelMatch ? labelText(tokens, labelMatch) : null,
      labelSpan: labelMatch ? labelSpan(tokens, labelMatch) : null,
      labelTail: undefined, // set later for a label wrapped past its values
      path: this.prepared.paths[ri], // shared with the template's derived data: never changed
      group: !!spec.group,
      cells,
      expectedValues: spec.group ? 0 : spec.columns.length,
      block: spec.block,
    };
    if (cells.length < row.expectedValues) this.noteShortRow(row);
    this.rows.push(row);
    if (labelMatch || cells.length > 0) { this.lastReadAt = ri; this.readEnd = this.ti; }
    if (labelMatch) {
      this.olderLabel = this.lastLabel;
      this.lastLabel = { row, key: labelMatch.key, templateKey: this.prepared.rowKeySets[ri].keys[0], sim: labelMatch.sim };
    }
  }

  /**
   * The label of row `ri`, looked for from the next token on: values and text before it are unread parts. Null when
   * a later row's label comes first (this row is missing) or nothing matches (what was skipped is not this table's).
   */
  findLabel(ri: number): LabelMatch | null {
    const { tokens } = this;
    const searchStart = this.ti;
    const unreadBefore = this.unread.length;
    const costBefore = this.cost;
    const keys = this.prepared.rowKeySets[ri];
    for (let at = searchStart; at < tokens.length && at - searchStart <= MAX_SKIPPED;) { // bounded: junk cannot make the walk quadratic
      const t = tokens[at];
      this.ti = at;
      // An empty cell past a row's last value is the rest of a spanning cell or a trailing separator.
      if (t.kind === 'blank') { at++; continue; }
      if (t.kind !== 'text') { this.skipped(t, 'extra-value'); at++; continue; }
      const m = matchLabel(tokens, at, keys);
      if (m && m.sim >= ROW_MATCH) return m;
      const h = this.readHeader(at);
      if (h) { at = h.end; continue; }
      // A later row's label here means the rows in between are missing.
      if (this.laterRowAt(at, ri, m?.sim ?? 0)) return null;
      if (!this.continuesRecentLabel(t)) this.skippedText(at);
      at++;
    }
    // Nothing matched: what was skipped is not this table's (e.g. prose after it).
    this.ti = searchStart;
    this.unread.length = unreadBefore;
    this.cost = costBefore;
    return null;
  }

  /** Whether a label of one of the next rows after `ri` starts at `at`, matching better than `sim`. */
  laterRowAt(at: number, ri: number, sim: number): boolean {
    const limit = Math.min(this.tpl.rows.length, ri + 1 + LOOKAHEAD);
    for (let k = ri + 1; k < limit; k++) {
      if (!this.tpl.rows[k].label) continue;
      const m = matchLabel(this.tokens, at, this.prepared.rowKeySets[k]);
      if (m && m.sim >= ROW_MATCH && m.sim > sim) return true;
    }
    return false;
  }

  /**
   * Whether `t` is the tail of a recent label, wrapped onto another line (PDF rows); if so, that label takes it. The
   * label before the last counts too: a group label in a merged cell (（六）其他处理) wraps beside the first row of its
   * group, so its tail may come after that row's label.
   */
  continuesRecentLabel(t: Token): boolean {
    const key = keyOf(t);
    const label = extendedBy(this.lastLabel, key) ? this.lastLabel : extendedBy(this.olderLabel, key) ? this.olderLabel : null;
    if (!label) return false;
    label.key += key;
    label.sim = similarity(label.key, label.templateKey);
    label.row.label = (label.row.label ?? '') + t.text;
    label.row.labelTail = t.span;
    return true;
  }

  markMissing(ri: number): void {
    const spec = this.tpl.rows[ri];
    const prev = this.rows[this.rows.length - 1];
    this.missingRows.push({ key: spec.key, label: spec.label, after: prev ? (prev.cells.at(-1)?.span ?? prev.labelSpan) : null, group: !!spec.group });
    this.missingAt.push(ri);
    this.cost += 2;
  }

  /** Header cells before an unlabelled row (table 四). */
  skipHeaders(): void {
    const { tokens } = this;
    while (this.ti < tokens.length && tokens[this.ti].kind === 'text') {
      const h = this.readHeader(this.ti);
      if (h) { this.ti = h.end; continue; }
      this.skippedText(this.ti);
      this.ti++;
    }
  }

  /** A value where no row wants one. */
  skipped(t: Token, reason: 'extra-value'): void {
    this.unread.push({ span: t.span, text: t.text, reason });
    this.cost += 1;
  }

  /** The text at `at` is no label here; a piece of a header or group label broken by the layout costs nothing. */
  skippedText(at: number): void {
    const t = this.tokens[at];
    if (isLabelFragment(t, this.prepared.fragmentChars) || this.notesLastHeader(at)) return;
    this.unread.push({ span: t.span, text: t.text, reason: 'extra-text' });
    this.cost += 1;
  }

  /**
   * Whether the text at `at` is a note in brackets right after the last header read, on its line
   * (现行有效件数 (历史累计)): the header takes it, and row-label says that the column label is not the template's.
   */
  notesLastHeader(at: number): boolean {
    const header = this.headers[this.headers.length - 1];
    const t = this.tokens[at];
    const before = this.tokens[at - 1];
    if (!header || !before || before.span.end !== header.span.end || before.line !== t.line || !BRACKETED.test(t.text)) return false;
    header.text += (t.span.start > header.span.end ? ' ' : '') + t.text;
    header.span = { start: header.span.start, end: t.span.end };
    return true;
  }

  readHeaderMatch(at: number): LabelMatch | null {
    const m = matchLabel(this.tokens, at, this.currentHeaders.keys);
    return m && m.sim >= HEADER_MATCH ? m : null;
  }

  readHeader(at: number): LabelMatch | null {
    const m = this.readHeaderMatch(at);
    if (m) this.headers.push({ span: labelSpan(this.tokens, m), text: labelText(this.tokens, m), templateLabel: this.currentHeaders.closest.get(m.key) });
    return m;
  }

  /** The cells of row `ri` from the next token on: run-together digits cut where that is allowed, then one a token. */
  readCells(ri: number): CellModel[] {
    const { tokens } = this;
    const spec = this.tpl.rows[ri];
    const cells: CellModel[] = [];
    if (this.runTogether) {
      const read = readRunTogether(tokens, this.ti, spec, this.tpl);
      if (read === 'ambiguous') this.runTogetherFailed = true;
      else if (read) {
        read.cells.forEach((c, k) => {
          const column = spec.columns[k];
          cells.push({ columnPath: column.path, columnKey: column.key, raw: c.text, span: { start: c.start, end: c.end }, value: c.value, kind: 'integer', unit: null, fullWidth: false });
          this.inferredCells.push({ start: c.start, end: c.end });
        });
        this.ti = read.next;
      }
    }
    if (cells.length === 0) this.placeEmptyCellsAfterLabel(spec.columns.length);
    while (cells.length < spec.columns.length && this.ti < tokens.length && (tokens[this.ti].kind !== 'text' || this.isStrayValue(this.ti, ri))) {
      cells.push(cellOf(tokens[this.ti++], spec.columns[cells.length]));
    }
    return cells;
  }

  /**
   * Empty cells between the label and the first figure (see Token.afterLabel) are the row's first cells when with the
   * cells after them on the line they make exactly the row's columns, and no row before had its label span them;
   * otherwise they are the rest of a label spanning two columns, and passed over.
   */
  placeEmptyCellsAfterLabel(columns: number): void {
    const { tokens } = this;
    let gaps = 0;
    while (this.ti + gaps < tokens.length && tokens[this.ti + gaps].afterLabel) gaps++;
    if (gaps === 0) return;
    const line = tokens[this.ti].line;
    let filled = 0;
    for (let k = this.ti + gaps; k < tokens.length && tokens[k].line === line && tokens[k].kind !== 'text'; k++) filled++;
    if (filled >= columns) this.spanningLabels = true;
    if (this.spanningLabels || gaps + filled !== columns) this.ti += gaps;
  }

  /** Short text where a value belongs (x, 无, —) that is no label or header ahead: an unreadable value. */
  isStrayValue(at: number, ri: number): boolean {
    if (this.tokens[at].text.length > MAX_STRAY_VALUE) return false;
    if (this.readHeaderMatch(at)) return false;
    return !this.laterRowAt(at, ri, -1);
  }

  noteShortRow(row: RowModel): void {
    const { tokens, ti } = this;
    const near = tokens[Math.min(ti, tokens.length - 1)];
    const at = row.cells.at(-1)?.span ?? row.labelSpan ?? { start: near?.span.start ?? this.regionSpan.start, end: near?.span.end ?? this.regionSpan.start };
    this.unread.push({ span: at, text: row.label ?? '', reason: 'short-row', rowKey: row.key });
    this.cost += row.expectedValues - row.cells.length;
    this.shortCost += row.expectedValues - row.cells.length;
  }

  finish(): Alignment {
    const { tokens, tpl, prepared } = this;
    // Values straight after the last row belong to no row (an empty cell there is a trailing separator).
    while (this.ti < tokens.length && tokens[this.ti].kind !== 'text') {
      if (tokens[this.ti].kind !== 'blank') this.skipped(tokens[this.ti], 'extra-value');
      this.ti++;
    }
    const first = tokens[this.start].span.start;
    const lastToken = tokens[Math.max(this.start, this.ti - 1)];
    const table: TableModel = {
      id: tpl.id,
      variant: tpl.variant,
      variantYear: tpl.year,
      span: { start: first, end: Math.max(first, lastToken.span.end) },
      rows: this.rows,
      missingRows: this.missingRows,
      unread: this.unread,
      headers: this.headers,
      fourDecimalAmounts: this.headers.some((h) => h.text.includes('保留四位小数')),
      cut: null,
      unreliable: this.runTogetherFailed ? RUN_TOGETHER : null,
      inferredCells: this.inferredCells,
      runTogether: this.runTogether,
    };
    const tailAt = this.missingAt.filter((ri) => ri > this.lastReadAt);
    const { readEnd, currentHeaders } = this;
    return {
      table, cost: this.cost, tailCost: 2 * tailAt.length, shortCost: this.shortCost,
      endsInLabels: () => onlyLabelsFrom(tokens, readEnd, prepared.fragmentChars, currentHeaders, tailAt.map((ri) => prepared.rowKeySets[ri])),
    };
  }
}

/** Whether `key` appended to a label read makes it more like its template label (one read exactly takes nothing). */
const extendedBy = (label: LastLabel | null, key: string): label is LastLabel =>
  label !== null && label.sim < 1 && similarity(label.key + key, label.templateKey) > label.sim;

/** A cell read from one token: a few plain digits (the usual cell) directly, anything else through parseCellValue. */
function cellOf(t: Token, column: RowSpec['columns'][number]): CellModel {
  if (t.count >= 0) return { columnPath: column.path, columnKey: column.key, raw: t.text, span: t.span, value: t.count, kind: 'integer', unit: null, fullWidth: false };
  const v = parseCellValue(t.text);
  return { columnPath: column.path, columnKey: column.key, raw: t.text, span: t.span, value: v.value, kind: t.kind === 'blank' ? 'invalid' : v.kind, unit: v.unit, fullWidth: v.fullWidth };
}

/** Whether every token from `from` on is a blank, a header or a piece of one, or the beginning of a missing row's label. */
function onlyLabelsFrom(tokens: Token[], from: number, fragmentChars: Set<string>, headers: Headers, missing: KeySet[]): boolean {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'blank') continue;
    if (t.kind !== 'text') return false;
    if (isLabelFragment(t, fragmentChars)) continue;
    const h = matchLabel(tokens, i, headers.keys);
    if (h && h.sim >= HEADER_MATCH) { i = h.end - 1; continue; }
    // The copy may stop inside a label: what is left of it begins one of the rows it lacks.
    const key = keyOf(t);
    if (i === tokens.length - 1 && key.length >= 2 && missing.some((ks) => ks.keys.some((k) => k.startsWith(key)))) continue;
    return false;
  }
  return true;
}

const RUN_TOGETHER = {
  zh: '表格的数字连在一起（网页文本丢失了单元格之间的分隔），无法唯一确定各单元格的数值，未检查其数值',
  en: 'The table\'s figures run together (the page text lost the separators between cells) and cannot be cut into cells in one way only; its figures were not checked',
};

const PLAIN_DIGITS = /^\d+$/;

/**
 * A row's figures when its digits ran together (fewer runs of digits than cells): the one cut its relation allows
 * (see inferCells), 'ambiguous' when there is not exactly one, null when the row needs no cutting.
 */
function readRunTogether(tokens: Token[], at: number, spec: RowSpec, tpl: TableTemplate): { cells: InferredCell[]; next: number } | 'ambiguous' | null {
  const pieces: { text: string; start: number }[] = [];
  let digits = 0;
  let j = at;
  while (j < tokens.length && tokens[j].kind === 'value' && PLAIN_DIGITS.test(tokens[j].text)) {
    pieces.push({ text: tokens[j].text, start: tokens[j].span.start });
    digits += tokens[j].text.length;
    j++;
  }
  const want = spec.columns.length;
  const leadingZero = pieces.some((p) => p.text.length > 1 && p.text[0] === '0');
  if (pieces.length === 0 || (pieces.length >= want && !leadingZero) || digits < want) return null;
  const cells = inferCells(pieces, spec, tpl);
  return cells ? { cells, next: j } : 'ambiguous';
}

/** Where the first run of `n` figures in a row begins (no text between them), or -1. */
function valueRunStart(tokens: Token[], n: number): number {
  let run = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'value') { if (++run === n) return i - n + 1; } else run = 0;
  }
  return -1;
}
