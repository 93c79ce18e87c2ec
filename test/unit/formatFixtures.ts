// Builds the same report as a Word document and as a published web page: the engine's model of a text report
// gives its prose and its tables' cells, which are laid out as the official template has them (group labels
// merged down their rows, headers merged across their columns) and written as .docx (gridSpan, vMerge) and
// .html (rowspan, colspan, inside a site's header, menus, scripts and footer).
import { zipSync } from 'fflate';
import { parseReport, type Finding, type ReportModel, type RowModel, type TableModel } from '../../server/src/engine';

export interface BuiltCell { text: string; rowSpan?: number; colSpan?: number }
export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: BuiltCell[][] };

const NOTE_3 = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The report as paragraphs and template-shaped tables, in the order of the text. */
export function documentOf(text: string): Block[] {
  const model = parseReport(text);
  const tables = [...model.tables].sort((a, b) => a.span.start - b.span.start);
  const blocks: Block[] = [];
  let at = 0;
  const prose = (end: number) => {
    for (const line of text.slice(at, end).split(/\r?\n/)) if (line.trim()) blocks.push({ kind: 'p', text: line.trim() });
  };
  for (const t of tables) {
    prose(t.span.start);
    blocks.push({ kind: 'table', rows: t.id === 2 ? table2Rows(t) : gridRows(t) });
    at = t.span.end;
  }
  prose(text.length);
  return blocks;
}

/** Table 二: per block a caption row across the table, a header row, then one row per item. */
function table2Rows(t: TableModel): BuiltCell[][] {
  const width = 1 + Math.max(...t.rows.map((r) => r.cells.length));
  const rows: BuiltCell[][] = [];
  for (const r of t.rows) {
    if (r.group && r.key.split('.').length === 1) {
      rows.push([{ text: r.label ?? r.templateLabel, colSpan: width }]);
      const first = t.rows.find((x) => x.block === r.block && x.cells.length > 0);
      if (first) rows.push([{ text: '信息内容' }, ...first.cells.map((c) => ({ text: c.columnPath[c.columnPath.length - 1] }))]);
    } else if (r.group) {
      rows.push([{ text: r.label ?? r.templateLabel, colSpan: width }]);
    } else {
      rows.push([{ text: r.label ?? '' }, ...r.cells.map((c) => ({ text: c.raw }))]);
    }
  }
  return rows;
}

/** Tables 三 and 四: header rows from the columns' paths, group labels merged down the rows they hold. */
function gridRows(t: TableModel): BuiltCell[][] {
  const leaves = t.rows.filter((r) => !r.group);
  const columns = leaves.find((r) => r.cells.length > 0)?.cells.map((c) => c.columnPath) ?? [];
  const labelColumns = Math.max(0, ...leaves.map((r) => (r.label === null ? 0 : r.path.length)));
  const rows = headerRows(columns, labelColumns, t.id === 3 ? NOTE_3 : '');
  const stack: { row: RowModel; cell: BuiltCell }[] = [];
  let pending: BuiltCell[] = [];
  for (const r of t.rows) {
    const depth = Math.max(0, r.path.length - 1);
    stack.length = Math.min(stack.length, depth);
    if (r.group) {
      const cell: BuiltCell = { text: r.label ?? r.templateLabel, rowSpan: 0 };
      stack.push({ row: r, cell });
      pending.push(cell);
      continue;
    }
    for (const g of stack) g.cell.rowSpan = (g.cell.rowSpan ?? 0) + 1;
    const label: BuiltCell[] = r.label === null ? [] : [{ text: r.label, colSpan: Math.max(1, labelColumns - depth) }];
    rows.push([...pending, ...label, ...r.cells.map((c) => ({ text: c.raw }))]);
    pending = [];
  }
  return rows;
}

function headerRows(columns: string[][], labelColumns: number, note: string): BuiltCell[][] {
  const depth = Math.max(1, ...columns.map((p) => p.length));
  const rows: BuiltCell[][] = Array.from({ length: depth }, () => []);
  if (labelColumns > 0) rows[0].push({ text: note, rowSpan: depth, colSpan: labelColumns });
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < columns.length; i++) {
      const path = columns[i];
      if (level >= path.length) continue;
      const same = (j: number) => j < columns.length && columns[j].length > level && columns[j].slice(0, level + 1).join('/') === path.slice(0, level + 1).join('/');
      if (i > 0 && same(i - 1) && columns[i - 1].length > level) continue;
      let span = 1;
      while (same(i + span)) span++;
      rows[level].push({ text: path[level], colSpan: span, rowSpan: level === path.length - 1 ? depth - level : 1 });
    }
  }
  return rows;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A government site's page around the report: header, menus, a script, the article, a footer. */
export function toHtml(blocks: Block[], title: string): string {
  const body = blocks.map((b) => (b.kind === 'p' ? `<p style="TEXT-INDENT: 2em">${escapeXml(b.text)}</p>` : htmlTable(b.rows))).join('\n');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${escapeXml(title)}_政府信息公开年报_示例市人民政府门户网站</title>
<script>var menu = ["首页", "政务公开", "政府信息公开年报"]; document.title += "";</script>
<style>.nav li { display: inline; } .hidden { display: none; }</style>
</head>
<body>
<div class="header"><div class="logo">示例市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="main"><div class="article">
<h1 class="title">${escapeXml(title)}</h1>
<div class="info">来源：示例市人民政府办公室　发布时间：2022-01-20</div>
<div class="content TRS_Editor">
${body}
</div>
<div class="share">分享到：微信 微博</div>
</div></div>
<div class="footer"><p>主办：示例市人民政府办公室　网站标识码：0000000000</p><p>ICP备案号：示ICP备00000000号</p></div>
<script src="/js/stat.js"></script>
</body>
</html>
`;
}

function htmlTable(rows: BuiltCell[][]): string {
  const tr = rows.map((r) => `<tr>${r.map((c) => {
    const attrs = `${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}`;
    return `<td${attrs}><p align="center"><span style="FONT-SIZE: 12pt">${c.text ? escapeXml(c.text) : '&nbsp;'}</span></p></td>`;
  }).join('')}</tr>`);
  return `<table border="1" cellspacing="0" cellpadding="0" style="BORDER-COLLAPSE: collapse">\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table>`;
}

/** The rows as Word writes them: every grid square a cell, merged ones continued by vMerge, spans by gridSpan. */
function wordRows(rows: BuiltCell[][]): string[] {
  const below: ({ colSpan: number; left: number } | undefined)[] = [];
  return rows.map((r) => {
    let xml = '';
    let col = 0;
    let k = 0;
    const continued = () => {
      while (below[col] && below[col]!.left > 0) {
        const span = below[col]!.colSpan;
        xml += `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`;
        below[col]!.left--;
        col += span;
      }
    };
    continued();
    for (; k < r.length; k++) {
      const c = r[k];
      const span = c.colSpan ?? 1;
      const rs = c.rowSpan ?? 1;
      xml += `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${rs > 1 ? '<w:vMerge w:val="restart"/>' : ''}</w:tcPr>`
        + `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${c.text ? `<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">${escapeXml(c.text)}</w:t></w:r>` : ''}</w:p></w:tc>`;
      below[col] = rs > 1 ? { colSpan: span, left: rs - 1 } : undefined;
      col += span;
      continued();
    }
    return `<w:tr>${xml}</w:tr>`;
  });
}

/** A .docx of the blocks: the parts Word needs to open it, nothing followed from outside. */
export function toDocx(blocks: Block[]): Uint8Array {
  const body = blocks.map((b) => (b.kind === 'p'
    ? `<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(b.text)}</w:t></w:r></w:p>`
    : `<w:tbl><w:tblPr><w:tblStyle w:val="3"/><w:jc w:val="center"/></w:tblPr>${wordRows(b.rows).join('')}</w:tbl><w:p/>`)).join('');
  const utf8 = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    '[Content_Types].xml': utf8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': utf8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`),
  }, { mtime: new Date(2024, 0, 1) }); // a fixed date: the same report gives the same bytes
}

/**
 * What a finding is about, whatever the layout: the cell or row label it sits on (table, row and column keys),
 * else the text it covers.
 */
export function anchorOf(model: ReportModel, f: Finding): string {
  const start = model.lineStarts[f.range.start.line] + f.range.start.character;
  const end = model.lineStarts[f.range.end.line] + f.range.end.character;
  for (const t of model.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) if (start >= c.span.start && start < Math.max(c.span.end, c.span.start + 1)) return `${f.code} @ ${t.id}/${r.key}/${c.columnKey}`;
      if (r.labelSpan && start >= r.labelSpan.start && start < r.labelSpan.end) return `${f.code} @ ${t.id}/${r.key}/label`;
    }
  }
  return `${f.code} @ “${model.text.slice(start, end).trim()}”`;
}

/** The anchors of a text's findings, sorted: equal lists mean the same codes at the same cells. */
export function anchors(text: string, findings: Finding[]): string[] {
  const model = parseReport(text);
  return findings.map((f) => anchorOf(model, f)).sort();
}
