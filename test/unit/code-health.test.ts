// Holds the line the code-health work drew: no function in the server or the client longer than 80 lines
// (scripts/long-functions.mjs lists them; split a long one into named steps rather than raise the limit).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TEMPLATE_YEARS } from '../../server/src/engine';
import { ROOT } from './helpers';

const longFunctions = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/long-functions.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('code health', () => {
  it('no function in server/src or client/src is longer than 80 lines', () => {
    const r = longFunctions();
    assert.equal(r.stdout, '', 'functions over 80 lines (length, place, name)');
    assert.equal(r.status, 0, r.stderr);
    // The scan itself works: with a small limit it finds plenty.
    const small = longFunctions('--limit=10', 'server/src');
    assert.equal(small.status, 1);
    assert.ok(small.stdout.trim().split('\n').length > 50);
  });

  it('every template row has one object shape: the same properties in the same order (docs/performance.md)', () => {
    const rows = TEMPLATE_YEARS.flatMap((y) => [...y.tables[2], ...y.tables[3], ...y.tables[4]].flatMap((t) => t.rows));
    assert.ok(rows.length > 80);
    const shapes = new Set(rows.map((r) => Object.keys(r).join(',')));
    assert.deepEqual([...shapes], ['key,label,aliases,group,parent,columns,headers,block,article,meaning,short']);
  });
});
