// Writing help, in memory on short texts: completion, snippets, inlay hints, code lenses, table formatting.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, checkText, evaluateRelations, parseReport, SECTIONS, standardHeading, type ReportModel } from '../../server/src/engine';
import { templateYearSpec } from '../../server/src/engine/template';
import { codeLenses } from '../../server/src/features/codeLens';
import { completions } from '../../server/src/features/completion';
import { formatTables } from '../../server/src/features/formatting';
import { inlayHints } from '../../server/src/features/inlayHints';
import { tableSnippet, type TableLayout } from '../../server/src/features/tableLayout';
import { decode } from '../../server/src/cli/encoding';
import { FIXTURES, SAMPLES, SHARED_REPORTS, hasSharedReports } from './helpers';

const TITLE = '示例局2022年政府信息公开工作年度报告\n';
const TABLE3_HEAD = '三、收到和处理政府信息公开申请情况\n';
const NEW_ROW = '一、本年新收政府信息公开申请数量 | 30 | 3 | 0 | 0 | 1 | 0 | 33 |\n';
const CARRIED_ROW = '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n';
const PIPE = `${TITLE}一、总体情况\n今年很好。\n${TABLE3_HEAD}${NEW_ROW}${CARRIED_ROW}\n`;

/** Expanded snippet text: each tab stop's default. */
const expand = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1');
const complete = (text: string, offset: number): CompletionItem[] => completions({ model: parseReport(text), offset, locale: 'zh-cn' });
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

describe('completion', () => {
  it('offers the next row label of a pipe-row table as a whole row, preselected, in template wording', () => {
    const items = complete(`${PIPE}（一`, PIPE.length + 2);
    const next = items.find((i) => i.preselect)!;
    assert.equal(next.label, '三、本年度办理结果');
    assert.equal(newText(next), '三、本年度办理结果');
    const open = items.find((i) => i.label === '（一）予以公开')!;
    assert.equal(newText(open), '（一）予以公开 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |');
    // Rows already written are not offered again; the 2021 template's （六）其他处理 sub-rows are.
    assert.ok(!labels(items).includes('一、本年新收政府信息公开申请数量'));
    assert.ok(labels(items).includes('3.其他'));
    assert.ok(!items.some((i) => i.kind === CompletionItemKind.Snippet), 'no section or table snippets inside a table');
    // The typed text is replaced from the start of the line.
    assert.deepEqual((open.textEdit as TextEdit).range, { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } });
  });

  it('writes the next row cell per line when the table is written that way', () => {
    const text = `${TITLE}${TABLE3_HEAD}\t一、本年新收政府信息公开申请数量\n\t30\n\t3\n\t0\n\t0\n\t1\n\t0\n\t34\n\n\t`;
    const next = complete(text, text.length).find((i) => i.preselect)!;
    assert.equal(next.label, '二、上年结转政府信息公开申请数量');
    assert.equal(expand(newText(next)), '二、上年结转政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n');
  });

  it('writes the next row as a markdown row in a markdown table', () => {
    const text = `${TITLE}${TABLE3_HEAD}| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n| ${NEW_ROW}| `;
    const next = complete(text, text.length).find((i) => i.preselect)!;
    assert.equal(next.label, '二、上年结转政府信息公开申请数量');
    assert.equal(expand(newText(next)), '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });

  it('offers column headers inside a row, and only them', () => {
    const text = `${TITLE}${TABLE3_HEAD}${NEW_ROW}申请人情况 | 自`;
    const items = complete(text, text.length);
    assert.ok(items.length > 0 && items.every((i) => i.detail?.includes('列标题')));
    const natural = items.find((i) => i.label === '自然人')!;
    assert.deepEqual((natural.textEdit as TextEdit).range.start, { line: 3, character: 8 });
  });

  it('offers the missing section headings, the next one in place preselected', () => {
    const text = `${TITLE}一、总体情况\n今年很好。\n`;
    const items = complete(text, text.length);
    const headings = items.filter((i) => i.detail === '章节标题');
    assert.deepEqual(labels(headings), SECTIONS.slice(1).map((s) => standardHeading(s.id)));
    assert.equal(items.find((i) => i.preselect)?.label, '二、主动公开政府信息情况');
  });

  it('offers a snippet of each section and table of the template year, with tab stops on the cells', () => {
    const items = complete(TITLE, TITLE.length);
    const table3 = items.find((i) => i.label === '表三：收到和处理政府信息公开申请情况')!;
    assert.match(newText(table3), /^（本列数据的勾稽关系为/);
    assert.match(newText(table3), /3\.其他 \| \$\{\d+:0\}/); // the 2022 report's template is 2021's
    assert.equal(new Set(newText(table3).match(/\$\{\d+/g)).size, 25 * 7);
    const section2 = items.find((i) => i.label === '二、主动公开政府信息情况…')!;
    assert.match(newText(section2), /^二、主动公开政府信息情况\n第二十条第（一）项/);
  });

  for (const year of [2019, 2021] as const) {
    for (const layout of ['pipe', 'markdown', 'cells'] as TableLayout[]) {
      it(`table snippets of ${year} as ${layout} read back as the template, every table whole`, () => {
        const spec = templateYearSpec(year);
        const body = SECTIONS.map((s) => `${standardHeading(s.id)}\n${s.id >= 2 && s.id <= 4 ? expand(tableSnippet(spec.tables[s.id as 2][0], layout)) : '（文字）'}\n`).join('\n');
        const { model, findings } = checkText(`示例局${year === 2019 ? 2020 : 2022}年政府信息公开工作年度报告\n${body}`);
        assert.equal(model.templateYear, year);
        assert.deepEqual(model.tables.map((t) => [t.id, t.variant, t.unread.length, t.missingRows.length]), [[2, String(year), 0, 0], [3, String(year), 0, 0], [4, String(year), 0, 0]]);
        assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
      });
    }
  }

  it('uses the layout of the file\'s tables for snippets', () => {
    const text = `${TITLE}${TABLE3_HEAD}\t一、本年新收政府信息公开申请数量\n\t30\n\n四、政府信息公开行政复议、行政诉讼情况\n`;
    const table4 = complete(text, text.length).find((i) => i.label === '表四：政府信息公开行政复议、行政诉讼情况')!;
    assert.match(newText(table4), /^\t行政复议\n\t行政诉讼\n/);
    assert.ok(table4.preselect, 'the table its section lacks comes first');
  });
});

const model = (text: string) => parseReport(text);
const hintsOf = (text: string, mode: 'off' | 'whenDifferent' | 'always') => {
  const m = model(text);
  return inlayHints({ model: m, relations: evaluateRelations(m), mode, locale: 'zh-cn' });
};

describe('inlay hints', () => {
  it('after a total that differs, the sum its relation expects', () => {
    const hints = hintsOf(PIPE, 'whenDifferent');
    assert.deepEqual(hints.map((h) => [h.label, h.position]), [['= 34', { line: 4, character: 46 }]]);
    assert.match(JSON.stringify(hints[0].tooltip), /R3.*30 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0 = 34/);
  });

  it('after every total with "always", none with "off"', () => {
    assert.deepEqual(hintsOf(PIPE, 'always').map((h) => h.label), ['= 34', '= 2']);
    assert.deepEqual(hintsOf(PIPE, 'off'), []);
  });

  it('on table 三\'s 二、上年结转, the carried-over figure R1 implies when R1 fails', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'layouts/table3-pipe.txt'), 'utf8');
    const m = model(text);
    const carried = m.tables[0].rows.find((r) => r.key === 'carried')!.cells[0];
    const broken = text.slice(0, carried.span.start) + '9' + text.slice(carried.span.end);
    const hints = hintsOf(broken, 'whenDifferent');
    assert.ok(hints.some((h) => h.label === `R1 ⇒ ${carried.value}`), hints.map((h) => h.label).join());
  });

  it('one hint a total cell, where R1 and R3 both sit on 四、结转下年度继续办理 × 总计', () => {
    const text = fs.readFileSync(path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.includes('含典型错误') && f.endsWith('.txt'))!), 'utf8');
    const hints = hintsOf(text, 'whenDifferent');
    const at = hints.map((h) => `${h.position.line}:${h.position.character}`);
    assert.equal(new Set(at).size, at.length);
    assert.deepEqual(hints.map((h) => h.label), ['= 34', 'R1 ⇒ 1', '= 31', '= 34', '= 2', '= 2']);
  });

  it('only in the range asked for', () => {
    const m = model(PIPE);
    assert.deepEqual(inlayHints({ model: m, relations: evaluateRelations(m), mode: 'always', locale: 'en', within: { start: 0, end: 10 } }), []);
  });
});

describe('code lens', () => {
  it('one lens over each table with relations, clicking goes to the first failing total', () => {
    const m = model(PIPE);
    const [lens] = codeLenses({ model: m, relations: evaluateRelations(m), uri: 'file:///r.txt', locale: 'zh-cn' });
    assert.match(lens.command!.title, /^R3 ✗/);
    assert.equal(lens.command!.command, 'govreport.reveal');
    assert.deepEqual(lens.command!.arguments, ['file:///r.txt', { start: { line: 4, character: 44 }, end: { line: 4, character: 46 } }]);
    assert.equal(lens.range.start.line, 4);
  });

  it('R1 ✓ R2 ✓ R3 ✓ and no action when every relation holds', () => {
    const m = model(fs.readFileSync(path.join(FIXTURES, 'layouts/table3-pipe.txt'), 'utf8'));
    const lenses = codeLenses({ model: m, relations: evaluateRelations(m), uri: 'file:///r.txt', locale: 'zh-cn' });
    assert.deepEqual(lenses.map((l) => [l.command!.title, l.command!.command]), [['R1 ✓ R2 ✓ R3 ✓', '']]);
  });
});

const format = (text: string, m: ReportModel = model(text)) => applyEdits(text, formatTables(m) as never);
const figures = (m: ReportModel) => m.tables.map((t) => [t.id, t.variant, t.unread.length, t.rows.map((r) => [r.key, r.cells.map((c) => [c.columnKey, c.value])])]);

describe('format table', () => {
  it('aligns a pipe-row table, writes full-width digits as ASCII, drops stray spaces', () => {
    const text = `${TITLE}${TABLE3_HEAD}一、本年新收政府信息 公开申请数量|３０| 3 |0|0|1|0| 34|\n二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n`;
    const out = format(text);
    assert.equal(out, `${TITLE}${TABLE3_HEAD}一、本年新收政府信息公开申请数量 | 30  | 3   | 0   | 0   | 1   | 0   | 34  |\n二、上年结转政府信息公开申请数量 | 2   | 0   | 0   | 0   | 0   | 0   | 2   |\n`);
    assert.equal(format(out), out, 'idempotent');
  });

  it('aligns a markdown table and its rule line; leaves prose and cell-per-line tables alone', () => {
    const text = `${TITLE}一、总体情况\n今年 很好 | 是的\n${TABLE3_HEAD}| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n| ${NEW_ROW}`;
    const out = format(text);
    assert.match(out, /\n今年 很好 \| 是的\n/);
    assert.match(out, /\n\| 申请人情况                       \| 自然人 \|/);
    assert.match(out, /\n\| -{32} \| -{6} \|/);
    assert.equal(format(out), out);
    const cells = `${TITLE}${TABLE3_HEAD}\t一、本年新收政府信息公开申请数量\n\t３０\n`;
    assert.equal(format(cells), cells);
  });

  const files = [
    ...(hasSharedReports ? fs.readdirSync(SHARED_REPORTS).map((f) => path.join(SHARED_REPORTS, f)) : []),
    ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLES, f)),
    ...fs.readdirSync(path.join(FIXTURES, 'layouts')).map((f) => path.join(FIXTURES, 'layouts', f)),
  ];
  for (const file of files) {
    it(`${path.basename(file)}: the same figures and findings after formatting, and formatting again changes nothing`, () => {
      const text = decode(fs.readFileSync(file)).text;
      const before = checkText(text);
      const out = format(text, before.model);
      const after = checkText(out);
      assert.deepEqual(figures(after.model), figures(before.model));
      const codes = (fs: typeof before.findings) => fs.filter((f) => f.code !== 'cell-value').map((f) => `${f.code}: ${f.message.zh}`).sort();
      assert.deepEqual(codes(after.findings), codes(before.findings));
      assert.equal(format(out, after.model), out);
    });
  }
});
