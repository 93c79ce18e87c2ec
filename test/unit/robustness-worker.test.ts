// The check worker and the analyses in front of it: large texts are checked off the server thread with the
// same findings as on it; a check that turns stale is stopped; one job serves everyone waiting for the same
// text; a worker that cannot start means checking on the server thread, one that dies means an error.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkText, defaultConfig } from '../../server/src/engine';
import { Analyses, type Source } from '../../server/src/lsp/analyses';
import { CheckWorkers } from '../../server/src/lsp/checkWorker';
import { CLEAN_2021, sample } from './helpers';

/** The compiled server (out/server/src/server.js) is the worker script, as dist/server.js is in the extension. */
const SCRIPT = path.resolve(__dirname, '../../server/src/server.js');
const config = defaultConfig();
const source = (uri: string, text: string, version = 1): Source => ({ uri, version, textKey: `v${version}`, getText: () => text });
const codes = (fs: { code: string; range: unknown }[]) => fs.map((f) => `${f.code}@${JSON.stringify(f.range)}`);

describe('check worker', () => {
  const workers = new CheckWorkers(SCRIPT);
  after(() => workers.dispose());

  it('a text over the threshold is checked in the worker, with the findings of a check on this thread', async () => {
    const analyses = new Analyses({ workers, threshold: 1000 });
    const text = sample('含典型错误');
    const before = workers.stats.checked;
    const a = await analyses.analyze(source('file:///w/a.govreport', text), config, 20 * 1024 * 1024, () => false);
    assert.ok(a && a.model);
    assert.equal(workers.stats.checked, before + 1, 'checked in the worker');
    assert.equal(a.model.text, text, 'the model has its text back');
    assert.deepEqual(codes(a.findings), codes(checkText(text).findings));
    assert.equal(analyses.last('file:///w/a.govreport'), a, 'the result is cached for hover and code actions');
    // Asked again: from the cache, no second job.
    assert.equal(await analyses.analyze(source('file:///w/a.govreport', text), config, 20 * 1024 * 1024, () => false), a);
    assert.equal(workers.stats.checked, before + 1);
  });

  it('everyone waiting for the same text shares one job', async () => {
    const analyses = new Analyses({ workers, threshold: 1000 });
    const text = CLEAN_2021();
    const before = workers.stats.checked;
    const [x, y] = await Promise.all([1, 2].map(() => analyses.analyze(source('file:///w/b.govreport', text), config, 20 * 1024 * 1024, () => false)));
    assert.equal(x, y);
    assert.equal(workers.stats.checked, before + 1);
  });

  it('a check that turns stale is stopped and yields nothing; the next one runs', async () => {
    const analyses = new Analyses({ workers, threshold: 1000 });
    const big = `${sample('含典型错误')}\n`.repeat(400);
    let stale = false;
    const stoppedBefore = workers.stats.stopped;
    const pending = analyses.analyze(source('file:///w/c.govreport', big), config, 100 * 1024 * 1024, () => stale);
    setTimeout(() => { stale = true; }, 30);
    const t0 = Date.now();
    assert.equal(await pending, null);
    assert.ok(Date.now() - t0 < 1500, 'stopped promptly');
    assert.equal(workers.stats.stopped, stoppedBefore + 1);
    const next = await analyses.analyze(source('file:///w/c.govreport', CLEAN_2021(), 2), config, 20 * 1024 * 1024, () => false);
    assert.ok(next && next.findings.length === 0);
  });

  it('a text over the size limit is not sent to the worker', async () => {
    const analyses = new Analyses({ workers, threshold: 10 });
    const before = workers.stats.checked;
    const a = await analyses.analyze(source('file:///w/d.govreport', CLEAN_2021()), config, 100, () => false);
    assert.ok(a?.skipped);
    assert.equal(workers.stats.checked, before);
  });
});

describe('check worker failures', () => {
  it('no worker can be started: the check runs on this thread', async () => {
    const workers = new CheckWorkers(42 as unknown as string); // new Worker(42) throws at once
    const analyses = new Analyses({ workers, threshold: 10 });
    const text = CLEAN_2021();
    const a = await analyses.analyze(source('file:///w/e.govreport', text), config, 20 * 1024 * 1024, () => false);
    assert.ok(a && a.model && a.findings.length === 0);
    workers.dispose();
  });

  it('a worker that dies ends that check with an error, and the next check gets a new worker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-worker-'));
    const script = path.join(dir, 'dies.js');
    fs.writeFileSync(script, `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`);
    const logged: string[] = [];
    const workers = new CheckWorkers(script, (m) => logged.push(m));
    try {
      await assert.rejects(workers.check('x', config, () => false), /exit code 3/);
      await assert.rejects(workers.check('y', config, () => false), /exit code 3/);
      assert.equal(logged.length, 2);
    } finally {
      workers.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
