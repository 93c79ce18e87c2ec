// Reading Word files for report views in the check worker: the text read, a damaged file's one problem, and a
// read stopped at its time limit with one problem saying so (the worker is ended, the server goes on).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CheckWorkers } from '../../server/src/lsp/checkWorker';
import { PublishedFiles } from '../../server/src/lsp/publishedFiles';
import { DEFAULT_LIMITS } from '../../server/src/formats';
import { defaultConfig } from '../../server/src/engine';
import { ROOT, sample } from './helpers';

/** The compiled server (out/server/src/server.js) is the worker script, as dist/server.js is in the extension. */
const SCRIPT = path.join(ROOT, 'out', 'server', 'src', 'server.js');
const WORD = path.join(ROOT, 'samples', '示例县人民政府2020年政府信息公开工作年度报告（Word）.docx');

describe('published files read in the check worker', () => {
  const workers = new CheckWorkers(SCRIPT);
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-published-files-'));
  after(() => { workers.dispose(); rmSync(dir, { recursive: true, force: true }); });

  it('reads a Word file, and keeps the read for the same state of the file', async () => {
    const files = new PublishedFiles(workers);
    const read = await files.read(WORD);
    assert.equal(read.extracted.format, 'docx');
    assert.match(read.extracted.text, /政府信息公开工作年度报告/);
    assert.ok(read.extracted.segments.some((s) => s.source.kind === 'docx' && s.source.table !== undefined));
    assert.equal(await files.read(WORD), read);
  });

  it('a damaged Word file gives a problem, not an exception', async () => {
    const broken = path.join(dir, 'broken.docx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 not a zip at all'));
    const read = await new PublishedFiles(workers).read(broken);
    assert.equal(read.extracted.text, '');
    assert.equal(read.extracted.problems.length, 1);
  });

  it('a read past its time limit is stopped with one problem saying so', async () => {
    // The worker is kept busy by a large check: the read's time runs out while it waits for its turn.
    const busy = workers.check(`${sample('示例市民政局2021')}\n`.repeat(400), defaultConfig(), () => false);
    const files = new PublishedFiles(workers, async () => ({ ...DEFAULT_LIMITS, maxMillis: 1 }));
    const read = await files.read(WORD);
    await busy;
    assert.equal(read.extracted.text, '');
    assert.match(read.extracted.problems[0].en, /took over 0 s and was stopped/);
    // The next read starts a new worker.
    assert.match((await new PublishedFiles(workers).read(WORD)).extracted.text, /年度报告/);
  });
});
