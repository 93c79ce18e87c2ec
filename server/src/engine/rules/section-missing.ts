import { SECTIONS } from '../template';
import { emptyTable } from '../skeleton';
import type { SectionId } from '../types';
import { defineRule } from './rule';
import { SECTION_EN, sectionName } from './util';

export default defineRule({
  code: 'section-missing',
  defaultSeverity: 'error',
  fix: { zh: '插入标准章节标题（第二、三、四部分连同本年度模板的空表，数值为0）；非首选修复，不会被“全部修复”自动应用', en: 'Insert the standard heading (with an empty table of the template year for 二/三/四); offered, not preferred' },
  description: { zh: '缺少报告格式规定的六个部分之一', en: 'One of the six required sections is missing' },
  rationale: {
    zh: '六个部分是条例第五十条规定的报告内容，缺少一部分就少报告了一项法定事项',
    en: 'The six sections are what article 50 of the regulations requires a report to contain; a missing one leaves a required matter unreported',
  },
  examples: {
    valid: [{ in: { section: 5, through: 6 }, snippet: '五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本机关未收取信息处理费。' }],
    invalid: [{
      in: { section: 5, through: 6 },
      snippet: '六、其他需要报告的事项\n本机关未收取信息处理费。',
      marked: '⟦六、其他需要报告的事项⟧\n本机关未收取信息处理费。',
      fixed: '五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n本机关未收取信息处理费。',
    }],
  },
  check({ model, report }) {
    const present = new Set(model.sections.map((s) => s.id));
    // Read only for a report that misses a section (most miss none): a regex scan of the whole text.
    let eol: string | null = null;
    for (const spec of SECTIONS) {
      if (present.has(spec.id)) continue;
      eol ??= /\r\n/.test(model.text) ? '\r\n' : '\n';
      const next = model.sections.find((s) => s.id > spec.id);
      const at = next ? next.heading.span.start : model.text.length;
      const lead = at > 0 && !/[\r\n]$/.test(model.text.slice(0, at)) ? eol : '';
      const table = (spec.id === 2 || spec.id === 3 || spec.id === 4) && model.templateYear
        ? eol + emptyTable(spec.id as 2 | 3 | 4, model.templateYear, eol) : '';
      const insert = `${lead}${sectionName(spec.id)}${table}${eol}${next ? eol : ''}`;
      const anchor = next ? next.heading.span : { start: Math.max(0, at - 1), end: at };
      report({
        span: anchor,
        message: {
          zh: `缺少第${spec.id}部分“${sectionName(spec.id as SectionId)}”`,
          en: `Section ${spec.id} "${sectionName(spec.id)}" (${SECTION_EN[spec.id]}) is missing`,
        },
        fixes: [{
          title: { zh: `插入“${sectionName(spec.id)}”${table ? '及空表（数值为0，请填写）' : ''}`, en: `Insert "${sectionName(spec.id)}"${table ? ' with an empty table (zeros to fill in)' : ''}` },
          edits: [{ span: { start: at, end: at }, newText: insert }],
          preferred: false,
        }],
      });
    }
  },
});
