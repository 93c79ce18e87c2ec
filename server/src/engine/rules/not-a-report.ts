import { defineRule } from './rule';

export default defineRule({
  code: 'not-a-report',
  defaultSeverity: 'warning',
  description: { zh: '文件不像政府信息公开工作年度报告（没有标题，也找不到章节）', en: 'The file does not look like an annual report (no title, no sections)' },
  onNonReport: true,
  rationale: {
    zh: '其他文件不做报告检查，以免满屏误报；说明一次，便于发现打开错了文件或文件未能读出',
    en: 'Other files get no report checks (no flood of false findings); saying so once shows a wrong file or one that could not be read',
  },
  examples: {
    valid: [{ in: { section: 1 }, snippet: '一、总体情况\n本机关认真做好政府信息公开工作。' }],
    invalid: [{ in: 'report', snippet: '本周工作安排：周一例会，周三培训。', marked: '⟦本周工作安排：周一例会，周三培训。⟧' }],
  },
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
