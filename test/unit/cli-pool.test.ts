// The CLI checking files on several threads gives what it gives on one: same output, same exit code, same
// bytes written by --fix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as iconv from 'iconv-lite';
import { hasSharedReports, ROOT, sample, SAMPLES, SHARED_REPORTS } from './helpers';

const BIN = path.join(ROOT, 'bin/govreport.js');

/** Runs the CLI in `cwd` on '.', so that outputs from two copies of a folder can be compared as they are. */
function run(args: string[], cwd: string, jobs?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GOVREPORT_JOBS;
  if (jobs !== undefined) env.GOVREPORT_JOBS = jobs;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let seed = 7;
const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) | 0; return ((seed >>> 8) & 0xffff) / 0x10000; };
/** The report with some single-digit cells changed, so that sums break in different places. */
const vary = (text: string) => text.replace(/(\t|\| )(\d)(\s)/g, (m, a, _d, b) => (rand() < 0.15 ? `${a}${Math.floor(rand() * 10)}${b}` : m));

/**
 * A folder of 60-odd varied files: the samples and the shared reports, varied copies of them (some GB18030,
 * UTF-16 or CRLF), two consecutive years of one body (R5 across files that different threads check), a
 * sub-folder with its own .govreportrc.json, a text that is not a report, an undecodable file.
 */
function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pool-'));
  const texts: string[] = [];
  for (const f of fs.readdirSync(SAMPLES).sort()) {
    const bytes = fs.readFileSync(path.join(SAMPLES, f));
    fs.writeFileSync(path.join(dir, `sample-${f}`), bytes);
    if (!f.endsWith('.txt')) continue; // the page and Word samples are checked as they are, not varied
    texts.push(f.includes('GBK') ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8'));
  }
  if (hasSharedReports) {
    for (const f of fs.readdirSync(SHARED_REPORTS).sort()) {
      fs.copyFileSync(path.join(SHARED_REPORTS, f), path.join(dir, `shared-${f}`));
      texts.push(fs.readFileSync(path.join(SHARED_REPORTS, f), 'utf8'));
    }
  }
  fs.mkdirSync(path.join(dir, 'quiet'));
  fs.writeFileSync(path.join(dir, 'quiet', '.govreportrc.json'), JSON.stringify({ rules: { 'row-total': 'off', 'balance': 'info' } }));
  for (let i = 0; i < 48; i++) {
    const text = vary(texts[i % texts.length]);
    const name = `v${String(i).padStart(2, '0')}.txt`;
    const into = i % 7 === 3 ? path.join(dir, 'quiet', name) : path.join(dir, name);
    if (i % 5 === 1) fs.writeFileSync(into, iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'gb18030'));
    else if (i % 11 === 2) fs.writeFileSync(into, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    else fs.writeFileSync(into, text);
  }
  const thisYear = sample('示例市民政局2021');
  fs.writeFileSync(path.join(dir, 'a-2020.txt'), thisYear.replace(/2021年/g, '2020年').replace('四、结转下年度继续办理\n\t1\n', '四、结转下年度继续办理\n\t3\n'));
  fs.writeFileSync(path.join(dir, 'z-2021.txt'), thisYear);
  fs.writeFileSync(path.join(dir, 'notes.md'), '# 会议纪要\n\n一、议题\n二、结论\n');
  fs.writeFileSync(path.join(dir, 'm-binary.txt'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x81, 0x30]));
  return dir;
}

const copyDir = (from: string): string => {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pool-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
};

/** Every file under `dir` by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('govreport CLI on several threads', () => {
  const dir = corpus();
  const files = [...snapshot(dir).keys()].filter((f) => !f.endsWith('.json')).length;

  it('is given a folder big enough for the pool', () => {
    assert.ok(files >= 40, `${files} files`);
  });

  for (const format of ['json', 'stylish', 'sarif']) {
    const counts = format === 'json' ? ['2', '3'] : ['3'];
    it(`writes the same ${format} output, stderr and exit code on one and ${counts.join(' and ')} threads`, () => {
      const one = run(['--format', format, '.'], dir, '1');
      assert.equal(one.code, 2, 'the undecodable file is an I/O failure');
      for (const jobs of counts) {
        const many = run(['--format', format, '.'], dir, jobs);
        assert.equal(many.code, one.code, `exit code with ${jobs} threads`);
        assert.equal(many.stderr, one.stderr, `stderr with ${jobs} threads`);
        assert.equal(many.stdout, one.stdout, `${format} output with ${jobs} threads`);
      }
      if (format === 'json') {
        // The default (no GOVREPORT_JOBS): one thread for this many files.
        assert.equal(run(['--format', format, '.'], dir).stdout, one.stdout);
        const out = JSON.parse(one.stdout) as { file: string; diagnostics: { code: string; severity: string }[] }[];
        assert.equal(out.length, files);
        const codes = (f: string) => out.find((x) => x.file === f)!.diagnostics.map((d) => d.code);
        assert.deepEqual(codes('m-binary.txt'), ['file-unreadable']);
        assert.deepEqual(codes('notes.md'), ['not-a-report']);
        assert.ok(codes('z-2021.txt').includes('carry-over-mismatch'), 'R5 across threads');
        const quiet = out.filter((x) => x.file.startsWith(`quiet${path.sep}`));
        assert.ok(quiet.length >= 5);
        for (const q of quiet) assert.ok(!q.diagnostics.some((d) => d.code === 'row-total' || (d.code === 'balance' && d.severity !== 'information')), q.file);
        assert.ok(out.some((x) => x.diagnostics.some((d) => d.code === 'row-total')));
      }
    });
  }

  it('runs as a worker thread from the bundle, checking the files it is sent', async () => {
    const settings = { format: 'json', needs: { related: false, fixes: 'none' }, locale: 'zh-cn', maxFileSize: 1 << 24, fix: false };
    const worker = new Worker(path.join(ROOT, 'dist/cli.js'), { workerData: { govreportCliWorker: settings } });
    try {
      const done = new Promise<{ from: number; reports: { entry: Uint8Array; cross: unknown; error: boolean }[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const config = { rules: {}, templateYear: 'auto' };
      worker.postMessage({ from: 7, files: [path.join(dir, 'z-2021.txt'), path.join(dir, 'm-binary.txt')], configIds: [0, 0], configs: [[0, config]] });
      const m = await done;
      assert.equal(m.from, 7);
      assert.equal(m.reports.length, 2);
      const entry = JSON.parse(new TextDecoder().decode(m.reports[0].entry));
      assert.equal(entry.reportYear, 2021);
      assert.ok(m.reports[0].cross, 'the R5 summary');
      assert.equal(JSON.parse(new TextDecoder().decode(m.reports[1].entry)).diagnostics[0].code, 'file-unreadable');
    } finally {
      await worker.terminate();
    }
  });

  it('a bad --jobs or GOVREPORT_JOBS is a usage error', () => {
    for (const bad of ['0', '-1', 'two']) assert.equal(run(['--jobs', bad, '.'], dir).code, 2, `--jobs ${bad}`);
    const r = run(['.'], dir, 'x');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GOVREPORT_JOBS/);
  });

  it('--fix writes the same bytes on three threads as on one, in each file\'s encoding and line ends', () => {
    const a = copyDir(dir);
    const b = copyDir(dir);
    const before = snapshot(a);
    const one = run(['--fix', '--format', 'json', '.'], a, '1');
    const many = run(['--fix', '--format', 'json', '.'], b, '3');
    assert.equal(many.code, one.code);
    assert.equal(many.stdout, one.stdout);
    assert.equal(many.stderr, one.stderr);
    const fixedOne = snapshot(a);
    const fixedMany = snapshot(b);
    assert.deepEqual([...fixedMany.keys()].sort(), [...fixedOne.keys()].sort());
    let changed = 0;
    for (const [file, bytes] of fixedOne) {
      assert.ok(fixedMany.get(file)!.equals(bytes), file);
      if (!before.get(file)!.equals(bytes)) changed++;
    }
    assert.ok(changed >= 20, `${changed} files fixed`);
    // GB18030 files stay GB18030 with CRLF.
    for (const [file, bytes] of fixedOne) {
      if (!/^(quiet\/)?v\d\d\.txt$/.test(file.split(path.sep).join('/'))) continue;
      const i = Number(/v(\d\d)/.exec(file)![1]);
      if (i % 5 !== 1) continue;
      const text = iconv.decode(bytes, 'gb18030');
      assert.ok(!text.includes('\ufffd') && !/[^\r]\n/.test(text), file);
    }
  });
});
