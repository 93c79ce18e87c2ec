// govreport summary's page: one file with everything inline and a CSP that forbids requests; its data carries the
// figures the engine read; text from a report cannot close the data's script element.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { FIGURES, type PageData } from '../../server/src/desk/pageData';
import { deskRun } from '../../server/src/desk/run';
import { writeSummary } from '../../server/src/desk/summary';
import { CLEAN_2021, replaceOnce } from './helpers';

async function summaryOf(dir: string, inputs: string[]): Promise<{ html: string; data: PageData }> {
  const out = path.join(dir, 'summary.html');
  const { spool } = await deskRun({ paths: inputs, locale: 'zh-cn', maxFileSize: 20 << 20, jobs: 1 });
  try { await writeSummary(out, () => spool.records(), 'zh-cn'); } finally { spool.dispose(); }
  const html = readFileSync(out, 'utf8');
  const json = /<script type="application\/json" id="govreport-data">([\s\S]*?)<\/script>/.exec(html)![1];
  return { html, data: JSON.parse(json) as PageData };
}

const total = (text: string, row: string) =>
  checkText(text).model.tables.find((t) => t.id === 3)!.rows.find((r) => r.key === row && !r.group)!.cells.find((c) => c.columnKey === 'total')!.value;

describe('desk summary page', () => {
  let dir = '';
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'desk-summary-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is self-contained: inline script and style, a CSP with no source to fetch from and only the page script to run', async () => {
    const file = path.join(dir, '示例市民政局2021年政府信息公开工作年度报告.txt');
    writeFileSync(file, CLEAN_2021());
    const { html, data } = await summaryOf(dir, [file]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-([^']+)'; style-src 'unsafe-inline'; img-src data:">/.exec(html);
    assert.ok(csp, 'the CSP');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(scripts.length, 1, 'one script runs: the page');
    assert.equal(createHash('sha256').update(scripts[0], 'utf8').digest('base64'), csp[1], 'the CSP names that script');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/);
    assert.equal(data.reports.length, 1);
    const r = data.reports[0];
    assert.equal(r.figures[FIGURES.indexOf('received')], total(CLEAN_2021(), 'new'));
    assert.equal(r.figures[FIGURES.indexOf('carryOver')], total(CLEAN_2021(), 'carryOver'));
  });

  it('a report whose title holds markup stays data: the script element is not closed by it', async () => {
    const file = path.join(dir, 'hostile.txt');
    const text = replaceOnce(CLEAN_2021(), '示例市民政局', '示例</script><script>alert(1)</script>局');
    writeFileSync(file, text);
    const { html, data } = await summaryOf(dir, [file]);
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal(data.reports[0].agency, '示例</script><script>alert(1)</script>局');
  });

  it('two consecutive years of one body make an R5 pair, ✗ when the figures differ', async () => {
    const a = path.join(dir, '示例市民政局2021年政府信息公开工作年度报告.txt');
    const b = path.join(dir, '示例市民政局2022年政府信息公开工作年度报告.txt');
    writeFileSync(a, CLEAN_2021());
    writeFileSync(b, CLEAN_2021().replace(/2021年/g, '2022年'));
    const { data } = await summaryOf(dir, [a, b]);
    assert.equal(data.pairs.length, 1);
    const [pair] = data.pairs;
    assert.deepEqual([pair.fromYear, pair.toYear, data.reports[pair.from].file, data.reports[pair.to].file], [2021, 2022, a, b]);
    assert.equal(pair.ok, pair.cells.every(([, x, y]) => x === y));
    assert.equal(pair.ok, false);
  });
});
