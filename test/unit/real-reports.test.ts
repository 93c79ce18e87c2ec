// Reports as other agencies published them (../shared/real): each .txt file checked against what a reviewer
// established by hand in manifest.json — years recognised, no false error, every coded fault found, and a copy
// cut short said once per cut table.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, evaluateRelations, offsetAt, type Finding, type TableModel } from '../../server/src/engine';
import { ROOT } from './helpers';

const REAL = path.resolve(ROOT, '../shared/real');
const MANIFEST = path.join(REAL, 'manifest.json');
const SKIP_REAL = fs.existsSync(MANIFEST) ? false : `real reports not found at ${REAL}`;

interface Entry {
  file: string;
  reportYear: number | null;
  templateYear: number | null;
  complete: boolean;
  relations: Record<'R1' | 'R2' | 'R3' | 'R4', boolean | null>;
  faults: { code: string | null; text: string }[];
}

/** File and aspect whose reading does not yet hold what the manifest says; each reason names what is read and what should be. */
const TODO: Record<string, string> = {};

const TABLE_CODES = ['table-shape', 'row-label', 'row-missing', 'cell-value', 'row-total', 'column-total', 'balance', 'review-total', 'amount-format'];

const entries = (): Entry[] =>
  SKIP_REAL ? [] : (JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Entry[]).filter((e) => e.file.endsWith('.txt'));

const codesOf = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code}: ${f.message.zh}`);

/** Table findings that start inside a table's text. */
function findingsIn(table: TableModel, model: { lineStarts: number[]; text: string }, findings: Finding[]): Finding[] {
  return findings.filter((f) => {
    const at = offsetAt(model.lineStarts, model.text.length, f.range.start);
    return TABLE_CODES.includes(f.code) && at >= table.span.start && at <= table.span.end;
  });
}

interface Checked { entry: Entry; model: ReturnType<typeof checkText>['model']; findings: Finding[] }

function check(entry: Entry): Checked {
  const text = fs.readFileSync(path.join(REAL, entry.file), 'utf8');
  return { entry, ...checkText(text) };
}

/** The aspects the issue asks of every file, each its own test. */
const ASPECTS: Record<string, (c: Checked) => void> = {
  'recognised, with the years of a complete report': ({ entry, model }) => {
    assert.ok(model.isReport, 'recognised as a report');
    if (!entry.complete) return;
    assert.equal(model.templateYear, entry.templateYear, 'template year');
    assert.equal(model.reportYear, entry.reportYear, 'report year');
    assert.deepEqual(model.sections.map((s) => s.id), [1, 2, 3, 4, 5, 6], 'six sections');
  },
  // What the reviewer could check is checked, and agrees: a relation that holds is evaluated and holds.
  'the relations hold or fail as the manifest says': ({ entry, model }) => {
    const relations = evaluateRelations(model);
    for (const [id, holds] of Object.entries(entry.relations)) {
      if (holds === null) continue;
      const results = relations.filter((r) => r.id === id);
      assert.ok(results.length > 0, `${id} evaluated`);
      assert.equal(results.every((r) => r.ok), holds, `${id} ${holds ? 'holds' : 'fails'} as the manifest says`);
    }
  },
  'no error without a fault, each coded fault found, template-version only when listed': ({ entry, findings }) => {
    if (entry.faults.length === 0) {
      // A copy cut short does lack the sections after the cut: section-missing is true there.
      const errors = findings.filter((f) => f.severity === 'error' && (entry.complete || f.code !== 'section-missing'));
      assert.deepEqual(codesOf(errors), [], 'no error on a report without fault');
    }
    const coded = entry.faults.filter((f) => f.code !== null).map((f) => f.code as string);
    for (const code of new Set(coded)) {
      const wanted = coded.filter((c) => c === code).length;
      assert.ok(findings.filter((f) => f.code === code).length >= wanted, `${wanted} × ${code} found: ${codesOf(findings).join('; ')}`);
    }
    if (!coded.includes('template-version')) {
      assert.deepEqual(codesOf(findings.filter((f) => f.code === 'template-version')), [], 'no template-version');
    }
  },
  'a cut table said once': ({ entry, model, findings }) => {
    if (entry.complete) return;
    for (const table of model.tables.filter((t) => t.cut)) {
      const said = findingsIn(table, model, findings);
      assert.ok(said.length <= 1, `table ${table.id} cut: at most one finding, got ${codesOf(said).join('; ')}`);
      // The one finding says the table stops (row-missing) or, when its cells cannot be placed, that it cannot be read.
      for (const f of said) {
        assert.equal(f.severity, 'information', `table ${table.id}`);
        assert.ok(['row-missing', 'table-shape'].includes(f.code), `table ${table.id}: ${f.code}`);
      }
    }
  },
};

describe('real reports (../shared/real)', { skip: SKIP_REAL }, () => {
  for (const entry of entries()) {
    describe(`${entry.file} (${entry.complete ? 'complete' : 'partial copy'}, ${entry.faults.length} fault(s) by hand)`, () => {
      for (const [aspect, assertion] of Object.entries(ASPECTS)) {
        const todo = TODO[`${entry.file}: ${aspect}`];
        it(aspect, todo ? { todo } : {}, () => assertion(check(entry)));
      }
    });
  }

  it('every .txt file the manifest lists is there', () => {
    for (const entry of entries()) assert.ok(fs.existsSync(path.join(REAL, entry.file)), entry.file);
    assert.ok(entries().length >= 3, 'the manifest lists .txt files');
  });
});
