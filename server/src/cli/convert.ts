// `govreport convert <file> [-o out.txt]`: the report text the engine reads from a web page, Word or PDF file
// (or a text file, decoded), written as UTF-8 so that an editor can carry on with it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, extractReport, formatOf } from '../formats';
import { decode } from './encoding';

export const CONVERT_HELP = `用法 / usage: govreport convert <文件> [-o 输出.txt]

把网页（.html/.htm）、Word（.docx）或 PDF 中的报告导出为文本（即检查时读到的内容，UTF-8）。
Writes the report text read from a web page, Word or PDF file (what the checks read), as UTF-8.

  -o, --output <文件>   写入此文件（默认写到标准输出）/ write to this file (default: standard output)
  --lang <zh|en>        提示语言 / language of notes`;

export async function convertMain(argv: string[]): Promise<number> {
  let values: { output?: string; lang?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    process.stderr.write(`govreport convert: ${(e as Error).message}\n\n${CONVERT_HELP}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(`${CONVERT_HELP}\n`); return 0; }
  if (positionals.length !== 1) {
    process.stderr.write(`govreport convert: 请给出一个文件 / give one file\n\n${CONVERT_HELP}\n`);
    return 2;
  }
  const en = (values.lang ?? process.env.GOVREPORT_LANG ?? 'zh').toLowerCase().startsWith('en');
  const file = positionals[0];
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    process.stderr.write(`govreport convert: 无法读取 / cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const entry = formatOf(path.extname(file));
  let text: string;
  if (entry) {
    const extracted = await extractReport(bytes, entry, DEFAULT_LIMITS);
    for (const p of extracted.problems) process.stderr.write(`govreport convert: ${file}: ${en ? p.en : p.zh}\n`);
    if (extracted.text.trim() === '' && extracted.problems.length > 0) return 2;
    text = extracted.text;
  } else {
    try {
      text = decode(bytes).text;
    } catch (e) {
      process.stderr.write(`govreport convert: ${file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  try {
    if (values.output) await fs.writeFile(values.output, text, 'utf8');
    else process.stdout.write(text);
  } catch (e) {
    process.stderr.write(`govreport convert: 无法写入 / cannot write ${values.output}: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}
