import { defineRule } from './rule';

export default defineRule({
  code: 'not-a-report',
  defaultSeverity: 'warning',
  description: { zh: '文件不像政府信息公开工作年度报告（没有标题，也找不到章节）', en: 'The file does not look like an annual report (no title, no sections)' },
  onNonReport: true,
  check({ model, report }) {
    if (model.isReport) return;
    const firstLineEnd = model.lineStarts.length > 1 ? model.lineStarts[1] : model.text.length;
    report({
      span: { start: 0, end: Math.min(firstLineEnd, 200) },
      message: {
        zh: '未识别为政府信息公开工作年度报告：既没有“……政府信息公开工作年度报告”标题，也没有三个以上的标准章节，未做其他检查',
        en: 'Not recognised as a government information disclosure annual report (no title and fewer than three sections); no other checks were run',
      },
    });
  },
});
