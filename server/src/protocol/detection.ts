// Cheap content detection: does a plain-text or markdown file look like an annual report?
// Used by the client (to switch the language) and by workspace mode (to pick files). No imports,
// so the client bundle stays small.

/** How much of the start of a file is read: a report's first three headings are well inside it. */
export const DETECTION_PREFIX = 64 * 1024;
const TITLE_PREFIX = 3000;
/** 政府信息公开…年度报告, possibly broken over lines, or an opening sentence naming both. */
const TITLE = /政府信息公开[^。；;]{0,24}?(?:年度报告|年报)|(?:年度报告|年报)[^。\n]{0,40}政府信息公开/;

/** File names people give reports (*.govreport, *年度报告*.txt|md, *年报*.txt): taken without looking at the content. */
export function matchesReportFileName(fileName: string): boolean {
  const base = fileName.replace(/^.*[\\/]/, '');
  return /\.govreport$/i.test(base) || /年度报告.*\.(txt|md)$/i.test(base) || /年报.*\.txt$/i.test(base);
}

const SECTION_WORDS: RegExp[] = [
  /^(?:政府信息公开工作)?(?:年度工作)?总体情况$/,
  /^主动公开政府信息的?情况$/,
  /^收到和处理政府信息公开申请的?情况$/,
  /^(?:因政府信息公开(?:工作)?被申请行政复议[、和]提起行政诉讼的?情况|政府信息公开行政复议[、和]行政诉讼情况)$/,
  /^(?:政府信息公开工作)?存在的(?:主要)?问题[及和]改进情况$/,
  /^其他需要报告的?事项$/,
];

const NUMBERING = /^(?:[一二三四五六][、．.]|[1-6]\s*[、．.]|[（(][一二三四五六][)）]|第[一二三四五六]部分[、：:]?)?/;

function sectionIdOf(rawLine: string): number {
  if (rawLine.length > 80) return 0;
  const line = rawLine.replace(/^[\s\u3000#*]+|[\s\u3000:：。*]+$/g, '');
  if (line.length < 4 || line.length > 40) return 0;
  const rest = line.replace(NUMBERING, '').replace(/\s+/g, '');
  return SECTION_WORDS.findIndex((re) => re.test(rest)) + 1;
}

/**
 * The ids (1–6) of the section headings found at the start of lines in `text`. A heading followed
 * directly by another heading is a list of the sections (an introduction, a format description), not
 * a heading, and lines inside markdown code fences are skipped.
 */
export function sectionHeadingsIn(text: string): Set<number> {
  const found = new Set<number>();
  let fenced = false;
  let pending = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; pending = 0; continue; }
    if (fenced || line.trim() === '') continue;
    const id = sectionIdOf(line);
    if (pending && !id) found.add(pending);
    pending = id;
  }
  if (pending) found.add(pending);
  return found;
}

/**
 * True when the text starts like a report: a line naming 政府信息公开 and 年度报告 (the title, or the
 * opening sentence when the title is missing) near the top, and at least three of the six section
 * headings in the first part of the file.
 */
export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, TITLE_PREFIX);
  if (!TITLE.test(head)) return false;
  return sectionHeadingsIn(text.slice(0, DETECTION_PREFIX)).size >= 3;
}

/** How much of a page is looked at: site headers and menus come before the article. */
export const PAGE_DETECTION_PREFIX = 512 * 1024;
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|br|tr|td|th|li|table|section|article|center)\b[^>]*>/gi;

/**
 * True when a web page's text looks like a report (as looksLikeReport): scripts, styles and comments dropped,
 * block tags made line breaks and other tags removed. A cheap look, without parsing the page; the server reads
 * the page itself before checking it.
 */
export function looksLikeReportPage(html: string): boolean {
  const head = html.slice(0, PAGE_DETECTION_PREFIX);
  if (!head.includes('政府信息公开')) return false;
  const text = head
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi, '')
    .replace(BLOCK_TAG, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ');
  const start = text.search(/\S/);
  const fromTitle = text.search(/政府信息公开[^。；;\n]{0,24}?(?:年度报告|年报)/);
  return looksLikeReport(text.slice(Math.max(0, fromTitle >= 0 ? Math.min(fromTitle, text.length) : start)));
}
