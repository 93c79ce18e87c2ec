// The speed benchmark (`npm run bench`): generates a corpus, measures the practical floor of a text
// pass, the engine, the CLI over 1,000 and 10,000 files, the language server over stdio, hostile
// input and bundle sizes; prints one JSON object of medians. Budgets are judged by reading it, not by
// timed tests (issue 6).
//
//   node scripts/bench.mjs [--quick] [--only=engine,cli,desk,lsp,writing,memory,hostile,formats,activation] [--activation-runs=N]
//
// Needs the bundles and the compiled engine (npm run bench builds both first). Timings are wall-clock
// medians over repeated runs in one process; on a shared machine compare figures from the same run.
// The client's activation is measured in a real VS Code by the end-to-end harness
// (scripts/e2e/run.mjs --measure-activation, one fresh code-server, browser and window per run;
// 3 runs, 1 with --quick, ≈ 20 s each) when its tools are installed (npm run test:e2e once);
// without them the part says how to install them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportVariants, seedTexts } from './bench-corpus.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const engine = require(join(ROOT, 'out/server/src/engine/index.js'));
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part) => !only || only.includes(part);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const spread = (xs, d = 2) => ({ p50: round(pct(xs, 0.5), d), p95: round(pct(xs, 0.95), d) });

// ---- corpus: samples and shared reports with figures varied so no two files are the same (bench-corpus.mjs)
const SEEDS = seedTexts(ROOT);
const variant = reportVariants(SEEDS);

function writeCorpus(n) {
  const dir = mkdtempSync(join(tmpdir(), `govreport-bench-${n}-`));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.txt`), variant(i));
  return dir;
}

// ---- floor vs engine, in one process, over the same corpus
//
// As issue 6 defines them: the floor is a bare pass that reads each file, decodes it, splits it into lines and
// tests one regular expression a line; the engine figure is parse + every rule over the same reports. The
// engine is also given like for like, with the same reading and decoding as the floor.
const FLOOR_LINE = /\d+|[一二三四五六]、/;
function inProcess() {
  const n = quick ? 300 : 1000;
  const dir = writeCorpus(n);
  try {
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    const buffers = files.map((f) => readFileSync(f));
    const mb = buffers.reduce((s, b) => s + b.length, 0) / 1048576;
    const decoder = new TextDecoder('utf-8');
    const texts = buffers.map((b) => decoder.decode(b));
    const runs = { floor: [], engine: [], engineWithReading: [], engineWithDetail: [] };
    let sink = 0;
    let findings = 0;
    const rate = (t0) => mb / ((performance.now() - t0) / 1000);
    const scan = (text) => { for (const line of text.split(/\r\n|\r|\n/)) if (FLOOR_LINE.test(line)) sink++; };
    // Alternating runs, so that whatever else the machine is doing weighs on all alike.
    for (let r = 0; r < (quick ? 3 : 7); r++) {
      let t0 = performance.now();
      for (const f of files) scan(decoder.decode(readFileSync(f)));
      runs.floor.push(rate(t0));
      findings = 0;
      t0 = performance.now();
      for (const text of texts) findings += engine.checkText(text).findings.length;
      runs.engine.push(rate(t0));
      t0 = performance.now();
      for (const f of files) engine.checkText(decoder.decode(readFileSync(f)));
      runs.engineWithReading.push(rate(t0));
      // What the language server asks of each finding: related locations and fixes are built when first read.
      t0 = performance.now();
      for (const text of texts) for (const f of engine.checkText(text).findings) sink += f.related.length + f.fixes.length;
      runs.engineWithDetail.push(rate(t0));
    }
    const [floorMBps, engineMBps, engineWithReading, engineWithDetail] = [runs.floor, runs.engine, runs.engineWithReading, runs.engineWithDetail].map(median);
    return {
      corpus: { reports: n, MB: round(mb), findingsPerReport: round(findings / n, 1) },
      floorMethod: 'read each file, decode, split into lines, one regular-expression test per line',
      engineMethod: 'parse + every rule (checkText) over the decoded reports; findings build related locations and fixes when read (the json CLI never reads them)',
      floorMBps: round(floorMBps, 1),
      engineMBps: round(engineMBps, 1),
      engineToFloor: round(engineMBps / floorMBps, 3),
      // The ratio in each round (floor and engine timed one after the other): how far one figure can be trusted.
      engineToFloorByRound: runs.engine.map((e, r) => round(e / runs.floor[r], 3)),
      engineMsPerReport: round((mb * 1048576 / n) / (engineMBps * 1048576) * 1000, 3),
      engineWithReadingMBps: round(engineWithReading, 1),
      engineWithReadingToFloor: round(engineWithReading / floorMBps, 3),
      engineWithDetailMBps: round(engineWithDetail, 1),
      engineWithDetailToFloor: round(engineWithDetail / floorMBps, 3),
      sink: sink > 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the CLI from process start
function cli(n) {
  const dir = writeCorpus(n);
  const runs = [];
  try {
    for (let r = 0; r < (quick || n > 1000 ? 1 : 3); r++) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, [join(ROOT, 'bin/govreport.js'), '--format', 'json', dir], { maxBuffer: 1 << 30 });
      runs.push(performance.now() - t0);
      if (res.status === 2) throw new Error(res.stderr.toString());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const wall = median(runs);
  return { files: n, wallSeconds: round(wall / 1000, 3), filesPerSecond: Math.round(n / (wall / 1000)), msPerFile: round(wall / n, 3) };
}

/** The CLI's fixed cost: process start and loading the bundle (`govreport --version`). */
function cliStart() {
  const runs = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [join(ROOT, 'bin/govreport.js'), '--version']);
    runs.push(performance.now() - t0);
  }
  const node = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    node.push(performance.now() - t0);
  }
  return { versionMs: round(median(runs), 1), bareNodeMs: round(median(node), 1) };
}

// ---- writing help over stdio: completion and inlay hints on a 10 KB report, right after an edit (the answer
// waits for that version's check) and with the document unchanged (the analysis is reused)
async function writing() {
  const { conn, diagnosed, stop } = await startServer();
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 10 * 1024 * 0.95; i++) text += variant(i);
  const uri = 'file:///bench/writing.govreport';
  let version = 1;
  let p = diagnosed(uri, version);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version, text } });
  await p;
  await new Promise((res) => setTimeout(res, READING_PAUSE_MS));
  const lines = text.split('\n');
  const digit = lines.findIndex((l) => /^\t\d+$/.test(l) || /\| \d+ \|/.test(l));
  const character = lines[digit].search(/\d/);
  // Completion at the start of the line after table 三's first row: rows, headers, headings and snippets.
  const rowLine = lines.findIndex((l) => l.includes('二、上年结转'));
  const completion = { textDocument: { uri }, position: { line: rowLine, character: 0 } };
  const hints = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } };
  const timed = async (method, params) => { const t0 = performance.now(); const r = await conn.sendRequest(method, params); return [performance.now() - t0, r]; };
  const runs = { completionAfterEdit: [], inlayHintsAfterEdit: [], completion: [], inlayHints: [] };
  let items = 0;
  let hintCount = 0;
  const rounds = quick ? 10 : 100;
  for (let k = 0; k < rounds + 10; k++) {
    version++;
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: digit, character }, end: { line: digit, character: character + 1 } }, text: String(k % 10) }] });
    const [c1, list] = await timed('textDocument/completion', completion);
    const [h1] = await timed('textDocument/inlayHint', hints);
    const [c2] = await timed('textDocument/completion', completion);
    const [h2, hs] = await timed('textDocument/inlayHint', hints);
    if (k < 10) continue; // the first edits run while the JIT compiles the features
    runs.completionAfterEdit.push(c1); runs.inlayHintsAfterEdit.push(h1); runs.completion.push(c2); runs.inlayHints.push(h2);
    items = list.length; hintCount = hs.length;
  }
  await stop();
  // The features' own work on the same report's model, in this process (no transport, no check).
  const { completions } = require(join(ROOT, 'out/server/src/features/completion.js'));
  const { inlayHints } = require(join(ROOT, 'out/server/src/features/inlayHints.js'));
  const model = engine.parseReport(text);
  const relations = engine.evaluateRelations(model);
  const offset = model.lineStarts[rowLine];
  const own = { completion: [], inlayHints: [] };
  for (let k = 0; k < (quick ? 50 : 500); k++) {
    let t0 = performance.now();
    completions({ model, offset, locale: 'zh-cn' });
    own.completion.push(performance.now() - t0);
    t0 = performance.now();
    inlayHints({ model, relations, mode: 'whenDifferent', locale: 'zh-cn' });
    own.inlayHints.push(performance.now() - t0);
  }
  return {
    bytes: Buffer.byteLength(text), completionItems: items, inlayHints: hintCount,
    inProcessMs: { completion: spread(own.completion.slice(50), 3), inlayHints: spread(own.inlayHints.slice(50), 3) },
    completionAfterEditMs: spread(runs.completionAfterEdit), inlayHintsAfterEditMs: spread(runs.inlayHintsAfterEdit),
    completionMs: spread(runs.completion), inlayHintsMs: spread(runs.inlayHints),
    method: `real server over stdio, debounce 0; ${rounds} edits of one table digit, each followed by a completion and an inlay-hint request (…AfterEdit: the answer waits for the new version's check), then both again on the same version`,
  };
}

// ---- the language server over stdio
async function startServer() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const checks = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => { const w = waiters.get(p.uri); if (w && p.version === w.version) { waiters.delete(p.uri); w.resolve(); } });
  // The server's own account of each check (parse + rules), to tell the engine from the transport.
  conn.onNotification('govreport/didCheck', (p) => checks.push(p.durationMs));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: 0, run: 'onType', maxFileSize: 64 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'zh-cn' });
  conn.sendNotification('initialized', {});
  const diagnosed = (uri, version) => new Promise((res) => waiters.set(uri, { version, resolve: res }));
  const rssMB = () => round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024, 1);
  const stop = async () => {
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
    await new Promise((res) => { child.once('exit', res); setTimeout(() => { child.kill(); res(); }, 2000); });
  };
  return { conn, diagnosed, checks, rssMB, stop };
}

/** Time between opening a document and the first edit. */
const READING_PAUSE_MS = 1500;

async function lsp() {
  const { conn, diagnosed, checks, stop } = await startServer();
  const sizes = { '10KB': 10 * 1024, '1MB': 1048576, '10MB': 10 * 1048576 };
  const out = {};
  let docId = 0;
  for (const [name, bytes] of Object.entries(sizes)) {
    // UTF-8 size of the text: the reports are mostly Chinese (three bytes a character).
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < bytes * 0.95; i++) text += variant(i);
    const uri = `file:///bench/${docId++}.govreport`;
    let version = 1;
    let p = diagnosed(uri, version);
    let t0 = performance.now();
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version, text } });
    await p;
    const openMs = performance.now() - t0;
    // Someone who opens a report reads it before typing: the edits start a moment later, as they would (the
    // server warms the engine's JIT up meanwhile). The first edits are still reported apart.
    await new Promise((res) => setTimeout(res, READING_PAUSE_MS));
    // Edit one digit in the first table cell, back and forth.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^\t\d+$/.test(l) || /\| \d+ \|/.test(l));
    const character = lines[line].search(/\d/);
    // The first edits after opening run while the JIT is still compiling the engine (and, for a large
    // text, while the check worker starts): they are reported apart; the percentiles are over the edits
    // that follow, as when someone has been typing for a moment.
    const warmUp = quick ? 3 : name === '10MB' ? 3 : 10;
    // Edits of the 10 KB report take milliseconds: a hundred of them, so that its p95 is not one slow edit in 40.
    const edits = quick ? 10 : name === '10KB' ? 100 : name === '10MB' ? 10 : 40;
    const times = [];
    for (let k = 0; k < warmUp + edits; k++) {
      if (k === warmUp) checks.length = 0;
      version++;
      p = diagnosed(uri, version);
      t0 = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(k % 10) }] });
      await p;
      times.push(performance.now() - t0);
    }
    const warmUpTimes = times.splice(0, warmUp);
    const serverChecks = checks.slice(-edits);
    const hover = [];
    const symbols = [];
    for (let k = 0; k < (quick ? 10 : 30); k++) {
      t0 = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      hover.push(performance.now() - t0);
      t0 = performance.now();
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      symbols.push(performance.now() - t0);
    }
    out[name] = {
      bytes: Buffer.byteLength(text),
      chars: text.length,
      openMs: round(openMs, 1),
      firstEditsMs: warmUpTimes.map((t) => round(t, 1)),
      didChangeToDiagnosticsMs: { ...spread(times), edits: times.length },
      serverCheckMs: spread(serverChecks),
      hoverMs: spread(hover),
      documentSymbolMs: spread(symbols),
    };
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await stop();
  out.method = `real server over stdio, debounce 0; one digit of a table cell edited back and forth, from ${READING_PAUSE_MS} ms after the document was opened; percentiles after the first edits (firstEditsMs); serverCheckMs is the server's own account of each check`;
  return out;
}

/** Resident memory of a fresh server with 500 different reports open (each checked and published). */
async function openMany(text) {
  const { conn, diagnosed, rssMB, stop } = await startServer();
  const idle = rssMB();
  const opened = [];
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) {
    const uri = `file:///bench/open-${i}.govreport`;
    opened.push(diagnosed(uri, 1));
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: text(i) } });
  }
  await Promise.all(opened);
  const openAllMs = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 1000));
  const result = { rssMBIdle: idle, rssMB: rssMB(), open500Ms: Math.round(openAllMs) };
  await stop();
  return result;
}

async function memory() {
  const varied = await openMany(variant);
  // The same reports as written (a comment line keeps them apart): a handful of findings each instead of ≈ 24.
  const asWritten = await openMany((i) => `${SEEDS[i % SEEDS.length]}\n<!-- ${i} -->\n`);
  return {
    rssMBIdle: varied.rssMBIdle,
    rssMBWith500Open: varied.rssMB,
    open500Ms: varied.open500Ms,
    rssMBWith500OpenAsWritten: asWritten.rssMB,
    method: 'a fresh server for each measurement; RSS one second after the last of 500 reports was published',
  };
}

// ---- hostile input: one line that a careless pattern would take minutes over
function hostile() {
  const report = SEEDS[0];
  const insertAfter = (heading, line) => {
    const at = report.indexOf('\n', Math.max(0, report.indexOf(heading)));
    return `${report.slice(0, at + 1)}${line}\n${report.slice(at + 1)}`;
  };
  let fiveMB = '';
  const unit = '本机关共收到政府信息公开申请12件，已答复10件，行政复议0件；一是加强领导，二是完善制度。';
  while (Buffer.byteLength(fiveMB) < 5 * 1048576) fiveMB += unit.repeat(1000);
  const lines = {
    '100,000 digits': '1'.repeat(100_000),
    '100,000 full-width spaces': '\u3000'.repeat(100_000),
    '100,000 dashes then text': `${'-'.repeat(100_000)}x`,
    'spaces, text, spaces, text': `${' '.repeat(100_000)}x${' '.repeat(100_000)}y`,
    'one 5 MB line': fiveMB,
    // A flattened page's cuts: a page number, a footer and the title run together, 15,000 times (0.9 M characters).
    'page artefacts run together': '示例市民政局2021年政府信息公开工作年度报告规章 0 0 0第 1 页 共 9 页- 3 -行政规范性文件 3 1 27'.repeat(15_000),
  };
  const out = {};
  for (const [name, line] of Object.entries(lines)) {
    for (const [where, heading] of [['prose', '一、总体情况'], ['table', '三、收到和处理政府信息公开申请情况']]) {
      const text = insertAfter(heading, line);
      const t0 = performance.now();
      engine.checkText(text);
      out[`${name} (${where})`] = Math.round(performance.now() - t0);
    }
  }
  return { checkMs: out };
}

// ---- the client's activation in a real VS Code (code-server), through the end-to-end harness
function clientActivation() {
  const tools = join(ROOT, '.vscode-test');
  const needed = [join(tools, '.e2e-installed'), join(tools, 'node_modules/code-server/out/node/entry.js'), process.env.E2E_CHROMIUM || '/usr/bin/chromium'];
  if (!needed.every(existsSync)) {
    return { notMeasured: 'the end-to-end tools (code-server, Chromium) are not installed: run `npm run test:e2e` once (installs them into .vscode-test/, ≈ 3 min), then `npm run bench -- --only=activation`' };
  }
  const runsArg = process.argv.find((a) => a.startsWith('--activation-runs='));
  const n = runsArg ? Math.max(1, Number(runsArg.slice(18)) || 1) : quick ? 1 : 3;
  // The measuring entry is compiled with the end-to-end suite (npm run bench compiles only the engine).
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'test/e2e')], { encoding: 'utf8' });
  if (tsc.status !== 0) return { error: `tsc -p test/e2e failed: ${(tsc.stdout + tsc.stderr).trim().split('\n').slice(0, 5).join(' | ')}` };
  const runs = [];
  const failures = [];
  for (let r = 0; r < n; r++) {
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts/e2e/run.mjs'), '--measure-activation'], { cwd: ROOT, encoding: 'utf8', timeout: 180000, maxBuffer: 1 << 26 });
    const line = /^E2E-ACTIVATION (.*)$/m.exec(res.stdout ?? '');
    if (line && res.status === 0) runs.push(JSON.parse(line[1]));
    else failures.push(`run ${r + 1}: ${(res.error?.message ?? (res.stdout ?? '').trim().split('\n').slice(-3).join(' | ')) || `exit code ${res.status}`}`);
  }
  const med = (f) => { const xs = runs.map(f).filter((x) => typeof x === 'number'); return xs.length ? round(median(xs), 1) : null; };
  let codeServer = null;
  try { codeServer = JSON.parse(readFileSync(join(tools, 'node_modules/code-server/package.json'), 'utf8')).version; } catch { /* unknown */ }
  return {
    runs: runs.length,
    ...(failures.length ? { failures } : {}),
    // VS Code's own figures (medians over the runs)
    runningExtensionsMs: med((a) => a.startupPerformance?.runningExtensionsMs),
    loadCodeMs: med((a) => a.startupPerformance?.loadCodeMs),
    callActivateMs: med((a) => a.startupPerformance?.callActivateMs),
    requireBundleMs: med((a) => a.vscodeMarks.loadCodeMs),
    activateMs: med((a) => a.vscodeMarks.activateMs),
    // what a user waits for
    openToActiveMs: med((a) => a.openToActiveMs),
    openToFirstDiagnosticsMs: med((a) => a.openToFirstDiagnosticsMs),
    languageServerMs: med((a) => a.languageServerMs),
    events: runs.map((a) => a.event ?? '?'),
    perRun: runs.map((a) => ({
      event: a.event,
      runningExtensionsMs: a.startupPerformance?.runningExtensionsMs,
      loadCodeMs: a.startupPerformance?.loadCodeMs,
      requireBundleMs: a.vscodeMarks.loadCodeMs,
      activateMs: a.vscodeMarks.activateMs,
      openToActiveMs: a.openToActiveMs,
      openToFirstDiagnosticsMs: a.openToFirstDiagnosticsMs,
      languageServerMs: a.languageServerMs,
    })),
    method: `real VS Code: code-server ${codeServer ?? '?'} in headless Chromium, display language zh-cn, the development bundle dist/client.js; `
      + 'each run a fresh code-server, browser, window and extension host (scripts/e2e/run.mjs --measure-activation), whose test entry opens one sample report. '
      + 'runningExtensionsMs = Load Code + Call Activate from Developer: Startup Performance, the figure Developer: Show Running Extensions shows; '
      + 'VS Code\'s Load Code includes fetching the extension\'s l10n bundle through the workbench, requireBundleMs is only the require of dist/client.js '
      + 'and activateMs the activate() call until its result resolves (both from the performance marks of VS Code\'s extension host); '
      + 'open… figures are from openTextDocument; openToActiveMs only where the extension was not already active (it also activates on onLanguage:plaintext, see events); '
      + 'languageServerMs from the later of "report open" and "activate() done" to the report\'s first diagnostics (server started, initialized, report checked and published)',
  };
}

// ---- published formats: a government page and a Word report, read and checked; the CLI over 1,000 of each
//
// The page is the real 2021 Pingtan page (≈ 360 KB: site header, menus, scripts, Word-exported tables) when
// ../shared/real is there, else a generated page padded to 300 KB with site menus; the Word report is a shared
// report (≈ 9 KB of text, five A4 pages) rebuilt as .docx with the official tables, and the blank 2021 template
// as Word itself writes it (≈ 250 KB of XML). Warm: the median of 30 runs after 30 to warm up; cold: the first
// read and check in a fresh process, the readers' libraries loaded on the way.
function formats() {
  const fixtures = require(join(ROOT, 'out/test/unit/formatFixtures.js'));
  const real = resolve(ROOT, '../shared/real');
  const seed = SEEDS.reduce((a, b) => (b.length > a.length ? b : a)); // a shared report: ≈ 4,000 characters, five A4 pages
  const blocks = fixtures.documentOf(seed);
  const generatedPage = () => {
    const page = fixtures.toHtml(blocks, '政府信息公开工作年度报告');
    const menu = '<li><a href="/zwgk/xxgk/index.html" title="政务公开">政务公开</a></li>\n';
    return Buffer.from(page.replace('<ul class="nav">', `<ul class="nav">${menu.repeat(Math.ceil((300 * 1024 - Buffer.byteLength(page)) / Buffer.byteLength(menu)))}`));
  };
  const inputs = [
    existsSync(join(real, 'pingtan-2021.html'))
      ? { name: 'page (pingtan-2021.html)', ext: '.html', bytes: readFileSync(join(real, 'pingtan-2021.html')) }
      : { name: 'page (generated, 300 KB)', ext: '.html', bytes: generatedPage() },
    { name: 'page (generated, 300 KB)', ext: '.html', bytes: generatedPage() },
    { name: 'Word report (5 pages, rebuilt)', ext: '.docx', bytes: Buffer.from(fixtures.toDocx(blocks)) },
    ...(existsSync(join(real, 'template-2021-blank.docx')) ? [{ name: 'Word template as written by Word', ext: '.docx', bytes: readFileSync(join(real, 'template-2021-blank.docx')) }] : []),
  ];
  const measured = inputs.map((input) => {
    const cold = spawnSync(process.execPath, ['-e', `
      const f = require(${JSON.stringify(join(ROOT, 'out/server/src/formats/index.js'))});
      const e = require(${JSON.stringify(join(ROOT, 'out/server/src/engine/index.js'))});
      const bytes = require('node:fs').readFileSync(0);
      const t0 = performance.now();
      f.extractReport(bytes, ${JSON.stringify(input.ext)}, f.DEFAULT_LIMITS).then((r) => { e.checkText(r.text); console.log(performance.now() - t0); });`], { input: input.bytes });
    return { ...measureWarm(input), coldMs: round(Number(cold.stdout.toString()), 1) };
  });
  const cliRuns = [['.html', (i) => fixtures.toHtml(fixtures.documentOf(variant(i)), '年度报告')], ['.docx', (i) => fixtures.toDocx(fixtures.documentOf(variant(i)))]]
    .map(([ext, make]) => cliOver(quick ? 200 : 1000, ext, make));
  return { files: measured, cli: cliRuns };
}

function measureWarm(input) {
  const { readHtml } = require(join(ROOT, 'out/server/src/formats/html.js'));
  const { readDocx } = require(join(ROOT, 'out/server/src/formats/docx.js'));
  const read = input.ext === '.html' ? readHtml : readDocx;
  const limits = { maxBytes: 1 << 30, maxMillis: 20000 };
  const extract = [];
  const total = [];
  let findings = 0;
  for (let r = 0; r < 60; r++) {
    const t0 = performance.now();
    const extracted = read(input.bytes, limits);
    const t1 = performance.now();
    findings = engine.checkText(extracted.text).findings.length;
    if (r >= 30) { extract.push(t1 - t0); total.push(performance.now() - t0); }
  }
  return { name: input.name, KB: round(input.bytes.length / 1024, 0), findings, warmExtractMs: round(median(extract), 2), warmCheckedMs: round(median(total), 2), warmCheckedP95Ms: round(pct(total, 0.95), 2) };
}

function cliOver(n, ext, make) {
  const dir = mkdtempSync(join(tmpdir(), `govreport-bench-formats-`));
  try {
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const data = make(i);
      bytes += data.length;
      writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}${ext}`), data);
    }
    const runs = [];
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, [join(ROOT, 'bin/govreport.js'), '--format', 'json', dir], { maxBuffer: 1 << 30 });
      runs.push(performance.now() - t0);
      if (res.status === 2) throw new Error(res.stderr.toString());
    }
    const wall = median(runs);
    return { files: n, ext, MB: round(bytes / 1048576, 1), wallSeconds: round(wall / 1000, 3), msPerFile: round(wall / n, 3) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bundles() {
  const sizes = {};
  for (const f of ['dist/server.js', 'dist/client.js', 'dist/cli.js', 'dist/desk.js', 'dist/summary-page.js']) if (existsSync(join(ROOT, f))) sizes[f] = statSync(join(ROOT, f)).size;
  const vsix = readdirSync(ROOT).find((f) => f.endsWith('.vsix'));
  if (vsix) sizes[vsix] = statSync(join(ROOT, vsix)).size;
  return sizes;
}

const result = { node: process.version, cores: cpus().length, loadAverage: loadavg().map((x) => round(x, 1)), quick };
if (want('engine')) result.engine = inProcess();
if (want('cli')) {
  result.cli = { start: cliStart(), runs: [cli(1000), ...(quick ? [] : [cli(10000)])] };
  const [k1, k10] = result.cli.runs;
  if (k10) result.cli.msPerFile10kOver1k = round(k10.msPerFile / k1.msPerFile, 2);
}
if (want('desk')) result.desk = await (await import('./bench-desk.mjs')).deskBench(ROOT, writeCorpus, quick);
if (want('lsp')) result.lsp = await lsp();
if (want('writing')) result.writing = await writing();
if (want('memory')) result.memory = await memory();
if (want('hostile')) result.hostile = hostile();
if (want('formats')) result.formats = formats();
result.bundleBytes = bundles();
if (want('activation')) result.clientActivation = clientActivation();
console.log(JSON.stringify(result, null, 2));
