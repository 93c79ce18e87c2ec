// `govreport next-year <report> [-o file]`: next year's report skeleton from this year's report, written in the
// encoding the report came in (stdout: UTF-8).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { nextYearReport, type Locale, type Localized } from '../engine';
import { decode, encode } from './encoding';

export const NEXT_YEAR_HELP = `用法 / usage: govreport next-year <年报文件> [-o <新文件>] [--force] [--lang zh|en]

由本年度年报生成下一年度年报框架：标题年份与统计期限顺延、使用新年度模板、保留章节与小标题、表格清零，
“二、上年结转”取本年度“四、结转下年度继续办理”，正文换成说明各部分应写内容的占位文字。
Makes next year's report from this one. Without -o it is written to stdout; an existing file is not
overwritten without --force.`;

const say = (m: Localized, locale: Locale) => (locale === 'en' ? m.en : m.zh);

/** Runs the subcommand; returns the exit code (0 written, 2 usage or I/O failure, 1 not a report). */
export async function nextYearCommand(argv: string[]): Promise<number> {
  let values: { output?: string; force?: boolean; lang?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    process.stderr.write(`govreport next-year: ${(e as Error).message}\n\n${NEXT_YEAR_HELP}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(`${NEXT_YEAR_HELP}\n`); return 0; }
  const locale: Locale = (values.lang ?? process.env.GOVREPORT_LANG ?? 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
  if (positionals.length !== 1) {
    process.stderr.write(`govreport next-year: 请给出一个年报文件 / give one report file\n\n${NEXT_YEAR_HELP}\n`);
    return 2;
  }
  const [file] = positionals;
  const out = values.output;
  if (out && existsSync(out) && !values.force) {
    process.stderr.write(`govreport next-year: ${out} 已存在，加 --force 覆盖 / exists, add --force to overwrite\n`);
    return 2;
  }
  let decoded;
  try { decoded = decode(await readFile(file)); } catch (e) {
    process.stderr.write(`govreport next-year: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = nextYearReport(decoded.text);
  if (!result.ok) { process.stderr.write(`govreport next-year: ${file}: ${say(result.error, locale)}\n`); return 1; }
  for (const n of result.report.notes) process.stderr.write(`govreport next-year: ${say(n, locale)}\n`);
  if (!out) { process.stdout.write(result.report.text); return 0; }
  try { await writeFile(out, encode(result.report.text, decoded.encoding)); } catch (e) {
    process.stderr.write(`govreport next-year: ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  process.stderr.write(`govreport next-year: ${out}（${result.report.year}，${result.report.templateYear} 模板 / template）\n`);
  return 0;
}
