// govreport summary: one self-contained HTML page (styles, script and data inline; a CSP forbids any request).
// The data is written report by report from the spool; only the small R5 facts of each report are kept.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COLUMN_INDEX } from './columns';
import type { Records } from './export';
import { FIGURES, type FigureKey, type PageData, type PagePair, type PageReport } from './pageData';
import { Output } from './output';
import { PAGE_CSS } from './pageStyle';
import type { DeskRecord } from './record';

const APPLICANTS: [string, string][] = [
  ['natural', '自然人'], ['business', '商业企业'], ['research', '科研机构'], ['charity', '社会公益组织'],
  ['legal', '法律服务机构'], ['other', '其他'], ['total', '总计'],
];
const idx = (key: string): number => COLUMN_INDEX.get(key)!;
const t3 = (rows: string[]): number[] => rows.map((r) => idx(`t3.${r}.total`));
const t4 = (groups: string[], outcome: string): number[] => groups.map((g) => idx(`t4.cases.${g}.${outcome}`));
const LIT = ['direct', 'after'];

/** The cells each key figure adds up (sub-rows of a category; 2019's one 其他处理 row or 2021's three). */
const FIGURE_CELLS: Record<FigureKey, number[]> = {
  received: t3(['new']), carried: t3(['carried']), open: t3(['open']), partial: t3(['partial']),
  deny: t3(['deny1', 'deny2', 'deny3', 'deny4', 'deny5', 'deny6', 'deny7', 'deny8']),
  unable: t3(['unable1', 'unable2', 'unable3']),
  reject: t3(['reject1', 'reject2', 'reject3', 'reject4', 'reject5']),
  other: t3(['other', 'other1', 'other2', 'other3']),
  handled: t3(['total']), carryOver: t3(['carryOver']),
  review: t4(['review'], 'total'), reviewUpheld: t4(['review'], 'upheld'), reviewCorrected: t4(['review'], 'corrected'),
  reviewOther: t4(['review'], 'otherResult'), reviewPending: t4(['review'], 'pending'),
  litigation: t4(LIT, 'total'), litigationUpheld: t4(LIT, 'upheld'), litigationCorrected: t4(LIT, 'corrected'),
  litigationOther: t4(LIT, 'otherResult'), litigationPending: t4(LIT, 'pending'),
};

/** A sum of the cells read; null when none was (never a 0 for figures nobody read). */
function figure(r: DeskRecord, cells: number[]): number | null {
  let sum: number | null = null;
  for (const i of cells) if (r.values[i] !== null) sum = (sum ?? 0) + r.values[i]!;
  return sum;
}

export function pageReport(r: DeskRecord): PageReport {
  return {
    file: r.file,
    agency: r.agency,
    reportYear: r.reportYear,
    templateYear: r.templateYear,
    isReport: r.isReport,
    counts: [r.counts.error, r.counts.warning, r.counts.information, r.counts.hint],
    figures: FIGURES.map((k) => figure(r, FIGURE_CELLS[k])),
    findings: r.findings.map((f) => [f.line, f.character, f.severity, f.code, f.message]),
  };
}

/** What R5 compares of one report: kept for every report while the page is written. */
interface CarryFacts { index: number; body: string; agency: string; year: number; carried: (number | null)[]; carryOver: (number | null)[] }

const carryFacts = (r: DeskRecord, index: number): CarryFacts | null =>
  r.body === null || r.reportYear === null || !r.isReport ? null : {
    index, body: r.body, agency: r.agency ?? r.body, year: r.reportYear,
    carried: APPLICANTS.map(([c]) => r.values[idx(`t3.carried.${c}`)]),
    carryOver: APPLICANTS.map(([c]) => r.values[idx(`t3.carryOver.${c}`)]),
  };

/** Every pair of consecutive years of one body (as crossReportFindings pairs them), agreeing or not. */
export function carryPairs(facts: CarryFacts[]): PagePair[] {
  const byBody = new Map<string, CarryFacts[]>();
  for (const f of facts) byBody.set(f.body, [...(byBody.get(f.body) ?? []), f]);
  const pairs: PagePair[] = [];
  for (const list of byBody.values()) {
    for (const cur of list) {
      for (const prev of list) {
        if (prev.year !== cur.year - 1) continue;
        const cells = APPLICANTS.map(([, name], k): [string, number | null, number | null] => [name, prev.carryOver[k], cur.carried[k]]);
        const compared = cells.filter(([, a, b]) => a !== null && b !== null);
        pairs.push({
          agency: cur.agency, fromYear: prev.year, toYear: cur.year, from: prev.index, to: cur.index,
          ok: compared.length === 0 ? null : compared.every(([, a, b]) => a === b), cells,
        });
      }
    }
  }
  return pairs.sort((a, b) => a.agency.localeCompare(b.agency) || a.toYear - b.toYear);
}

/** The page's data for records held in memory (the language server's reports). */
export function pageData(records: DeskRecord[], lang: PageData['lang']): PageData {
  const facts = records.map(carryFacts).filter((f): f is CarryFacts => f !== null);
  return { lang, reports: records.map(pageReport), pairs: carryPairs(facts) };
}

/** JSON safe inside a script element: no `<` that could close it. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

/** The page's script, built by scripts/build.mjs next to the bundles (dist/), found from a bundle or from out/server/src/desk. */
export function pageScript(): string {
  for (const dir of [__dirname, path.join(__dirname, '..', '..', '..', '..', 'dist')]) {
    const file = path.join(dir, 'summary-page.js');
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error('summary-page.js 缺失，请先运行 npm run build / summary-page.js missing: run npm run build');
}

export const PAGE_TITLE = { 'zh-cn': '政府信息公开年报汇总', en: 'Annual reports summary' };

/**
 * The page's head. Its CSP fetches nothing (no default source) and runs only the page's own script, named by its
 * hash: not even an inline event handler that a report's text might smuggle into markup could run.
 */
function head(lang: PageData['lang'], scriptHash: string): string {
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGE_TITLE[lang]}</title><style>${PAGE_CSS}</style></head><body><div id="app"></div>
<script type="application/json" id="govreport-data">{"lang":${JSON.stringify(lang)},"reports":[`;
}

export async function writeSummary(target: string | Output, records: Records, lang: PageData['lang']): Promise<void> {
  const out = typeof target === 'string' ? new Output(target) : target;
  const write = (s: string) => out.write(s);
  const script = pageScript().replace(/<\/script/gi, '<\\/script');
  await write(head(lang, createHash('sha256').update(script, 'utf8').digest('base64')));
  const facts: CarryFacts[] = [];
  let i = 0;
  for await (const r of records()) {
    await write(`${i ? ',' : ''}\n${scriptJson(pageReport(r))}`);
    const f = carryFacts(r, i++);
    if (f) facts.push(f);
  }
  await write(`],\n"pairs":${scriptJson(carryPairs(facts))}}</script>\n<script>${script}</script>\n</body></html>\n`);
  await out.end();
}
