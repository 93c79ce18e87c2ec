// UI checks that a person would make, run by scripts/e2e/run.mjs after the
// mocha suite, on the same code-server and browser. The page is a fresh
// workbench window with the extension loaded from the repository (as in an
// Extension Development Host), showing test/e2e/workspace.
//
// The default export receives a context from the harness:
//   page, context      Playwright page and browser context
//   baseUrl            http://127.0.0.1:PORT of code-server
//   repoRoot, workspace, extension, resultsDir   absolute paths
//   check(name, fn)    runs one named check; counts it as passed or failed,
//                      takes a screenshot into resultsDir when it fails
//   screenshot(name)   saves resultsDir/<name>.png, returns its path
//   log(message)       prints an indented line
//   workbenchLog       array of the workbench's log lines so far (grows)
//   locale             VS Code's display language in this run (zh-cn by default, or en)
//
// Add a check by adding another `await check('...', async () => { ... })`.
// Take positions from the DOM (element boxes), never from guessed pixel offsets.

import fs from 'node:fs';
import path from 'node:path';

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** Waits until the workbench has rendered and the window is ready for keys. */
export async function waitForWorkbench(page, timeout = 60000) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
  // The explorer lists the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout });
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page, fileName, timeout = 30000) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press(`${mod}+P`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
  await activeEditor(page, fileName, timeout);
}

/** Runs a command from the Command Palette by its label, e.g. 'View: Toggle Problems'. */
export async function runCommand(page, label, timeout = 30000) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press(`${mod}+Shift+P`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
}

/** Waits for the active editor tab to be `fileName`; returns the editor's locator. */
export async function activeEditor(page, fileName, timeout = 30000) {
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ state: 'visible', timeout });
  return editor;
}

/** The text of the visible lines of the active editor. */
export async function visibleText(page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
}

/** Moves the cursor to a 1-based line with Go to Line (Ctrl+G), which scrolls it into view. */
export async function goToLine(page, line) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press(`${mod}+G`);
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The rendered line of the active editor that contains `text` (spaces are rendered as U+00A0). */
export function editorLine(page, text) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text.replace(/ /g, '\u00a0') }).first();
}

/**
 * Squiggles (diagnostic decorations) of a severity in the active editor, with their page boxes, read in one step:
 * counting them and then asking for each one's box raced VS Code re-drawing them after an edit (a box asked for an
 * element no longer there waits out the whole timeout).
 */
export async function squiggles(page, severity = 'warning') {
  const loc = page.locator(`.editor-group-container.active .monaco-editor .view-overlays .squiggly-${severity}`);
  return loc.evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }).filter((b) => b.width > 0 && b.height > 0));
}

/** The squiggle drawn on the given rendered line (same top), or undefined. */
async function squiggleOn(page, line, severity = 'warning') {
  const box = await line.boundingBox();
  if (!box) return undefined;
  return (await squiggles(page, severity)).find((s) => Math.abs(s.y - box.y) < 2);
}

/**
 * The page box of `text` inside a rendered editor line (its first occurrence, or the last with
 * { last: true }), measured with a DOM Range over the line's text nodes.
 */
export function textBox(line, text, { last = false } = {}) {
  return line.evaluate((el, [want, fromEnd]) => {
    const nodes = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const all = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
    const start = fromEnd ? all.lastIndexOf(want) : all.indexOf(want);
    if (start < 0) return null;
    const at = (offset) => {
      let rest = offset;
      for (const n of nodes) { if (rest <= n.data.length) return [n, rest]; rest -= n.data.length; }
      return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + want.length));
    const b = range.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  }, [text, last]);
}

/** Polls `fn` (a DOM read) until it returns something truthy; Playwright-style wait without a fixed sleep. */
async function until(fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The texts of a tree's visible rows at `level`, white space collapsed; null while there are fewer than `atLeast`. */
async function rowTexts(pane, level, atLeast) {
  const rows = pane.locator(`.monaco-list-row[aria-level="${level}"]`);
  const n = await rows.count();
  if (n < atLeast) return null;
  const out = [];
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).innerText()).replace(/\s+/g, ' ').trim());
  return out;
}

/** Moves the mouse to the middle of a box and waits for the hover widget; returns its text. */
async function hoverOver(page, box, expect) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
  await hover.waitFor({ state: 'visible', timeout: 15000 });
  // The hover fades in: let its animations finish, so a screenshot shows it at full contrast.
  await hover.evaluate((el) => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.target && (el.contains(a.effect.target) || a.effect.target.contains(el)))
    .map((a) => a.finished.catch(() => undefined))));
  return hover.innerText();
}

/** Collapses or expands a view (pane) of the side bar by clicking its header, as a person does. */
async function setPaneExpanded(page, title, expanded) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await until(async () => (await header.getAttribute('aria-expanded')) === String(expanded), `${title} ${expanded ? 'expanded' : 'collapsed'}`);
  return header;
}

/** Widens the side bar by dragging its sash (the border to the editor) to x = `toX`. */
async function widenSideBar(page, toX) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  const edge = bar.x + bar.width;
  const sashes = page.locator('.monaco-sash.vertical');
  for (let i = 0; i < await sashes.count(); i++) {
    const b = await sashes.nth(i).boundingBox();
    if (!b || Math.abs(b.x + b.width / 2 - edge) > 4 || b.height < bar.height / 2) continue;
    await page.mouse.move(b.x + b.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(toX, bar.y + bar.height / 2, { steps: 8 });
    await page.mouse.up();
    return;
  }
  throw new Error('no sash at the side bar\'s edge');
}

// Texts the checks look for, by display language (the checker follows VS Code's language).
const TEXT = {
  zh: {
    language: '政府信息公开年报',
    view: '年报检查',
    rowLabel: '行标签“一、本年新收到政府信息公开申请数量”与模板不一致，应为“一、本年新收政府信息公开申请数量”',
    problems: [
      '政府集中采购 × 采购总金额：“7004.69万元”单元格内写了单位，应只写数字 7004.69',
      '行标签“一、本年新收到政府信息公开申请数量”与模板不一致，应为“一、本年新收政府信息公开申请数量”',
      '行标签“二、上年结转政府信息公开数量”与模板不一致，应为“二、上年结转政府信息公开申请数量”',
      '行标签“3.危机“三安全一稳定””与模板不一致，应为“3.危及“三安全一稳定””',
      '行标签“7.属于行政法案卷”与模板不一致，应为“7.属于行政执法案卷”',
      '行标签“2.没有现成信息需另行制作”与模板不一致，应为“2.没有现成信息需要另行制作”',
    ],
    fix: '改为“一、本年新收政府信息公开申请数量”',
    warnings: '6 个警告',
    relations: ['R1 勾稽关系', 'R2 列合计', 'R3 行合计'],
    applicationTable: '收到和处理政府信息公开申请情况表',
    summary: '年报汇总',
    openView: '打开年报视图',
    messages: 'in Chinese',
  },
  en: {
    language: 'Government Disclosure Annual Report',
    view: 'Report Checks',
    rowLabel: 'Row label "一、本年新收到政府信息公开申请数量" differs from the template label "一、本年新收政府信息公开申请数量"',
    problems: [
      'Row label "一、本年新收到政府信息公开申请数量" differs from the template label "一、本年新收政府信息公开申请数量"',
    ],
    fix: 'Replace with "一、本年新收政府信息公开申请数量"',
    warnings: '6 warnings',
    relations: ['R1 balance', 'R2 column totals', 'R3 row totals'],
    applicationTable: 'Applications table',
    summary: 'Reports Summary',
    openView: 'Open Report View',
    messages: 'in English',
  },
};

/** A file's row in the Explorer's folder tree, its folder (a top-level folder of the workspace) expanded first. */
async function explorerRow(page, folder, name) {
  const tree = page.locator('.explorer-folders-view');
  const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  // Matched by the name only: a row's text may carry decorations (a problem count, a dot).
  const named = (level, s) => tree.locator(`.monaco-list-row[aria-level="${level}"]`).filter({ has: page.locator('.label-name', { hasText: exact(s) }) }).first();
  const dir = named(1, folder);
  await dir.waitFor({ state: 'visible', timeout: 15000 });
  if ((await dir.getAttribute('aria-expanded')) !== 'true') await dir.click();
  const row = named(2, name);
  await row.waitFor({ state: 'visible', timeout: 15000 });
  return row;
}

const REPORT = '001_f11dda0cfbad3174.txt';
const SECTIONS = [/总体情况/, /主动公开政府信息/, /收到和处理政府信息公开申请/, /行政复议.*行政诉讼/, /存在的.*问题.*改进情况/, /其他需要报告的?事项/];

export default async function uiCheck({ page, check, screenshot, log, workspace, locale = 'en' }) {
  const T = /^zh/i.test(locale) ? TEXT.zh : TEXT.en;
  const shot = async (name, what) => log(`screenshot ${await screenshot(name)}: ${what}`);

  await check('workbench shows the workspace', async () => {
    await waitForWorkbench(page);
  });

  await check('open sample.govreport with Ctrl+P', async () => {
    await quickOpen(page, 'sample.govreport');
    const text = await visibleText(page);
    if (!text.includes('总体情况')) throw new Error(`editor does not show the file's text (got ${JSON.stringify(text.slice(0, 80))})`);
    await shot('sample-govreport', 'sample.govreport in the editor, coloured by the grammar (taken before its first check)');
  });

  // Shared report 001 has a plain name: it opens as plain text and the extension switches it.
  await check(`open shared report ${REPORT}: its language becomes ${T.language}`, async () => {
    await quickOpen(page, REPORT);
    const mode = page.locator('.part.statusbar [id="status.editor.mode"]');
    await until(async () => (await mode.innerText()).includes(T.language), `the status bar to show ${T.language} (shows ${await mode.innerText()})`);
  });

  await check('squiggles under the misspelt row labels', async () => {
    await goToLine(page, 43);
    const line43 = editorLine(page, '一、本年新收到政府信息公开申请数量');
    await line43.waitFor({ state: 'visible' });
    const sq = await until(() => squiggleOn(page, line43), 'a warning squiggle on line 43');
    const lineBox = await line43.boundingBox();
    // The squiggle starts where the line's text starts and covers the label, not the figures.
    if (Math.abs(sq.x - lineBox.x) > 2) throw new Error(`squiggle starts at x=${sq.x}, the line at x=${lineBox.x}`);
    const label = await textBox(line43, '一、本年新收到政府信息公开申请数量');
    if (Math.abs(sq.width - label.width) > 4) throw new Error(`squiggle is ${sq.width}px wide, the label ${label.width}px`);
    const all = await squiggles(page);
    log(`${all.length} warning squiggles visible; line 43's covers the label (${Math.round(sq.width)} px)`);
    if (all.length < 5) throw new Error(`expected the five row-label squiggles around line 43, saw ${all.length}`);
    await shot('report-squiggles', `${REPORT} at line 43: wavy underlines under the five misspelt row labels`);
  });

  await check(`hover on a squiggle shows the message ${T.messages}`, async () => {
    const line43 = editorLine(page, '一、本年新收到政府信息公开申请数量');
    const sq = await squiggleOn(page, line43);
    const text = await hoverOver(page, sq, T.rowLabel);
    if (!text.includes('row-label')) throw new Error(`hover does not name the rule: ${text}`);
    log(`hover: ${text.replace(/\s*\n\s*/g, ' | ').slice(0, 200)}`);
    await shot('report-hover-diagnostic', 'hover over the line-43 squiggle: the row-label message, govreport(row-label), Quick Fix');
    await page.keyboard.press('Escape');
  });

  await check('hover on a total cell shows its relation', async () => {
    // Line 64: (七)总计 | 23 | 0 | 0 | 0 | 0 | 0 | 23 — the last 23 is the row total.
    const line64 = editorLine(page, '(七)总计');
    await line64.waitFor({ state: 'visible' });
    const box = await textBox(line64, '23', { last: true });
    const text = await hoverOver(page, box, 'R3');
    if (!/R3[\s\S]*23 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 23[\s\S]*✓/.test(text)) throw new Error(`hover does not show R3 with ✓: ${text}`);
    log(`hover: ${text.replace(/\s*\n\s*/g, ' | ').slice(0, 200)}`);
    await shot('report-hover-total', 'hover over the (七)总计 × 总计 cell (23): the cell path, R3 with 23 + 0 + … = 23 ✓');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 500);
  });

  await check(`Problems panel (Ctrl+Shift+M) lists the findings ${T.messages}`, async () => {
    await page.keyboard.press(`${mod}+Shift+M`);
    const panel = page.locator('.part.panel .markers-panel');
    await panel.waitFor({ state: 'visible' });
    const text = await until(async () => {
      const t = await panel.innerText();
      return T.problems.every((p) => t.includes(p)) && t;
    }, 'the Problems panel to list the six messages');
    const rows = await panel.locator('.monaco-list-row').count();
    log(`Problems panel: ${rows} rows (the file and its findings)`);
    if (!text.includes('[Ln 43, Col 1]')) throw new Error('no position [Ln 43, Col 1] in the Problems panel');
    await shot('problems-panel', `the Problems panel: 001 with its six findings, messages ${T.messages}, govreport(rule) and [Ln, Col]`);
  });

  await check('Outline shows the six sections', async () => {
    await setPaneExpanded(page, 'workspace-ui', false); // the folder tree, to leave room for the views below
    const header = await setPaneExpanded(page, 'Outline', true);
    const pane = header.locator('xpath=..');
    const names = await until(() => rowTexts(pane, 1, 6), 'six top-level rows in the Outline');
    SECTIONS.forEach((re, i) => { if (!re.test(names[i] ?? '')) throw new Error(`Outline row ${i + 1} is ${JSON.stringify(names[i])}, expected ${re}`); });
    log(`Outline: ${names.join(' | ')}`);
    await shot('outline', 'the Outline view: the six sections of 001, collapsed');
  });

  await check(`"${T.view}" view lists the report, its sections and relations`, async () => {
    await setPaneExpanded(page, 'Outline', false);
    await widenSideBar(page, 640);
    const header = await setPaneExpanded(page, T.view, true);
    const pane = header.locator('xpath=..');
    const report = pane.locator('.monaco-list-row[aria-level="1"]', { hasText: T.warnings }).first();
    await report.waitFor({ state: 'visible', timeout: 20000 });
    if ((await report.getAttribute('aria-expanded')) !== 'true') await report.locator('.monaco-tl-twistie').click();
    const names = (await until(() => rowTexts(pane, 2, 6), 'the sections under the report')).slice(0, 6);
    SECTIONS.forEach((re, i) => { if (!re.test(names[i])) throw new Error(`section row ${i + 1} is ${JSON.stringify(names[i])}`); });
    // Sections with a table start expanded, showing their tables; the application table's relation
    // groups (R1 balance, R2 column totals, R3 row totals) each with ✓ passed/total.
    const table = pane.locator('.monaco-list-row[aria-level="3"]', { hasText: T.applicationTable }).first();
    await table.waitFor({ state: 'visible' });
    if ((await table.getAttribute('aria-expanded')) !== 'true') await table.locator('.monaco-tl-twistie').click();
    const groups = await until(() => rowTexts(pane, 4, 3), 'the relation groups of the application table');
    T.relations.forEach((name, i) => {
      if (!new RegExp(`^${name} ?✓ (\\d+)/\\1$`).test(groups[i] ?? '')) throw new Error(`relation group ${i + 1} is ${JSON.stringify(groups[i])}, expected "${name} ✓ n/n"`);
    });
    log(`${T.view}: sections ${names.join(' | ')}; relations ${groups.join(' | ')}`);
    await shot('report-checks-view', `the ${T.view} view: report 001 (6 warnings), its six sections, tables and R1–R4 groups`);
  });

  await check('Quick Fix (Ctrl+.) on line 43 rewrites the label and the squiggle goes', async () => {
    await goToLine(page, 43);
    await page.keyboard.press(`${mod}+.`);
    const item = page.locator('.action-widget .monaco-list-row', { hasText: T.fix }).first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    await shot('quick-fix-menu', `the Quick Fix menu on line 43: ${T.fix} first, then fix-all and turn-off entries`);
    await item.click();
    const fixed = editorLine(page, '一、本年新收政府信息公开申请数量 |');
    await fixed.waitFor({ state: 'visible', timeout: 15000 });
    await until(async () => !(await squiggleOn(page, fixed)), 'the squiggle on line 43 to go');
    const panel = page.locator('.part.panel .markers-panel');
    await until(async () => !(await panel.innerText()).includes(T.rowLabel), 'the Problems panel to drop the line-43 finding');
    await shot('quick-fix-applied', 'line 43 after the quick fix: the template label, no squiggle; the Problems panel down to 5');
  });

  // Writing help on the faulty sample: its 一、本年新收 total is 35 where the columns add up to 34 (line 95).
  const FAULTY = '示例街道办事处2022年政府信息公开工作年度报告（含典型错误）.txt';
  await check('inlay hint "= 34" after the broken total, code lens "R1 ✗ R2 ✗ R3 ✗" over table 三', async () => {
    await page.keyboard.press(`${mod}+J`); // the panel closed, for room
    await quickOpen(page, FAULTY);
    await goToLine(page, 88);
    const hinted = editorLine(page, '= 34');
    await until(async () => (await hinted.count()) > 0 && hinted, 'the inlay hint "= 34" on line 95');
    const text = (await hinted.innerText()).replace(/\u00a0/g, ' ');
    if (!/^\s*35\s*= 34\s*$/.test(text)) throw new Error(`line 95 reads ${JSON.stringify(text)}, expected "35" then the hint "= 34"`);
    const lens = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration', { hasText: 'R1 ✗ R2 ✗ R3 ✗' }).first();
    await lens.waitFor({ state: 'visible', timeout: 20000 });
    log(`line 95: ${JSON.stringify(text)}; code lens: ${JSON.stringify(await lens.innerText())}`);
    await shot('writing-inlay-hint-code-lens', 'faulty sample: the code lens R1 ✗ R2 ✗ R3 ✗ over table 三 and the inlay hint = 34 after the total 35');
  });

  await check('completion (Ctrl+Space) on the blank line after a row offers the next row label first', async () => {
    await goToLine(page, 96);
    await page.keyboard.press(`${mod}+Space`);
    const widget = page.locator('.editor-widget.suggest-widget');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const first = widget.locator('.monaco-list-row.focused', { hasText: '二、上年结转政府信息公开申请数量' });
    await first.waitFor({ state: 'visible', timeout: 15000 });
    log(`suggestions: ${(await widget.innerText()).replace(/\s*\n\s*/g, ' | ').slice(0, 200)}`);
    await shot('writing-completion', 'completion on line 96: 二、上年结转政府信息公开申请数量 preselected (every row of table 三 is there), then the column headers of the table');
    await page.keyboard.press('Escape');
  });

  await check(`"${T.summary}" opens the summary page in a webview, with the open reports and charts`, async () => {
    await runCommand(page, T.summary);
    // The webview's page sits in nested frames: found by its table of reports.
    const frame = await until(async () => {
      for (const f of page.frames()) if (await f.$('#reports tbody tr.report').catch(() => null)) return f;
      return null;
    }, 'the summary page to show its table of reports', 30000);
    const rows = await frame.$$eval('#reports tbody tr.report', (r) => r.length);
    const canvases = await frame.$$eval('.chart canvas', (c) => c.length);
    if (canvases < 3) throw new Error(`${canvases} charts drawn`);
    log(`summary webview: ${rows} reports, ${canvases} charts`);
    await shot('summary-webview', `the ${T.summary} webview: the open reports, their figures and charts`);
  });

  // A Word or PDF file has no text editor of its own: the Explorer's context menu offers the report view.
  const published = [['samples', '示例县人民政府2020年政府信息公开工作年度报告（Word）.docx'], ['real', 'hongze-2023.pdf']];
  await check(`the Explorer's context menu on a .docx and a .pdf offers "${T.openView}", which opens the report view`, async () => {
    await page.keyboard.press(`${mod}+Shift+E`);
    await setPaneExpanded(page, T.view, false);
    await setPaneExpanded(page, 'workspace-ui', true);
    for (const [folder, name] of published) {
      if (!fs.existsSync(path.join(workspace, folder, name))) { log(`${folder}/${name} is not in the workspace: not checked`); continue; }
      const row = await explorerRow(page, folder, name);
      await row.click({ button: 'right' });
      const item = page.locator('.context-view .monaco-menu .action-item', { hasText: T.openView }).first();
      await item.waitFor({ state: 'visible', timeout: 10000 });
      await shot(`explorer-context-menu-${path.extname(name).slice(1)}`, `the Explorer's context menu on ${name}: ${T.openView}`);
      await item.click();
      await activeEditor(page, name);
      await until(async () => (await visibleText(page)).includes('政府信息公开'), `the report view of ${name} to show the report's text`);
      const mode = page.locator('.part.statusbar [id="status.editor.mode"]');
      await until(async () => (await mode.innerText()).includes(T.language), `the report view of ${name} to be a ${T.language} (status bar shows ${await mode.innerText()})`);
      log(`${name}: ${T.openView} in the context menu opened the report view`);
    }
    await shot('report-view-from-context-menu', 'the report view opened from the Explorer\'s context menu');
  });
}
