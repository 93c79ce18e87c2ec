// R5 across reports over stdio: this year's 二、上年结转 against last year's 四、结转下年度继续办理.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apply, cellPosition, HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

describe('reports compared with each other (R5)', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const last = report('003');
  const thisUri = `${last.uri}.2021.govreport`;
  let thisText = '';

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    // The same body a year later, which says 2 applications were carried over although the 2020 report carried none.
    thisText = last.text.replace('2020年政府信息公开工作年度报告', '2021年政府信息公开工作年度报告');
    for (const column of ['natural', 'total']) {
      const { position } = cellPosition(thisText, 3, 'carried', column);
      thisText = apply(thisText, [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, newText: '2' }]);
    }
  });
  after(() => client.stop());

  test('with both years open, the later report gets carry-over-mismatch pointing at the earlier one', async () => {
    await client.open(last.uri, last.text);
    const ds = await client.open(thisUri, thisText);
    const mismatch = ds.filter((d) => d.code === 'carry-over-mismatch');
    assert.equal(mismatch.length, 2, ds.map((d) => d.code).join(', '));
    assert.equal(mismatch[0].relatedInformation?.[0].location.uri, last.uri);
  });

  test('closing the earlier report clears the finding', async () => {
    const cleared = client.diagnostics(thisUri, (p) => !p.diagnostics.some((d) => d.code === 'carry-over-mismatch'));
    await client.close(last.uri);
    await cleared;
  });
});
