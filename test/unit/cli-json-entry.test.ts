// The JSON output's entries are written by hand; they must be what the generic pretty printer writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonDiagnostic, jsonEntry, entryText } from '../../server/src/cli/formatters/json';
import type { FileResult } from '../../server/src/cli/formatters/types';
import { checkText, type Finding } from '../../server/src/engine';
import { CLEAN_2020, CLEAN_2021, hasSharedReports, sample, sharedReport } from './helpers';

const generic = (r: FileResult, locale: 'zh-cn' | 'en') =>
  entryText({ file: r.file, templateYear: r.templateYear, reportYear: r.reportYear, diagnostics: r.findings.map((f) => jsonDiagnostic(f, locale)) });

function resultOf(file: string, text: string): FileResult {
  const { model, findings } = checkText(text);
  return { file, templateYear: model.templateYear, reportYear: model.reportYear, findings };
}

describe('JSON entries', () => {
  const texts = [CLEAN_2021(), CLEAN_2020(), sample('错误'), ...(hasSharedReports ? ['000', '001', '002', '003', '004'].map(sharedReport) : [])];
  const odd: Finding = {
    code: 'file-unreadable', severity: 'error', message: { zh: '引号"、反斜杠\\、制表\t、换行\n、\u0001 与 \u2028', en: 'quote " backslash \\ \u0000' },
    range: { start: { line: 0, character: 0 }, end: { line: 12, character: 345 } }, related: [], fixes: [],
  };
  const results: FileResult[] = [
    ...texts.map((t, i) => resultOf(`报告/${i}.txt`, t)),
    { file: 'C:\\reports\\"quoted".txt', templateYear: null, reportYear: null, findings: [] },
    { file: 'odd.txt', templateYear: 2021, reportYear: null, findings: [odd] },
  ];

  it('are written as JSON.stringify(entries, null, 2) writes them, in both languages', () => {
    assert.ok(results.some((r) => r.findings.length > 5), 'reports with findings');
    for (const r of results) {
      for (const locale of ['zh-cn', 'en'] as const) assert.equal(jsonEntry(r, locale), generic(r, locale), `${r.file} (${locale})`);
    }
  });
});
