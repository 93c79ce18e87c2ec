// The Word reader: a .docx (a zip of XML parts) → the report text, body paragraphs and tables as Word lays them
// out (gridSpan, vMerge), every piece mapped to its paragraph or table cell. The zip is untrusted: entry count
// and uncompressed sizes are capped before anything is inflated (fflate inflates into a buffer of the declared
// size, so a part that lies about its size is cut, never grown); the XML is read by htmlparser2's streaming
// parser in XML mode, which reads no DTD and expands no entity but the five predefined ones; relationships to
// other files or addresses are never followed (only the main document part inside the zip is read).
import { unzipSync, type Unzipped } from 'fflate';
import { Parser } from 'htmlparser2';
import { joinLabelPieces, TextBuilder, tidyPieces, writeTable, type GridCell, type Piece } from './build';
import type { ExtractedReport, ReaderLimits, SourceLocation } from './types';

/** Most entries a report's zip may list (a Word report has about twenty). */
export const MAX_ZIP_ENTRIES = 5000;
/** Largest uncompressed main document part (a 100-page report is a few megabytes of XML). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Deepest element nesting read in the XML (Word's is under thirty). */
export const MAX_XML_DEPTH = 1000;
const CHUNK = 16 * 1024;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const problem = (zh: string, en: string): ExtractedReport => ({ format: 'docx', text: '', segments: [], problems: [{ zh, en }] });

/** The old binary Word and WPS formats (an OLE compound file) are not read: one clear problem says what to do. */
export function readLegacyWord(): ExtractedReport {
  return problem('这是旧版 Word（.doc）或 WPS（.wps）二进制文件，无法读取：请在 Word 或 WPS 中“另存为” .docx 后再检查',
    'This is an old binary Word (.doc) or WPS (.wps) file, which cannot be read: save it as .docx in Word or WPS, then check that');
}

export function readDocx(bytes: Uint8Array, limits: ReaderLimits): ExtractedReport {
  if (bytes.byteLength > limits.maxBytes) return problem(`文件超过 ${limits.maxBytes} 字节的上限，未读取`, `The file exceeds the ${limits.maxBytes}-byte limit; not read`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return readLegacyWord();
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return problem('不是 Word 文档（.docx 应为 zip 压缩包），未读取', 'Not a Word document (a .docx is a zip archive); not read');
  const part = mainPart(bytes);
  if ('problem' in part) return problem(part.problem.zh, part.problem.en);
  return { ...readDocumentXml(part.xml, limits), part: part.name };
}

interface Refused { problem: { zh: string; en: string } }

/** Inflates the entries `want` picks, refusing an archive with too many entries or too large a part. */
function unzipParts(bytes: Uint8Array, want: (name: string) => boolean): Unzipped | Refused {
  let entries = 0;
  let refused: Refused | null = null;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (refused) return false;
        if (++entries > MAX_ZIP_ENTRIES) {
          refused = { problem: { zh: `压缩包的条目超过 ${MAX_ZIP_ENTRIES} 个，不像 Word 文档，未读取`, en: `The archive lists more than ${MAX_ZIP_ENTRIES} entries, unlike a Word document; not read` } };
          return false;
        }
        if (!want(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          refused = { problem: { zh: `文档部件 ${f.name} 解压后超过 ${MAX_PART_BYTES / 1048576}MB（可能是压缩炸弹），未读取`, en: `The part ${f.name} would inflate past ${MAX_PART_BYTES / 1048576} MB (possibly a zip bomb); not read` } };
          return false;
        }
        return true;
      },
    });
    return refused ?? files;
  } catch (e) {
    return { problem: { zh: `Word 文档已损坏，无法解压：${(e as Error).message}`, en: `The Word document is damaged and cannot be unzipped: ${(e as Error).message}` } };
  }
}

/** The main document part's XML: named by the package relationships, word/document.xml when they say nothing. */
export function mainPart(bytes: Uint8Array): { xml: string; name: string } | Refused {
  const rels = unzipParts(bytes, (n) => n === '_rels/.rels');
  if ('problem' in rels) return rels as Refused;
  let name = 'word/document.xml';
  const relsXml = rels['_rels/.rels'];
  if (relsXml) {
    const parser = new Parser({
      onopentag(tag, a) {
        if (tag.endsWith('Relationship') && OFFICE_DOCUMENT.test(a.Type ?? '') && a.TargetMode !== 'External' && a.Target) {
          name = a.Target.replace(/^\/+/, '');
        }
      },
    }, { xmlMode: true });
    parser.end(new TextDecoder().decode(relsXml));
  }
  const parts = unzipParts(bytes, (n) => n === name);
  if ('problem' in parts) return parts as Refused;
  const xml = (parts as Unzipped)[name];
  if (!xml) return { problem: { zh: `Word 文档缺少正文部件 ${name}，未读取`, en: `The Word document has no main part ${name}; not read` } };
  return { xml: new TextDecoder('utf-8').decode(xml), name };
}

/** What the walk over the document's XML is in. */
interface State {
  out: TextBuilder;
  depth: number;
  /** Depth at which skipped content (deleted text, field codes, alternative copies, hidden runs) began; 0: none. */
  skipFrom: number;
  bodyDepth: number;
  /** Nesting of tables: only the outermost's cells are cells; text in nested tables joins the outer cell. */
  tables: TableState[];
  tableCount: number;
  paragraph: Piece[];
  inParagraph: boolean;
  paragraphCount: number;
  inText: boolean;
  runHidden: boolean;
  doctype: boolean;
  /** A paragraph numbered by Word (w:numPr): its number (一、 （一）) is drawn by Word, not in the text. */
  numbered: boolean;
}

interface TableState {
  index: number;
  row: number;
  column: number;
  cells: GridCell[];
  /** The last cell started in each grid column, which a vMerge continuation below it lengthens. */
  lastInColumn: Map<number, GridCell>;
  cell: { pieces: Piece[]; colSpan: number; vMerge: 'restart' | 'continue' | null } | null;
}

/** Elements whose text is not the document's visible text. */
const SKIP = new Set(['w:delText', 'w:instrText', 'w:moveFrom', 'mc:Fallback', 'w:rPr', 'w:pPr', 'w:tblPr', 'w:trPr', 'w:sectPr', 'w:tcPr']);

export function readDocumentXml(xml: string, limits: ReaderLimits): ExtractedReport {
  const s: State = {
    out: new TextBuilder(), depth: 0, skipFrom: 0, bodyDepth: 0, tables: [], tableCount: 0, paragraph: [], inParagraph: false,
    paragraphCount: 0, inText: false, runHidden: false, doctype: false, numbered: false,
  };
  const problems: ExtractedReport['problems'] = [];
  let tooDeep = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      s.depth++;
      if (s.depth > MAX_XML_DEPTH) { tooDeep = true; return; }
      if (name === 'w:vanish' && s.skipFrom && attrs['w:val'] !== '0' && attrs['w:val'] !== 'false') s.runHidden = true;
      if (name === 'w:gridSpan' || name === 'w:vMerge' || name === 'w:gridBefore') cellProperty(s, name, attrs['w:val']);
      if (name === 'w:numPr' && s.bodyDepth) s.numbered = true;
      if (s.skipFrom) return;
      if (SKIP.has(name)) { s.skipFrom = s.depth; return; }
      open(s, name);
    },
    onclosetag(name) {
      if (s.depth <= MAX_XML_DEPTH) {
        if (s.skipFrom === s.depth) s.skipFrom = 0;
        else if (!s.skipFrom) close(s, name);
      }
      s.depth--;
    },
    ontext(text) {
      // The text's place in the XML: where fixes are written back, when it stands there as it reads.
      if (s.inText && !s.skipFrom && !s.runHidden) addText(s, text, { start: parser.startIndex, end: parser.endIndex + 1 });
    },
    onprocessinginstruction(name) { if (name.toLowerCase() === '!doctype') s.doctype = true; },
  }, { xmlMode: true, decodeEntities: true });
  const deadline = Date.now() + limits.maxMillis;
  for (let i = 0; i < xml.length; i += CHUNK) {
    // The parser's cost per tag grows with the open elements: past twice the depth read, stop feeding it.
    if (s.depth > 2 * MAX_XML_DEPTH) { tooDeep = true; break; }
    if (Date.now() > deadline) {
      problems.push({ zh: `读取超过 ${limits.maxMillis / 1000} 秒的时限，文档后面的部分未读取`, en: `Reading took longer than ${limits.maxMillis / 1000} s; the rest of the document was not read` });
      break;
    }
    parser.write(xml.slice(i, i + CHUNK));
  }
  parser.end();
  if (tooDeep) problems.push({ zh: `文档的 XML 嵌套超过 ${MAX_XML_DEPTH} 层，更深处未读取`, en: `The document's XML nests deeper than ${MAX_XML_DEPTH} levels; what lies deeper was not read` });
  if (s.numbered) {
    problems.push({
      zh: '文档中有段落使用 Word 自动编号，编号（如“一、”“（一）”“1.”）不在文字中，未读出；若章节标题或表格标签用了自动编号，相关提示请对照原文核对',
      en: 'Some paragraphs use Word\'s automatic numbering, whose numbers (一、, （一）, 1.) are not in the text and were not read; where headings or table labels are numbered so, check the findings about them against the document',
    });
  }
  if (s.doctype) problems.push({ zh: '文档含有 DTD 声明（Word 不会写入），已忽略，其中的实体未展开', en: 'The document carries a DTD declaration (Word never writes one); it was ignored and its entities not expanded' });
  if (s.bodyDepth === 0 && s.out.size === 0) problems.push({ zh: 'Word 文档中没有正文（w:body），未读取到内容', en: 'The Word document has no body (w:body); nothing was read' });
  return { format: 'docx', text: s.out.toString(), segments: s.out.segments, problems, partSegments: s.out.originSegments };
}

function open(s: State, name: string): void {
  switch (name) {
    case 'w:body': s.bodyDepth = s.depth; break;
    case 'w:tbl':
      if (s.tables.length === 0) { flushParagraph(s); s.tables.push({ index: s.tableCount++, row: -1, column: 0, cells: [], lastInColumn: new Map(), cell: null }); }
      else s.tables.push({ index: -1, row: -1, column: 0, cells: [], lastInColumn: new Map(), cell: null });
      break;
    case 'w:tr': { const t = outerTable(s); if (t && s.tables.length === 1) { t.row++; t.column = 0; } break; }
    case 'w:tc': { const t = outerTable(s); if (t && s.tables.length === 1) t.cell = { pieces: [], colSpan: 1, vMerge: null }; break; }
    case 'w:p': if (s.tables.length === 0) { s.inParagraph = true; s.paragraph = []; } else separate(s); break;
    case 'w:r': s.runHidden = false; break;
    case 'w:t': s.inText = true; break;
    case 'w:tab': addText(s, ' '); break;
    case 'w:br': case 'w:cr': separate(s); break;
    default: break;
  }
}

function close(s: State, name: string): void {
  switch (name) {
    case 'w:t': s.inText = false; break;
    case 'w:p': if (s.tables.length === 0) flushParagraph(s); break;
    case 'w:tc': { const t = outerTable(s); if (t && s.tables.length === 1) closeCell(t); break; }
    case 'w:tbl': {
      const t = s.tables.pop();
      if (t && s.tables.length === 0) { writeTable(s.out, t.cells); }
      break;
    }
    default: break;
  }
}

const outerTable = (s: State): TableState | undefined => s.tables[0];

/** gridSpan, vMerge and gridBefore sit in a cell's properties, which are otherwise skipped. */
function cellProperty(s: State, name: string, val: string | undefined): void {
  if (name === 'w:gridBefore') {
    if (s.tables.length === 1) s.tables[0].column += Math.max(0, Math.min(64, Number.parseInt(val ?? '0', 10) || 0));
    return;
  }
  const cell = s.tables.length === 1 ? s.tables[0].cell : null;
  if (!cell) return;
  if (name === 'w:gridSpan') cell.colSpan = Math.max(1, Math.min(64, Number.parseInt(val ?? '1', 10) || 1));
  else cell.vMerge = val === 'restart' ? 'restart' : 'continue';
}

/** A cell ends: a vMerge continuation lengthens the merged cell above it; any other cell takes its place on the grid. */
function closeCell(t: TableState): void {
  const c = t.cell;
  t.cell = null;
  if (!c) return;
  const column = t.column;
  t.column += c.colSpan;
  if (c.vMerge === 'continue') {
    const above = t.lastInColumn.get(column);
    if (above && above.row + above.rowSpan === t.row) { above.rowSpan++; return; }
  }
  const source: SourceLocation = { kind: 'docx', table: t.index, row: t.row, column };
  const pieces = joinLabelPieces(tidyPieces(c.pieces)).map((p) => (p.source ? { ...p, source } : p));
  const placed: GridCell = { pieces, row: t.row, column, rowSpan: 1, colSpan: c.colSpan };
  t.cells.push(placed);
  t.lastInColumn.set(column, placed);
}

function addText(s: State, text: string, origin?: Piece['origin']): void {
  const piece: Piece = { text, source: { kind: 'docx' }, ...(origin && origin.end - origin.start === text.length ? { origin } : {}) };
  const t = outerTable(s);
  if (t) { t.cell?.pieces.push(piece); return; }
  if (s.inParagraph) s.paragraph.push(piece);
}

/** A line break or a new paragraph inside a cell: label fragments are joined later, words kept apart. */
function separate(s: State): void {
  const t = outerTable(s);
  if (t) t.cell?.pieces.push({ text: '\n' });
  else if (s.inParagraph) s.paragraph.push({ text: '\n' });
}

function flushParagraph(s: State): void {
  if (!s.inParagraph) return;
  s.inParagraph = false;
  const pieces = joinLabelPieces(tidyPieces(s.paragraph), true);
  s.paragraph = [];
  if (pieces.length === 0) return;
  const source: SourceLocation = { kind: 'docx', paragraph: s.paragraphCount++ };
  s.out.newline();
  s.out.addPieces(pieces.map((p) => (p.source ? { ...p, source } : p)));
  s.out.newline();
}
