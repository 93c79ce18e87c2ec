// The PDF reader's bundle of pdf.js keeps what it derives from the CMaps shipped with it across documents, and
// keeps the vertical text it dropped (see the end of patchPdfWorker).
//
// pdf.js parses a built-in CMap (UniGB-UCS2-H, Adobe-GB1-UCS2, …: 30,000 codes each) afresh for every font of
// every document, and builds the font's code → Unicode table from it by walking all its codes; a Chinese report
// whose fonts are referenced, not embedded (STSong-Light with UniGB-UCS2-H), spends most of its reading time there.
// Both depend only on the CMap's name (the data is ours, shipped beside the bundle, never the file's), so the
// reader's worker thread keeps them for the next document (and, for a font that is not embedded, the table of the
// characters it draws, derived from them). pdf.js offers no option for this: the bundle wraps the
// few places concerned. pdfjs-dist is pinned to one release, and the build fails if a wrapped place is not found
// exactly once, so that an upgrade cannot silently lose (or misplace) the wrapping. test/unit/pdf-bundle.test.ts
// holds the bundle's reading equal to pdf.js's own, file after file.

/** Replace `from` by `to` in `source`, where `from` occurs exactly once. */
function replaceOnce(source, from, to, what) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) {
    throw new Error(`pdfjs-cache: ${what} not found exactly once in pdf.worker.mjs (pdfjs-dist changed?)`);
  }
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** Built-in CMaps by name, parsed once per thread. A parse that fails is not kept. */
const CMAP_CACHE = `
const builtInCMapsOfThread = new Map();
function createBuiltInCMap(name, fetchBuiltInCMap) {
  if (name === "Identity-H" || name === "Identity-V") {
    return createBuiltInCMapOnce(name, fetchBuiltInCMap);
  }
  let cMap = builtInCMapsOfThread.get(name);
  if (!cMap) {
    cMap = createBuiltInCMapOnce(name, fetchBuiltInCMap);
    builtInCMapsOfThread.set(name, cMap);
    cMap.catch(() => builtInCMapsOfThread.delete(name));
  }
  return cMap;
}
async function createBuiltInCMapOnce(name, fetchBuiltInCMap) {`;

/** Code → Unicode tables of a built-in CMap (shared, above) through a UCS2 CMap, built once per thread and shared by
 * the fonts using them; a font program that amends its font's table amends a copy. A font that is not embedded
 * draws each code as its Unicode character: that table, too, is built once per shared table. */
const TO_UNICODE_CACHE = `
const toUnicodeOfBuiltInCMaps = new WeakMap();
const sharedToUnicodeTables = new WeakSet();
const fontCharsOfSharedTables = new WeakMap();
function toUnicodeOfCMap(cMap, ucs2Name, build) {
  if (!cMap.builtInCMap) {
    return build();
  }
  let byName = toUnicodeOfBuiltInCMaps.get(cMap);
  if (!byName) {
    toUnicodeOfBuiltInCMaps.set(cMap, byName = new Map());
  }
  let table = byName.get(ucs2Name);
  if (!table) {
    table = build();
    byName.set(ucs2Name, table);
    table.catch(() => byName.delete(ucs2Name));
  }
  return table;
}
function fontCharsOfTable(toUnicode, build) {
  const table = toUnicode instanceof ToUnicodeMap ? toUnicode._map : null;
  if (!table || !sharedToUnicodeTables.has(table)) {
    return build();
  }
  let map = fontCharsOfSharedTables.get(table);
  if (!map) {
    map = build();
    fontCharsOfSharedTables.set(table, map);
  }
  return map;
}
`;

/** A ToUnicode given as a built-in CMap's name takes the CMap's own table, which a font program may amend: with
 * the CMap shared, the font gets a copy. */
const NAMED_TO_UNICODE = ['      if (cmap instanceof IdentityCMap) {\n        return new IdentityToUnicodeMap(0, 0xffff);\n      }\n      return new ToUnicodeMap(cmap.getMap());',
  '      if (cmap instanceof IdentityCMap) {\n        return new IdentityToUnicodeMap(0, 0xffff);\n      }\n      return new ToUnicodeMap(cmap.getMap().slice());'];

/** A CID TrueType font whose ToUnicode map says what each code is gives its text without its program: the program
 * only draws the glyphs, which the reader never does, and checking and repairing it (for a browser's font sanitiser)
 * costs more than all the rest of a page. Such a font is read as one that is not embedded, by its widths (/W) and
 * its ToUnicode map. Fewer untrusted font programs are parsed at all. */
const NO_PROGRAM = `
function textNeedsNoFontProgram(properties) {
  return properties.composite && properties.type === "CIDFontType2" && properties.hasIncludedToUnicodeMap
    && properties.toUnicode instanceof ToUnicodeMap;
}
`;

/** The wrappings applied to pdf.worker.mjs's source. */
export function patchPdfWorker(source) {
  let s = replaceOnce(source, 'async function createBuiltInCMap(name, fetchBuiltInCMap) {', TO_UNICODE_CACHE + CMAP_CACHE, 'createBuiltInCMap');
  s = replaceOnce(s, NAMED_TO_UNICODE[0], NAMED_TO_UNICODE[1], 'readToUnicode');
  s = replaceOnce(s, '    return new Font(fontName.name, fontFile, newProperties);',
    '    return new Font(fontName.name, textNeedsNoFontProgram(newProperties) ? null : fontFile, newProperties);', 'translateFont');
  s = replaceOnce(s, 'class ToUnicodeMap {', NO_PROGRAM + 'class ToUnicodeMap {', 'ToUnicodeMap');
  // Such a font's program is not even opened to see whether it is empty (that inflates its first block).
  s = replaceOnce(s, '        } else if (fontFile.isEmpty) {', '        } else if (!(composite && type === "CIDFontType2" && toUnicode) && fontFile.isEmpty) {', 'translateFont isEmpty');
  const start = 'const ucs2CMap = await CMapFactory.create({\n        encoding: ucs2CMapName,';
  const end = '      return new ToUnicodeMap(toUnicode);\n    }\n    return new IdentityToUnicodeMap(properties.firstChar, properties.lastChar);';
  const from = s.indexOf(start);
  const to = s.indexOf(end, from);
  if (from < 0 || to < 0 || s.indexOf(start, from + 1) >= 0) throw new Error('pdfjs-cache: buildToUnicode not found exactly once in pdf.worker.mjs (pdfjs-dist changed?)');
  const body = s.slice(from, to);
  const wrapped = `const toUnicode = await toUnicodeOfCMap(properties.cMap, ucs2CMapName.name, async () => {\n        ${body}      return toUnicode;\n      });\n`
    + '      sharedToUnicodeTables.add(toUnicode);\n      return new ToUnicodeMap(toUnicode);\n    }\n    return new IdentityToUnicodeMap(properties.firstChar, properties.lastChar);';
  s = s.slice(0, from) + wrapped + s.slice(to + end.length);
  s = replaceOnce(s, '  amend(map) {\n    for (const charCode in map) {\n      this._map[charCode] = map[charCode];',
    '  amend(map) {\n    if (sharedToUnicodeTables.has(this._map)) {\n      this._map = this._map.slice();\n    }\n    for (const charCode in map) {\n      this._map[charCode] = map[charCode];', 'ToUnicodeMap.amend');
  const chars = '      const map = [];\n      this.toUnicode.forEach((charCode, unicodeCharCode) => {\n        if (!this.composite) {';
  const charsEnd = '        map[+charCode] = unicodeCharCode;\n      });\n';
  const at = s.indexOf(chars);
  const until = s.indexOf(charsEnd, at);
  if (at < 0 || until < 0 || s.indexOf(chars, at + 1) >= 0) throw new Error('pdfjs-cache: fallbackToSystemFont not found exactly once in pdf.worker.mjs (pdfjs-dist changed?)');
  const build = s.slice(at, until + charsEnd.length);
  s = s.slice(0, at) + `      const map = fontCharsOfTable(this.composite ? this.toUnicode : null, () => {\n${build}      return map;\n      });\n` + s.slice(until + charsEnd.length);
  // A vertical glyph is dropped as off the page when its origin's y plus its advance is below the page; the advance
  // is in text units (−199 for a 9.95 pt glyph), the y in page units, so the last glyphs of a column label set low on
  // the page were lost (三、本年度办理结果 read as 三、本年). The glyph is on the page when its origin is.
  s = replaceOnce(s, 'if (posX < viewBox[0] || posX > viewBox[2] || posY + glyphWidth < viewBox[1] || posY > viewBox[3]) {',
    'if (posX < viewBox[0] || posX > viewBox[2] || posY < viewBox[1] || posY > viewBox[3]) {', 'compareWithLastPosition vertical');
  // The reader asks the module whether its vertical text needs the drawing operations' second look (pdf-extract.ts).
  return s + '\nexport const keepsVerticalText = true;\n';
}

/** The esbuild plugin applying them where the PDF reader's bundle takes pdf.js's worker module in. */
export const pdfjsCache = {
  name: 'pdfjs-cache',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: patchPdfWorker(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};
