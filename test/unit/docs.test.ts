// The rule docs and the README table are generated from the rule modules; stale copies fail here.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { docFiles, ruleTable } from '../../scripts/rule-docs';
import { ROOT } from './helpers';

describe('generated docs', () => {
  it('docs/rules/*.md match the rule modules (run `npm run docs`)', () => {
    for (const [file, text] of Object.entries(docFiles())) {
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), text, file);
    }
  });
  it('each rule page shows the rule’s rationale and its examples (snippet, marked and fixed text)', () => {
    const pages = docFiles();
    // A control character is shown as its symbol (␀): such an example is checked by the page comparison above.
    const plain = (t: string) => !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(t);
    for (const rule of RULES) {
      const page = pages[`docs/rules/${rule.code}.md`];
      assert.ok(page.includes(rule.rationale.zh) && page.includes(rule.rationale.en), rule.code);
      const texts = [
        ...rule.examples.valid.map((e) => e.snippet),
        ...rule.examples.invalid.flatMap((e) => [e.snippet, e.marked, e.fixed ?? '']),
      ];
      for (const t of texts.filter(plain)) assert.ok(page.includes(t), `${rule.code}: ${t}`);
    }
  });
  it('the README rule table matches the rule modules (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`<!-- rules:start -->\n${ruleTable()}\n<!-- rules:end -->`));
  });
});
