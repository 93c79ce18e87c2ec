// The five shared reports through the server over stdio: diagnostics, symbols, folding.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { codes, HAVE_SERVER, reports, report, SKIP_REPORTS } from './helpers';
import { LspClient } from './lsp';

const SECTION_WORDS = ['总体情况', '主动公开', '收到和处理', '行政复议', '存在的主要问题', '其他需要报告'];

describe('shared reports over LSP (stdio)', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const client = new LspClient({});
  const opened = new Map<string, Awaited<ReturnType<LspClient['open']>>>();

  before(async () => {
    await client.initialize({ locale: 'zh-cn' });
    for (const r of reports()) opened.set(r.name, await client.open(r.uri, r.text));
  });
  after(() => client.stop());

  test('every report gets diagnostics with source, code and a link to the rule page; none is an error', () => {
    assert.equal(opened.size, 5);
    for (const [name, diagnostics] of opened) {
      for (const d of diagnostics) {
        assert.equal(d.source, 'govreport', name);
        assert.ok(typeof d.code === 'string' && d.code.length > 0, name);
        assert.match(d.codeDescription?.href ?? '', new RegExp(`^file:.*/docs/rules/${d.code}\\.md$`), name);
        assert.notEqual(d.severity, DiagnosticSeverity.Error, `${name}: ${d.message}`);
      }
    }
  });

  test('seed 001: row-label findings at the misspelt labels, amount-format on 7004.69万元', () => {
    const ds = opened.get(report('001').name)!;
    const rowLabels = ds.filter((d) => d.code === 'row-label');
    assert.deepEqual(rowLabels.map((d) => d.range.start.line + 1), [43, 44, 49, 53, 56]);
    assert.match(rowLabels[2].message, /危机“三安全一稳定”.*危及“三安全一稳定”/);
    const amount = ds.find((d) => d.code === 'amount-format');
    assert.ok(amount && /7004\.69万元/.test(amount.message));
  });

  test('seed 004: amount-format on 373.91万元 with a tight range, section-heading findings', () => {
    const r = report('004');
    const ds = opened.get(r.name)!;
    const amount = ds.find((d) => d.code === 'amount-format');
    assert.ok(amount, 'amount-format expected');
    const line = r.text.split(/\r?\n/)[amount.range.start.line];
    assert.equal(line.slice(amount.range.start.character, amount.range.end.character), '373.91万元');
    assert.ok(codes(ds).filter((c) => c === 'section-heading').length >= 3);
  });

  test('seed 003 is clean', () => {
    assert.deepEqual(opened.get(report('003').name), []);
  });

  test('symbols: six sections in order, tables inside 二 三 四, rows inside tables', async () => {
    for (const r of reports()) {
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: r.uri } })) as DocumentSymbol[];
      const sections = symbols.filter((s) => s.kind === SymbolKind.Module);
      assert.equal(sections.length, 6, r.name);
      sections.forEach((s, i) => assert.ok(s.name.includes(SECTION_WORDS[i]), `${r.name}: ${s.name} should be section ${i + 1}`));
      for (const i of [1, 2, 3]) {
        const table = sections[i].children?.find((c) => c.kind === SymbolKind.Struct);
        assert.ok(table, `${r.name}: a table inside ${sections[i].name}`);
        assert.ok((table.children?.length ?? 0) > 0, `${r.name}: rows inside ${table.name}`);
        assert.ok(contains(sections[i], table), `${r.name}: the table's range lies inside its section`);
      }
    }
  });

  test('folding ranges for every section and table', async () => {
    for (const r of reports()) {
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: r.uri } })) as DocumentSymbol[];
      const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: r.uri } })) as FoldingRange[];
      const starts = new Set(folds.map((f) => f.startLine));
      for (const s of symbols) {
        if (s.range.end.line > s.range.start.line) assert.ok(starts.has(s.range.start.line), `${r.name}: fold at ${s.name}`);
        for (const t of s.children?.filter((c) => c.kind === SymbolKind.Struct) ?? []) assert.ok(starts.has(t.range.start.line), `${r.name}: fold at ${t.name}`);
      }
      assert.ok(folds.every((f) => f.endLine > f.startLine));
    }
  });

  test('the Report checks outline lists sections, tables and relations with their verdicts', async () => {
    const r = report('003');
    const outline = (await client.connection.sendRequest('govreport/reportOutline', { uri: r.uri })) as {
      sections: { tables: { id: number; relations: { id: string; ok: boolean }[] }[] }[]; templateYear: number; missingSections: unknown[];
    };
    assert.equal(outline.sections.length, 6);
    assert.deepEqual(outline.missingSections, []);
    const relations = outline.sections.flatMap((s) => s.tables).flatMap((t) => t.relations);
    assert.deepEqual([...new Set(relations.map((x) => x.id))].sort(), ['R1', 'R2', 'R3', 'R4']);
    assert.ok(relations.every((x) => x.ok));
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
    assert.equal(list.length, 5);
  });
});

function contains(outer: DocumentSymbol, inner: DocumentSymbol): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.range.start, inner.range.start) && le(inner.range.end, outer.range.end);
}
