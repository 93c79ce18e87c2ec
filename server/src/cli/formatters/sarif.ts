// SARIF 2.1.0, for code-scanning tools. Columns are 1-based UTF-16 code units (SARIF's default).
import { localize, RULES, ruleDocPath, type Range } from '../../engine';
import type { Formatter, LocatedFinding } from './types';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const region = (r: Range) => ({
  startLine: r.start.line + 1,
  startColumn: r.start.character + 1,
  endLine: r.end.line + 1,
  endColumn: r.end.character + 1,
});

const uri = (file: string) => file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');

/**
 * Where a finding is: a region of a text file or page; in a Word or PDF file, which has no text region, the
 * table, row and column, paragraph or page as a logical location, and as numbers in the location's properties.
 */
function location(file: string, f: LocatedFinding, locale: Parameters<Formatter>[1]) {
  if (!f.location) return { physicalLocation: { artifactLocation: { uri: uri(file) }, region: region(f.range) } };
  const { description, ...where } = f.location;
  return {
    physicalLocation: { artifactLocation: { uri: uri(file) } },
    logicalLocations: [{ name: localize(description, locale), kind: 'element' }],
    properties: { location: where, extractedTextRange: f.range },
  };
}

export const sarif: Formatter = (results, locale) => {
  const rules = [...RULES.map((r) => ({ code: r.code, severity: r.defaultSeverity, description: r.description })),
    { code: 'file-unreadable', severity: 'error', description: { zh: '文件无法读取或解码', en: 'The file could not be read or decoded' } },
    { code: 'file-too-large', severity: 'warning', description: { zh: '文件超过检查大小上限', en: 'The file exceeds the size limit' } },
    { code: 'file-partly-read', severity: 'information', description: { zh: '文件有部分内容未能读取', en: 'Part of the file could not be read' } }];
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'govreport',
          rules: rules.map((r) => ({
            id: r.code,
            shortDescription: { text: localize(r.description, locale) },
            helpUri: ruleDocPath(r.code),
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((file) => file.findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: LEVEL[f.severity],
        message: { text: localize(f.message, locale) },
        locations: [location(file.file, f, locale)],
        relatedLocations: (f as LocatedFinding).related.map((rel, i) => ({
          id: i + 1,
          message: { text: localize(rel.message, locale) },
          ...(rel.location
            ? { physicalLocation: { artifactLocation: { uri: uri(rel.file ?? file.file) } }, logicalLocations: [{ name: localize(rel.location.description, locale), kind: 'element' }] }
            : { physicalLocation: { artifactLocation: { uri: uri(rel.file ?? file.file) }, region: region(rel.range) } }),
        })),
        // A fix edits text: a page's source, never a Word or PDF file's bytes.
        fixes: f.fixes.filter((x) => x.preferred && !(f as LocatedFinding).location).map((x) => ({
          description: { text: localize(x.title, locale) },
          artifactChanges: [{
            artifactLocation: { uri: uri(file.file) },
            replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          }],
        })),
      }))),
    }],
  };
  return JSON.stringify(log, null, 2);
};
