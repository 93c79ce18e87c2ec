// The same report in another layout is the same report: each text (the samples, the shared reports and the real
// texts of ../shared/real) is re-laid the ways copies of it arrive — line ends, white space, a crawler's flattening,
// a PDF's wrapping, page numbers and running titles, other cell separators — and no layout may add an error or a
// warning to what the text itself gets. Layouts that lose some of what can be read are listed with what they lose.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, type Finding } from '../../server/src/engine';
import { ROOT, SAMPLES, SHARED_REPORTS } from './helpers';

const REAL = path.resolve(ROOT, '../shared/real');

/** Every UTF-8 .txt file of a folder and its subfolders (the GBK sample is read by the CLI's own tests). */
function texts(dir: string): [string, string][] {
  if (!fs.existsSync(dir)) return [];
  const out: [string, string][] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isDirectory()) out.push(...texts(file));
    else if (name.endsWith('.txt')) {
      try {
        out.push([path.relative(ROOT, file), new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file)).replace(/^\ufeff/, '')]);
      } catch { /* not UTF-8 */ }
    }
  }
  return out;
}

const TITLE_LINE = /^.{4,60}信息公开.{0,4}(?:年度报告|年报)\s*$/;

/** Cell-per-line rows (a label line, then a line a figure starting with a tab) written on one line. */
function rowsOnOneLine(text: string, separator: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const figure = /^\t([\d.]+)\s*$/.exec(line);
    if (figure && out.length > 0) out[out.length - 1] += separator + figure[1];
    else out.push(line);
  }
  return out.join('\n');
}

/** Lines of prose longer than `width` cut every `width` characters, as a PDF's text is (table rows left alone). */
const wrapped = (text: string, width: number) => text.split('\n')
  .map((l) => (l.length <= width || / \| |\t|\d+\s+\d+\s+\d+/.test(l) ? l : l.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n')))
  .join('\n');

const LAYOUTS: Record<string, (text: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\r?\n/g, '\r\n'),
  'lone CR line ends': (t) => t.replace(/\r?\n/g, '\r'),
  'a byte-order mark': (t) => '\ufeff' + t,
  'spaces at every line end': (t) => t.replace(/\n/g, '  \n'),
  'a blank line between every two': (t) => t.replace(/\n/g, '\n\n'),
  'blank lines removed': (t) => t.replace(/\n\s*\n/g, '\n'),
  'each paragraph indented with ideographic spaces': (t) => t.replace(/^(?=[^\s|])/gm, '\u3000\u3000'),
  'no-break spaces for spaces': (t) => t.replace(/ /g, '\u00a0'),
  'tabs for spaces': (t) => t.replace(/\t/g, ' '),
  'flattened, lines joined by a space': (t) => t.replace(/\r?\n/g, ' '),
  'prose wrapped at 34 characters': (t) => wrapped(t, 34),
  'prose wrapped at 45 characters': (t) => wrapped(t, 45),
  'page numbers every 45 lines': (t) => t.split('\n').map((l, i) => (i > 0 && i % 45 === 0 ? `- ${i / 45 + 1} -\n${l}` : l)).join('\n'),
  'page footers every 50 lines': (t) => t.split('\n').map((l, i) => (i > 0 && i % 50 === 0 ? `第 ${i / 50} 页 共 9 页\n${l}` : l)).join('\n'),
  'the title as a running header every 47 lines': (t) => {
    const title = t.split('\n').find((l) => TITLE_LINE.test(l.trim()))?.trim();
    return title ? t.split('\n').map((l, i) => (i > 0 && i % 47 === 0 ? `${title}\n${l}` : l)).join('\n') : t;
  },
  'pipe rows with tabs': (t) => t.split('\n').map((l) => (l.includes(' | ') ? l.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, '\t') : l)).join('\n'),
  'pipe rows with one space': (t) => t.split('\n').map((l) => (l.includes(' | ') ? l.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, ' ') : l)).join('\n'),
  'pipe rows with three spaces': (t) => t.split('\n').map((l) => (l.includes(' | ') ? l.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, '   ') : l)).join('\n'),
  'cell-per-line rows on one line, space-separated': (t) => rowsOnOneLine(t, ' '),
  'cell-per-line rows on one line, tab-separated': (t) => rowsOnOneLine(t, '\t'),
  'cell-per-line rows on one line, pipe-separated': (t) => rowsOnOneLine(t, ' | '),
  'cell-per-line rows on one line, the label wrapped before its figures': (t) => rowsOnOneLine(t, ' ').split('\n')
    .map((l) => { const m = /^(\s*)(\S{19,}?)((?: [\d.]+)+)\s*$/.exec(l); return m ? `${m[1]}${m[2].slice(0, 16)}\n${m[2].slice(16)}${m[3]}` : l; }).join('\n'),
  'cell-per-line rows on one line, the label wrapped past its figures': (t) => rowsOnOneLine(t, ' ').split('\n')
    .map((l) => { const m = /^(\s*)(\S{19,}?)((?: [\d.]+)+)\s*$/.exec(l); return m ? `${m[1]}${m[2].slice(0, 16)}${m[3]}\n${m[2].slice(16)}` : l; }).join('\n'),
};

/**
 * Layouts of a text not read as the text is yet (README, "Not read yet"), each with what it gets. A flattened page
 * may lose findings (its tables are said once and not checked when they do not read cleanly), never gain any.
 */
const NOT_READ_YET: Record<string, string> = {
};

/** Errors and warnings as code and severity, counted. */
function counts(findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.severity !== 'information') out.set(`${f.severity} ${f.code}`, (out.get(`${f.severity} ${f.code}`) ?? 0) + 1);
  return out;
}

const inputs = [...texts(SAMPLES), ...texts(SHARED_REPORTS), ...texts(REAL)];

describe('the same report in another layout', () => {
  it('reads texts to re-lay', () => assert.ok(inputs.length >= 4, `found ${inputs.length}`));
  for (const [file, text] of inputs) {
    const name = file.replace(/^\.\.\//, '');
    it(`${name}: no layout adds an error or a warning, or changes the years read`, () => {
      const base = checkText(text);
      const want = counts(base.findings);
      const problems: string[] = [];
      for (const [layout, relay] of Object.entries(LAYOUTS)) {
        if (NOT_READ_YET[`${name}: ${layout}`]) continue;
        const { model, findings } = checkText(relay(text));
        for (const [key, n] of counts(findings)) if (n > (want.get(key) ?? 0)) problems.push(`${layout}: ${key} ×${n - (want.get(key) ?? 0)} more`);
        if (model.templateYear !== base.model.templateYear) problems.push(`${layout}: template year ${model.templateYear}, not ${base.model.templateYear}`);
        if (model.reportYear !== base.model.reportYear) problems.push(`${layout}: report year ${model.reportYear}, not ${base.model.reportYear}`);
        const lost = [...want].filter(([key, n]) => (counts(findings).get(key) ?? 0) < n).map(([key]) => key);
        if (lost.length > 0 && !layout.startsWith('flattened')) problems.push(`${layout}: lost ${lost.join(', ')}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
