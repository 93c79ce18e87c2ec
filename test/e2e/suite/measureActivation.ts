// Measures how long the extension takes to activate in a real VS Code, for `npm run bench`.
//
// `node scripts/e2e/run.mjs --measure-activation` loads this file as `extensionTestsPath` instead of
// the mocha suite (index.ts), in a fresh window (new code-server, browser and extension host).
// run() opens one sample report at once, as a user opening a report in a window that is still
// starting would, and reads:
//   - VS Code's own figures: the performance marks its extension host sets around loading the
//     extension's code (`code/extHost/willLoadExtensionCode/<id>` … `didLoadExtensionCode`) and
//     around calling activate() until its result resolves (`willActivateExtension` …
//     `didActivateExtension`), in `globalThis.MonacoPerformanceMarks` of the extension host process;
//     and the activation times "Developer: Startup Performance" shows (the same figures
//     "Developer: Show Running Extensions" adds up), read from its document when it comes in time;
//   - from this side: opening the report → the extension active → the first govreport diagnostics
//     of the report (language client started, server up, report checked and published);
//     `languageServerMs` counts from the later of "report open" and "activate() done".
// The extension also activates on `onLanguage:plaintext`, so something else in the window may have
// activated it before the report is opened (`activeBeforeOpen`, and the event says which); VS Code's
// figures hold either way, `openToActiveMs` is then left out.
// The result goes into the JSON file at $GOVREPORT_E2E_RESULT_FILE (key `activation`; the harness
// prints it as the line `E2E-ACTIVATION {json}`) and a readable `E2E-LOG activation …` line; run()
// rejects when something could not be measured.
import * as fs from 'fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'govreport.govreport';
/** A sample whose name makes it a report (no content detection needed) and which has findings. */
const REPORT = 'samples/示例街道办事处2022年政府信息公开工作年度报告（含典型错误）.txt';
const TIMEOUT_MS = 60000;

interface Mark { name: string; startTime: number }
type MarksApi = { getMarks(): Mark[] };

/** Epoch milliseconds, the clock of VS Code's marks (they are rounded to whole milliseconds). */
const now = () => performance.timeOrigin + performance.now();
const round = (x: number) => Math.round(x * 10) / 10;

function vscodeMarks(): Mark[] {
  const api = (globalThis as { MonacoPerformanceMarks?: MarksApi }).MonacoPerformanceMarks;
  return api?.getMarks() ?? [];
}

function waitFor<T>(event: vscode.Event<unknown>, value: () => T | undefined, what: string, timeoutMs = TIMEOUT_MS): Promise<T> {
  const first = value();
  if (first !== undefined) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
    const sub = event(() => {
      const v = value();
      if (v === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

/** Polls (the extension API has no activation event). */
async function poll(condition: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<number> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
  return now();
}

/**
 * The row of this extension in the "Extension Activation Stats" table of Developer: Startup Performance
 * (Load Code, Call Activate, Finish Activate, Event), or undefined when the document does not show it in time.
 */
async function startupPerformanceRow(timeoutMs: number): Promise<Record<string, string> | undefined> {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'perf');
  const row = () => {
    const doc = find();
    if (!doc) return undefined;
    const lines = doc.getText().split('\n');
    const at = lines.findIndex((l) => /Extension Activation Stats/.test(l));
    if (at < 0) return undefined;
    const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
    const header = lines.slice(at).find((l) => l.startsWith('|'));
    const ours = lines.slice(at).find((l) => l.startsWith('|') && cells(l)[0] === EXTENSION_ID);
    if (!header || !ours) return undefined;
    const names = cells(header);
    return Object.fromEntries(cells(ours).map((c, i) => [names[i], c]));
  };
  // The document opens showing "Loading..." and is filled in when the workbench has its figures.
  const openedOrChanged: vscode.Event<unknown> = (listener) => vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(listener),
    vscode.workspace.onDidChangeTextDocument(listener),
  );
  try {
    await vscode.commands.executeCommand('perfview.show');
    return await waitFor(openedOrChanged, row, 'Developer: Startup Performance', timeoutMs);
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const started = now();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const activeBeforeOpen = ext.isActive;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, ...REPORT.split('/'));
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
  let firstDiagnosticsAt: number | undefined;
  let diagnostics = 0;
  const sub = vscode.languages.onDidChangeDiagnostics(() => {
    if (firstDiagnosticsAt === undefined && ours().length > 0) {
      firstDiagnosticsAt = now();
      diagnostics = ours().length;
    }
  });

  const openAt = now();
  const doc = await vscode.workspace.openTextDocument(uri);
  const openedAt = now();
  await vscode.window.showTextDocument(doc);
  const activeAt = await poll(() => ext.isActive, `${EXTENSION_ID} to activate`);
  await waitFor(vscode.languages.onDidChangeDiagnostics, () => firstDiagnosticsAt, `the first diagnostics of ${REPORT}`);
  sub.dispose();

  const marks = vscodeMarks();
  const mark = (what: string) => marks.find((m) => m.name === `code/extHost/${what}/${EXTENSION_ID}`)?.startTime;
  const willLoad = mark('willLoadExtensionCode');
  const didLoad = mark('didLoadExtensionCode');
  const willActivate = mark('willActivateExtension');
  const didActivate = mark('didActivateExtension');
  const origin = marks.find((m) => m.name === 'code/timeOrigin')?.startTime ?? performance.timeOrigin;
  const ready = marks.find((m) => m.name === 'code/extHost/ready')?.startTime;
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) {
    throw new Error(`VS Code's activation marks for ${EXTENSION_ID} are missing (marks: ${marks.map((m) => m.name).join(', ') || 'none'})`);
  }
  const stats = await startupPerformanceRow(20000);
  const num = (s: string | undefined) => (s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined);

  const loadCode = num(stats?.['Load Code']);
  const callActivate = num(stats?.['Call Activate']);
  const activation = {
    activeBeforeOpen,
    event: stats?.['Event'],
    report: REPORT,
    vscodeMarks: {
      loadCodeMs: didLoad - willLoad,
      activateMs: didActivate - willActivate,
      loadAndActivateMs: didActivate - willLoad,
    },
    startupPerformance: stats && {
      loadCodeMs: loadCode,
      callActivateMs: callActivate,
      finishActivateMs: num(stats['Finish Activate']),
      runningExtensionsMs: loadCode !== undefined && callActivate !== undefined ? loadCode + callActivate : undefined,
    },
    openToActiveMs: activeBeforeOpen ? undefined : round(activeAt - openAt),
    openToFirstDiagnosticsMs: round(firstDiagnosticsAt! - openAt),
    // The client starts the server for the first open report once it is active: from the later of the
    // two to the report's first diagnostics (server started, initialized, report checked and published).
    languageServerMs: round(firstDiagnosticsAt! - Math.max(openedAt, didActivate)),
    firstDiagnostics: diagnostics,
    extensionHost: {
      startToReadyMs: ready === undefined ? undefined : Math.round(ready - origin),
      startToTestsMs: Math.round(started - origin),
      startToActivatedMs: Math.round(didActivate - origin),
    },
  };
  const ms = (x: number | undefined) => (x === undefined ? '?' : `${x} ms`);
  console.log(`E2E-LOG activation (${activation.event ?? 'event unknown'}): ${ms(activation.startupPerformance?.runningExtensionsMs)} as Show Running Extensions counts it `
    + `(load code ${ms(loadCode)}, of which require ${ms(activation.vscodeMarks.loadCodeMs)}; activate() ${ms(activation.vscodeMarks.activateMs)}); `
    + `report opened → first diagnostics ${ms(activation.openToFirstDiagnosticsMs)}`);
  const out = process.env.GOVREPORT_E2E_RESULT_FILE;
  if (out) {
    fs.writeFileSync(out, JSON.stringify({
      passed: 1, failed: 0, pending: 0,
      tests: [{ title: 'measure activation', state: 'passed' }],
      activation,
    }, null, 2));
  }
}
