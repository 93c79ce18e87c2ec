// What the checker must report on each shared real report and each bundled sample, with the
// default settings, when the file is opened in VS Code.
//
// One row per diagnostic: [line, column, end column, severity, rule code, text the range covers].
// Lines and columns are 1-based (as the editor's status bar and the CLI show them); every range
// here lies on one line. The covered text pins the range to the very characters it must mark.
import type { SeverityName } from './helpers';

export type ExpectedDiagnostic = [line: number, col: number, endCol: number, severity: SeverityName, code: string, covers: string];

export interface ExpectedFile {
  /** Path inside the workspace. */
  path: string;
  /** Opened as plain text (name does not look like a report) and switched by content detection. */
  detected: boolean;
  diagnostics: ExpectedDiagnostic[];
  /** Template year the checker recognises (2019 or 2021 format). */
  templateYear: 2019 | 2021;
}

/** The five shared real reports (copied into reports/ at run time). None has an Error-level finding. */
export const SHARED_REPORTS: ExpectedFile[] = [
  {
    path: 'reports/000_ce7f781f2d86ae6c.txt',
    detected: true,
    templateYear: 2019,
    diagnostics: [
      // Prose figures that count only this year's requests: the carried-over cases explain the gap, so information only.
      [21, 74, 76, 'information', 'text-table-mismatch', '30'],
      [21, 101, 103, 'information', 'text-table-mismatch', '11'],
      [21, 117, 119, 'information', 'text-table-mismatch', '12'],
      [21, 134, 135, 'information', 'text-table-mismatch', '1'],
      [25, 97, 99, 'warning', 'text-table-mismatch', '23'],
      [25, 117, 118, 'warning', 'text-table-mismatch', '1'],
      [439, 1, 13, 'warning', 'section-heading', '存在的主要问题及改进情况'],
    ],
  },
  {
    path: 'reports/001_f11dda0cfbad3174.txt',
    detected: true,
    templateYear: 2019,
    diagnostics: [
      [38, 15, 24, 'warning', 'amount-format', '7004.69万元'],
      // The misspelt row labels of the application table.
      [43, 1, 18, 'warning', 'row-label', '一、本年新收到政府信息公开申请数量'],
      [44, 1, 15, 'warning', 'row-label', '二、上年结转政府信息公开数量'],
      [49, 1, 13, 'warning', 'row-label', '3.危机“三安全一稳定”'],
      [53, 1, 10, 'warning', 'row-label', '7.属于行政法案卷'],
      [56, 1, 14, 'warning', 'row-label', '2.没有现成信息需另行制作'],
    ],
  },
  {
    path: 'reports/002_31451f56acce7a8f.txt',
    detected: true,
    templateYear: 2019,
    diagnostics: [
      [4, 1, 8, 'warning', 'section-heading', '1、 总体情况'],
      [411, 1, 3, 'warning', 'enumeration', '三是'],
    ],
  },
  {
    path: 'reports/003_da7f200eb5fd91c5.txt',
    detected: true,
    templateYear: 2019,
    diagnostics: [],
  },
  {
    path: 'reports/004_d5656f869e11e1df.txt',
    detected: true,
    templateYear: 2021,
    diagnostics: [
      [7, 1, 5, 'warning', 'section-heading', '总体情况'],
      [33, 14, 16, 'warning', 'text-table-mismatch', '17'],
      [43, 20, 21, 'warning', 'text-table-mismatch', '0'],
      [46, 23, 24, 'warning', 'text-table-mismatch', '0'],
      [47, 1, 11, 'warning', 'section-heading', '主动公开政府信息情况'],
      [91, 2, 10, 'warning', 'amount-format', '373.91万元'],
      [94, 1, 16, 'warning', 'section-heading', '收到和处理政府信息公开申请情况'],
    ],
  },
];

export const FAULTY_SAMPLE = 'samples/示例街道办事处2022年政府信息公开工作年度报告（含典型错误）.txt';
export const OLD_TEMPLATE_SAMPLE = 'samples/示例镇人民政府2021年政府信息公开工作年度报告（旧模板）.txt';
export const GBK_SAMPLE = 'samples/示例区市场监督管理局2021年政府信息公开工作年度报告（GBK编码）.txt';

/** The bundled samples (copied into samples/ at run time). Their names match *年度报告*.txt. */
export const SAMPLES: ExpectedFile[] = [
  {
    // GB18030/GBK with CRLF: read correctly because the workspace sets files.autoGuessEncoding.
    path: GBK_SAMPLE,
    detected: false,
    templateYear: 2021,
    diagnostics: [],
  },
  {
    path: 'samples/示例县人民政府2020年政府信息公开工作年度报告.txt',
    detected: false,
    templateYear: 2019,
    diagnostics: [],
  },
  {
    path: 'samples/示例市民政局2021年政府信息公开工作年度报告.txt',
    detected: false,
    templateYear: 2021,
    diagnostics: [],
  },
  {
    path: FAULTY_SAMPLE,
    detected: false,
    templateYear: 2021,
    diagnostics: [
      [59, 2, 4, 'error', 'cell-value', '6件'],
      [67, 2, 9, 'warning', 'amount-format', '12.35万元'],
      [70, 1, 18, 'warning', 'section-heading', '3、收到和处理政府信息公开申请情况'],
      [95, 2, 4, 'error', 'row-total', '35'],
      [119, 2, 9, 'warning', 'row-label', '（二）部分公开'],
      [151, 2, 14, 'warning', 'row-label', '3.危机“三安全一稳定”'],
      [328, 2, 4, 'error', 'column-total', '30'],
      [334, 2, 4, 'error', 'row-total', '35'],
      [344, 2, 3, 'error', 'balance', '1'],
      [344, 2, 3, 'error', 'row-total', '1'],
      [375, 2, 3, 'error', 'review-total', '3'],
    ],
  },
  {
    path: OLD_TEMPLATE_SAMPLE,
    detected: false,
    templateYear: 2019,
    diagnostics: [
      [25, 1, 10, 'warning', 'template-version', '第二十条第（一）项'],
      [48, 1, 17, 'warning', 'template-version', '一、本年新收政府信息公开申请数量'],
      [78, 1, 12, 'error', 'section-missing', '六、其他需要报告的事项'],
    ],
  },
];

/** A word or two every Chinese message of a rule contains (checked when VS Code's language is zh-*). */
export const ZH_MESSAGE: Record<string, RegExp> = {
  'amount-format': /单元格内写了单位，应只写数字/,
  'row-label': /行标签“.+”与模板不一致，应为“.+”/,
  'section-heading': /章节标题“.+”不规范，应为“.+”/,
  'section-missing': /缺少第\d部分/,
  'text-table-mismatch': /文中“.+”与表格不一致/,
  'template-version': /使用了2019年版格式/,
  enumeration: /序号跳号/,
  'cell-value': /带有单位/,
  'row-total': /总计：\d+ ≠ /,
  'column-total': /总计 × .+：\d+ ≠ /,
  balance: /结转下年度继续办理 × 总计：\d+ ≠ /,
  'review-total': /总计：\d+ ≠ /,
};

/** The six sections in order: what each heading must say, whatever its numbering and wording variant. */
export const SECTION_PATTERNS: RegExp[] = [
  /总体情况/,
  /主动公开政府信息/,
  /收到和处理政府信息公开申请/,
  /行政复议.*行政诉讼/,
  /存在的.*问题.*改进情况/,
  /其他需要报告的?事项/,
];
