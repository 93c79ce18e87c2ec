import { TEMPLATE_YEARS, tableVariants, templateYearForReportYear } from '../template';
import type { ReportModel, SectionModel, SubHeading, TableId, TableModel, TemplateYear } from '../types';
import { derivedFrom } from '../derived';
import { alignTable, type Alignment } from './align';
import { judgeReading } from './reading';
import { agencyOfTitle, findSections, findSubHeadings, findTitle, lineOf, yearOfOpening, yearOfPeriod, yearOfTitle, type Lines } from './document';
import { tokenize, type Token } from './tokens';
import { lineIndex } from '../text';
import { unflatten } from './flattened';

export interface ParseOptions {
  /** Force a template year instead of detecting it. */
  templateYear?: 'auto' | TemplateYear;
}

const TABLE_IDS: TableId[] = [2, 3, 4];

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  const lineBreaks = lineIndex(text);
  const starts = lineBreaks.starts;
  // The parser reads lines; a flattened page is read as the lines it once was (the model keeps the real ones).
  const lines = unflatten(text, lineBreaks);
  const { sections, extra } = findSections(text, lines);
  const title = findTitle(text, lines, sections[0]?.heading.span.start ?? text.length, lines !== lineBreaks);

  const titleYear = title ? yearOfTitle(title.text) : null;
  const period = titleYear === null ? yearOfPeriod(text) : null;
  const proseYear = titleYear === null && period === null ? yearOfOpening(text) : null;
  const reportYear = titleYear ?? period?.year ?? proseYear;

  const markerYear = detectByMarkers(text);
  const override = options.templateYear && options.templateYear !== 'auto' ? options.templateYear : null;
  const preferred: TemplateYear = override ?? markerYear ?? (reportYear !== null ? templateYearForReportYear(reportYear) : 2021);

  const isReport = (title !== null && /信息公开/.test(title.text)) || sections.length >= 3;
  const tables: TableModel[] = [];
  if (isReport) {
    for (const id of TABLE_IDS) {
      const region = tableRegion(id, sections, lines, text.length);
      const table = region ? readTable(text, lines, region, id, preferred, lines !== lineBreaks) : null;
      if (table) tables.push(table);
    }
  }
  let templateYear: TemplateYear | null = override ?? markerYear;
  let templateYearSource: ReportModel['templateYearSource'] = override ? 'override' : markerYear ? 'markers' : null;
  if (templateYear === null && tables.length > 0) {
    templateYear = reportYear !== null ? templateYearForReportYear(reportYear) : tables[0].variantYear;
    templateYearSource = 'report-year';
  }

  return {
    text,
    lineStarts: starts,
    controlCharacters: lineBreaks.controls,
    title,
    agency: title ? agencyOfTitle(title.text) : null,
    reportYear,
    reportYearSource: titleYear !== null ? 'title' : period ? 'period' : proseYear !== null ? 'prose' : null,
    templateYear,
    templateYearSource,
    isReport,
    sections,
    extraHeadings: extra,
    tables,
  };
}

/**
 * Each section's sub-headings (（一）…, 1. …), in the order of model.sections, found when first asked for: only the
 * outline and next year's report read them, so a check does not look for them. They are found in the lines the
 * parser read (a flattened page's as it once was), outside the tables.
 */
const subHeadingsOfSections = derivedFrom((model: ReportModel): SubHeading[][] => {
  const lines = unflatten(model.text, lineIndex(model.text));
  const tableSpans = model.tables.map((t) => t.span);
  return model.sections.map((s) => findSubHeadings(model.text, lines, s, tableSpans));
});

/** The sub-headings of one of the model's sections. */
export function subHeadingsOf(model: ReportModel, section: SectionModel): SubHeading[] {
  const at = model.sections.indexOf(section);
  return at < 0 ? [] : subHeadingsOfSections(model)[at];
}

/**
 * A table whose header stands in a line this long is no table of rows: it was flattened onto the line, its cells
 * run together (a prose paragraph before a table may be long, so the header's own line is what tells). A short
 * table (四) may fit in fewer characters: its header words written with nothing between them tell then.
 */
const RUN_TOGETHER_LINE = 150;
const HEADER_RUNS: [header: string, next: RegExp][] = [
  ['信息内容', /^(?:本年|上一年|采购)/],
  ['申请人情况', /^自然人/],
  ['行政复议', /^行政诉讼/],
  ['结果维持', /^结果纠正/],
];

/**
 * Whether the table in lines [from, to) is run together: one of its header words stands in a long line, or with
 * the word that follows it in the table written right after it (信息内容本年…), wherever the flattened line was cut.
 * Each header word is searched for in the region, not line by line.
 */
function isRunTogether(text: string, lines: Lines, from: number, to: number): boolean {
  const start = lines.starts[from];
  const region = text.slice(start, lines.ends[to - 1]);
  for (const [header, next] of HEADER_RUNS) {
    for (let at = region.indexOf(header); at >= 0; at = region.indexOf(header, at + 1)) {
      if (next.test(region.slice(at + header.length, at + header.length + 8))) return true;
      const line = lineOf(lines, start + at);
      if (lines.ends[line] - lines.starts[line] > RUN_TOGETHER_LINE) return true;
    }
  }
  return false;
}

/**
 * Whether a run-together reading of a table reads better than the lines as they stand: at a lower cost or, where
 * the lines gave no table at all, with nothing left over (not figures of the prose taken for a table) or with its
 * labels before digits run together that no one split can be told for (规章1011行政规范性文件82666: a table, said
 * once to be unreadable, not a missing one).
 */
function readsBetter(read: Alignment | null, plain: Alignment | null): boolean {
  if (!read) return false;
  if (plain) return read.cost < plain.cost;
  return read.table.unread.length === 0 || read.table.unreliable !== null;
}

/** Whether the region's cells are parted by '|' or tabs: its text is not run together, however long its lines. */
function hasSeparators(text: string, lines: Lines, region: Region): boolean {
  if (region.toLine <= region.fromLine) return false;
  const start = lines.starts[region.fromLine];
  const end = lines.ends[region.toLine - 1];
  const pipe = text.indexOf('|', start);
  const tab = text.indexOf('\t', start);
  return (pipe >= 0 && pipe < end) || (tab >= 0 && tab < end);
}

/**
 * Whether the region holds a line of nothing but cell separators, where a page's copy collapsed a run of blank
 * cells: rows then lack figures that were blank, and the variants are compared on their labels alone.
 */
function hasFillerLine(text: string, lines: Lines, from: number, to: number): boolean {
  for (let l = from; l < to; l++) if (text.charCodeAt(lines.starts[l]) === 0x7c && isFillerLine(text, lines.starts[l], lines.ends[l])) return true;
  return false;
}

/** Whether text[start, end) holds nothing but two or more cell separators and white space. */
function isFillerLine(text: string, start: number, end: number): boolean {
  let pipes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c) pipes++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
  }
  return pipes >= 2;
}

/** Whether a table region holds far fewer figures than labels (a table pasted as an image leaves its labels). */
function hasFewFigures(tokens: Token[]): boolean {
  let values = 0;
  let labels = 0;
  for (const t of tokens) if (t.kind === 'value') values++; else if (t.kind === 'text') labels++;
  return labels >= 6 && values * 5 < labels;
}

type Region = { fromLine: number; toLine: number };

/**
 * Table `id` read from its region. The usual table reads exactly as it stands; the layouts that need more (digits
 * run together, a table of labels without figures, blank cells collapsed) are looked for only when it does not.
 */
function readTable(text: string, lines: Lines, region: Region, id: TableId, preferred: TemplateYear, flattened: boolean): TableModel | null {
  // A table with nothing after it may be a copy cut short: its variants are compared on the rows the text holds,
  // not on those it lacks at its end (a cut 2021 table lacks more rows than a 2019 one).
  const openEnded = region.toLine >= lines.starts.length;
  let runTogether = false;
  let tokens = tokenize(text, lines.starts, lines.ends, region.fromLine, region.toLine);
  let best = bestAlignment(tokens, text, lines, region, id, preferred, { openEnded, labelsOnly: false, runTogether });
  if (!best || best.cost > 0) {
    // A flattened page's table may be run together even where no header word shows it (its lines cut at a page
    // number may be short): there the run-together reading is tried too, and kept when it reads better.
    const certain = isRunTogether(text, lines, region.fromLine, region.toLine);
    if (certain || (flattened && !hasSeparators(text, lines, region))) {
      const together = tokenize(text, lines.starts, lines.ends, region.fromLine, region.toLine, true);
      const read = bestAlignment(together, text, lines, region, id, preferred, { openEnded, labelsOnly: false, runTogether: true });
      if (certain || readsBetter(read, best)) {
        runTogether = true;
        tokens = together;
        best = read;
      }
    }
  }
  // A table with labels but (almost) no figures is compared on its labels alone: otherwise the variant with the
  // fewest figures a row would win for lacking less.
  if (best && best.shortCost > 0 && (hasFewFigures(tokens) || hasFillerLine(text, lines, region.fromLine, region.toLine))) {
    best = bestAlignment(tokens, text, lines, region, id, preferred, { openEnded, labelsOnly: true, runTogether });
  }
  return best ? judgeReading(text, best.table, { lines, endsInTable: openEnded && best.endsInLabels(), flattened }) : null;
}

interface Comparison { openEnded: boolean; labelsOnly: boolean; runTogether: boolean }

/**
 * The variant of table `id` that aligns best with the tokens. Even with a forced template year every variant is
 * tried: the tables are read as they are written, and template-version says where they differ from the year asked.
 */
function bestAlignment(tokens: Token[], text: string, lines: Lines, region: Region, id: TableId, preferred: TemplateYear, how: Comparison): Alignment | null {
  const costOf = (a: Alignment) => a.cost - (how.openEnded ? a.tailCost : 0) - (how.labelsOnly ? a.shortCost : 0);
  const prune = !how.openEnded && !how.labelsOnly;
  let best: Alignment | null = null;
  for (const tpl of tableVariants(id, preferred)) {
    const a = alignTable(tokens, tpl, { start: lines.starts[region.fromLine] ?? text.length, end: text.length }, prune ? best?.cost : Infinity, how.runTogether);
    if (a && (!best || costOf(a) < costOf(best))) best = a;
    if (best && costOf(best) === 0) break; // a perfect fit: no other variant can do better
  }
  return best;
}

/** Every template year's marker words, found by one regular expression: a single pass over the text. */
const MARKERS = [...new Set(TEMPLATE_YEARS.flatMap((t) => t.markers))];
const MARKER_SEARCH = new RegExp(MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** Whether an occurrence of `m` can start within one of `o` (or where it starts), so that a match of `o` hides it. */
function canHide(o: string, m: string): boolean {
  for (let k = 0; k < o.length; k++) {
    const overlap = Math.min(o.length - k, m.length);
    if (o.startsWith(m.slice(0, overlap), k)) return true;
  }
  return false;
}

/** Markers the single pass can miss behind another's match: looked for on their own when it does not find them. */
const HIDEABLE = new Set(MARKERS.filter((m) => MARKERS.some((o) => o !== m && canHide(o, m))));

/** The template year whose marker words occur more often, or null on a tie. */
function detectByMarkers(text: string): TemplateYear | null {
  const found = new Set<string>();
  MARKER_SEARCH.lastIndex = 0;
  for (let m = MARKER_SEARCH.exec(text); m !== null; m = MARKER_SEARCH.exec(text)) found.add(m[0]);
  let best: TemplateYear | null = null;
  let bestCount = 0;
  let tie = false;
  for (const t of TEMPLATE_YEARS) {
    let count = 0;
    for (const marker of t.markers) if (found.has(marker) || (HIDEABLE.has(marker) && text.includes(marker))) count++;
    if (count > bestCount) { best = t.year; bestCount = count; tie = false; } else if (count === bestCount && count > 0) tie = true;
  }
  return tie ? null : best;
}

/** Lines to search for table `id`: its section's body, or where the section should have been. */
function tableRegion(id: TableId, sections: SectionModel[], lines: Lines, textLength: number): { fromLine: number; toLine: number } | null {
  const own = sections.find((s) => s.id === id);
  const lineCount = lines.starts.length;
  if (own) {
    return { fromLine: lineOf(lines, own.heading.span.end - 1) + 1, toLine: own.span.end >= textLength ? lineCount : lineOf(lines, own.span.end) };
  }
  const before = [...sections].reverse().find((s) => s.id < id);
  const after = sections.find((s) => s.id > id && (!before || s.heading.span.start > before.heading.span.start));
  if (!before && !after && sections.length === 0) return { fromLine: 0, toLine: lineCount };
  const fromLine = before ? lineOf(lines, before.heading.span.end - 1) + 1 : 0;
  const toLine = after ? lineOf(lines, after.heading.span.start) : lineCount;
  return fromLine < toLine ? { fromLine, toLine } : null;
}

