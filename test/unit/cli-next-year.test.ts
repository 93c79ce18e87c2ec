// `govreport next-year` as a user runs it: a real file in, next year's file out in the same encoding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { parseReport } from '../../server/src/engine';
import { ROOT, SAMPLES } from './helpers';

const BIN = path.join(ROOT, 'bin/govreport.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'next-year', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sampleFile = (contains: string) => path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.includes(contains) && f.endsWith('.txt'))!);

describe('govreport next-year', () => {
  it('writes next year\'s report to stdout', () => {
    const r = run([sampleFile('示例县人民政府2020')]);
    assert.equal(r.code, 0, r.stderr);
    const m = parseReport(r.stdout);
    assert.equal(m.reportYear, 2021);
    assert.equal(m.templateYear, 2021);
  });

  it('writes -o in the encoding the report came in, and keeps an existing file without --force', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-next-'));
    try {
      const out = path.join(dir, 'next.txt');
      const r = run([sampleFile('GBK'), '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      const text = iconv.decode(fs.readFileSync(out), 'gb18030');
      assert.match(text, /^示例区市场监督管理局2022年政府信息公开工作年度报告/);
      const again = run([sampleFile('GBK'), '-o', out]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /--force/);
      assert.equal(run([sampleFile('GBK'), '-o', out, '--force']).code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with a message for a file that is not a report, 2 for usage and missing files', () => {
    const notReport = run([path.join(ROOT, 'package.json')]);
    assert.equal(notReport.code, 1);
    assert.match(notReport.stderr, /不像/);
    assert.equal(run([]).code, 2);
    assert.equal(run([path.join(ROOT, 'no-such-file.txt')]).code, 2);
    assert.equal(run(['--bogus']).code, 2);
  });
});
