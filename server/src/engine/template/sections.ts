import type { SectionSpec } from './types';

export const SECTIONS: SectionSpec[] = [
  {
    id: 1,
    title: '总体情况',
    aliases: ['政府信息公开工作总体情况', '年度工作总体情况'],
    contents: '本年度政府信息公开工作的总体情况（主动公开、依申请公开、政府信息管理、平台建设、监督保障等）。',
    contentsEn: 'Overview of the year\'s disclosure work (proactive disclosure, applications, information management, platforms, oversight).',
    article: '第五十条',
  },
  {
    id: 2,
    title: '主动公开政府信息情况',
    aliases: ['主动公开政府信息的情况'],
    contents: '行政机关主动公开政府信息的情况（条例第五十条第（一）项），以第二十条第（一）（五）（六）（八）项等为统计口径的表格。',
    contentsEn: 'Proactive disclosure (Article 50(1)), with the table of Article 20 items.',
    article: '第五十条第（一）项',
  },
  {
    id: 3,
    title: '收到和处理政府信息公开申请情况',
    aliases: ['收到和处理政府信息公开申请的情况', '收到和处理政府信息公开申请'],
    contents: '行政机关收到和处理政府信息公开申请的情况（条例第五十条第（二）项），含申请人情况与办理结果统计表。',
    contentsEn: 'Applications received and handled (Article 50(2)), with the applicant and outcome table.',
    article: '第五十条第（二）项',
  },
  {
    id: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    aliases: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开被申请行政复议、提起行政诉讼的情况',
    ],
    contents: '因政府信息公开工作被申请行政复议、提起行政诉讼的情况（条例第五十条第（三）项）。',
    contentsEn: 'Administrative reconsideration and litigation about disclosure (Article 50(3)).',
    article: '第五十条第（三）项',
  },
  {
    id: 5,
    title: '存在的主要问题及改进情况',
    aliases: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在的问题及改进情况'],
    contents: '政府信息公开工作存在的主要问题及改进情况（条例第五十条第（四）项）。',
    contentsEn: 'Main problems and improvements (Article 50(4)).',
    article: '第五十条第（四）项',
  },
  {
    id: 6,
    title: '其他需要报告的事项',
    aliases: ['其他需要报告事项'],
    contents: '其他需要报告的事项（条例第五十条第（五）项）；2021年起的格式要求在此报告收取信息处理费的情况。',
    contentsEn: 'Other matters (Article 50(5)); from the 2021 format, the information processing fees charged.',
    article: '第五十条第（五）项',
  },
];
