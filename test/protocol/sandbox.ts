// Preloaded into the server under test (`node --require …/sandbox.js dist/server.js --stdio`, and into its
// worker threads, which inherit the flag): records every process start, network use, file read and file
// write as a JSON line in $GOVREPORT_SANDBOX_LOG. Starting a process or opening a connection also throws.
// `import x = require()`: the module objects themselves, whose functions the server looks up at each call.
import childProcess = require('node:child_process');
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import http2 = require('node:http2');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

// The log is written through a descriptor opened before anything is wrapped (append: threads share it).
const logFile = process.env.GOVREPORT_SANDBOX_LOG;
const logFd = logFile ? fs.openSync(logFile, 'a') : -1;
const writeSync = fs.writeSync;

function record(kind: 'exec' | 'network' | 'read' | 'list' | 'write', what: string, target: unknown): void {
  if (logFd < 0) return;
  const p = typeof target === 'string' ? target : target instanceof URL ? target.pathname : Buffer.isBuffer(target) ? target.toString() : String(target);
  writeSync(logFd, `${JSON.stringify({ kind, what, path: p })}\n`);
}

type Target = Record<string, unknown>;

function wrap(obj: Target, names: string[], kind: 'exec' | 'network' | 'read' | 'list' | 'write', label: string, forbid: boolean): void {
  for (const name of names) {
    const original = obj[name];
    if (typeof original !== 'function') continue;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      // open(path, 'w') is a write, whatever the name says.
      const writes = kind === 'read' && /^open/.test(name) && (/[wa+]/.test(String(args[1] ?? 'r')) || (typeof args[1] === 'number' && (args[1] & 3) !== 0));
      record(writes ? 'write' : kind, `${label}.${name}`, args[0]);
      if (forbid) throw new Error(`sandbox: ${label}.${name} is not allowed`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    try { obj[name] = wrapped; } catch { /* read-only export */ }
  }
}

wrap(childProcess as unknown as Target, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'exec', 'child_process', true);
wrap(net as unknown as Target, ['connect', 'createConnection', 'createServer'], 'network', 'net', true);
wrap(net.Socket.prototype as unknown as Target, ['connect'], 'network', 'net.Socket', true);
for (const [label, mod] of [['http', http], ['https', https]] as const) wrap(mod as unknown as Target, ['request', 'get', 'createServer'], 'network', label, true);
wrap(http2 as unknown as Target, ['connect', 'createServer', 'createSecureServer'], 'network', 'http2', true);
wrap(tls as unknown as Target, ['connect', 'createServer'], 'network', 'tls', true);
wrap(dns as unknown as Target, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'], 'network', 'dns', true);
wrap(dgram as unknown as Target, ['createSocket'], 'network', 'dgram', true);
if (typeof globalThis.fetch === 'function') wrap(globalThis as unknown as Target, ['fetch'], 'network', 'global', true);

const READS = ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream'];
const LISTS = ['readdirSync', 'readdir', 'opendirSync', 'opendir'];
const WRITES = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'mkdirSync', 'mkdir', 'rmSync', 'rm', 'rmdirSync', 'rmdir', 'unlinkSync', 'unlink',
  'renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'createWriteStream', 'symlinkSync', 'symlink', 'truncateSync', 'truncate', 'chmodSync', 'chmod', 'utimesSync', 'utimes'];
wrap(fs as unknown as Target, READS, 'read', 'fs', false);
wrap(fs as unknown as Target, LISTS, 'list', 'fs', false);
wrap(fs as unknown as Target, WRITES, 'write', 'fs', false);
wrap(fs.promises as unknown as Target, ['readFile', 'open'], 'read', 'fs.promises', false);
wrap(fs.promises as unknown as Target, ['readdir', 'opendir'], 'list', 'fs.promises', false);
wrap(fs.promises as unknown as Target, WRITES.filter((n) => !n.endsWith('Sync') && n !== 'createWriteStream'), 'write', 'fs.promises', false);
