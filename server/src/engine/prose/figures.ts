// Figures the prose states (新收8件, 已答复17件, 行政复议0件 …), each tied to the table cell(s) it can be compared with.
import { derivedFrom } from '../derived';
import { TEMPLATE_YEARS } from '../template';
import type { CellModel, Localized, ReportModel, RowModel, SectionId, Span } from '../types';
import { CASE_DOMAINS, CASE_EQUIVALENT, FAMILY_BY_METRIC, DOMAIN_LABEL, type Domain, type Family, type MetricId } from './lexicon';
import { proseChunks, proseLayout, scanTokens, type Token } from './scan';

/** A table cell a figure was compared with. */
export interface FigureCell { span: Span; value: number; name: Localized }

/** What a figure was compared with: one cell, or the sum of several (行政诉讼 = 直接起诉 + 复议后起诉). */
export interface FigureTarget {
  /** Names the cell(s), e.g. 三、（七）总计 × 总计. */
  title: Localized;
  cells: FigureCell[];
  value: number;
}

export type FigureStatus = 'match' | 'mismatch' | 'unavailable';

export interface ProseFigure {
  /** The number as written (or, for "未发生行政复议", the subject that has none). */
  span: Span;
  value: number;
  /** The number as written; '' for a statement that none occurred. */
  raw: string;
  metric: MetricId;
  domain: Domain;
  /** What the figure counts, e.g. 办结/答复. */
  label: Localized;
  /** The clause around the figure, e.g. 已答复17件. */
  phrase: string;
  /** A statement that none occurred (未发生…行政复议). */
  zero: boolean;
  /** The cell(s) compared; for an ambiguous wording, the reading that matched or the most likely one. */
  target: FigureTarget | null;
  status: FigureStatus;
  /** For a mismatch: warning where the wording names one cell, information where it is ambiguous. */
  severity: 'warning' | 'information' | null;
  /** How an ambiguous wording was read, or why a difference is only information. */
  note: Localized | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the prose

export interface RawFigure {
  span: Span;
  value: number;
  raw: string;
  metric: MetricId;
  domain: Domain;
  phraseSpan: Span;
  zero: boolean;
  paragraph: number;
}

type WordToken = Extract<Token, { type: 'word' }>;
type CountTok = Extract<Token, { type: 'count' }>;

const SECTION_DOMAIN: Partial<Record<SectionId, Domain>> = { 2: 'proactive', 3: 'application' };
const SPECIFIC: ReadonlySet<Domain> = new Set(['direct', 'after']);

/** What a set of words is about: a kind of 行政诉讼 over 行政诉讼/行政复议 over 依申请/主动公开. Built word by word. */
class DomainVote {
  private specific: Domain | null = null;
  private review = false;
  private litigation = false;
  private other: Domain | null = null;
  add(w: WordToken): this {
    if (w.role.kind !== 'domain') return this;
    const d = w.role.domain;
    if (SPECIFIC.has(d)) this.specific = d;
    else if (d === 'review') this.review = true;
    else if (d === 'litigation') this.litigation = true;
    else this.other = d;
    return this;
  }
  get result(): Domain | null {
    if (this.specific) return this.specific;
    if (this.review && this.litigation) return 'caseAll';
    if (this.review) return 'review';
    if (this.litigation) return 'litigation';
    return this.other;
  }
}

function resolveDomain(words: WordToken[], from = 0, to = words.length): Domain | null {
  const vote = new DomainVote();
  for (let i = from; i < to; i++) vote.add(words[i]);
  return vote.result;
}

function bestMetric(words: WordToken[], from: number, to: number): { metric: MetricId; token: WordToken } | null {
  let best: { metric: MetricId; token: WordToken; family: Family } | null = null;
  let received = false;
  let carried = false;
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (w.role.kind !== 'metric') continue;
    const family = FAMILY_BY_METRIC.get(w.role.metric)!;
    if (family.metric === 'received') received = true;
    if (family.metric === 'carried') carried = true;
    if (!best || family.priority > best.family.priority) best = { metric: family.metric, token: w, family };
  }
  // 受理…及上年结转…合计25件 counts both.
  if (best && received && carried && best.family.scope === 'application' && best.family.priority <= 60) {
    return { metric: 'applications', token: best.token };
  }
  return best;
}

function has(words: WordToken[], kind: string, from = 0, to = words.length): boolean {
  for (let i = from; i < to; i++) if (words[i].role.kind === kind) return true;
  return false;
}

/** A word naming a subject of table 四 (行政复议, 行政诉讼 …). */
const isCaseSubject = (w: WordToken) => w.role.kind === 'domain' && w.role.domain !== 'application' && w.role.domain !== 'proactive';
const isTotal = (w: WordToken) => w.role.kind === 'total';

function find(words: WordToken[], from: number, to: number, test: (w: WordToken) => boolean): WordToken | null {
  for (let i = from; i < to; i++) if (test(words[i])) return words[i];
  return null;
}

type DomainState = { domain: Domain | null };

function readSegment(tokens: Token[], paragraph: number, state: DomainState, out: RawFigure[]): void {
  // Ranges of `words` instead of a list per count: starts[k + 1] is the number of words before count k, so that its
  // words on the left (after the previous count) are words[starts[k], starts[k + 1]) and on the right (up to the
  // next count) words[starts[k + 1], starts[k + 2]).
  const words: WordToken[] = [];
  const counts: CountTok[] = [];
  const starts: number[] = [0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'word') words.push(t);
    else if (t.type === 'count') { counts.push(t); starts.push(words.length); }
  }
  starts.push(words.length);
  const segmentDomain = resolveDomain(words);
  if (counts.length === 0) {
    readZeroStatement(tokens, paragraph, segmentDomain ?? state.domain, out);
  }
  const before = new DomainVote();
  for (let k = 0; k < counts.length; k++) {
    const tok = counts[k];
    const from = starts[k];
    const at = starts[k + 1];
    const to = starts[k + 2];
    for (let i = from; i < at; i++) before.add(words[i]);
    if (has(words, 'delta', from, at)) continue;
    const picked = bestMetric(words, from, at) ?? bestMetric(words, at, to);
    // The words before the number say what it counts; the words after only when there are none before (1件为…).
    const windowDomain = resolveDomain(words, from, at) ?? resolveDomain(words, at, to);
    const domain = windowDomain ?? before.result ?? state.domain;
    if (!domain || domain === 'proactive') continue;
    // 行政复议和行政诉讼均为3件: each is 3, which no single cell or sum states (0 reads the same either way).
    if (domain === 'caseAll' && tok.count.value !== 0 && has(words, 'each', from, to)) continue;
    const family = picked ? FAMILY_BY_METRIC.get(picked.metric)! : null;
    if (family && has(words, 'exclude', from, to) && family.policy !== 'outcome' && family.policy !== 'foldable') continue;
    let metric: MetricId | null = null;
    let key: Span | null = picked ? picked.token : null;
    const isCase = CASE_DOMAINS.has(domain);
    if (isCase) {
      if (family?.scope === 'case') metric = family.metric;
      else if (family) metric = CASE_EQUIVALENT[family.metric] ?? null;
      else {
        const subject = find(words, from, to, isCaseSubject);
        const total = find(words, from, to, isTotal);
        if (subject || total) { metric = 'caseTotal'; key = subject ?? total ?? null; }
      }
      if (metric && has(words, 'exclude', from, to)) metric = null;
    } else if (domain === 'application' && family?.scope === 'application') {
      metric = family.metric;
    }
    if (!metric) continue;
    const c = tok.count;
    const phraseSpan = key
      ? { start: Math.min(key.start, c.start), end: Math.max(key.end, c.unitEnd) }
      : { start: c.start, end: c.unitEnd };
    out.push({ span: { start: c.start, end: c.end }, value: c.value, raw: c.raw, metric, domain, phraseSpan, zero: false, paragraph });
  }
  if (segmentDomain) state.domain = segmentDomain;
}

/** 未发生…行政复议或…行政诉讼案件: a figure of 0 on each subject that the clause says had none. */
function readZeroStatement(tokens: Token[], paragraph: number, domain: Domain | null, out: RawFigure[]): void {
  const at = tokens.findIndex((t) => t.type === 'word' && t.role.kind === 'negation');
  if (at < 0) return;
  const negation = tokens[at] as WordToken;
  const after = tokens.slice(at + 1).filter((t): t is WordToken => t.type === 'word');
  if (has(after, 'exclude') || has(after, 'delta')) return;
  // 行政复议：无 / 行政复议、行政诉讼均无: the subject before a negation that ends the clause.
  const subjects = after.length > 0 ? after : tokens.slice(0, at).filter((t): t is WordToken => t.type === 'word');
  if (subjects !== after && (has(subjects, 'exclude') || has(subjects, 'delta'))) return;
  const seen = new Set<Domain>();
  for (const w of subjects) {
    if (w.role.kind !== 'domain' || !CASE_DOMAINS.has(w.role.domain) || seen.has(w.role.domain)) continue;
    seen.add(w.role.domain);
    out.push({
      span: { start: w.start, end: w.end }, value: 0, raw: '', metric: 'caseTotal', domain: w.role.domain,
      phraseSpan: { start: negation.start, end: w.end }, zero: true, paragraph,
    });
  }
  if (seen.size) return;
  const receivedWord = after.find((w) => w.role.kind === 'metric' && w.role.metric === 'received');
  const implied = negation.role.kind === 'negation' && negation.role.metric === 'received';
  if ((implied || receivedWord) && domain === 'application' && after.some((w) => w.role.kind === 'domain' && w.role.domain === 'application')) {
    const end = (receivedWord ?? negation).end;
    out.push({
      span: { start: negation.start, end }, value: 0, raw: '', metric: 'received', domain: 'application',
      phraseSpan: { start: negation.start, end }, zero: true, paragraph,
    });
  }
}

/** A report states a few dozen figures; past this many the text is not a report's prose and reading stops. */
export const MAX_FIGURES = 5000;

/** Every figure the prose states, in text order, not yet compared. Linear in the text length. */
export function readFigures(model: ReportModel): RawFigure[] {
  const out: RawFigure[] = [];
  let paragraph = 0;
  const layout = () => proseLayout(model);
  for (const chunk of proseChunks(model)) {
    if (out.length >= MAX_FIGURES) break;
    const state: DomainState = { domain: chunk.section ? SECTION_DOMAIN[chunk.section] ?? null : null };
    let segment: Token[] = [];
    // Most clauses hold no number and no negation: all they can do is set the domain the next ones are about.
    let figureLike = false;
    let domainWords = false;
    const close = () => {
      if (figureLike) readSegment(segment, paragraph, state, out);
      else if (domainWords) state.domain = resolveDomain(segment as WordToken[]) ?? state.domain;
      segment = [];
      figureLike = false;
      domainWords = false;
    };
    scanTokens(model.text, chunk.spans, layout, (t) => {
      if (out.length >= MAX_FIGURES) return true;
      if (t.type === 'boundary' || t.type === 'paragraph') {
        if (segment.length) close();
        if (t.type === 'paragraph') paragraph++;
      } else {
        segment.push(t);
        if (t.type === 'count' || t.role.kind === 'negation') figureLike = true;
        else if (t.role.kind === 'domain') domainWords = true;
      }
      return false;
    });
    if (segment.length && out.length < MAX_FIGURES) close();
    paragraph++;
  }
  return out.length > MAX_FIGURES ? out.slice(0, MAX_FIGURES) : out;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing with the tables

/** Table 三's rows in the latest template: short names, and the rows of each outcome group (（三）不予公开 …) in order. */
const APPLICATION_ROWS = TEMPLATE_YEARS[TEMPLATE_YEARS.length - 1].tables[3][0].rows;
const SHORT_ROW = new Map(TEMPLATE_YEARS.flatMap((y) => y.tables[3].flatMap((t) => t.rows)).filter((r) => r.short).map((r) => [r.key, r.short!]));
const GROUP_ROWS: Record<string, string[]> = Object.fromEntries(APPLICATION_ROWS.filter((r) => r.group && r.parent)
  .map((g) => [g.key, APPLICATION_ROWS.filter((r) => r.parent === g.key && !r.group).map((r) => r.key)])
  .filter(([, rows]) => rows.length > 0));
/** 2019 has one （六）其他处理 row where 2021 has three. */
const FALLBACK_ROW: Record<string, string> = { other1: 'other', other2: 'other', other3: 'other' };
const GROUP_OF: Record<string, string> = Object.fromEntries(Object.entries(GROUP_ROWS).flatMap(([g, rows]) => rows.map((r) => [r, g])));

const rowName = (row: RowModel) => SHORT_ROW.get(row.key) ?? row.templateLabel;

interface Tables {
  /** Targets already built, by a key naming the rows or cells. */
  memo: Map<string, FigureTarget | null>;
  /** The same targets by the key list they were asked for with. */
  byList: Map<readonly string[], FigureTarget | null>;
  applications: Map<string, RowModel>;
  /** Label of each group row of table 三 (（三）不予公开 …). */
  groups: Map<string, string>;
  /** Table 四's cells by column key: built for the first figure about review or litigation (a third of the reports). */
  cases: Map<string, CellModel> | null;
  model: ReportModel;
}

function tablesOf(model: ReportModel): Tables {
  const applications = new Map<string, RowModel>();
  const groups = new Map<string, string>();
  for (const t of model.tables) {
    if (t.id !== 3 || t.unreliable) continue;
    for (const r of t.rows) {
      if (r.group) groups.set(r.key, r.templateLabel);
      else if (!applications.has(r.key)) applications.set(r.key, r);
    }
  }
  return { memo: new Map(), byList: new Map(), applications, groups, cases: null, model };
}

function casesOf(tables: Tables): Map<string, CellModel> {
  if (tables.cases) return tables.cases;
  const cases = new Map<string, CellModel>();
  for (const t of tables.model.tables) {
    if (t.id === 4 && !t.unreliable) for (const r of t.rows) for (const c of r.cells) if (!cases.has(c.columnKey)) cases.set(c.columnKey, c);
  }
  tables.cases = cases;
  return cases;
}

function applicationCell(tables: Tables, key: string): FigureCell | null {
  const row = tables.applications.get(key);
  const cell = row?.cells.find((c) => c.columnKey === 'total');
  if (!row || !cell || cell.value === null) return null;
  const name = `三、${rowName(row)} × 总计`;
  return { span: cell.span, value: cell.value, name: { zh: name, en: name } };
}

function sumTarget(title: string, cells: (FigureCell | null)[]): FigureTarget | null {
  if (!cells.length || cells.some((c) => c === null)) return null;
  const list = cells as FigureCell[];
  return { title: { zh: title, en: title }, cells: list, value: list.reduce((s, c) => s + c.value, 0) };
}

function rowsTarget(tables: Tables, keys: readonly string[]): FigureTarget | null {
  // Most keys are one of the constant lists below or a family's own rows: remembered by the list itself first.
  const known = tables.byList.get(keys);
  if (known !== undefined) return known;
  const key = `rows:${keys.join('+')}`;
  let target = tables.memo.get(key);
  if (target === undefined) {
    target = buildRowsTarget(tables, keys);
    tables.memo.set(key, target);
  }
  tables.byList.set(keys, target);
  return target;
}

const NONE: readonly string[] = [];
const NEW: readonly string[] = ['new'];
const NEW_AND_CARRIED: readonly string[] = ['new', 'carried'];
const TOTAL: readonly string[] = ['total'];

function buildRowsTarget(tables: Tables, keys: readonly string[]): FigureTarget | null {
  // Resolve template differences: （六） is one row in 2019 and a group of three in 2021.
  const resolved: string[] = [];
  for (const k of keys) {
    if (tables.applications.has(k)) resolved.push(k);
    else if (GROUP_ROWS[k] && GROUP_ROWS[k].every((r) => tables.applications.has(r))) resolved.push(...GROUP_ROWS[k]);
    else if (FALLBACK_ROW[k] && tables.applications.has(FALLBACK_ROW[k])) resolved.push(FALLBACK_ROW[k]);
    else return null;
  }
  const unique = [...new Set(resolved)];
  const cells = unique.map((k) => applicationCell(tables, k));
  if (unique.length === 1) return sumTarget(cells[0]?.name.zh ?? '', cells);
  const group = GROUP_OF[unique[0]];
  const title = group && unique.every((k) => GROUP_OF[k] === group) && unique.length === GROUP_ROWS[group].length
    ? `三、${tables.groups.get(group) ?? group}（${unique.length} 项合计）× 总计`
    : `三、${unique.map((k) => rowName(tables.applications.get(k)!)).join(' + ')} × 总计`;
  return sumTarget(title, cells);
}

const CASE_GROUPS: Record<string, string[]> = {
  review: ['review'], direct: ['direct'], after: ['after'], litigation: ['direct', 'after'], caseAll: ['review', 'direct', 'after'],
};
const CASE_GROUP_NAME: Record<string, string> = { review: '行政复议', direct: '行政诉讼 › 未经复议直接起诉', after: '行政诉讼 › 复议后起诉' };
const COLUMN_NAME: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', otherResult: '其他结果', pending: '尚未审结', total: '总计' };

function caseTarget(tables: Tables, group: string, column: string): FigureTarget | null {
  const key = `case:${group}.${column}`;
  let target = tables.memo.get(key);
  if (target === undefined) {
    target = buildCaseTarget(tables, group, column);
    tables.memo.set(key, target);
  }
  return target;
}

function buildCaseTarget(tables: Tables, group: string, column: string): FigureTarget | null {
  const groups = CASE_GROUPS[group];
  if (!groups) return null;
  const cases = casesOf(tables);
  const cells = groups.map((g): FigureCell | null => {
    const cell = cases.get(`${g}.${column}`);
    if (!cell || cell.value === null) return null;
    const name = `四、${CASE_GROUP_NAME[g]} › ${COLUMN_NAME[column]}`;
    return { span: cell.span, value: cell.value, name: { zh: name, en: name } };
  });
  const title = groups.length === 1
    ? `四、${CASE_GROUP_NAME[groups[0]]} › ${COLUMN_NAME[column]}`
    : group === 'litigation'
      ? `四、行政诉讼（未经复议直接起诉 + 复议后起诉）› ${COLUMN_NAME[column]}`
      : `四、行政复议 + 行政诉讼（未经复议直接起诉 + 复议后起诉）› ${COLUMN_NAME[column]}`;
  return sumTarget(title, cells);
}

const note = (zh: string, en: string): Localized => ({ zh, en });

/** A figure read from the prose with the verdict of its comparison with the table. */
function judged(raw: RawFigure, label: Localized, phrase: string, target: FigureTarget | null, status: FigureStatus,
  severity: ProseFigure['severity'] = null, n: Localized | null = null): ProseFigure {
  return {
    span: raw.span, value: raw.value, raw: raw.raw, metric: raw.metric, domain: raw.domain, label, phrase, zero: raw.zero,
    target, status, severity, note: n,
  };
}

/** The figure compared with the cell(s) its wording names. */
function compare(raw: RawFigure, family: Family, label: Localized, phrase: string, tables: Tables, carried: number): ProseFigure {
  if (family.scope === 'case') {
    const target = caseTarget(tables, raw.domain, family.column!);
    if (!target) return judged(raw, label, phrase, null, 'unavailable');
    return target.value === raw.value ? judged(raw, label, phrase, target, 'match') : judged(raw, label, phrase, target, 'mismatch', 'warning');
  }
  const v = raw.value;
  switch (family.policy) {
    case 'received': {
      const target = rowsTarget(tables, NEW);
      if (!target) return judged(raw, label, phrase, null, 'unavailable');
      if (target.value === v) return judged(raw, label, phrase, target, 'match');
      const both = rowsTarget(tables, NEW_AND_CARRIED);
      if (carried > 0 && both && both.value === v) return judged(raw, label, phrase, both, 'match', null, note('文中数字含上年结转', 'the figure includes applications carried over'));
      return judged(raw, label, phrase, target, 'mismatch', 'warning');
    }
    case 'applications': {
      const order = carried > 0 ? [rowsTarget(tables, NEW_AND_CARRIED), rowsTarget(tables, NEW)] : [rowsTarget(tables, NEW)];
      const readings = [...order, rowsTarget(tables, TOTAL)].filter((t): t is FigureTarget => t !== null);
      if (!readings.length) return judged(raw, label, phrase, null, 'unavailable');
      const hit = readings.find((t) => t.value === v);
      if (hit) return judged(raw, label, phrase, hit, 'match');
      return judged(raw, label, phrase, readings[0], 'mismatch', 'information',
        note('“办理/处理”可指新收、新收加上年结转或办结，无法确定对应哪个单元格，与三者都不相等',
          'the wording may mean new, new plus carried over, or answered applications; it equals none of them'));
    }
    case 'handled': {
      const target = rowsTarget(tables, TOTAL);
      if (!target) return judged(raw, label, phrase, null, 'unavailable');
      if (target.value === v) return judged(raw, label, phrase, target, 'match');
      if (carried > 0 && v < target.value && v >= target.value - carried) {
        return judged(raw, label, phrase, target, 'mismatch', 'information',
          note(`上年结转 ${carried} 件，文中数字可能只计本年新收申请`, `${carried} carried over from last year; the text may count only new applications`));
      }
      return judged(raw, label, phrase, target, 'mismatch', 'warning');
    }
    default: {
      const target = rowsTarget(tables, family.rows ?? NONE);
      if (!target) return judged(raw, label, phrase, null, 'unavailable');
      if (target.value === v) return judged(raw, label, phrase, target, 'match');
      if (family.policy === 'foldable') {
        return judged(raw, label, phrase, target, 'mismatch', 'information',
          note('文中的类别可能在表中归入了其他行', 'the category in the text may be counted under another row of the table'));
      }
      if (family.policy === 'outcome' && carried > 0 && v < target.value && target.value <= v + carried) {
        return judged(raw, label, phrase, target, 'mismatch', 'information',
          note(`上年结转 ${carried} 件，文中数字可能只计本年新收申请`, `${carried} carried over from last year; the text may count only new applications`));
      }
      return judged(raw, label, phrase, target, 'mismatch', 'warning');
    }
  }
}

const OUTCOME_POLICIES = new Set(['outcome', 'foldable']);
const MAX_PHRASE = 24;

function phraseOf(text: string, span: Span): string {
  const s = text.slice(span.start, span.end).replace(/[\s“”"「」『』]+/g, '');
  return s.length > MAX_PHRASE ? `…${s.slice(s.length - MAX_PHRASE + 1)}` : s;
}

const ANOTHER_POPULATION = note('同段的办理总数与表格不一致，这组结果数字可能统计的是另一范围',
  'the total in the same paragraph differs from the table; this breakdown may count a different set of applications');

function sumExpression(values: number[], sum: number): string {
  const shown = values.length > 6 ? [...values.slice(0, 5).map(String), '…'] : values.map(String);
  return `${shown.join(' + ')} = ${sum}`;
}

function computeFigures(model: ReportModel): ProseFigure[] {
  const tables = tablesOf(model);
  const carried = applicationCell(tables, 'carried')?.value ?? 0;
  const raws = readFigures(model);
  const figures: ProseFigure[] = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i];
    const family = FAMILY_BY_METRIC.get(r.metric)!;
    const label = family.metric === 'caseTotal' ? DOMAIN_LABEL[r.domain] : family.label;
    figures.push(compare(r, family, label, phraseOf(model.text, r.phraseSpan), tables, carried));
  }

  // A breakdown of outcomes in a paragraph whose total is not the table's describes another population.
  const offParagraphs = new Set<number>();
  figures.forEach((f, i) => {
    const family = FAMILY_BY_METRIC.get(f.metric)!;
    if (family.scope === 'application' && !OUTCOME_POLICIES.has(family.policy) && f.status === 'mismatch') offParagraphs.add(raws[i].paragraph);
  });
  // The same outcome named twice in a paragraph (“信息不存在”3件 …“不属于本机关”1件) is compared as a sum.
  const groups = new Map<string, ProseFigure[]>();
  figures.forEach((f, i) => {
    if (!OUTCOME_POLICIES.has(FAMILY_BY_METRIC.get(f.metric)!.policy) || f.zero) return;
    const key = `${raws[i].paragraph}/${f.metric}`;
    const list = groups.get(key);
    if (list) list.push(f); else groups.set(key, [f]);
  });
  for (const list of groups.values()) {
    if (list.length < 2 || !list[0].target) continue;
    const sum = list.reduce((s, f) => s + f.value, 0);
    const expr = sumExpression(list.map((f) => f.value), sum);
    const agrees = note(`与同段同类数字合计 ${expr}`, `summed with the same category in the paragraph: ${expr}`);
    const differs = note(`同段同类数字合计 ${expr}，与表格仍不一致`, `the same category in the paragraph sums to ${expr}, still different`);
    for (const f of list) {
      if (sum === f.target!.value) Object.assign(f, { status: 'match', severity: null, note: agrees });
      else if (f.status === 'mismatch') Object.assign(f, { severity: 'information', note: differs });
    }
  }
  figures.forEach((f, i) => {
    if (f.status === 'mismatch' && f.severity === 'warning' && OUTCOME_POLICIES.has(FAMILY_BY_METRIC.get(f.metric)!.policy) && offParagraphs.has(raws[i].paragraph)) {
      f.severity = 'information';
      f.note = ANOTHER_POPULATION;
    }
  });
  return figures;
}

/** Figures stated in the prose, each with the table value it was compared with (for diagnostics and hovers). */
export const proseFigures = derivedFrom(computeFigures);

/** The target as "三、（七）总计 × 总计 = 18" or "… = 24 + 1 = 25". */
export function targetText(t: FigureTarget): Localized {
  const expr = t.cells.length > 1 ? `${t.cells.map((c) => c.value).join(' + ')} = ${t.value}` : String(t.value);
  return { zh: `${t.title.zh} = ${expr}`, en: `${t.title.en} = ${expr}` };
}

/** Hover text for a figure: 表格：三、（七）总计 × 总计 = 18（文中 17，不一致）. */
export function describeFigure(f: ProseFigure): Localized {
  if (!f.target) {
    return { zh: `文中${f.label.zh} ${f.value} 件：表格中没有可比较的数字`, en: `The text states ${f.value} (${f.label.en}); the table has no figure to compare` };
  }
  const t = targetText(f.target);
  const verdict = f.status === 'match'
    ? { zh: '一致', en: 'agrees' }
    : { zh: `文中 ${f.value}，不一致`, en: `the text says ${f.value}: differs` };
  const extra = f.note ? { zh: `；${f.note.zh}`, en: `; ${f.note.en}` } : { zh: '', en: '' };
  return { zh: `表格：${t.zh}（${verdict.zh}${extra.zh}）`, en: `Table: ${t.en} (${verdict.en}${extra.en})` };
}
