// Workspace mode over stdio: report files in the folder get diagnostics without being opened.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import * as iconv from 'iconv-lite';
import { HAVE_SERVER, report, SKIP_REPORTS } from './helpers';
import { LspClient, uriOf } from './lsp';

describe('workspace mode', { skip: SKIP_REPORTS || (!HAVE_SERVER && 'dist/server.js not built') }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-ws-'));
  const client = new LspClient({ workspace: { enable: true } });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every report in the folder is checked; other text files are not', async () => {
    mkdirSync(path.join(dir, 'sub'));
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'sub', '2020年度报告.md');
    const other = path.join(dir, 'notes.txt');
    copyFileSync(report('001').file, a);
    copyFileSync(report('004').file, b);
    writeFileSync(other, '会议纪要\n一、总体情况\n今天开会。\n');
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(report('002').text, 'gb18030'));
    const pa = client.diagnostics(uriOf(a));
    const pb = client.diagnostics(uriOf(b));
    const pg = client.diagnostics(uriOf(gbk));
    await client.initialize({ locale: 'zh-cn', workspaceFolders: [dir] });
    const [da, db, dg] = await Promise.all([pa, pb, pg]);
    assert.ok(dg.diagnostics.some((d) => d.code === 'section-heading'), 'a GB18030 file is read too');
    assert.equal(da.version, undefined);
    assert.ok(da.diagnostics.some((d) => d.code === 'row-label'));
    assert.ok(db.diagnostics.some((d) => d.code === 'amount-format'));
    assert.equal(client.latest.has(uriOf(other)), false);
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
    assert.deepEqual(list.map((x) => x.uri).sort(), [uriOf(a), uriOf(b), uriOf(gbk)].sort());
  });

  test('a file changed on disk is checked again; a deleted one is cleared', async () => {
    const a = path.join(dir, 'a.txt');
    const text = report('003').text;
    writeFileSync(a, text);
    const cleared = client.diagnostics(uriOf(a), (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(a), type: FileChangeType.Changed }] });
    await cleared;
    rmSync(a);
    const gone = client.diagnostics(uriOf(a), (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(a), type: FileChangeType.Deleted }] });
    await gone;
    const list = (await client.connection.sendRequest('govreport/reports', {})) as { uri: string }[];
    assert.equal(list.length, 2);
  });

  test('turning workspace mode off clears the files that are not open', async () => {
    const b = uriOf(path.join(dir, 'sub', '2020年度报告.md'));
    const cleared = client.diagnostics(b, (p) => p.diagnostics.length === 0);
    await client.changeSettings({ workspace: { enable: false } });
    await cleared;
  });
});
