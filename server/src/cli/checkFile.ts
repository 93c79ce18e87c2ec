// What the CLI does with one report file — read, decode, check — on whichever thread checks it.
import * as fsSync from 'node:fs';
import { checkText, type EngineConfig, type Finding, type ReportModel, type TemplateYear } from '../engine';
import { decode, DecodeError, type Decoded } from './encoding';
import type { FindingNeeds } from './formatters/types';

export function problem(code: string, severity: Finding['severity'], zh: string, en: string): Finding {
  return { code, severity, message: { zh, en }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, related: [], fixes: [] };
}

/** Why a file was not checked: a finding in its place, and whether it counts as a read error (exit code 2). */
export interface Unread { problem: Finding; ioFailure: boolean }

/** The file's text and encoding, or why it cannot be checked. */
export function readReportFile(file: string, maxFileSize: number): Decoded | Unread {
  let bytes: Buffer;
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
    bytes = fsSync.readFileSync(file);
  } catch (e) {
    return { ioFailure: true, problem: problem('file-unreadable', 'error', `无法读取文件：${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) };
  }
  try {
    return decode(bytes);
  } catch (e) {
    const msg = e instanceof DecodeError ? e.message : String(e);
    return { ioFailure: true, problem: problem('file-unreadable', 'error', msg.split(' / ')[0], msg.split(' / ')[1] ?? msg) };
  }
}

export interface Checked {
  templateYear: TemplateYear | null;
  reportYear: number | null;
  findings: Finding[];
  /** What carry-over-mismatch (R5) needs of the report, when it names its body and year; else null. */
  cross: ReportModel | null;
}

/** Keeps of each finding what the output reads (see FindingNeeds); everything, when no needs are given. */
function keep(findings: Finding[], needs: FindingNeeds | undefined): Finding[] {
  if (!needs) return findings;
  return findings.map((f) => ({
    ...f,
    related: needs.related ? f.related : [],
    fixes: needs.fixes === 'preferred' ? f.fixes.filter((x) => x.preferred) : [],
  }));
}

export function checkReport(text: string, config: EngineConfig, needs?: FindingNeeds): Checked {
  const { model, findings } = checkText(text, config);
  return {
    templateYear: model.templateYear,
    reportYear: model.reportYear,
    findings: keep(findings, needs),
    cross: model.agency && model.reportYear !== null ? slimModel(model) : null,
  };
}

/** What R5 needs of a report, without its text, so a run over thousands of files stays small. */
function slimModel(model: ReportModel): ReportModel {
  return {
    ...model,
    text: '',
    sections: [],
    extraHeadings: [],
    tables: model.tables.filter((t) => t.id === 3).map((t) => ({ ...t, rows: t.rows.filter((r) => r.key === 'carried' || r.key === 'carryOver') })),
  };
}

/** One file's outcome: checked, or the reason it was not. */
export type FileOutcome = ({ unread: null } & Checked) | ({ unread: Unread } & Partial<Checked>);

export function checkReportFile(file: string, config: EngineConfig, maxFileSize: number, needs?: FindingNeeds): FileOutcome {
  const read = readReportFile(file, maxFileSize);
  if ('problem' in read) return { unread: read };
  return { unread: null, ...checkReport(read.text, config, needs) };
}
