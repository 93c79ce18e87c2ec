// Many documents open: the server keeps the full analysis of only the few most recently used and computes a
// document's analysis again when it is asked for. Whatever is asked of a document whose analysis was let go
// must be answered as when it was held: symbols, folding, hovers, code actions, the outline and the report
// list (with the time of the check that was published), and diagnostics published again for R5.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { apply, cellPosition, HAVE_SERVER, reports, SKIP_REPORTS, type Report } from './helpers';
import { LspClient } from './lsp';

/** More than the server holds (four). */
const OTHERS = 8;

const yearOf = (text: string, year: number) => text.replace('2020年政府信息公开工作年度报告', `${year}年政府信息公开工作年度报告`);

/** Report 003 a year later, saying that 2 applications were carried over (the 2020 report carried none). */
function nextYear(r: Report): string {
  let text = yearOf(r.text, 2021);
  for (const column of ['natural', 'total']) {
    const { position } = cellPosition(text, 3, 'carried', column);
    text = apply(text, [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, newText: '2' }]);
  }
  return text;
}

/** Documents of other bodies' reports (a comment keeps their texts apart), to push a document's analysis out. */
function fillers(all: Report[], tag: string): { uri: string; text: string }[] {
  const others = all.filter((r) => !r.name.startsWith('003'));
  return Array.from({ length: OTHERS }, (_, i) => {
    const r = others[i % others.length];
    return { uri: `${r.uri}.${tag}-${i}.govreport`, text: `${r.text}\n<!-- ${i} -->\n` };
  });
}

describe('many documents open', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const all = reports();
  const client = new LspClient({});
  before(() => client.initialize({ locale: 'zh-cn' }));
  after(() => client.stop());

  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
  const checkedAt = (uri: string) =>
    client.notifications.filter((n) => (n.params as { uri: string }).uri === uri).map((n) => (n.params as { checkedAt: string }).checkedAt).at(-1);

  test('a document whose analysis was let go answers every request as before', async () => {
    const r = all.find((x) => x.name.startsWith('001'))!;
    const uri = `${r.uri}.first.govreport`;
    const diagnostics = await client.open(uri, r.text);
    assert.ok(diagnostics.some((d) => d.code === 'row-label'), 'the report has findings with fixes');
    const { position } = cellPosition(r.text, 3, 'new', 'total');
    const ask = async () => ({
      symbols: await request('textDocument/documentSymbol', { textDocument: { uri } }),
      folding: await request('textDocument/foldingRange', { textDocument: { uri } }),
      hover: await request('textDocument/hover', { textDocument: { uri }, position }),
      actions: await request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } }, context: { diagnostics },
      }),
      fixAll: await request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
      }),
      outline: await request('govreport/reportOutline', { uri }),
    });
    const held = await ask();
    assert.ok(held.actions.length > 0 && held.fixAll.length === 1 && held.hover);

    for (const f of fillers(all, 'a')) await client.open(f.uri, f.text);
    assert.deepEqual(await ask(), held);
    assert.equal((held.outline as { checkedAt: string }).checkedAt, checkedAt(uri), 'the outline gives the time of the published check');
  });

  test('the report list has every open document, with the time of its published check', async () => {
    const list = await request<{ uri: string; checkedAt: string; counts: Record<string, number> }[]>('govreport/reports', {});
    const open = new Set(client.publications.map((p) => p.uri));
    assert.deepEqual(new Set(list.map((x) => x.uri)), open);
    for (const x of list) {
      assert.equal(x.checkedAt, checkedAt(x.uri), x.uri);
      const published = client.latest.get(x.uri)!.diagnostics;
      assert.equal(Object.values(x.counts).reduce((a, b) => a + b, 0), published.length, x.uri);
    }
  });

  test('a report compared with one opened later is published again from its text as checked', async () => {
    const r = all.find((x) => x.name.startsWith('003'))!;
    const later = `${r.uri}.later.govreport`;
    const mismatch = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'carry-over-mismatch');
    const first = await client.open(later, nextYear(r));
    assert.equal(mismatch(first).length, 0);
    for (const f of fillers(all, 'b')) await client.open(f.uri, f.text);
    const again = client.diagnostics(later, (p) => mismatch(p.diagnostics).length === 2);
    await client.open(`${r.uri}.earlier.govreport`, r.text);
    const p = await again;
    assert.equal(p.version, 1);
    assert.deepEqual(p.diagnostics.filter((d) => d.code !== 'carry-over-mismatch'), first, 'its own findings as first published');
  });
});

describe('many documents open, checked on save', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const all = reports();
  const client = new LspClient({ run: 'onSave', debounce: 0 });
  before(() => client.initialize({ locale: 'zh-cn' }));
  after(() => client.stop());

  test('a report edited since its check and compared with one opened later is checked as it is now', async () => {
    const r = all.find((x) => x.name.startsWith('003'))!;
    const later = `${r.uri}.later.govreport`;
    const text = nextYear(r);
    await client.open(later, text);
    // An edit that is not checked (onSave): the analysis of version 1 can no longer be computed from the text.
    client.setVersion(later, 1);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: later, version: 2 }, contentChanges: [{ text: `${text}\n（草稿）\n` }],
    });
    for (const f of fillers(all, 'c')) await client.open(f.uri, f.text);
    const again = client.diagnostics(later, (p) => p.diagnostics.some((d) => d.code === 'carry-over-mismatch'));
    await client.open(`${r.uri}.earlier.govreport`, r.text);
    assert.equal((await again).version, 2);
  });
});
