// govreport export / govreport summary: the reviewer's desk on the command line.
import { parseArgs } from 'node:util';
import type { TemplateYear } from '../engine';
import { exportFormatOf, writeExport } from './export';

// The language server writes its reports' tables with the same writer, from this bundle (see cli/deskLoader).
export { writeExport };
import { Output } from './output';
import { deskRun } from './run';
import { writeSummary } from './summary';

const HELP = `用法 / usage:
  govreport export <文件|文件夹…> -o <表格.xlsx|表格.csv|表格.json>
      每份报告一行：机关、年度、各级别问题数、表二/表三/表四的每个单元格
      one row per report: agency, years, findings by severity, every cell of tables 二/三/四
  govreport summary <文件|文件夹…> -o <汇总.html>
      一个可离线打开的汇总页面：报告列表、问题、图表、上年结转核对
      one self-contained page: the reports, their findings, charts, carry-over pairs

选项 / options:
  -o, --output <文件>                 输出文件 / output file
      --lang <zh|en>                  语言（默认 zh）/ language
      --template-year <auto|2019|2021>  指定模板年度 / force the template year
      --max-file-size <nMB>           超过此大小的文件不读（默认 20MB）
  -j, --jobs <n>                      检查文件的线程数 / threads checking files

退出码 / exit codes: 0 已写出；2 用法或读写错误。`;

class UsageError extends Error {}

interface DeskArgs { output: string; lang: 'zh-cn' | 'en'; templateYear?: 'auto' | TemplateYear; maxFileSize: number; jobs: number | null; paths: string[] }

function readArgs(argv: string[]): DeskArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      'template-year': { type: 'string' },
      'max-file-size': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (!values.output) throw new UsageError('请用 -o 给出输出文件 / no output file (-o)');
  if (positionals.length === 0) throw new UsageError('请给出报告文件或文件夹 / no files or folders given');
  const ty = values['template-year'];
  if (ty !== undefined && !['auto', '2019', '2021'].includes(ty)) throw new UsageError('--template-year 应为 auto、2019 或 2021');
  const size = values['max-file-size'] ?? '20';
  const mb = /^(\d+(?:\.\d+)?)\s*(mb?)?$/i.exec(size.trim());
  if (!mb) throw new UsageError(`--max-file-size 无效: ${size}（以 MB 计 / in MB）`);
  const jobs = values.jobs ?? process.env.GOVREPORT_JOBS;
  if (jobs !== undefined && jobs !== '' && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs 应为正整数 / must be a positive integer: ${jobs}`);
  const lang = values.lang ?? process.env.GOVREPORT_LANG ?? 'zh';
  return {
    output: values.output,
    lang: lang.toLowerCase().startsWith('en') ? 'en' : 'zh-cn',
    templateYear: ty === undefined ? undefined : ty === 'auto' ? 'auto' : (Number(ty) as TemplateYear),
    maxFileSize: Math.floor(Number(mb[1]) * 1024 * 1024),
    jobs: jobs ? Number(jobs) : null,
    paths: positionals,
  };
}

export async function deskMain(command: string, argv: string[]): Promise<number> {
  let args: DeskArgs | 'help';
  try {
    args = readArgs(argv);
    if (args !== 'help' && command === 'export' && !exportFormatOf(args.output)) throw new UsageError('输出文件应以 .xlsx、.csv 或 .json 结尾 / the output must end in .xlsx, .csv or .json');
  } catch (e) {
    process.stderr.write(`govreport ${command}: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args === 'help') { process.stdout.write(`${HELP}\n`); return 0; }
  let out: Output;
  try {
    out = new Output(args.output);
  } catch (e) {
    process.stderr.write(`govreport: 无法写出 / cannot write ${args.output}: ${(e as Error).message}\n`);
    return 2;
  }
  let run: Awaited<ReturnType<typeof deskRun>>;
  try {
    run = await deskRun({ paths: args.paths, locale: args.lang, maxFileSize: args.maxFileSize, templateYear: args.templateYear, jobs: args.jobs });
  } catch (e) {
    out.abort();
    throw e;
  }
  const { spool, missing } = run;
  for (const m of missing) process.stderr.write(`govreport: 找不到 / not found: ${m}\n`);
  try {
    if (command === 'export') await writeExport(out, exportFormatOf(args.output)!, () => spool.records());
    else await writeSummary(out, () => spool.records(), args.lang);
  } catch (e) {
    process.stderr.write(`govreport: 无法写出 / cannot write ${args.output}: ${(e as Error).message}\n`);
    return 2;
  } finally {
    spool.dispose();
  }
  process.stderr.write(`govreport: ${spool.count} 份报告 / reports → ${args.output}\n`);
  return missing.length ? 2 : 0;
}
