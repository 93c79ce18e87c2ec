// Next year's report from this year's: the same agency and title a year on, the new year's template, the
// headings kept, the tables zeroed but for 二、上年结转, which is this year's 四、结转下年度继续办理 column by
// column (R5), and the prose left as placeholders that say what each section must contain.
import { parseReport, subHeadingsOf } from './parse';
import { renderTable, standardHeading } from './skeleton';
import { SECTIONS, templateYearForReportYear, templateYearSpec } from './template';
import type { Localized, ReportModel, SectionId, SubHeading, TemplateYear } from './types';

export interface NextYearReport {
  text: string;
  fromYear: number;
  year: number;
  templateYear: TemplateYear;
  /** Carried-over figures written, by applicant column key (table 三's 二、上年结转). */
  carried: Record<string, number>;
  /** What could not be carried over as read (an unreadable cell is written as 0 and named here). */
  notes: Localized[];
}

export type NextYearResult = { ok: true; report: NextYearReport } | { ok: false; error: Localized };

const PLACEHOLDER_OPEN = '（请填写：';
const PLACEHOLDER_CLOSE = '）';

/** The placeholder of a prose section: what 条例第五十条 asks it to contain. */
function sectionPlaceholder(id: SectionId, templateYear: TemplateYear): string {
  const spec = SECTIONS[id - 1];
  const fee = id === 6 && templateYear >= 2021 ? '本年度收取信息处理费的情况在此处报告。' : '';
  return `${PLACEHOLDER_OPEN}${spec.contents.replace(/（条例第五十条第（[一二三四五]）项）/, '')}${fee}${PLACEHOLDER_CLOSE}`;
}

/** The title a year on: the report year in it advanced, else one built from the agency. */
function nextTitle(model: ReportModel, from: number, to: number): string {
  const title = model.title?.text.replace(/\s+/g, '');
  if (title && title.includes(`${from}年`)) return title.replace(`${from}年`, `${to}年`);
  return `${model.agency ?? '（机关名称）'}${to}年政府信息公开工作年度报告`;
}

/** The carried-over row of table 三: this year's carry-forward figures, column by column. */
function carriedFigures(model: ReportModel): { figures: Record<string, number>; notes: Localized[] } {
  const figures: Record<string, number> = {};
  const notes: Localized[] = [];
  const row = model.tables.find((t) => t.id === 3)?.rows.find((r) => r.key === 'carryOver');
  if (!row) {
    notes.push({ zh: '本年度报告中找不到“四、结转下年度继续办理”，上年结转一行为 0，请核对。', en: 'No 四、结转下年度继续办理 row was read: the carried-over row is 0; check it.' });
    return { figures, notes };
  }
  for (const cell of row.cells) {
    const v = cell.value;
    if (v !== null && Number.isInteger(v) && v >= 0) figures[cell.columnKey] = v;
    else notes.push({ zh: `“四、结转下年度继续办理”的“${cell.columnPath.at(-1)}”读不出（${cell.raw}），上年结转写为 0，请核对。`, en: `四、结转下年度继续办理 × ${cell.columnPath.at(-1)} cannot be read (${cell.raw}): carried over as 0; check it.` });
  }
  return { figures, notes };
}

/** Table 三 of the new template with the carried-over row filled in. */
function applicationsTable(templateYear: TemplateYear, figures: Record<string, number>, eol: string): string {
  const tpl = templateYearSpec(templateYear).tables[3][0];
  const carried = tpl.rows.find((r) => r.key === 'carried')!;
  const line = `${carried.label} | ${carried.columns.map((c) => String(figures[c.key] ?? 0)).join(' | ')} |`;
  return renderTable(tpl, eol).split(eol).map((l) => (l.startsWith(`${carried.label} |`) ? line : l)).join(eol);
}

/** A section's heading, its sub-headings each with a placeholder, or its table. */
function sectionText(id: SectionId, subHeadings: SubHeading[], templateYear: TemplateYear, figures: Record<string, number>, eol: string): string[] {
  const out = [standardHeading(id)];
  if (id === 3) out.push(applicationsTable(templateYear, figures, eol));
  else if (id === 2 || id === 4) out.push(renderTable(templateYearSpec(templateYear).tables[id][0], eol));
  else {
    out.push(sectionPlaceholder(id, templateYear));
    for (const sub of subHeadings) out.push('', sub.text.trim(), `${PLACEHOLDER_OPEN}本小节内容。${PLACEHOLDER_CLOSE}`);
  }
  out.push('');
  return out;
}

/** Next year's report skeleton made from this year's report text. */
export function nextYearReport(text: string): NextYearResult {
  const model = parseReport(text);
  if (!model.isReport) return { ok: false, error: { zh: '这不像一份政府信息公开工作年度报告。', en: 'This does not look like a government information disclosure annual report.' } };
  if (model.reportYear === null) return { ok: false, error: { zh: '读不出报告年度（标题或统计期限中的年份）。', en: 'The report year cannot be read (from the title or the statistics period).' } };
  const from = model.reportYear;
  const year = from + 1;
  const templateYear = templateYearForReportYear(year);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { figures, notes } = carriedFigures(model);
  const parts = [nextTitle(model, from, year), ''];
  parts.push(`本报告依据《中华人民共和国政府信息公开条例》第五十条编制。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  for (const s of SECTIONS) {
    const section = model.sections.find((m) => m.id === s.id);
    parts.push(...sectionText(s.id, section ? subHeadingsOf(model, section) : [], templateYear, figures, eol));
  }
  return { ok: true, report: { text: parts.join(eol), fromYear: from, year, templateYear, carried: figures, notes } };
}
