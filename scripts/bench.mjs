// The speed benchmark (`npm run bench`): generates a corpus, measures the practical floor of a text
// pass, the engine, the CLI over 1,000 and 10,000 files, and the language server over stdio;
// prints one JSON object of medians. Budgets are judged by reading it, not by timed tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const engine = require(join(ROOT, 'out/server/src/engine/index.js'));
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part) => !only || only.includes(part);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- corpus: samples and shared reports with figures varied so no two files are the same
function seedTexts() {
  const dirs = [join(ROOT, 'samples'), resolve(ROOT, '../shared/reports')].filter(existsSync);
  const texts = [];
  for (const d of dirs) {
    for (const f of readdirSync(d)) {
      const bytes = readFileSync(join(d, f));
      try { texts.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '')); } catch { /* the GBK sample */ }
    }
  }
  return texts;
}
const SEEDS = seedTexts();
let rng = 12345;
const rand = () => { rng = (Math.imul(rng, 1103515245) + 12345) | 0; return ((rng >>> 8) & 0xffff) / 0x10000; };
/** A report with a few figures changed: single-digit cells get another digit. */
function variant(i) {
  const base = SEEDS[i % SEEDS.length];
  return base.replace(/(\t|\| )(\d)(\s)/g, (m, a, d, b) => (rand() < 0.1 ? `${a}${Math.floor(rand() * 10)}${b}` : m)) + `\n<!-- ${i} -->\n`;
}

function writeCorpus(n) {
  const dir = mkdtempSync(join(tmpdir(), `govreport-bench-${n}-`));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.txt`), variant(i));
  return dir;
}

// ---- floor vs engine, in process, from bytes in memory
function inProcess() {
  const buffers = Array.from({ length: quick ? 300 : 1000 }, (_, i) => Buffer.from(variant(i)));
  const mb = buffers.reduce((s, b) => s + b.length, 0) / 1048576;
  const decoder = new TextDecoder('utf-8');
  const floorRuns = [];
  const engineRuns = [];
  let sink = 0;
  for (let r = 0; r < (quick ? 3 : 7); r++) {
    let t0 = performance.now();
    for (const b of buffers) {
      const text = decoder.decode(b);
      for (const line of text.split(/\r\n|\r|\n/)) if (/\d+|[一二三四五六]、/.test(line)) sink++;
    }
    floorRuns.push(mb / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    for (const b of buffers) sink += engine.checkText(decoder.decode(b)).findings.length;
    engineRuns.push(mb / ((performance.now() - t0) / 1000));
  }
  const floorMBps = median(floorRuns);
  const engineMBps = median(engineRuns);
  return { corpusMB: round(mb), floorMBps: round(floorMBps, 1), engineMBps: round(engineMBps, 1), engineToFloor: round(engineMBps / floorMBps, 3), sink: sink > 0 };
}

// ---- the CLI from process start
function cli(n) {
  const dir = writeCorpus(n);
  const runs = [];
  for (let r = 0; r < (quick ? 1 : 3); r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [join(ROOT, 'bin/govreport.js'), '--format', 'json', dir], { maxBuffer: 1 << 30 });
    runs.push(performance.now() - t0);
    if (res.status === 2) throw new Error(res.stderr.toString());
  }
  rmSync(dir, { recursive: true, force: true });
  const wall = median(runs);
  return { files: n, wallSeconds: round(wall / 1000, 3), filesPerSecond: Math.round(n / (wall / 1000)) };
}

// ---- the language server over stdio
function lsp() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
  return async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters = new Map();
    conn.onNotification('textDocument/publishDiagnostics', (p) => { const w = waiters.get(p.uri); if (w && p.version === w.version) { waiters.delete(p.uri); w.resolve(); } });
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: 0, run: 'onType', maxFileSize: 64 * 1048576 })));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'zh-cn' });
    conn.sendNotification('initialized', {});
    const diagnosed = (uri, version) => new Promise((res) => waiters.set(uri, { version, resolve: res }));

    const sizes = { '10KB': 10 * 1024, '1MB': 1048576, '10MB': 10 * 1048576 };
    const out = {};
    let docId = 0;
    for (const [name, bytes] of Object.entries(sizes)) {
      let text = '';
      for (let i = 0; text.length * 2.2 < bytes; i++) text += variant(i);
      const uri = `file:///bench/${docId++}.govreport`;
      let version = 1;
      let p = diagnosed(uri, version);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version, text } });
      await p;
      // Edit one digit in the first table 三 cell, back and forth.
      const lines = text.split('\n');
      const line = lines.findIndex((l) => /^\t\d+$/.test(l) || /\| \d+ \|/.test(l));
      const character = lines[line].search(/\d/);
      const times = [];
      for (let k = 0; k < (quick ? 10 : (name === '10MB' ? 10 : 40)); k++) {
        version++;
        p = diagnosed(uri, version);
        const t0 = performance.now();
        conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(k % 10) }] });
        await p;
        times.push(performance.now() - t0);
      }
      const hover = [];
      const symbols = [];
      for (let k = 0; k < (quick ? 10 : 30); k++) {
        let t0 = performance.now();
        await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        hover.push(performance.now() - t0);
        t0 = performance.now();
        await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        symbols.push(performance.now() - t0);
      }
      out[name] = {
        chars: text.length,
        didChangeToDiagnosticsMs: { p50: round(pct(times, 0.5)), p95: round(pct(times, 0.95)) },
        hoverMs: { p50: round(pct(hover, 0.5)), p95: round(pct(hover, 0.95)) },
        documentSymbolMs: { p50: round(pct(symbols, 0.5)), p95: round(pct(symbols, 0.95)) },
      };
      conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    // Memory with 500 reports open.
    const opened = [];
    for (let i = 0; i < 500; i++) {
      const uri = `file:///bench/open-${i}.govreport`;
      opened.push(diagnosed(uri, 1));
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: variant(i) } });
    }
    await Promise.all(opened);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    out.rssMBWith500Open = round(rssKB / 1024, 1);
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
    child.kill();
    return out;
  };
}

function bundles() {
  const sizes = {};
  for (const f of ['dist/server.js', 'dist/client.js', 'dist/cli.js']) if (existsSync(join(ROOT, f))) sizes[f] = statSync(join(ROOT, f)).size;
  const vsix = readdirSync(ROOT).find((f) => f.endsWith('.vsix'));
  if (vsix) sizes[vsix] = statSync(join(ROOT, vsix)).size;
  return sizes;
}

const result = { node: process.version, cores: (await import('node:os')).cpus().length, quick };
if (want('engine')) Object.assign(result, inProcess());
if (want('cli')) result.cli = [cli(1000), ...(quick ? [] : [cli(10000)])];
if (want('lsp')) result.lsp = await lsp()();
result.bundleBytes = bundles();
console.log(JSON.stringify(result, null, 2));
