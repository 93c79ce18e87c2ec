// The rule docs and the README table are generated from the rule modules; stale copies fail here.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { docFiles, ruleTable } from '../../scripts/rule-docs';
import { ROOT } from './helpers';

describe('generated docs', () => {
  it('docs/rules/*.md match the rule modules (run `npm run docs`)', () => {
    for (const [file, text] of Object.entries(docFiles())) {
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), text, file);
    }
  });
  it('the README rule table matches the rule modules (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`<!-- rules:start -->\n${ruleTable()}\n<!-- rules:end -->`));
  });
});
