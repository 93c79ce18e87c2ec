// Table 二 (主动公开政府信息情况): stacked blocks, one per 第二十条 item; no arithmetic inside.
import type { ColumnKind, ColumnSpec, RowSpec, TableTemplate } from './types';
import type { TemplateYear } from '../types';

interface BlockSpec {
  caption: string;
  item: string;
  columns: [label: string, kind: ColumnKind, aliases?: string[]][];
  rows: (string | [group: string, children: string[]])[];
}

function block(spec: BlockSpec): RowSpec[] {
  const columns: ColumnSpec[] = spec.columns.map(([label, kind], i) =>
    ({ key: `c${i + 1}`, path: ['信息内容', label], kind }));
  const headers = ['信息内容', ...spec.columns.flatMap(([label, , aliases]) => [label, ...(aliases ?? [])])];
  const key = `item${spec.item}`;
  const out: RowSpec[] = [{ key, label: spec.caption, group: true, columns: [], headers, block: spec.caption, article: '第二十条' }];
  spec.rows.forEach((row, i) => {
    if (typeof row === 'string') {
      out.push({ key: `${key}.r${i + 1}`, label: row, parent: key, columns, block: spec.caption });
    } else {
      const [groupLabel, children] = row;
      const groupKey = `${key}.g${i + 1}`;
      out.push({ key: groupKey, label: groupLabel, parent: key, group: true, columns: [], block: spec.caption });
      children.forEach((child, j) =>
        out.push({ key: `${groupKey}.r${j + 1}`, label: child, parent: groupKey, columns, block: spec.caption }));
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
