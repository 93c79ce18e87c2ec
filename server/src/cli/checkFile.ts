// What the CLI does with one report file — read, decode, fix, check — on whichever thread checks it.
import * as fsSync from 'node:fs';
import * as path from 'node:path';
import { formatOf, type FormatEntry } from '../formats';
import { applyEdits, checkText, type EngineConfig, type Finding, type Locale, type ReportModel, type TemplateYear } from '../engine';
import { deskRecord, unreadRecord } from '../desk/record';
import { crossSummary } from './crossSummary';
import { decode, DecodeError, encode, type Decoded } from './encoding';
import { jsonEntry } from './formatters/json';
import type { FindingNeeds, LocatedFinding } from './formatters/types';

const MAX_FIX_PASSES = 10;
const utf8 = new TextEncoder();

export function problem(code: string, severity: Finding['severity'], zh: string, en: string): Finding {
  return { code, severity, message: { zh, en }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, related: [], fixes: [] };
}

/** Why a file was not checked: a finding in its place, and whether it counts as a read error (exit code 2). */
export interface Unread { problem: Finding; ioFailure: boolean }

/** The file's bytes, or why it cannot be checked. */
function readBytes(file: string, maxFileSize: number): Buffer | Unread {
  try {
    // Synchronous reads: for thousands of small files the thread-pool round trips cost more than the reads.
    const stat = fsSync.statSync(file);
    if (stat.size > maxFileSize) {
      return {
        ioFailure: false,
        problem: problem('file-too-large', 'warning',
          `文件大小 ${(stat.size / 1048576).toFixed(1)}MB 超过上限 ${(maxFileSize / 1048576).toFixed(1)}MB，未检查（可用 --max-file-size 调整）`,
          `File of ${(stat.size / 1048576).toFixed(1)} MB exceeds the ${(maxFileSize / 1048576).toFixed(1)} MB limit; not checked (see --max-file-size)`),
      };
    }
    return fsSync.readFileSync(file);
  } catch (e) {
    return { ioFailure: true, problem: problem('file-unreadable', 'error', `无法读取文件：${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) };
  }
}

/** The file's text and encoding, or why it cannot be checked. */
export function readReportFile(file: string, maxFileSize: number): Decoded | Unread {
  const bytes = readBytes(file, maxFileSize);
  if ('problem' in bytes) return bytes;
  try {
    return decode(bytes);
  } catch (e) {
    const msg = e instanceof DecodeError ? e.message : String(e);
    return { ioFailure: true, problem: problem('file-unreadable', 'error', msg.split(' / ')[0], msg.split(' / ')[1] ?? msg) };
  }
}

/** Keeps of each finding what the output reads (see FindingNeeds). */
function keep(findings: LocatedFinding[], needs: FindingNeeds): LocatedFinding[] {
  return findings.map((f) => ({
    ...f,
    related: needs.related ? f.related : [],
    fixes: needs.fixes === 'preferred' ? f.fixes.filter((x) => x.preferred) : [],
  }));
}

/** Applies preferred fixes until none is left (fixes can expose others, e.g. a label then a total). */
export function fixText(text: string, config: Partial<EngineConfig>): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings } = checkText(current, config);
    const edits = findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** One file to check, with its settings (.govreportrc.json and the command line merged). */
export interface Job { file: string; config: EngineConfig }

/** What is the same for every file of a run. */
export interface RunSettings {
  /** Output format: json entries are rendered where the file is checked; the others get findings. */
  format: string;
  needs: FindingNeeds;
  locale: Locale;
  maxFileSize: number;
  fix: boolean;
  /** export and summary: each file's DeskRecord instead of formatted findings. */
  desk?: boolean;
}

/**
 * What checking one file hands back: small, so that a checking thread can send it to the main thread cheaply
 * and a run over thousands of files does not hold their models.
 */
export interface FileReport {
  templateYear: TemplateYear | null;
  reportYear: number | null;
  /** The findings as the formatter reads them (see FindingNeeds); empty when `entry` is set. */
  findings: LocatedFinding[];
  /**
   * --format json: the file's entry of the output array, written out in UTF-8 (a copy of a few kilobytes to
   * send between threads, and nothing for the garbage collector to look through).
   */
  entry?: Uint8Array;
  /** At least one error-severity finding (exit code 1). */
  error: boolean;
  /** What carry-over-mismatch (R5) needs of the report (see crossSummary); null when it cannot take part. */
  cross: ReportModel | null;
  /** The file could not be read or decoded (exit code 2). */
  ioFailure: boolean;
  /** --fix: why the fixed text could not be written back. */
  writeError?: string;
  /** --fix: why the file was left as it was (a Word or PDF file). */
  fixNote?: string;
  /** A web page, Word or PDF file taking part in R5: where R5's findings are placed in it. */
  locator?: import('./formatFile').Locator;
  /**
   * The file's figures and findings (a DeskRecord) as one line of JSON, when RunSettings.desk is set: a string is
   * cheap to send between threads and goes to the spool as it is.
   */
  desk?: string;
}

/**
 * Reads, decodes, fixes (--fix, written back in the file's own encoding and line ends) and checks one file. A
 * text file is checked at once; a web page, Word or PDF file through its reader, which may be asynchronous.
 */
export function checkJob(job: Job, s: RunSettings): FileReport | Promise<FileReport> {
  const entry = formatOf(path.extname(job.file));
  if (entry) return checkPublishedJob(job, s, entry);
  const read = readReportFile(job.file, s.maxFileSize);
  if ('problem' in read) return finish(job, s, unreadReport(read), [read.problem], null);
  let text = read.text;
  let writeError: string | undefined;
  if (s.fix) {
    const fixed = fixText(text, job.config);
    if (fixed !== text) {
      try {
        fsSync.writeFileSync(job.file, encode(fixed, read.encoding));
        text = fixed;
      } catch (e) {
        writeError = (e as Error).message;
      }
    }
  }
  const { model, findings } = checkText(text, job.config);
  const report: FileReport = {
    templateYear: model.templateYear,
    reportYear: model.reportYear,
    findings: [],
    error: false,
    cross: crossSummary(model),
    ioFailure: false,
    ...(writeError !== undefined ? { writeError } : {}),
  };
  return finish(job, s, report, findings, model);
}

const unreadReport = (read: Unread): FileReport =>
  ({ templateYear: null, reportYear: null, findings: [], error: false, cross: null, ioFailure: read.ioFailure });

/**
 * Renders a checked file's findings as the output needs them (a JSON entry, the slim findings, or the desk's record
 * of its figures); `model` is null for a file that could not be read.
 */
function finish(job: Job, s: RunSettings, report: FileReport, all: LocatedFinding[], model: ReportModel | null): FileReport {
  report.error = all.some((f) => f.severity === 'error');
  if (s.desk) {
    report.findings = [];
    report.desk = JSON.stringify(model ? deskRecord(job.file, model, all, s.locale) : unreadRecord(job.file, all[0], s.locale));
  } else if (s.format === 'json') {
    report.findings = [];
    report.entry = utf8.encode(jsonEntry({ file: job.file, templateYear: report.templateYear, reportYear: report.reportYear, findings: all }, s.locale));
  } else {
    report.findings = keep(all, s.needs);
  }
  return report;
}

/**
 * A web page, Word or PDF file: its reader and the locating of findings are loaded on the first such file. For
 * carry-over-mismatch (R5), found once every file is checked, it keeps what places a finding in the file.
 */
async function checkPublishedJob(job: Job, s: RunSettings, entry: FormatEntry): Promise<FileReport> {
  const bytes = readBytes(job.file, s.maxFileSize);
  if ('problem' in bytes) return finish(job, s, unreadReport(bytes), [bytes.problem], null);
  const { checkFormatFile } = require('./formatFile') as typeof import('./formatFile');
  const r = await checkFormatFile(job.file, bytes, entry, job.config, s.fix, s.maxFileSize, s.needs);
  const report: FileReport = {
    templateYear: r.model?.templateYear ?? null,
    reportYear: r.model?.reportYear ?? null,
    findings: [],
    error: false,
    cross: r.model ? crossSummary(r.model) : null,
    ioFailure: r.unreadable,
    ...(r.model && r.locator ? { locator: r.locator } : {}),
    ...(r.writeError !== undefined ? { writeError: r.writeError } : {}),
    ...(r.fixNote !== undefined ? { fixNote: r.fixNote } : {}),
  };
  return finish(job, s, report, r.findings, r.model ?? null);
}
