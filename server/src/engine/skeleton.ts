// Renders template data as text: empty tables for the section-missing fix and new reports.
import { CN_ORDINALS } from './normalize';
import { SECTIONS, templateYearSpec, type TableTemplate } from './template';
import type { SectionId, TableId, TemplateYear } from './types';

export function standardHeading(id: SectionId): string {
  return `${CN_ORDINALS[id]}、${SECTIONS[id - 1].title}`;
}

/** A table as pipe rows with zeros, which the parser reads back as the template. */
export function renderTable(tpl: TableTemplate, eol = '\n'): string {
  const lines: string[] = [];
  const zeros = (n: number) => Array(n).fill('0').join(' | ');
  if (tpl.id === 3) {
    lines.push('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况');
    lines.push('| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
  }
  if (tpl.id === 4) {
    lines.push('行政复议 | 行政诉讼');
    lines.push('| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |');
  }
  for (const row of tpl.rows) {
    if (row.group) {
      lines.push(row.label);
      const firstData = tpl.rows.find((r) => r.block === row.block && !r.group);
      if (row.headers && firstData) lines.push(['信息内容', ...firstData.columns.map((c) => c.path[1])].join(' | '));
    } else if (row.label) {
      lines.push(`${row.label} | ${zeros(row.columns.length)} |`);
    } else {
      lines.push(`| ${zeros(row.columns.length)} |`);
    }
  }
  return lines.join(eol);
}

export function emptyTable(id: TableId, year: TemplateYear, eol = '\n'): string {
  return renderTable(templateYearSpec(year).tables[id][0], eol);
}

/** A complete report skeleton: title, the six sections, empty tables. */
export function reportSkeleton(year: TemplateYear, reportYear: number, agency = '（机关名称）', eol = '\n'): string {
  const parts: string[] = [`${agency}${reportYear}年政府信息公开工作年度报告`, ''];
  parts.push(`本报告依据《中华人民共和国政府信息公开条例》第五十条编制。本报告所列数据的统计期限自${reportYear}年1月1日起至${reportYear}年12月31日止。`, '');
  for (const s of SECTIONS) {
    parts.push(standardHeading(s.id));
    if (s.id === 2 || s.id === 3 || s.id === 4) parts.push(emptyTable(s.id, year, eol));
    else if (s.id === 6 && year >= 2021) parts.push('（文字描述，收取信息处理费情况在此处报告。）');
    else parts.push('（文字描述）');
    parts.push('');
  }
  return parts.join(eol);
}
