// Measures the time from a keystroke (didChange) to the publishDiagnostics for that version, with the
// debounce set to 0, on a ~10 KB report and a ≥ 1 MB file (≥ 100 reports concatenated), over stdio.
// Usage: node scripts/measure-latency.mjs [runs]   (needs dist/server.js: node scripts/build.mjs)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const runs = Number(process.argv[2] ?? 20);
const reportsDir = resolve('..', 'shared', 'reports');
const samplesDir = resolve('samples');
const dir = existsSync(reportsDir) ? reportsDir : samplesDir;
const texts = readdirSync(dir).filter((f) => /\.(txt|md|govreport)$/.test(f)).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
if (!texts.length) { console.error(`no reports in ${dir}`); process.exit(2); }

const small = texts.reduce((best, t) => (Math.abs(Buffer.byteLength(t) - 10240) < Math.abs(Buffer.byteLength(best) - 10240) ? t : best));
// At least 100 reports, and at least 1 MiB.
const parts = [];
for (let i = 0; parts.length < 100 || Buffer.byteLength(parts.join('\n\n')) < 1024 * 1024; i++) parts.push(texts[i % texts.length]);
const large = parts.join('\n\n');

const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const key = `${p.uri}#${p.version}`;
  const w = waiting.get(key);
  if (w) { waiting.delete(key); w(p); }
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: 0, maxFileSize: 50 })));
conn.onRequest('client/registerCapability', () => null);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { locale: 'zh-cn' } });
await conn.sendNotification('initialized', {});

const published = (uri, version) => new Promise((res) => waiting.set(`${uri}#${version}`, res));

async function measure(name, text) {
  const uri = pathToFileURL(resolve(`latency-${name}.govreport`)).href;
  let p = published(uri, 1);
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
  const first = await p;
  const openMs = performance.now() - t0;
  // Type a character at the end of the first line, then delete it: each keystroke is one version.
  const line0 = text.split(/\r\n|\r|\n/)[0].length;
  const times = [];
  for (let v = 2; v < 2 + runs; v++) {
    const insert = v % 2 === 0;
    const range = insert
      ? { start: { line: 0, character: line0 }, end: { line: 0, character: line0 } }
      : { start: { line: 0, character: line0 }, end: { line: 0, character: line0 + 1 } };
    p = published(uri, v);
    const t = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? '年' : '' }] });
    await p;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(1);
  console.log(`${name}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB (${text.split(/\r\n|\r|\n/).length} lines), ${first.diagnostics.length} diagnostics; open ${openMs.toFixed(1)} ms; keystroke → diagnostics over ${runs} edits: median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

console.log(`node ${process.version}, debounce 0 (the configured debounce, default 300 ms, comes on top)`);
await measure('10KB', small);
await measure('1MB', large);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
