// R5 across reports as they are opened, edited and closed one after another: after every step the server's
// carry-over-mismatch diagnostics of every open report are those of the engine's crossReportFindings over all
// of them, and a report that no other report is compared with is not published again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { crossReportFindings, type Finding } from '../../server/src/engine';
import { apply, cellPosition, HAVE_SERVER, model, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

const CODE = 'carry-over-mismatch';

interface Doc { uri: string; text: string }

const view = (d: Diagnostic) => ({
  message: d.message,
  range: d.range,
  severity: d.severity,
  related: (d.relatedInformation ?? []).map((r) => ({ uri: r.location.uri, range: r.location.range, message: r.message })),
});

const expectedView = (f: Finding, uri: string, severity: number) => ({
  message: f.message.zh,
  range: f.range,
  severity,
  related: f.related.map((r) => ({ uri: r.file ?? uri, range: r.range, message: r.message.zh })),
});

/** `text` with the figure of one cell of table 三 replaced. */
function setCell(text: string, rowKey: string, columnKey: string, value: string): string {
  const { position, raw } = cellPosition(text, 3, rowKey, columnKey);
  return apply(text, [{ range: { start: position, end: { line: position.line, character: position.character + raw.length } }, newText: value }]);
}

describe('reports compared with each other (R5), step by step', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const base = report('003');
  const other = report('002');
  const open = new Map<string, Doc>();
  let severity = 2;

  const yearOf = (text: string, year: number) => text.replace('2020年政府信息公开工作年度报告', `${year}年政府信息公开工作年度报告`);
  const a2020: Doc = { uri: `${base.uri}.a2020.govreport`, text: base.text };
  let b2021: Doc;
  let c2021: Doc;
  let d2022: Doc;

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    b2021 = { uri: `${base.uri}.b2021.govreport`, text: setCell(setCell(yearOf(base.text, 2021), 'carried', 'natural', '2'), 'carried', 'total', '2') };
    c2021 = { uri: `${base.uri}.c2021.govreport`, text: setCell(yearOf(base.text, 2021), 'carryOver', 'natural', '7') };
    d2022 = { uri: `${base.uri}.d2022.govreport`, text: setCell(yearOf(base.text, 2022), 'carried', 'natural', '5') };
  });
  after(() => client.stop());

  /** Waits until every open report's carry-over-mismatch diagnostics are the engine's over all open reports. */
  async function settled(): Promise<void> {
    const docs = [...open.values()];
    const raw = crossReportFindings(docs.map((d) => ({ id: d.uri, model: model(d.text) })));
    const want = new Map(docs.map((d) => [d.uri, (raw.get(d.uri) ?? []).map((f) => expectedView(f, d.uri, severity))]));
    const got = () => new Map(docs.map((d) => [d.uri, (client.latest.get(d.uri)?.diagnostics ?? []).filter((x) => x.code === CODE).map(view)]));
    const deadline = Date.now() + 10000;
    for (;;) {
      const now = got();
      try { assert.deepEqual(now, want); return; } catch (e) { if (Date.now() > deadline) throw e; }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const publications = (uri: string) => client.publications.filter((p) => p.uri === uri).length;
  /** Lets any publication still on its way arrive. */
  const quiet = () => new Promise((r) => setTimeout(r, 300));

  test('opened in any order, each report is compared with the same body\'s reports of the year before', async () => {
    for (const d of [d2022, other, b2021, c2021, a2020]) {
      await client.open(d.uri, d.text);
      open.set(d.uri, d);
      await settled();
    }
    const d = client.latest.get(d2022.uri)!.diagnostics.filter((x) => x.code === CODE);
    assert.equal(new Set(d.map((x) => x.relatedInformation![0].location.uri)).size, 2, 'the 2022 report is compared with both 2021 reports');
    assert.ok(client.latest.get(b2021.uri)!.diagnostics.some((x) => x.code === CODE), 'the 2021 report is compared with the 2020 one');
    await quiet();
    assert.equal(publications(other.uri), 1, 'a report of another body is published once, when it is opened');
  });

  test('an edit of a carried-over figure changes the findings of the next year\'s reports', async () => {
    const before2022 = publications(d2022.uri);
    a2020.text = setCell(a2020.text, 'carryOver', 'natural', '2');
    await client.change(a2020.uri, [{ text: a2020.text }]);
    await settled();
    await quiet();
    assert.equal(publications(d2022.uri), before2022, 'two years later is not affected');
    c2021.text = setCell(c2021.text, 'carryOver', 'natural', '5');
    await client.change(c2021.uri, [{ text: c2021.text }]);
    await settled();
    assert.ok(publications(d2022.uri) > before2022);
  });

  test('an edit elsewhere in a report publishes no other report', async () => {
    const counts = new Map([...open.keys()].map((u) => [u, publications(u)]));
    b2021.text = `${b2021.text}\n（完）\n`;
    await client.change(b2021.uri, [{ text: b2021.text }]);
    await settled();
    await quiet();
    for (const [uri, n] of counts) if (uri !== b2021.uri) assert.equal(publications(uri), n, uri);
  });

  test('a report that changes its year leaves one comparison and joins another', async () => {
    b2021.text = setCell(b2021.text.replace('2021年政府信息公开工作年度报告', '2019年政府信息公开工作年度报告'), 'carryOver', 'natural', '9');
    await client.change(b2021.uri, [{ text: b2021.text }]);
    await settled();
    assert.ok(client.latest.get(a2020.uri)!.diagnostics.some((x) => x.code === CODE), 'the 2020 report is now compared with the 2019 one');
  });

  test('closing a report clears the findings that pointed at it', async () => {
    await client.close(c2021.uri);
    open.delete(c2021.uri);
    await settled();
    await client.close(b2021.uri);
    open.delete(b2021.uri);
    await settled();
    assert.ok(!client.latest.get(a2020.uri)!.diagnostics.some((x) => x.code === CODE));
  });

  test('each report\'s own severity setting applies to its findings', async () => {
    b2021.text = b2021.text.replace('2019年政府信息公开工作年度报告', '2021年政府信息公开工作年度报告');
    await client.open(b2021.uri, b2021.text);
    open.set(b2021.uri, b2021);
    await settled();
    severity = 1;
    await client.changeSettings({ rules: { [CODE]: 'error' } });
    await settled();
    await client.changeSettings({ rules: { [CODE]: 'off' } });
    const docs = [...open.values()];
    const deadline = Date.now() + 10000;
    while (docs.some((d) => client.latest.get(d.uri)!.diagnostics.some((x) => x.code === CODE))) {
      assert.ok(Date.now() < deadline, 'turned off, the rule leaves no diagnostic');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
});
