// Human-readable output grouped per file, with a summary line (like eslint's "stylish").
import * as path from 'node:path';
import { localize, type Locale } from '../../engine';
import { formatOf } from '../../formats';
import type { Formatter } from './types';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const SEVERITY_COLOR: Record<string, number> = { error: 31, warning: 33, information: 36, hint: 90 };

/** `fixable`: findings --fix would fix; `inPdf`: findings with a fix in a PDF file, which --fix never rewrites. */
interface Counts { error: number; warning: number; information: number; hint: number; fixable: number; inPdf: number }

/** The summary's part on --fix: only fixes it applies are counted; those in PDF files are told apart. */
function fixPart(c: Counts, locale: Locale): string {
  if (locale === 'en') {
    const pdf = c.inPdf ? `${c.fixable ? `; ${c.inPdf} more have` : `, ${c.inPdf} have`} a fix but are in PDF files, which --fix never rewrites` : '';
    return `${c.fixable ? `, ${c.fixable} fixable with --fix` : ''}${pdf}`;
  }
  const pdf = c.inPdf ? `${c.fixable ? '；另有' : '，其中'} ${c.inPdf} 个有修复建议，但在 PDF 文件中，--fix 不修改 PDF 文件` : '';
  return `${c.fixable ? `，其中 ${c.fixable} 个可用 --fix 自动修复` : ''}${pdf}`;
}

function summary(c: Counts, files: number, locale: Locale): string {
  const total = c.error + c.warning + c.information + c.hint;
  const notes = c.information + c.hint;
  if (locale === 'en') {
    return total === 0
      ? `✔ ${files} file(s) checked, no problems`
      : `✖ ${total} problem(s) in ${files} file(s) (${c.error} errors, ${c.warning} warnings, ${notes} notes)${fixPart(c, locale)}`;
  }
  return total === 0
    ? `✔ 检查了 ${files} 个文件，未发现问题`
    : `✖ 检查了 ${files} 个文件，发现 ${total} 个问题（错误 ${c.error}，警告 ${c.warning}，提示 ${notes}）${fixPart(c, locale)}`;
}

export const stylish: Formatter = (results, locale) => {
  const out: string[] = [];
  const c: Counts = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0, inPdf: 0 };
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const pdf = formatOf(path.extname(r.file))?.format === 'pdf';
    out.push(paint(4, r.file));
    // A page's findings by line:column of its source; a Word or PDF file's by table, row and column, or paragraph, or page.
    const pos = r.findings.map((f) => (f.location ? localize(f.location.description, locale) : `${f.range.start.line + 1}:${f.range.start.character + 1}`));
    const width = (s: string) => s.length + (s.match(/[^\x00-\xff]/g)?.length ?? 0);
    const w0 = Math.max(...pos.map(width));
    const w1 = Math.max(...r.findings.map((f) => f.severity.length));
    r.findings.forEach((f, i) => {
      c[f.severity]++;
      if (f.fixes.some((x) => x.preferred)) c[pdf ? 'inPdf' : 'fixable']++;
      out.push(`  ${pos[i]}${' '.repeat(w0 - width(pos[i]))}  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(w1))}  ${localize(f.message, locale)}  ${paint(90, f.code)}`);
    });
    out.push('');
  }
  out.push(paint(c.error ? 31 : c.warning + c.information + c.hint ? 33 : 32, summary(c, results.length, locale)));
  return out.join('\n');
};
