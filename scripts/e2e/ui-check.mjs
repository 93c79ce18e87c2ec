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
//
// Add a check by adding another `await check('...', async () => { ... })`.
// Take positions from the DOM (element boxes), never from guessed pixel offsets.

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

export default async function uiCheck({ page, check, screenshot, log }) {
  await check('workbench shows the workspace', async () => {
    await waitForWorkbench(page);
  });

  await check('open sample.govreport with Ctrl+P', async () => {
    await quickOpen(page, 'sample.govreport');
    const text = await visibleText(page);
    if (!text.includes('总体情况')) throw new Error(`editor does not show the file's text (got ${JSON.stringify(text.slice(0, 80))})`);
    const file = await screenshot('sample-govreport');
    log(`screenshot: ${file}`);
  });
}
