// The families of text layout real reports arrive in (issue 12): each fixture is the clean 2021 sample laid out
// as the web or a PDF gives it (test/fixtures/families), and each test asserts the cells read, their spans, the
// template variant and the findings. A test marked todo states what the reading should give and does not yet.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, evaluateRelations, offsetAt, parseReport, proseFigures, type Finding, type ReportModel, type TableModel } from '../../server/src/engine';
import { isWrapped } from '../../server/src/engine/prose/scan';
import { hoverAt } from '../../server/src/features/hover';
import { CLEAN_2021, ROOT, fixture, replaceOnce, sample, textOf } from './helpers';

type Values = Record<string, (number | null)[]>;

const family = (name: string) => fixture(`families/${name}.txt`);

function table(model: ReportModel, id: number): TableModel {
  const t = model.tables.find((x) => x.id === id);
  assert.ok(t, `table ${id} read`);
  return t;
}

/** Row key → the values read, for the rows that have cells. */
function valuesOf(t: TableModel): Values {
  return Object.fromEntries(t.rows.filter((r) => r.cells.length > 0).map((r) => [r.key, r.cells.map((c) => c.value)]));
}

/** The text a cell's span covers. */
function cellText(model: ReportModel, id: number, rowKey: string, columnKey: string): string {
  const cell = table(model, id).rows.find((r) => r.key === rowKey)?.cells.find((c) => c.columnKey === columnKey);
  assert.ok(cell, `cell ${id}/${rowKey}/${columnKey}`);
  return model.text.slice(cell.span.start, cell.span.end);
}

const REFERENCE = (() => {
  const model = parseReport(CLEAN_2021());
  return { 2: valuesOf(table(model, 2)), 3: valuesOf(table(model, 3)), 4: valuesOf(table(model, 4)) };
})();

/** Code, severity and the text under its range: what a finding says, without its wording. */
const brief = (text: string, f: Finding) => `${f.severity} ${f.code} «${textOf(text, f.range)}»`;
const briefs = (text: string, fs: Finding[]) => fs.map((f) => brief(text, f));

/** Findings about a table: they start inside its text (a missing section placed at the table's end is not one). */
function findingsIn(model: ReportModel, t: TableModel, findings: Finding[]): Finding[] {
  return findings.filter((f) => {
    if (f.code === 'section-missing') return false;
    const at = offsetAt(model.lineStarts, model.text.length, f.range.start);
    return at >= t.span.start && at <= t.span.end;
  });
}

/** Every table read whole, 2021 variant, with the sample's values. */
function assertSampleTables(model: ReportModel, ids: number[] = [2, 3, 4]): void {
  for (const id of ids) {
    const t = table(model, id);
    assert.equal(t.variant, '2021', `table ${id} variant`);
    assert.deepEqual(t.unread, [], `table ${id} read whole`);
    assert.equal(t.unreliable, null, `table ${id} reliable`);
    assert.deepEqual(valuesOf(t), REFERENCE[id as 2 | 3 | 4], `table ${id} values`);
  }
}

describe('family 1: flattened page', () => {
  it('headings inside running text are sections; cells separated by one space are read; run-together cells that split two ways are said once', () => {
    const text = family('flattened');
    const { model, findings } = checkText(text);
    assert.ok(model.isReport);
    assert.equal(model.templateYear, 2021);
    assert.equal(model.reportYear, 2021);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
    assert.equal(text.slice(model.sections[0].heading.span.start, model.sections[0].heading.span.end), '一、总体情况');
    assert.equal(text.slice(model.sections[4].heading.span.start, model.sections[4].heading.span.end), '五、存在的主要问题及改进情况');
    assertSampleTables(model, [2, 4]);
    assert.equal(cellText(model, 2, 'item1.r2', 'c3'), '27');
    assert.equal(cellText(model, 2, 'item8.r1', 'c1'), '12.35');
    assert.equal(cellText(model, 4, 'cases', 'review.total'), '2');
    // 一、本年新收 "303001034" is 30,3,0,0,1,0,34 or 3,0,30,0,1,0,34: R3 holds for both, so the table is not read.
    const t3 = table(model, 3);
    assert.equal(t3.variant, '2021');
    assert.ok(t3.unreliable, 'table 三 said unreliable');
    assert.deepEqual(briefs(text, findings), ['information table-shape «一、本年新收政府信息公开申请数量»']);
    assert.deepEqual(findingsIn(model, t3, findings).map((f) => f.code), ['table-shape']);
    // The prose is read, but not compared with a table that cannot be read.
    assert.deepEqual(proseFigures(model).map((f) => f.status), ['unavailable', 'unavailable', 'unavailable', 'unavailable']);
  });

  it('run-together digits are cut the one way the row total allows, without leading zeros', () => {
    const text = family('flattened-inferred');
    const { model, findings } = checkText(text);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
    const t3 = table(model, 3);
    assert.equal(t3.variant, '2021');
    assert.equal(t3.unreliable, null);
    const onlyNatural = Object.fromEntries(Object.entries(REFERENCE[3]).map(([k, v]) => [k, [v[6], 0, 0, 0, 0, 0, v[6]]]));
    assert.deepEqual(valuesOf(t3), onlyNatural);
    assert.equal(cellText(model, 3, 'new', 'natural'), '34');
    assert.equal(cellText(model, 3, 'new', 'total'), '34');
    assert.equal(cellText(model, 3, 'total', 'total'), '35');
    assert.equal(t3.inferredCells.length, t3.rows.reduce((n, r) => n + r.cells.length, 0), 'every cell of 三 inferred');
    // Table 四's fifteen digits "100120001100000" run together too: cut by its review totals.
    const t4 = table(model, 4);
    assert.deepEqual(valuesOf(t4), REFERENCE[4]);
    assert.equal(t4.inferredCells.length, 15);
    assert.equal(cellText(model, 4, 'cases', 'direct.total'), '1');
    assert.deepEqual(briefs(text, findings), []);
    // The prose in the running text is read and compared with the inferred cells.
    assert.deepEqual(proseFigures(model).map((f) => [f.phrase, f.status]), [
      ['新收政府信息公开申请34件', 'match'], ['上年结转2件', 'match'], ['办结35件', 'match'], ['结转下年度继续办理1件', 'match'],
    ]);
  });

  it('table 二 run together ("规章000行政规范性文件3127"): no row total to cut by, so the table is said once, not checked', () => {
    const text = replaceOnce(family('flattened'), '规章 0 0 0 行政规范性文件 3 1 27', '规章000行政规范性文件3127');
    const { model, findings } = checkText(text);
    assert.ok(table(model, 2).unreliable, 'table 二 said unreliable');
    assert.deepEqual(valuesOf(table(model, 4)), REFERENCE[4]);
    assert.deepEqual(briefs(text, findings), ['information table-shape «第二十条第（一）项»', 'information table-shape «一、本年新收政府信息公开申请数量»']);
  });

  it('a heading followed by a space inside running text ("一、总体情况 2021年…")', () => {
    const text = replaceOnce(family('flattened'), '一、总体情况2021年', '一、总体情况 2021年');
    const { model } = checkText(text);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
    assert.equal(text.slice(model.sections[0].heading.span.start, model.sections[0].heading.span.end), '一、总体情况');
    assert.deepEqual(valuesOf(table(model, 2)), REFERENCE[2]);
  });

  const otherHeadings: [string, string, string, number, string][] = [
    ['not numbered, after a sentence', '日止。一、总体情况2021年', '日止。总体情况2021年', 1, '总体情况'],
    ['numbered with a digit, after a table figure and a space', '12.35三、收到和处理', '12.35 3、收到和处理', 3, '3、收到和处理政府信息公开申请情况'],
    ['not numbered, right after a table figure', '1 0 0 0 0 0五、存在的', '1 0 0 0 0 0存在的', 5, '存在的主要问题及改进情况'],
  ];
  for (const [what, from, to, id, heading] of otherHeadings) {
    it(`a heading ${what} inside running text is its section (section-heading, not section-missing)`, () => {
      const text = replaceOnce(family('flattened'), from, to);
      const { model, findings } = checkText(text);
      assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
      const span = model.sections.find((s) => s.id === id)!.heading.span;
      assert.equal(text.slice(span.start, span.end), heading);
      assert.deepEqual(findings.filter((f) => f.code.startsWith('section-')).map((f) => [f.code, f.severity]), [['section-heading', 'warning']]);
    });
  }

  it('a page number inside a flattened table (… 规章 0 0 0 - 2 - 行政规范性文件 …) is passed over', () => {
    const text = replaceOnce(family('flattened'), '规章 0 0 0 行政规范性文件', '规章 0 0 0 - 2 - 行政规范性文件');
    const { model, findings } = checkText(text);
    assert.deepEqual(valuesOf(table(model, 2)), REFERENCE[2]);
    assert.deepEqual(table(model, 2).unread, []);
    assert.deepEqual(briefs(text, findings), ['information table-shape «一、本年新收政府信息公开申请数量»']);
  });

  it('a flattened table that does not read cleanly is said once (information), with no table errors and no run-on labels', () => {
    // A stray figure before table 四's fifteen (every figure shifted: review-total would fail), and in table 二 a label
    // with a page's leftover run onto it and a stray word.
    const text = replaceOnce(replaceOnce(family('flattened'), '尚未审结总计1 0 0 1 2', '尚未审结总计 7 1 0 0 1 2'), '规章 0 0 0 行政规范性文件 3 1 27', '规章 0 0 0 行政规范性文件- 3 1 27 x');
    const { model, findings } = checkText(text);
    assert.ok(table(model, 4).unreliable, 'table 四 said unreliable');
    assert.ok(table(model, 2).unreliable, 'table 二 said unreliable');
    const tableFindings = findings.filter((f) => ['table-shape', 'row-label', 'row-missing', 'cell-value', 'review-total'].includes(f.code));
    assert.deepEqual(tableFindings.map((f) => [f.code, f.severity]), [['table-shape', 'information'], ['table-shape', 'information'], ['table-shape', 'information']]);
  });

  describe('a PDF\'s text flattened with nothing between its lines', () => {
    /** Each line trimmed and joined to the next with nothing between: page numbers end up run together with the text. */
    const joined = (text: string) => text.split('\n').map((l) => l.trim()).join('');
    const severities = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code}`);

    it('page numbers run together with the text (…项- 4 -信息内容…) are cut out; tables read from the run-together text', () => {
      const lines = family('pdf-text');
      const text = joined(lines);
      assert.ok(text.includes('0- 3 -结果'), 'a page number run together with a figure and a label');
      const { model, findings } = checkText(text);
      const plain = parseReport(lines);
      for (const id of [2, 4]) {
        assert.equal(table(model, id).unreliable, null, `table ${id} read`);
        assert.deepEqual(valuesOf(table(model, id)), valuesOf(table(plain, id)), `table ${id}: the cells of the lines`);
        assert.deepEqual(table(model, id).unread, []);
      }
      // Table 三's labels wrap around its figures (…只计这一情 形，不 6 1 0 0 0 0 7 计其他情形）): once run together they
      // cannot be told from the figures with certainty. One information, and no row-label warning for the cut label.
      assert.ok(table(model, 3).unreliable);
      assert.deepEqual(severities(findings), ['information table-shape']);
    });

    it('a footer naming the page count run together (…0 0 0第 3 页 共 5 页结果…) is cut out like a page number', () => {
      const lines = family('pdf-text').replace('\n- 3 -\n', '\n第 3 页 共 5 页\n');
      const text = joined(lines);
      assert.ok(/\d第 3 页 共 5 页\D/.test(text), 'a footer run together with a figure and a label');
      // With white space before it and a cell's separator after, the whole footer is cut, not 第 3 页 alone.
      const spaced = text.replace('第 3 页 共 5 页', ' 第 3 页 共 5 页');
      assert.deepEqual(severities(checkText(spaced).findings), ['information table-shape']);
      const { model, findings } = checkText(text);
      const plain = parseReport(lines);
      for (const id of [2, 4]) assert.deepEqual(valuesOf(table(model, id)), valuesOf(table(plain, id)), `table ${id}`);
      assert.deepEqual(severities(findings), ['information table-shape']);
    });

    it('the title repeated as a running header, run together with a row\'s last figure (…0 0 0 0 0 0 0示例市民政局2021年…年度报告6.属于…), is cut out', () => {
      // At the page break inside table 三: one number would be made of the row's last figure and the year.
      const lines = family('pdf-text').replace('\n- 3 -\n', '\n示例市民政局2021年政府信息公开工作年度报告\n- 3 -\n');
      const text = joined(lines);
      assert.match(text, /\d示例市民政局2021年政府信息公开工作年度报告/);
      const { model, findings } = checkText(text);
      const plain = parseReport(lines);
      for (const id of [2, 4]) assert.deepEqual(valuesOf(table(model, id)), valuesOf(table(plain, id)), `table ${id}`);
      assert.deepEqual(severities(findings), ['information table-shape']);
      // The same with a space between the agency and the year, and the line's words one space apart.
      const spaced = joined(lines.replaceAll('示例市民政局2021年', '示例市民政局 2021年'));
      assert.deepEqual(severities(checkText(spaced).findings), ['information table-shape']);
    });

    it('table 二 with its digits run together as well (规章000行政规范性文件3127) and no header run together to show it: said once, not missing', () => {
      const text = replaceOnce(joined(family('pdf-text')), '规章 0 0 0行政规范性文件 3 1 27', '规章000行政规范性文件3127');
      const { model, findings } = checkText(text);
      assert.ok(table(model, 2).unreliable, 'table 二 read, said unreliable');
      assert.deepEqual(severities(findings), ['information table-shape', 'information table-shape']);
    });

    it('flattened with a space: a label wrapped around or past its figures draws no row-label warning when a piece of it (其他) is taken for a header', () => {
      const around = family('pdf-text').split('\n').map((l) => l.trim()).join(' ');
      const past = around.replace(/（二）部分公开（区分处理的，只计这一情 形，不 6 1 0 0 0 0 7 计其他情形）/, '（二）部分公开（区分处理的，只计 6 1 0 0 0 0 7 这一情形，不计其他情形）');
      assert.notEqual(past, around);
      for (const text of [around, past]) assert.deepEqual(checkText(text).findings.filter((f) => f.code === 'row-label'), []);
    });

    it('a heading without its numeral run together after a page number (…万元- 3 -收到和处理…) is found', () => {
      const lines = family('pdf-text').replace('三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况').replace('\n- 3 -\n', '\n').replace('行政事业性收费 12.35\n', '行政事业性收费 12.35\n- 2 -\n');
      const { model, findings } = checkText(joined(lines));
      assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(findings.filter((f) => f.code.startsWith('section-')).map((f) => `${f.severity} ${f.code}`), ['warning section-heading']);
    });

    it('a row\'s figure run into its wrapped label (…只计 6 1 0 0 0 0 7这一情形…) draws no row-label warning in a table said to be unreadable', () => {
      const text = joined(family('pdf-text')).replace('只计这一情 形，不6 1 0 0 0 0 7计其他情形）', '只计 6 1 0 0 0 0 7这一情形，不计其他情形）');
      assert.ok(text.includes('7这一情形'));
      assert.deepEqual(checkText(text).findings.filter((f) => f.code === 'row-label'), []);
    });

    const partial103 = path.resolve(ROOT, '../shared/real/partial/103.txt');
    it('a copy whose blanks collapsed into runs of pipes, with page numbers, flattened (…数量 |3 |3 ||||||||二、…): the one information, no cell-value', { skip: fs.existsSync(partial103) ? false : `${partial103} not found` }, () => {
      const lines = fs.readFileSync(partial103, 'utf8').split('\n').map((l, i) => (i > 0 && i % 45 === 0 ? `- ${i / 45 + 1} -\n${l}` : l)).join('\n');
      const { model, findings } = checkText(joined(lines));
      assert.ok(table(model, 3).unreliable, 'table 三 said unreadable');
      // The copy stops after table 三: the sections after it are missing, and that is all it gets besides.
      assert.deepEqual(findings.filter((f) => f.code !== 'section-missing').map((f) => `${f.severity} ${f.code}`), ['information table-shape']);
    });

    const huaian = path.resolve(ROOT, '../shared/real/huaian-2024.txt');
    it('a real report (its rows\' last figure run into the next label\'s numbering: 2 0 0 0 0 0 22.其他…): as its lines read', { skip: fs.existsSync(huaian) ? false : `${huaian} not found` }, () => {
      const lines = fs.readFileSync(huaian, 'utf8');
      const text = joined(lines);
      const { model, findings } = checkText(text);
      const plain = checkText(lines);
      for (const id of [2, 3, 4]) {
        assert.equal(table(model, id).unreliable, null, `table ${id} read`);
        assert.deepEqual(valuesOf(table(model, id)), valuesOf(table(plain.model, id)), `table ${id}: the cells of the lines`);
      }
      assert.deepEqual(severities(findings), severities(plain.findings));
    });
  });

  it('the title behind a crawler prefix "标题: " is the title, without the prefix', () => {
    const model = parseReport(family('flattened'));
    assert.equal(model.title?.text, '示例市民政局2021年政府信息公开工作年度报告');
    assert.equal(model.agency, '示例市民政局');
  });

  it('the hover of an inferred cell says the cells were inferred', () => {
    const model = parseReport(family('flattened-inferred'));
    const cell = table(model, 3).rows.find((r) => r.key === 'new')!.cells[0];
    const hover = hoverAt({ model, relations: evaluateRelations(model), offset: cell.span.start, locale: 'en' });
    assert.ok(hover);
    assert.match((hover.contents as { value: string }).value, /inferred/i);
  });
});

describe('family 2: cell per line', () => {
  const cases: [string, string][] = [
    ['cells-bare-pipe', 'a bare "|" line between cells'],
    ['cells-filler-pipes', 'cells ending " |" and a filler line "| |||||||" after each row'],
    ['cells-blank-lines', 'cells split by blank lines and padded with spaces'],
  ];
  for (const [name, what] of cases) {
    it(`${what}: the sample's cells, no finding`, () => {
      const text = family(name);
      const { model, findings } = checkText(text);
      assertSampleTables(model);
      assert.equal(cellText(model, 3, 'open', 'natural'), '12');
      assert.equal(cellText(model, 3, 'total', 'total'), '35');
      assert.equal(cellText(model, 3, 'reject5', 'natural'), '0');
      // Labels broken over lines in new places are still the template's rows.
      const reject = table(model, 3).rows.find((r) => r.key === 'reject')!;
      assert.equal(text.slice(reject.labelSpan!.start, reject.labelSpan!.end), '（五）不予\n处理');
      assert.deepEqual(briefs(text, findings), []);
    });
  }
});

describe('family 2: a column header with a note', () => {
  it('"现行有效件数 (历史累计)": the header takes the note; row-label (warning) with a fix to the template label, no table-shape', () => {
    const text = replaceOnce(CLEAN_2021(), '\t现行有效件数\n', '\t现行有效件数 (历史累计)\n');
    const { model, findings } = checkText(text);
    assertSampleTables(model, [2]);
    assert.deepEqual(briefs(text, findings), ['warning row-label «现行有效件数 (历史累计)»']);
    assert.equal(findings[0].fixes[0].edits[0].newText, '现行有效件数');
  });
});

describe('family 2: every table of the sample re-laid', () => {
  const relaid: [string, (t: string) => string][] = [
    ['a bare "|" line between every two cells', (t) => t.replace(/(\n\t[^\n]*)(?=\n\t)/g, '$1\n|')],
    ['every cell ending " |"', (t) => t.replace(/\n\t([^\n]*)/g, '\n$1 |')],
  ];
  for (const [what, relay] of relaid) {
    it(`${what}: tables 二, 三 and 四 read as in the sample, no finding`, () => {
      const text = relay(CLEAN_2021());
      const { model, findings } = checkText(text);
      assertSampleTables(model);
      assert.equal(cellText(model, 2, 'item8.r1', 'c1'), '12.35');
      assert.equal(cellText(model, 4, 'cases', 'direct.total'), '1');
      assert.deepEqual(briefs(text, findings), []);
    });
  }
});

describe('family 3: PDF text', () => {
  it('labels wrapped past or around their values, group labels interleaved, vertical headers, a page number and a page break inside the table', () => {
    const text = family('pdf-text');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.equal(cellText(model, 3, 'partial', 'natural'), '6');
    assert.equal(cellText(model, 3, 'reject5', 'total'), '0');
    assert.equal(cellText(model, 3, 'unable2', 'natural'), '1');
    assert.equal(cellText(model, 4, 'cases', 'review.pending'), '1');
    assert.deepEqual(briefs(text, findings), []);
  });

  const pageBreaks: [string, string, string][] = [
    ['the column headers repeated on the next page', '- 3 -\n\n结果', '- 3 -\n\n申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他\n结果'],
    ['a page number as "第 3 页 共 5 页"', '- 3 -\n', '第 3 页 共 5 页\n'],
  ];
  for (const [what, from, to] of pageBreaks) {
    it(`a table continued on the next page: ${what}`, () => {
      const text = replaceOnce(family('pdf-text'), from, to);
      const { model, findings } = checkText(text);
      assertSampleTables(model);
      assert.equal(cellText(model, 3, 'deny6', 'total'), '0');
      assert.deepEqual(briefs(text, findings), []);
    });
  }

  it('a group label in a merged cell whose tail wraps beside its first row (（六）其他处 … 理) is read whole', () => {
    const text = replaceOnce(family('pdf-text'), '（六）其\n他处理\n1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请\n1 0 0 0 0 0 1\n',
      '（六）其他处 1.申请人无正当理由逾期 1 0 0 0 0 0 1\n理\n不补正、行政机关不再处理其政府信息公开申请\n');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.equal(table(model, 3).rows.find((r) => r.key === 'other')?.label, '（六）其他处理');
    assert.deepEqual(briefs(text, findings), []);
  });

  describe('prose wrapped at the page width', () => {
    const PARAGRAPH = '本年度新收政府信息公开申请34件，上年结转2件；办结35件，结转下年度继续办理1件。';
    /** The sample's prose wrapped at 20 characters a line (its tables as they are), with the paragraph laid out as given. */
    const wrapped = (paragraph: string) => family('pdf-text')
      .replace(PARAGRAPH, '@@')
      .split('\n')
      .map((l) => (l.length > 20 && !/\d \d/.test(l) ? l.match(/.{1,20}/g)!.join('\n') : l))
      .join('\n')
      .replace('@@', paragraph);
    const figures = (text: string) => proseFigures(parseReport(text)).map((f) => [f.raw, f.status]);
    const SAME = [['34', 'match'], ['2', 'match'], ['35', 'match'], ['1', 'match']];

    const cuts: [string, string][] = [
      ['a number cut from its unit (34 / 件)', '本年度新收政府信息公开申请34\n件，上年结转2件；办结35件，结转下年度继续办理1件。'],
      ['a word cut after its first character (办 / 结)', '本年度新收政府信息公开申请34件，上年结转2件；办\n结35件，结转下年度继续办理1件。'],
      ['a word cut further in (结转下年度继 / 续办理)', '本年度新收政府信息公开申请34件，上年结转2件；办结35件，结转下年度继\n续办理1件。'],
      ['a cut word with white space at the line end (办  / 结)', '本年度新收政府信息公开申请34件，上年结转2件；办  \n结35件，结转下年度继续办理1件。'],
    ];
    for (const [what, paragraph] of cuts) {
      it(`${what}: the figures read as unwrapped`, () => {
        const text = wrapped(paragraph);
        assert.deepEqual(figures(text), SAME);
        assert.deepEqual(checkText(text).findings.filter((f) => f.code === 'text-table-mismatch'), []);
      });
    }

    it('is told from its prose lines only: a Word text whose tables are pipe rows (ending without a stop) is not wrapped', () => {
      for (const name of ['示例县人民政府2020', '示例镇人民政府2021']) {
        const model = parseReport(sample(name));
        assert.ok(model.tables.length > 0 && /\|\s*$/m.test(model.text), `${name}: pipe rows`);
        assert.equal(isWrapped(model), false, name);
      }
      assert.equal(isWrapped(parseReport(wrapped(PARAGRAPH))), true);
    });

    it('flattened afterwards, each wrap left as a space, or with the line\'s trailing spaces and an indent (办 结35件): the figures read as unwrapped', () => {
      for (const gap of [' ', '  \u3000\u3000']) {
        // (A number and its unit stand a space or two apart at most: the wider gap is tried on the cut words.)
        for (const [what, paragraph] of gap === ' ' ? cuts : cuts.slice(1)) {
          const text = wrapped(paragraph).split('\n').map((l) => l.trim()).join(gap);
          assert.deepEqual(figures(text), SAME, what);
          assert.deepEqual(checkText(text).findings.filter((f) => f.code === 'text-table-mismatch'), [], what);
        }
      }
    });

    it('a number cut in two (3 / 4件) is not read as its second part', () => {
      const text = wrapped('本年度新收政府信息公开申请3\n4件，上年结转2件；办结35件，结转下年度继续办理1件。');
      assert.deepEqual(figures(text), SAME.slice(1));
      assert.deepEqual(checkText(text).findings.filter((f) => f.code === 'text-table-mismatch'), []);
    });
  });

  it('the report\'s title repeated as a running header inside a table laid out a cell a line: passed over', () => {
    const clean = CLEAN_2021();
    const text = replaceOnce(clean, '4.保护第三方合法权益\n', '4.保护第三方合法权益\n示例市民政局2021年政府信息公开工作年度报告\n');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.deepEqual(briefs(text, findings), briefs(clean, checkText(clean).findings));
  });

  it('a page number above the title (“- 1 -” on its own line) is not part of the title or the agency', () => {
    const model = parseReport('- 1 -\n' + family('pdf-text'));
    assert.equal(model.title?.text, '示例市民政局2021年政府信息公开工作年度报告');
    assert.equal(model.agency, '示例市民政局');
  });

  it('a running footer inside a table is passed over like a page number', () => {
    const text = replaceOnce(family('pdf-text'), '- 3 -\n', '示例市民政局政府信息公开工作年度报告\n- 3 -\n');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.deepEqual(briefs(text, findings), []);
  });
});

describe('family 4: table 四 in any header arrangement', () => {
  const cases: [string, string][] = [
    ['table4-two-header-rows', 'two header rows'],
    ['table4-three-header-rows', 'three header rows'],
    ['table4-compound-header', 'one row of compound headers (行政复议结果维持 | …)'],
  ];
  for (const [name, what] of cases) {
    it(`${what}: the fifteen cells in their columns`, () => {
      const text = family(name);
      const { model, findings } = checkText(text);
      assertSampleTables(model);
      assert.equal(cellText(model, 4, 'cases', 'review.total'), '2');
      assert.equal(cellText(model, 4, 'cases', 'direct.total'), '1');
      assert.deepEqual(briefs(text, findings), []);
    });
  }

  it('no header at all, only the fifteen numbers', () => {
    const text = family('table4-no-header');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.equal(cellText(model, 4, 'cases', 'review.total'), '2');
    assert.deepEqual(briefs(text, findings), []);
  });
});

describe('family 5: blank cells', () => {
  const blanked: [string, string, string][] = [
    ['pipe', '（一）予以公开 | 12 | 1 | 0 | 0 |', '（一）予以公开 | 12 | 1 |  | 0 |'],
    ['markdown', '（一）予以公开 | 12 | 1 | 0 | 0 |', '（一）予以公开 | 12 | 1 |  | 0 |'],
    ['tsv', '（一）予以公开\t12\t1\t0\t0', '（一）予以公开\t12\t1\t\t0'],
  ];
  for (const [layout, from, to] of blanked) {
    it(`${layout}: an empty cell in explicit columns is a cell-value at that cell, not a short row`, () => {
      const text = replaceOnce(fixture(`layouts/table3-${layout}.txt`), from, to);
      const { model, findings } = checkText(text);
      const t3 = table(model, 3);
      assert.deepEqual(t3.unread, []);
      assert.deepEqual(valuesOf(t3).open, [12, 1, null, 0, 1, 0, 14]);
      const blank = t3.rows.find((r) => r.key === 'open')!.cells.find((c) => c.columnKey === 'research')!;
      assert.equal(blank.raw, '');
      assert.equal(cellText(model, 3, 'open', 'charity'), '0');
      const inTable = findingsIn(model, t3, findings);
      assert.deepEqual(inTable.map((f) => [f.code, f.severity]), [['cell-value', 'error']]);
      assert.equal(offsetAt(model.lineStarts, text.length, inTable[0].range.start), blank.span.start);
    });
  }

  it('an empty cell in table 二 (a pipe row among cell-per-line rows) and in table 四: cell-value there', () => {
    const cases: [string, number, string, string][] = [
      [CLEAN_2021().replace(/\t规章\n\t0\n\t0\n\t0/, '| 规章 | 0 |  | 0 |'), 2, 'item1.r1', 'c2'],
      [replaceOnce(family('table4-three-header-rows'), '| 1 | 0 | 0 | 1 | 2 |', '| 1 |  | 0 | 1 | 2 |'), 4, 'cases', 'review.corrected'],
    ];
    for (const [text, id, rowKey, columnKey] of cases) {
      const { model, findings } = checkText(text);
      const blank = table(model, id).rows.find((r) => r.key === rowKey)!.cells.find((c) => c.columnKey === columnKey)!;
      assert.equal(blank.value, null);
      assert.deepEqual(findings.map((f) => [f.code, f.severity, offsetAt(model.lineStarts, text.length, f.range.start)]), [['cell-value', 'error', blank.span.start]]);
    }
  });

  const harder: [string, string, string, string, (number | null)[], string, string | undefined][] = [
    ['tsv', 'the last cell blank (a trailing tab)', '（一）予以公开\t12\t1\t0\t0\t1\t0\t14', '（一）予以公开\t12\t1\t0\t0\t1\t0\t', [12, 1, 0, 0, 1, 0, null], 'total', undefined],
    // A blank right after a label: the row's first cell, as the figures after it fill the row's columns.
    ['markdown', 'the first value cell blank', '| （一）予以公开 | 12 |', '| （一）予以公开 |  |', [null, 1, 0, 0, 1, 0, 14], 'natural', undefined],
    ['pipe', 'the first value cell blank', '（一）予以公开 | 12 |', '（一）予以公开 |  |', [null, 1, 0, 0, 1, 0, 14], 'natural', undefined],
    ['tsv', 'the first value cell blank', '（一）予以公开\t12', '（一）予以公开\t', [null, 1, 0, 0, 1, 0, 14], 'natural', undefined],
  ];
  for (const [layout, what, from, to, values, blankColumn, todo] of harder) {
    it(`${layout}: ${what} is a cell-value at that cell`, { todo }, () => {
      const text = replaceOnce(fixture(`layouts/table3-${layout}.txt`), from, to);
      const { model, findings } = checkText(text);
      const t3 = table(model, 3);
      assert.deepEqual(t3.unread, []);
      assert.deepEqual(valuesOf(t3).open, values);
      const blank = t3.rows.find((r) => r.key === 'open')!.cells.find((c) => c.columnKey === blankColumn)!;
      assert.deepEqual(findingsIn(model, t3, findings).map((f) => [f.code, offsetAt(model.lineStarts, text.length, f.range.start)]), [['cell-value', blank.span.start]]);
    });
  }

  it('cells ending " |" and rows closed by a bare "|" line: a blank cell left as a bare "|" is a cell-value there', () => {
    const relaid = CLEAN_2021().replace(/\n\t([^\n]*)/g, '\n$1 |').replace(/ \|\n\n(?=[^\n]* \|)/g, ' |\n|\n');
    assert.deepEqual(briefs(relaid, checkText(relaid).findings), [], 'the layout itself reads clean');
    const text = replaceOnce(relaid, '规章 |\n0 |\n0 |\n0 |\n|\n', '规章 |\n0 |\n0 |\n|\n|\n');
    const { model, findings } = checkText(text);
    const t2 = table(model, 2);
    assert.deepEqual(t2.unread, []);
    assert.deepEqual(valuesOf(t2)['item1.r1'], [0, 0, null]);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['cell-value', 'error']]);
  });

  describe('labels spanning two columns (a merged cell exported with the empty cell it covered)', () => {
    const spanning = () => fixture('layouts/table3-markdown.txt').replace(/^\| ([^|]+) \| (?=\d)/gm, '| $1 |  | ');

    it('the empty cell after each label is passed over: the table reads as without it', () => {
      const plain = checkText(fixture('layouts/table3-markdown.txt'));
      const { model, findings } = checkText(spanning());
      assert.deepEqual(valuesOf(table(model, 3)), valuesOf(table(plain.model, 3)));
      assert.deepEqual(findings.map((f) => f.code), plain.findings.map((f) => f.code));
    });

    it('a row lacking a figure there is a short row, and no relation is worked out on its guessed cells', () => {
      const text = replaceOnce(spanning(), '| （一）予以公开 |  | 12 |', '| （一）予以公开 |  |');
      const { model, findings } = checkText(text);
      const t3 = table(model, 3);
      assert.equal(t3.rows.find((r) => r.key === 'open')!.cells.length, 6);
      assert.deepEqual(findingsIn(model, t3, findings).map((f) => [f.code, f.severity]), [['table-shape', 'error']]);
    });
  });

  it('blanks collapsed into a run of pipes, lines ending in a lone CR: the same one information', () => {
    const text = family('blank-collapsed');
    const briefsOf = (t: string) => checkText(t).findings.map((f) => `${f.severity} ${f.code}`);
    assert.deepEqual(briefsOf(text.replace(/\r?\n/g, '\r')), briefsOf(text));
  });

  it('a blank left as a bare "|" line, with a blank line between every two lines: still a cell-value there', () => {
    const relaid = CLEAN_2021().replace(/\n\t([^\n]*)/g, '\n$1 |').replace(/ \|\n\n(?=[^\n]* \|)/g, ' |\n|\n');
    const text = replaceOnce(relaid, '规章 |\n0 |\n0 |\n0 |\n|\n', '规章 |\n0 |\n0 |\n|\n|\n').replace(/\n/g, '\n\n');
    const { model, findings } = checkText(text);
    assert.deepEqual(valuesOf(table(model, 2))['item1.r1'], [0, 0, null]);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['cell-value', 'error']]);
  });

  it('pipe: two blank cells side by side are two cell-value findings', () => {
    const text = replaceOnce(fixture('layouts/table3-pipe.txt'), '（一）予以公开 | 12 | 1 | 0 | 0 |', '（一）予以公开 | 12 |  |  | 0 |');
    const { model, findings } = checkText(text);
    const t3 = table(model, 3);
    assert.deepEqual(valuesOf(t3).open, [12, null, null, 0, 1, 0, 14]);
    assert.deepEqual(findingsIn(model, t3, findings).map((f) => f.code), ['cell-value', 'cell-value']);
  });

  it('blanks collapsed into a run of pipes: the table is said unreadable once, its figures not checked', () => {
    const text = family('blank-collapsed');
    const { model, findings } = checkText(text);
    assertSampleTables(model, [2, 4]);
    const t3 = table(model, 3);
    assert.ok(t3.unreliable);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => brief(text, f)), []);
    assert.deepEqual(findingsIn(model, t3, findings).filter((f) => f.code !== 'template-version').map((f) => [f.code, f.severity]), [['table-shape', 'information']]);
  });

  it('blanks collapsed: no other finding, and the table is still the 2021 variant', () => {
    const text = family('blank-collapsed');
    const { model, findings } = checkText(text);
    assert.equal(table(model, 3).variant, '2021');
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['table-shape', 'information']]);
  });
});

describe('family 6: a copy cut short inside table 三', () => {
  it('one finding naming the last row read, no template-version, the sections after the cut missing', () => {
    const text = family('partial-cut-in-table3');
    const { model, findings } = checkText(text);
    assertSampleTables(model, [2]);
    const t3 = table(model, 3);
    assert.equal(t3.variant, '2021');
    assert.equal(t3.cut?.lastRow?.key, 'deny4');
    assert.equal(t3.cut?.insideLastRow, false);
    const upToCut = ['new', 'carried', 'open', 'partial', 'deny1', 'deny2', 'deny3', 'deny4'];
    assert.deepEqual(valuesOf(t3), Object.fromEntries(upToCut.map((k) => [k, REFERENCE[3][k]])));
    assert.equal(cellText(model, 3, 'deny4', 'total'), '1');
    assert.deepEqual(findingsIn(model, t3, findings).map((f) => brief(text, f)), ['information row-missing «4.保护第三方合法权益»']);
    assert.deepEqual(findings.filter((f) => f.code === 'template-version'), []);
    assert.deepEqual(findings.filter((f) => f.code === 'section-missing').map((f) => f.severity), ['error', 'error', 'error']);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3]);
    assert.equal(findings.length, 4);
  });

  it('a cut inside a row: still one finding, the cut row not called short', () => {
    const full = family('partial-cut-in-table3');
    const text = full.slice(0, full.lastIndexOf('\t0\n\t0\n\t0\n') + 3);
    const { model, findings } = checkText(text);
    const t3 = table(model, 3);
    assert.equal(t3.cut?.lastRow?.key, 'deny4');
    assert.equal(t3.cut?.insideLastRow, true);
    assert.deepEqual(findingsIn(model, t3, findings).map((f) => [f.code, f.severity]), [['row-missing', 'information']]);
    assert.deepEqual(findings.filter((f) => f.code === 'template-version'), []);
  });
});

describe('family 6: copies cut elsewhere', () => {
  const cut = (text: string, at: string, keep: number) => text.slice(0, text.indexOf(at) + keep);
  const cases: [string, string, number, number, string, string][] = [
    ['in table 二, after 行政许可', '\t行政许可\n\t1536', 11, 2, 'item5.r1', '行政许可'],
    ['in table 三, right after the group label （六）其他处理 (the row 2019 and 2021 tell apart)', '（六）其他\n处理', 9, 3, 'other', '（六）其他\n处理'],
    ['in table 四, inside its fifteen values', '\t1\n\t0\n\t0\n\t1\n\t2\n\t0\n\t0', 13, 4, 'cases', '1'],
  ];
  for (const [what, at, keep, id, lastRow, said] of cases) {
    it(what, () => {
      const text = cut(CLEAN_2021(), at, keep);
      const { model, findings } = checkText(text);
      const t = table(model, id);
      assert.equal(t.variant, '2021');
      assert.equal(t.cut?.lastRow?.key, lastRow);
      assert.deepEqual(findingsIn(model, t, findings).map((f) => brief(text, f)), [`information row-missing «${said}»`]);
      assert.deepEqual(findings.filter((f) => f.code === 'template-version'), []);
      const missing = findings.filter((f) => f.code === 'section-missing');
      assert.equal(missing.length, 6 - id, 'the sections after the cut');
      assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.code !== 'section-missing').map((f) => brief(text, f)), []);
    });
  }

  it('a cut inside a row label ("（六）其他\\n处"): one finding, no row-label on the cut label', () => {
    const text = cut(CLEAN_2021(), '（六）其他\n处理', 7);
    const { model, findings } = checkText(text);
    const t3 = table(model, 3);
    assert.deepEqual(findingsIn(model, t3, findings).map((f) => [f.code, f.severity]), [['row-missing', 'information']]);
  });

  it('a 2021 report on the 2019 template cut inside table 三: template-version from table 二\'s rows only', () => {
    const old = sample('旧模板');
    const text = cut(old, '4.保护第三方合法权益', 40);
    const { model, findings } = checkText(text);
    assert.equal(table(model, 3).variant, '2019');
    assert.equal(table(model, 3).cut?.lastRow?.key, 'deny4');
    assert.deepEqual(findings.filter((f) => f.code === 'template-version').map((f) => brief(text, f)), ['warning template-version «第二十条第（一）项»']);
    assert.deepEqual(findingsIn(model, table(model, 3), findings).map((f) => [f.code, f.severity]), [['row-missing', 'information']]);
  });
});

describe('family 6: a page cut short in its opening', () => {
  it('the opening names table 四\'s headers and gives the period in one long line: no table is read from the sentence', () => {
    const opening = '一、总体情况 本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、'
      + '存在的主要问题及改进情况、其他需要报告的事项等六个方面组成。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。 '
      + '我局坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，加强政策解读和回应关切。'.repeat(8);
    const text = `示例市民政局2021年政府信息公开工作年度报告\n${opening}\n`;
    const { findings } = checkText(text);
    assert.deepEqual(findings.filter((f) => f.code !== 'section-missing').map((f) => [f.code, f.severity]), [['table-shape', 'information']]);
  });
});

describe('family 6: a copy without its title or statistics period', () => {
  // The copy's only years are in its opening prose, as a PDF's text wrapped them: 2022 three times, 2021 twice.
  const opening = ['一、总体情况', '本街道20', '22年扎实推进政务公开，20', '22年度共收到申请3件，与2021年相比', '有所增加；对照2021年度的问题，2', '022年逐项整改。'].join('\n');

  it('a year cut by a PDF\'s wrap (20 / 22年), or by the space a flattening left of it (20 22年), counts for the report year', () => {
    for (const text of [opening, opening.split('\n').join(' ')]) {
      const model = parseReport(text);
      assert.equal(model.reportYear, 2022);
      assert.equal(model.reportYearSource, 'prose');
    }
  });

  it('behind a breadcrumb whose end wrapped onto a line of its own (政府信息公开工作年度报告), the title with a year is the title', () => {
    const text = `当前位置:首页 > 街乡部门 > 和平街道 >\n政府信息公开工作年度报告\n2022年度和平街道政府信息公开工作年度报告\n${opening}`;
    const model = parseReport(text);
    assert.equal(model.title?.text, '2022年度和平街道政府信息公开工作年度报告');
    assert.equal(model.reportYear, 2022);
    assert.equal(model.reportYearSource, 'title');
  });
});

describe('family 6: partial copies in other forms', () => {
  const codes = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code}`);

  it('a short copy flattened behind breadcrumbs (under 1,000 characters): read as the lines it was, title and year found', () => {
    const lines = family('partial-cut-in-table3').slice(0, 900);
    const flat = `当前位置:首页 > 政务公开 > 政府信息公开工作年度报告 ${lines.replace(/\n/g, ' ')}`;
    const { model, findings } = checkText(flat);
    assert.ok(model.isReport);
    assert.equal(model.title?.text, '示例市民政局2021年政府信息公开工作年度报告');
    assert.equal(model.reportYear, 2021);
    assert.deepEqual(codes(findings), codes(checkText(lines).findings));
  });

  it('a copy that stops in section 四 before its table: table-missing is information, the sections after it are missing', () => {
    const full = CLEAN_2021();
    const text = full.slice(0, full.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 20);
    const { findings } = checkText(text);
    assert.deepEqual(codes(findings), ['information table-missing', 'error section-missing', 'error section-missing']);
  });

  it('a copy flattened with nothing between lines that stops after table 二: table 二 read from the run-together text', () => {
    const full = CLEAN_2021();
    const text = full.slice(0, full.indexOf('三、收到和处理政府信息公开申请情况') + 17).replace(/\s+/g, '');
    const { model } = checkText(text);
    assert.ok(model.tables.some((t) => t.id === 2), 'table 二 read');
  });
});

describe('family 7: a sentence is not a heading', () => {
  const variants: [string, (t: string) => string][] = [
    ['无其他需要报告的事项。 where 六\'s heading should be', (t) => t],
    ['本机关无其他需要报告的事项。 in its place', (t) => replaceOnce(t, '无其他需要报告的事项。', '本机关无其他需要报告的事项。')],
    ['the sentence alone on its line', (t) => replaceOnce(t, '无其他需要报告的事项。', '无其他需要报告的事项。\n')],
  ];
  for (const [what, change] of variants) it(`${what}: section-missing for 六, no fix overwriting the sentence`, () => {
    const text = change(family('sentence-not-heading'));
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5]);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['section-missing', 'error']]);
    const start = text.indexOf('无其他需要报告的事项。');
    assert.ok(findings[0].fixes.length > 0, 'a fix inserts the heading');
    const end = start + '无其他需要报告的事项。'.length;
    for (const fix of findings.flatMap((f) => f.fixes)) {
      for (const edit of fix.edits) {
        const a = offsetAt(model.lineStarts, text.length, edit.range.start);
        const b = offsetAt(model.lineStarts, text.length, edit.range.end);
        assert.ok(b <= start || a >= end, `fix "${fix.title.en}" leaves the sentence: edit ${a}–${b}, sentence ${start}–${end}`);
      }
    }
  });
});

describe('family 8: a stray NUL in UTF-8 text', () => {
  it('the report is checked as usual, plus one control-character information at the NUL', () => {
    const text = family('stray-nul');
    const { model, findings } = checkText(text);
    assertSampleTables(model);
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(briefs(text, findings), ['information control-character «\u0000»']);
  });

  it('its normal findings stay: the same as without the NUL', () => {
    const faulty = (t: string) => replaceOnce(t, '\t（七）总计\n\t31', '\t（七）总计\n\t32');
    const plain = checkText(faulty(CLEAN_2021())).findings;
    const text = faulty(family('stray-nul'));
    const withNul = checkText(text).findings;
    assert.ok(plain.some((f) => f.severity === 'error'), 'the changed total draws errors');
    const key = (f: Finding) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.end.line}`;
    assert.deepEqual(withNul.filter((f) => f.code !== 'control-character').map(key), plain.map(key));
    assert.equal(withNul.filter((f) => f.code === 'control-character').length, 1);
  });

  const inTable: [string, string, string][] = [
    ['inside a cell ("15␀36")', '\t行政许可\n\t1536', '\t行政许可\n\t15\u000036'],
    ['after a row label ("行政许可␀")', '\t行政许可\n\t1536', '\t行政许可\u0000\n\t1536'],
  ];
  for (const [what, from, to] of inTable) {
    it(`a NUL ${what} is pointed at once, the table read as without it`, () => {
      const text = replaceOnce(CLEAN_2021(), from, to);
      const { findings } = checkText(text);
      assert.deepEqual(briefs(text, findings), ['information control-character «\u0000»']);
    });
  }

  interface CliFile { templateYear: number; reportYear: number; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }
  /** Runs the CLI on the bytes as a report file; its exit code and the one file's JSON entry. */
  function cli(bytes: Buffer): { status: number | null; out: CliFile } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-families-'));
    const file = path.join(dir, '示例市民政局2021年政府信息公开工作年度报告.txt');
    fs.writeFileSync(file, bytes);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/govreport.js'), '--format', 'json', file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    return { status: r.status, out: (JSON.parse(r.stdout) as CliFile[])[0] };
  }

  it('through the CLI: NUL bytes under 1 % are checked, over 1 % the file is unreadable', () => {
    const report = Buffer.from(CLEAN_2021(), 'utf8');
    const some = cli(Buffer.concat([report, Buffer.alloc(Math.floor(report.length * 0.005))]));
    assert.equal(some.status, 0);
    assert.deepEqual(some.out.diagnostics.map((d) => [d.code, d.severity]), [['control-character', 'information']]);
    const many = cli(Buffer.concat([report, Buffer.alloc(Math.ceil(report.length * 0.03))]));
    assert.equal(many.status, 2, 'a file that cannot be read exits 2');
    assert.deepEqual(many.out.diagnostics.map((d) => d.code), ['file-unreadable']);
  });

  it('through the CLI: checked, not file-unreadable', () => {
    const { status, out } = cli(Buffer.from(family('stray-nul'), 'utf8'));
    assert.equal(status, 0);
    assert.equal(out.templateYear, 2021);
    assert.equal(out.reportYear, 2021);
    assert.deepEqual(out.diagnostics.map((d) => [d.code, d.severity]), [['control-character', 'information']]);
    const nulLine = family('stray-nul').split('\n').findIndex((l) => l.includes('\u0000'));
    assert.deepEqual(out.diagnostics[0].range.start, { line: nulLine, character: family('stray-nul').split('\n')[nulLine].indexOf('\u0000') });
  });
});
