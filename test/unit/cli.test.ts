// The govreport command as a user runs it: real files, real encodings, real exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { ROOT, sample } from './helpers';

const BIN = path.join(ROOT, 'bin/govreport.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-'));
}

interface JsonFile { file: string; templateYear: number | null; reportYear: number | null; diagnostics: { code: string; severity: string; message: string; range: unknown }[] }
const json = (args: string[], cwd?: string) => {
  const r = run(['--format', 'json', ...args], cwd);
  return { ...r, files: JSON.parse(r.stdout) as JsonFile[] };
};

describe('govreport CLI', () => {
  it('checks the samples folder: stylish output, exit 1 for error findings', () => {
    const r = run(['samples/']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /row-total/);
    assert.match(r.stdout, /✖ 检查了 8 个文件，发现 \d+ 个问题/);
  });

  it('exits 0 on a clean report and 2 on usage errors', () => {
    const clean = fs.readdirSync(path.join(ROOT, 'samples')).find((f) => f.includes('示例市民政局'))!;
    assert.equal(run([path.join('samples', clean)]).code, 0);
    assert.equal(run([]).code, 2);
    assert.equal(run(['--format', 'xml', 'samples']).code, 2);
    assert.equal(run(['--rule', 'no-such-rule=off', 'samples']).code, 2);
    assert.equal(run(['--rule', 'row-total=loud', 'samples']).code, 2);
    const missing = run(['no/such/file.txt']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/file\.txt/);
  });

  it('keeps the JSON contract', () => {
    const { files } = json(['samples']);
    assert.equal(files.length, 8, 'five text samples, a web page, a Word document and a PDF');
    for (const f of files) {
      assert.deepEqual(Object.keys(f), ['file', 'templateYear', 'reportYear', 'diagnostics']);
      assert.ok(f.file.startsWith('samples'));
      for (const d of f.diagnostics) {
        // A Word document's and a PDF's findings add where they are in it (see cli-formats.test.ts).
        assert.deepEqual(Object.keys(d), /\.(docx|pdf)$/.test(f.file) ? ['code', 'severity', 'message', 'range', 'location'] : ['code', 'severity', 'message', 'range']);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
        assert.match(JSON.stringify(d.range), /^\{"start":\{"line":\d+,"character":\d+\},"end":\{"line":\d+,"character":\d+\}\}$/);
      }
    }
    const faulty = files.find((f) => f.file.includes('含典型错误'))!;
    assert.equal(faulty.templateYear, 2021);
    assert.equal(faulty.reportYear, 2022);
    assert.ok(faulty.diagnostics.some((d) => d.code === 'row-total' && d.message.includes('≠')));
  });

  it('writes SARIF 2.1.0 with one result per finding', () => {
    const r = run(['--format', 'sarif', 'samples']);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    const total = json(['samples']).files.reduce((n, f) => n + f.diagnostics.length, 0);
    assert.equal(results.length, total);
    // A text file's finding has a region; a PDF's names its page instead (see cli-formats.test.ts).
    const rt = results.find((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.ruleId === 'row-total' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.txt'));
    assert.equal(rt.level, 'error');
    assert.ok(rt.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(log.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'balance'));
  });

  it('gives the same findings for the same report in UTF-8, UTF-8 BOM, UTF-16 LE/BE and GB18030, CRLF or LF', () => {
    const dir = tmpdir();
    const text = sample('含典型错误');
    const crlf = text.replace(/\n/g, '\r\n');
    const le = Buffer.from(crlf, 'utf16le');
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const variants: Record<string, Buffer> = {
      'utf8.txt': Buffer.from(text),
      'utf8bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]),
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      'gb18030.txt': iconv.encode(crlf, 'gb18030'),
    };
    for (const [name, bytes] of Object.entries(variants)) fs.writeFileSync(path.join(dir, name), bytes);
    const { files } = json([dir]);
    assert.equal(files.length, 5);
    const strip = (f: JsonFile) => JSON.stringify(f.diagnostics);
    for (const f of files) assert.equal(strip(f), strip(files[0]), f.file);
    assert.ok(files[0].diagnostics.length > 5);
  });

  it('--fix writes back in the file\'s own encoding and line endings, changing only the fixed cells', () => {
    const dir = tmpdir();
    const text = sample('含典型错误').replace(/\n/g, '\r\n');
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
    const r = run(['--fix', file]);
    assert.equal(r.code, 1, 'the R1 fault is left for a person');
    const after = iconv.decode(fs.readFileSync(file), 'gb18030');
    assert.ok(!after.includes('\ufffd'));
    const a = text.split('\r\n');
    const b = after.split('\r\n');
    assert.equal(b.length, a.length, 'line count and CRLF kept');
    assert.ok(!after.replace(/\r\n/g, '').includes('\n'), 'no bare LF introduced');
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [[l, b[i]]]));
    assert.ok(changed.length >= 5 && changed.length <= 12, JSON.stringify(changed));
    for (const [before, now] of changed) assert.ok(before.trim() !== now.trim());
    const again = json([file]).files[0];
    // The prose says 新收…35件; after the row-total fix the table says 34, so text-table-mismatch stays too.
    assert.deepEqual([...new Set(again.diagnostics.map((d) => d.code))], ['text-table-mismatch', 'balance']);
  });

  it('reports an undecodable file once, by name, and goes on with the others', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'a-binary.txt'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x81, 0x30]));
    fs.writeFileSync(path.join(dir, 'b-report.txt'), sample('示例市民政局'));
    const r = json([dir]);
    assert.equal(r.code, 2);
    assert.equal(r.files.length, 2);
    assert.deepEqual(r.files[0].diagnostics.map((d) => d.code), ['file-unreadable']);
    assert.deepEqual(r.files[1].diagnostics, []);
  });

  it('reports a text that is not a report once, not with a flood of findings', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'notes.md'), '# 会议纪要\n\n一、议题\n二、结论\n');
    const r = json([dir]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.files[0].diagnostics.map((d) => d.code), ['not-a-report']);
  });

  it('reads .govreportrc.json upward from each file; --rule wins over it', () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'row-total': 'off', 'balance': 'info' } }));
    fs.writeFileSync(path.join(dir, 'sub', 'r.txt'), sample('含典型错误'));
    const codes = (args: string[]) => json([...args, dir]).files[0].diagnostics.map((d) => `${d.code}:${d.severity}`);
    const withRc = codes([]);
    assert.ok(!withRc.some((c) => c.startsWith('row-total')));
    assert.ok(withRc.includes('balance:information'));
    assert.ok(codes(['--rule', 'row-total=warning']).includes('row-total:warning'));
  });

  it('names a malformed .govreportrc.json and goes on with the defaults', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{"rules": {"row-total": 5, "nope": "off"}');
    fs.writeFileSync(path.join(dir, 'r.txt'), sample('含典型错误'));
    const r = json([dir]);
    assert.match(r.stderr, /\.govreportrc\.json/);
    assert.ok(r.files[0].diagnostics.some((d) => d.code === 'row-total'));
  });

  it('skips a file over --max-file-size with one message', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'big.txt'), sample('示例市民政局').repeat(10));
    const r = json(['--max-file-size', '10kb', dir]);
    assert.deepEqual(r.files[0].diagnostics.map((d) => d.code), ['file-too-large']);
  });

  it('compares two consecutive years of one body given in the same run (R5)', () => {
    const dir = tmpdir();
    const thisYear = sample('示例市民政局2021');
    // Last year's report of the same body carried 3 applications over, this year's table says 2.
    const lastYear = thisYear.replace(/2021年/g, '2020年').replace('四、结转下年度继续办理\n\t1\n', '四、结转下年度继续办理\n\t3\n');
    fs.writeFileSync(path.join(dir, '2020.txt'), lastYear);
    fs.writeFileSync(path.join(dir, '2021.txt'), thisYear);
    const { files } = json([dir]);
    const r21 = files.find((f) => f.file.endsWith('2021.txt'))!;
    const carry = r21.diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.ok(carry.length >= 1, JSON.stringify(r21.diagnostics));
    for (const c of carry) assert.match(c.message, /2/);
    assert.ok(carry.some((c) => /自然人/.test(c.message) && /3/.test(c.message)), JSON.stringify(carry));
    const sarif = JSON.parse(run(['--format', 'sarif', dir]).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'carry-over-mismatch');
    assert.ok(result.relatedLocations.some((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri.endsWith('2020.txt')));
    assert.equal(json(['--rule', 'carry-over-mismatch=off', dir]).files.flatMap((f) => f.diagnostics).filter((d) => d.code === 'carry-over-mismatch').length, 0);
  });

  it('prints English messages with --lang en', () => {
    const r = run(['--lang', 'en', 'samples']);
    assert.match(r.stdout, /problem\(s\) in 8 file\(s\)/);
    assert.match(r.stdout, /Section 5 .* is missing/);
  });
});
