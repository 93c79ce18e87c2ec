// The govreport command: a thin layer over the engine (files in, formatted findings out).
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { crossReportFindings, mergeConfigs, parseSeverity, RULES_BY_CODE, type EngineConfig, type Finding, type Locale, type RelatedLocation, type TemplateYear, type WorkspaceReport } from '../engine';
import { loadConfigFile, RcFinder, type LoadedConfig } from '../node/rcfile';
import type { FileReport, Job, RunSettings } from './checkFile';
import { collectTargets } from './files';
import { FORMATTER_NEEDS, FORMATTERS, type FileResult, type FindingNeeds } from './formatters';
import type { LocatedFinding, LocatedRelated } from './formatters/types';
import { byStart, jsonDocumentBytes, jsonEntryAdding } from './formatters/json';
import { nextYearCommand } from './nextYear';
import { checkAll, threadCount } from './pool';
import { DESK_COMMANDS, loadDesk } from './deskLoader';

const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

const HELP = `用法 / usage: govreport [选项] <文件|文件夹|通配符…>
       govreport next-year <年报文件> [-o <新文件>]   由本年度年报生成下一年度年报 / next year's report
       govreport convert <文件> [-o 输出.txt]   导出网页、Word、PDF 中的报告文本 / write a file's report text

检查政府信息公开工作年度报告（.txt、.md、.govreport；UTF-8、UTF-16、GB18030/GBK；
网页 .html/.htm，Word .docx，PDF .pdf）。
Checks government information disclosure annual reports: text, web pages, Word documents, PDF files.

选项 / options:
  -f, --format <stylish|json|sarif>  输出格式（默认 stylish）/ output format
      --fix                          写回首选修复（保留编码与换行符）/ write preferred fixes back
      --rule <规则=级别>              设置规则级别，可重复：off|hint|information|warning|error
  -c, --config <文件>                使用此配置文件，不再查找 .govreportrc.json
      --template-year <auto|2019|2021>  指定模板年度 / force the template year
      --max-file-size <字节|nMB>      超过此大小的文件不检查（默认 20MB）
      --lang <zh|en>                  消息语言（默认 zh）/ message language
  -j, --jobs <n>                     检查文件的线程数（默认每 6000 个文件一个，不超过 CPU 核数；
                                     也可用环境变量 GOVREPORT_JOBS）/ threads checking files
  -h, --help                         显示帮助 / show help
  -v, --version                      显示版本 / show version

汇总与导出 / the reviewer's desk: govreport export --help, govreport summary --help

退出码 / exit codes: 0 无错误级问题；1 有错误级问题；2 用法或读写错误。`;

class UsageError extends Error {}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-file-size 无效: ${s}`);
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

interface Options {
  format: string;
  fix: boolean;
  rules: Record<string, NonNullable<ReturnType<typeof parseSeverity>>>;
  config: string | null;
  templateYear: 'auto' | TemplateYear | undefined;
  maxFileSize: number;
  locale: Locale;
  /** Threads checking files (--jobs or GOVREPORT_JOBS); null: chosen from the number of files and cores. */
  jobs: number | null;
  paths: string[];
}

function parseJobs(s: string | undefined, name: string): number | null {
  if (s === undefined || s === '') return null;
  if (!/^\d+$/.test(s.trim()) || Number(s) < 1) throw new UsageError(`${name} 应为正整数 / must be a positive integer: ${s}`);
  return Number(s);
}

function readOptions(argv: string[]): Options | 'help' | 'version' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      fix: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      config: { type: 'string', short: 'c' },
      'template-year': { type: 'string' },
      'max-file-size': { type: 'string' },
      lang: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (!FORMATTERS[values.format!]) throw new UsageError(`未知输出格式 / unknown format: ${values.format}（stylish|json|sarif）`);
  const rules: Options['rules'] = {};
  for (const r of values.rule ?? []) {
    const [code, sev] = r.split('=');
    if (!RULES_BY_CODE.has(code)) throw new UsageError(`未知规则 / unknown rule: ${code}`);
    const s = parseSeverity(sev);
    if (!s) throw new UsageError(`规则级别无效 / invalid severity: ${r}（off|hint|information|warning|error）`);
    rules[code] = s;
  }
  const ty = values['template-year'];
  if (ty !== undefined && !['auto', '2019', '2021'].includes(ty)) throw new UsageError(`--template-year 应为 auto、2019 或 2021`);
  const lang = values.lang ?? process.env.GOVREPORT_LANG ?? 'zh';
  if (positionals.length === 0) throw new UsageError('请给出要检查的文件或文件夹 / no files or folders given');
  return {
    format: values.format!,
    fix: values.fix!,
    rules,
    config: values.config ?? null,
    templateYear: ty === undefined ? undefined : ty === 'auto' ? 'auto' : (Number(ty) as TemplateYear),
    maxFileSize: values['max-file-size'] ? parseSize(values['max-file-size']) : DEFAULT_MAX_FILE_SIZE,
    locale: lang.toLowerCase().startsWith('en') ? 'en' : 'zh-cn',
    jobs: parseJobs(values.jobs, '--jobs') ?? parseJobs(process.env.GOVREPORT_JOBS, 'GOVREPORT_JOBS'),
    paths: positionals,
  };
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'next-year') return nextYearCommand(argv.slice(1));
  if (DESK_COMMANDS.includes(argv[0])) return loadDesk().deskMain(argv[0], argv.slice(1));
  if (argv[0] === 'convert') return (require('./convert') as typeof import('./convert')).convertMain(argv.slice(1));
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv);
  } catch (e) {
    process.stderr.write(`govreport: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (options === 'help') { process.stdout.write(`${HELP}\n`); return 0; }
  if (options === 'version') { process.stdout.write(`${VERSION}\n`); return 0; }
  return checkCommand(options);
}

type CheckOptions = Exclude<ReturnType<typeof readOptions>, 'help' | 'version'>;

/** Checks the inputs and writes their findings; the exit code. */
async function checkCommand(options: CheckOptions): Promise<number> {
  let fixedConfig: LoadedConfig | null = null;
  if (options.config) {
    fixedConfig = await loadConfigFile(options.config);
    if (fixedConfig.problems.length) {
      process.stderr.write(`govreport: ${options.config}: ${fixedConfig.problems.join('; ')}\n`);
      return 2;
    }
  }
  const { targets, missing } = await collectTargets(options.paths);
  // The PDF reader's thread starts now, while the other files are looked for and checked.
  if (targets.some((t) => /\.pdf$/i.test(t.path))) (require('../formats/pdf') as typeof import('../formats/pdf')).preparePdfReader();
  for (const m of missing) process.stderr.write(`govreport: 找不到 / not found: ${m}\n`);
  const { jobs, notes } = await jobsFor(targets.map((t) => t.path), options, fixedConfig);

  const settings: RunSettings = {
    format: options.format,
    needs: FORMATTER_NEEDS[options.format],
    locale: options.locale,
    maxFileSize: options.maxFileSize,
    fix: options.fix,
  };
  const reports: FileReport[] = new Array(jobs.length);
  await checkAll(jobs, settings, threadCount(jobs.length, options.jobs), (i, report) => { reports[i] = report; });

  let ioFailure = missing.length > 0;
  let error = false;
  reports.forEach((report, i) => {
    if (notes[i]) process.stderr.write(notes[i]!);
    if (report.writeError !== undefined) {
      ioFailure = true;
      process.stderr.write(`govreport: 无法写回 / cannot write ${jobs[i].file}: ${report.writeError}\n`);
    }
    if (report.fixNote !== undefined) process.stderr.write(`govreport: ${jobs[i].file}: ${report.fixNote}\n`);
    ioFailure ||= report.ioFailure;
    error ||= report.error;
  });
  error = addCrossReportFindings(reports, jobs, options) || error;
  writeResults(reports, jobs, options);
  if (ioFailure) return 2;
  return error ? 1 : 0;
}

/**
 * Each file's settings, in file order; one merged config per config file, so that threads get each once. A config
 * file's problems are noted once, where first met (printed with the results, in file order).
 */
async function jobsFor(files: string[], options: CheckOptions, fixedConfig: LoadedConfig | null): Promise<{ jobs: Job[]; notes: (string | undefined)[] }> {
  const finder = new RcFinder();
  const jobs: Job[] = [];
  const notes: (string | undefined)[] = [];
  const merged = new Map<LoadedConfig | null, EngineConfig>();
  const reportedRc = new Set<string>();
  for (const file of files) {
    const rc = fixedConfig ?? (await finder.find(path.dirname(file)));
    if (rc && rc.problems.length && rc.file && !reportedRc.has(rc.file)) {
      reportedRc.add(rc.file);
      notes[jobs.length] = `govreport: ${rc.file}: ${rc.problems.join('; ')}（其余设置照常使用 / other settings still apply）\n`;
    }
    let config = merged.get(rc);
    if (!config) merged.set(rc, config = mergeConfigs(rc?.config ?? {}, { rules: options.rules, templateYear: options.templateYear }));
    jobs.push({ file, config });
  }
  return { jobs, notes };
}

/** R5 needs two years of one body: every input of this run compared with every other. Whether an error was added. */
function addCrossReportFindings(reports: FileReport[], jobs: Job[], options: CheckOptions): boolean {
  const crossReports: WorkspaceReport[] = [];
  reports.forEach((report, i) => { if (report.cross) crossReports.push({ id: String(i), model: report.cross }); });
  let error = false;
  for (const [id, found] of crossReportFindings(crossReports, mergeConfigs({ rules: options.rules }))) {
    const i = Number(id);
    const setting = jobs[i].config.rules['carry-over-mismatch'];
    if (setting === 'off') continue;
    const added = placeInFile(reports[i], found.map((f) => ({
      ...f,
      severity: setting ?? f.severity,
      related: f.related.map((r) => (r.file !== undefined ? placeRelated(reports[Number(r.file)], { ...r, file: jobs[Number(r.file)]?.file ?? r.file }) : r)),
    })), FORMATTER_NEEDS[options.format]);
    error ||= added.some((f) => f.severity === 'error');
    const report = reports[i];
    if (report.entry !== undefined) {
      report.entry = jsonEntryAdding(report.entry, added, options.locale);
    } else {
      report.findings.push(...added);
      report.findings.sort(byStart);
    }
  }
  return error;
}

function writeResults(reports: FileReport[], jobs: Job[], options: CheckOptions): void {
  if (options.format === 'json') {
    writeOut(jsonDocumentBytes(reports.map((r) => r.entry!)));
    return;
  }
  const results: FileResult[] = reports.map((r, i) => ({ file: jobs[i].file, templateYear: r.templateYear, reportYear: r.reportYear, findings: r.findings }));
  process.stdout.write(`${FORMATTERS[options.format](results, options.locale)}\n`);
}

/** R5's findings in a web page, Word or PDF file placed in it as its own findings are (see Locator). */
function placeInFile(report: FileReport, findings: Finding[], needs: FindingNeeds): LocatedFinding[] {
  if (!report.locator) return findings;
  const { locateFindings } = require('./formatFile') as typeof import('./formatFile');
  return locateFindings(report.locator, findings, { ...needs, related: true });
}

/** A related location in another published file: its range moved into that page's source, or its place in a Word or PDF file. */
function placeRelated(other: FileReport | undefined, rel: RelatedLocation): LocatedRelated {
  if (!other?.locator) return rel;
  const { locateFindings } = require('./formatFile') as typeof import('./formatFile');
  const [moved] = locateFindings(other.locator, [{ code: '', severity: 'hint', message: rel.message, range: rel.range, related: [], fixes: [] }], { related: false, fixes: 'none' });
  return { ...rel, range: moved.range, ...(moved.location ? { location: moved.location } : {}) };
}

/** Writes the output in pieces of about a megabyte, never as one buffer the size of all of it. */
function writeOut(pieces: Iterable<Uint8Array>): void {
  let buffered: Uint8Array[] = [];
  let size = 0;
  for (const p of pieces) {
    buffered.push(p);
    size += p.byteLength;
    if (size >= 1 << 20) { process.stdout.write(Buffer.concat(buffered, size)); buffered = []; size = 0; }
  }
  buffered.push(Buffer.from('\n'));
  process.stdout.write(Buffer.concat(buffered));
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
