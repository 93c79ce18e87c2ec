// Diagnostics as VS Code shows them: open every shared real report and every bundled sample in an
// editor, wait for the checker's diagnostics (vscode.languages.onDidChangeDiagnostics), and compare
// code, severity, range (and the text under it), source, rule link and message language.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FAULTY_SAMPLE, GBK_SAMPLE, SAMPLES, SHARED_REPORTS, ZH_MESSAGE, type ExpectedFile } from './expected';
import {
  LANGUAGE_ID, SOURCE, at, byPosition, closeAllWithoutSaving, codeOf, filesIn, openChecked, ours, severityName, summarize, zh,
} from './helpers';

function expectedSummary(file: ExpectedFile): string[] {
  return file.diagnostics.map(([line, col, endCol, severity, code]) => `${line}:${col}-${line}:${endCol} ${severity} ${code}`);
}

async function checkFile(file: ExpectedFile): Promise<vscode.Diagnostic[]> {
  // Wait for the expected list (a clean report: the request barrier, see checkedDiagnostics);
  // on a timeout the comparison below shows what came instead.
  const want = expectedSummary(file);
  const { doc } = await openChecked(file.path, want.length ? (ds) => summarize(byPosition(ds)).join('\n') === want.join('\n') : undefined)
    .catch(() => openChecked(file.path));
  const diagnostics = ours(doc.uri);
  assert.strictEqual(doc.languageId, LANGUAGE_ID, `${file.path} is not in language ${LANGUAGE_ID}`);
  const all = vscode.languages.getDiagnostics(doc.uri);
  assert.deepStrictEqual(all.filter((d) => d.source !== SOURCE).map((d) => d.source), [], 'diagnostics from another source');

  const sorted = byPosition(diagnostics);
  assert.deepStrictEqual(summarize(sorted), expectedSummary(file), `diagnostics of ${file.path}`);

  const wanted = [...file.diagnostics].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[4].localeCompare(b[4]));
  sorted.forEach((d, i) => {
    const code = codeOf(d);
    const where = `${file.path} ${at(d.range.start)} ${code}`;
    assert.strictEqual(doc.getText(d.range), wanted[i][5], `${where}: the range covers the wrong text`);
    assert.strictEqual(d.source, SOURCE);
    const href = typeof d.code === 'object' ? d.code.target.toString() : '';
    assert.ok(href.endsWith(`/docs/rules/${code}.md`), `${where}: code has no link to its rule page (${href || 'none'})`);
    const re = ZH_MESSAGE[code];
    assert.ok(re, `no Chinese message pattern for ${code} in expected.ts`);
    if (zh) assert.match(d.message, re, `${where}: message`);
    else assert.doesNotMatch(d.message, re, `${where}: the message is in Chinese although VS Code's language is ${vscode.env.language}`);
  });
  return diagnostics;
}

suite('diagnostics', () => {
  suiteTeardown(closeAllWithoutSaving);

  test('the workspace holds the five shared reports and the five samples', async () => {
    const reports = await filesIn('reports');
    assert.deepStrictEqual(reports, SHARED_REPORTS.map((f) => f.path.replace('reports/', '')),
      'shared reports missing from the workspace (the harness copies them from ../shared/reports, or $E2E_SHARED_REPORTS)');
    assert.deepStrictEqual(await filesIn('samples'), SAMPLES.map((f) => f.path.replace('samples/', '')).sort());
  });

  for (const file of SHARED_REPORTS) {
    test(`shared report ${file.path}: ${file.diagnostics.length} findings, no Error`, async () => {
      const ds = await checkFile(file);
      const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual(summarize(errors), [], 'a real report got an Error-level finding');
    });
  }

  test('seed 001: row-label findings sit on the misspelt labels and name the template label', async () => {
    const { doc, diagnostics } = await openChecked('reports/001_f11dda0cfbad3174.txt');
    const rowLabels = byPosition(diagnostics).filter((d) => codeOf(d) === 'row-label');
    const fixes: [string, string][] = [
      ['一、本年新收到政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
      ['二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
      ['3.危机“三安全一稳定”', '3.危及“三安全一稳定”'],
      ['7.属于行政法案卷', '7.属于行政执法案卷'],
      ['2.没有现成信息需另行制作', '2.没有现成信息需要另行制作'],
    ];
    assert.strictEqual(rowLabels.length, fixes.length);
    rowLabels.forEach((d, i) => {
      const [written, template] = fixes[i];
      assert.strictEqual(doc.getText(d.range), written);
      assert.strictEqual(d.range.start.character, 0, 'a row label starts its line');
      assert.strictEqual(severityName(d.severity), 'warning');
      assert.ok(d.message.includes(template), `message names the template label ${template}: ${d.message}`);
    });
  });

  test('seed 004: amount-format on the cell 373.91万元', async () => {
    const { doc, diagnostics } = await openChecked('reports/004_d5656f869e11e1df.txt');
    const amount = diagnostics.filter((d) => codeOf(d) === 'amount-format');
    assert.strictEqual(amount.length, 1);
    const [d] = amount;
    assert.strictEqual(doc.getText(d.range), '373.91万元');
    assert.strictEqual(at(d.range.start), '91:2');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(d.message.includes('373.91'), d.message);
  });

  for (const file of SAMPLES) {
    test(`sample ${file.path.replace('samples/', '')}: ${file.diagnostics.length} findings`, async () => {
      await checkFile(file);
    });
  }

  test('the GBK sample is read as GB18030/GBK, not as mojibake', async () => {
    const { doc } = await openChecked(GBK_SAMPLE);
    assert.ok(doc.lineAt(0).text.startsWith('示例区市场监督管理局2021年政府信息公开工作年度报告'), doc.lineAt(0).text);
    const encoding = (doc as unknown as { encoding?: string }).encoding;
    if (encoding !== undefined) assert.match(encoding, /^(gbk|gb2312|gb18030|cp936)$/i);
  });

  test('faulty sample: the arithmetic rules are Errors, with the figures in the message', async () => {
    const { diagnostics } = await openChecked(FAULTY_SAMPLE);
    const byCode = (c: string) => diagnostics.filter((d) => codeOf(d) === c);
    for (const code of ['row-total', 'column-total', 'balance', 'review-total', 'cell-value']) {
      assert.ok(byCode(code).length > 0, `no ${code}`);
      for (const d of byCode(code)) assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, `${code} at ${at(d.range.start)}`);
    }
    const review = byCode('review-total')[0];
    assert.match(review.message, /3 ≠ 1 \+ 0 \+ 0 \+ 1 = 2/);
    const balance = byCode('balance')[0];
    assert.match(balance.message, /1 ≠ 35 \+ 2 − 35 = 2/);
  });

  test('sample.govreport (a stub, named *.govreport): sections 2–6 missing', async () => {
    const { doc, diagnostics } = await openChecked('sample.govreport');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.deepStrictEqual(diagnostics.map((d) => `${severityName(d.severity)} ${codeOf(d)}`), Array(5).fill('error section-missing'));
    if (zh) assert.deepStrictEqual(diagnostics.map((d) => d.message.match(/第(\d)部分/)?.[1]), ['2', '3', '4', '5', '6']);
  });
});
