// Table 二 (主动公开政府信息情况): stacked blocks, one per 第二十条 item; no arithmetic inside.
import type { ColumnKind, ColumnSpec, RowSpec, TableTemplate } from './types';
import type { Localized, TemplateYear } from '../types';

interface BlockSpec {
  caption: string;
  item: string;
  columns: [label: string, kind: ColumnKind, aliases?: string[]][];
  rows: (string | [group: string, children: string[]])[];
}

/** What a block's caption row stands for (its item of 第二十条 is the row's article). */
const BLOCK_MEANING: Localized = { zh: '主动公开信息的统计口径。', en: 'What this block counts.' };

/** What each row of a block counts, by label (the same row in every block and year). */
const ROW_MEANINGS: Record<string, Localized> = {
  规章: { zh: '本机关制定的规章。', en: 'Rules issued by the agency.' },
  规范性文件: { zh: '本机关制发的规范性文件。', en: 'Normative documents issued by the agency.' },
  行政规范性文件: { zh: '本机关制发的行政规范性文件。', en: 'Administrative normative documents issued by the agency.' },
  行政许可: { zh: '办理行政许可的依据、条件、程序以及办理结果。', en: 'Administrative licensing: basis, conditions, procedure and decisions.' },
  其他对外管理服务事项: { zh: '行政许可以外的其他对外管理服务事项。', en: 'Other external administrative services.' },
  行政检查: { zh: '其他对外管理服务事项中的行政检查。', en: 'Administrative inspections.' },
  行政确认: { zh: '其他对外管理服务事项中的行政确认。', en: 'Administrative confirmations.' },
  行政处罚: { zh: '实施行政处罚的依据、条件、程序以及处罚决定。', en: 'Administrative penalties: basis, conditions, procedure and decisions.' },
  行政强制: { zh: '实施行政强制的依据、条件、程序以及强制决定。', en: 'Administrative enforcement: basis, conditions, procedure and decisions.' },
  行政事业性收费: { zh: '行政事业性收费项目及其依据、标准；金额以万元计。', en: 'Administrative fees and their basis and rates; amounts in 10,000 yuan.' },
  政府集中采购: { zh: '政府集中采购项目的目录、标准及实施情况；金额以万元计。', en: 'Centralised government procurement; amounts in 10,000 yuan.' },
};

/** A row's meaning and, with it, the block's item of 第二十条 as its article. */
const terms = (label: string, caption: string): Pick<RowSpec, 'meaning' | 'article'> =>
  (ROW_MEANINGS[label] ? { meaning: ROW_MEANINGS[label], article: caption } : {});

function block(spec: BlockSpec): RowSpec[] {
  const columns: ColumnSpec[] = spec.columns.map(([label, kind], i) =>
    ({ key: `c${i + 1}`, path: ['信息内容', label], kind }));
  const headers = ['信息内容', ...spec.columns.flatMap(([label, , aliases]) => [label, ...(aliases ?? [])])];
  const key = `item${spec.item}`;
  const out: RowSpec[] = [{ key, label: spec.caption, group: true, columns: [], headers, block: spec.caption, meaning: BLOCK_MEANING, article: spec.caption }];
  spec.rows.forEach((row, i) => {
    if (typeof row === 'string') {
      out.push({ key: `${key}.r${i + 1}`, label: row, parent: key, columns, block: spec.caption, ...terms(row, spec.caption) });
    } else {
      const [groupLabel, children] = row;
      const groupKey = `${key}.g${i + 1}`;
      out.push({ key: groupKey, label: groupLabel, parent: key, group: true, columns: [], block: spec.caption, ...terms(groupLabel, spec.caption) });
      children.forEach((child, j) =>
        out.push({ key: `${groupKey}.r${j + 1}`, label: child, parent: groupKey, columns, block: spec.caption, ...terms(child, spec.caption) }));
    }
  });
  return out;
}

const ITEM = (n: string) => `第二十条第（${n}）项`;

function blocks2019(beijing: boolean): BlockSpec[] {
  const itemCounts: BlockSpec['columns'] = [['上一年项目数量', 'count'], ['本年增/减', 'signed'], ['处理决定数量', 'count']];
  return [
    { caption: ITEM('一'), item: '1', columns: [['本年新制作数量', 'count'], ['本年新公开数量', 'count'], ['对外公开总数量', 'count']], rows: ['规章', '规范性文件'] },
    {
      caption: ITEM('五'), item: '5', columns: itemCounts,
      rows: beijing ? ['行政许可', ['其他对外管理服务事项', ['行政检查', '行政确认']]] : ['行政许可', '其他对外管理服务事项'],
    },
    { caption: ITEM('六'), item: '6', columns: itemCounts, rows: ['行政处罚', '行政强制'] },
    { caption: ITEM('八'), item: '8', columns: [['上一年项目数量', 'count'], ['本年增/减', 'signed']], rows: ['行政事业性收费'] },
    {
      caption: ITEM('九'), item: '9',
      columns: [['采购项目数量', 'count'], [beijing ? '采购总金额（万元，保留四位小数）' : '采购总金额', 'amount', beijing ? ['采购总金额'] : ['采购总金额（万元，保留四位小数）']]],
      rows: ['政府集中采购'],
    },
  ];
}

const BLOCKS_2021: BlockSpec[] = [
  { caption: ITEM('一'), item: '1', columns: [['本年制发件数', 'count'], ['本年废止件数', 'count'], ['现行有效件数', 'count']], rows: ['规章', '行政规范性文件'] },
  { caption: ITEM('五'), item: '5', columns: [['本年处理决定数量', 'count']], rows: ['行政许可'] },
  { caption: ITEM('六'), item: '6', columns: [['本年处理决定数量', 'count']], rows: ['行政处罚', '行政强制'] },
  { caption: ITEM('八'), item: '8', columns: [['本年收费金额（单位：万元）', 'amount', ['本年收费金额']]], rows: ['行政事业性收费'] },
];

export function disclosureTable(year: TemplateYear, beijing = false): TableTemplate {
  const specs = year === 2019 ? blocks2019(beijing) : BLOCKS_2021;
  return {
    id: 2,
    variant: beijing ? `${year}-beijing` : String(year),
    year,
    headers: [],
    rows: specs.flatMap(block),
    relations: [],
  };
}
