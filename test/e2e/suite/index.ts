// Entry point of the end-to-end suite: VS Code loads the compiled file
// (out/test/e2e/suite/index.js) as `extensionTestsPath` and calls run() inside
// the extension host, with the extension under test loaded from the repository.
//
// Every `*.test.js` file next to this one (i.e. every `test/e2e/suite/*.test.ts`)
// is picked up, in name order; tests use mocha's TDD interface (suite/test).
//
// Results are reported in three ways, so any runner can read them:
//   - one console line per test, prefixed `E2E-LOG `;
//   - a closing line `E2E-RESULT passed=N failed=M pending=K`;
//   - a JSON file at $GOVREPORT_E2E_RESULT_FILE when that variable is set
//     (the code-server harness sets it);
// and run() rejects when a test failed, which makes VS Code end the test run
// with a non-zero exit code.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function loadMocha(): typeof MochaType {
  try {
    return require('mocha') as typeof MochaType;
  } catch {
    // Fallback: the copy that scripts/e2e/install.sh puts into .vscode-test/.
    const repoRoot = path.resolve(__dirname, '../../../..');
    return require(path.join(repoRoot, '.vscode-test', 'node_modules', 'mocha')) as typeof MochaType;
  }
}

function say(line: string): void {
  console.log(`E2E-LOG ${line}`);
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const records: TestRecord[] = [];

  // A reporter that only uses console.log: in the extension host console
  // output is forwarded to the workbench (and from there to the harness),
  // while process.stdout is not, on every kind of VS Code.
  class ConsoleReporter {
    constructor(runner: MochaType.Runner) {
      const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
      runner.on(EVENT_TEST_PASS, (t: MochaType.Test) => {
        records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        say(`✓ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_FAIL, (t: MochaType.Test, err: Error) => {
        const error = (err && (err.stack || err.message)) || String(err);
        records.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error });
        say(`✗ ${t.fullTitle()}`);
        for (const l of error.split('\n').slice(0, 12)) say(`    ${l}`);
      });
      runner.on(EVENT_TEST_PENDING, (t: MochaType.Test) => {
        records.push({ title: t.fullTitle(), state: 'pending' });
        say(`- ${t.fullTitle()} (pending)`);
      });
    }
  }

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.GOVREPORT_E2E_TEST_TIMEOUT || 60000),
    slow: 10000,
    reporter: ConsoleReporter as unknown as MochaType.ReporterConstructor,
  });
  // Run only the tests whose full title matches (the harness's --grep).
  if (process.env.GOVREPORT_E2E_GREP) mocha.grep(process.env.GOVREPORT_E2E_GREP);

  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      const count = (s: TestRecord['state']) => records.filter((r) => r.state === s).length;
      const passed = count('passed');
      const pending = count('pending');
      let failed = count('failed');
      if (error && failed === 0) {
        failed = 1;
        records.push({ title: 'loading the suite', state: 'failed', error: error.stack || error.message });
        say(`✗ loading the suite: ${error.message}`);
      }
      if (files.length === 0 && failed === 0) {
        failed = 1;
        records.push({ title: 'finding tests', state: 'failed', error: `no *.test.js next to ${__filename}` });
        say(`✗ no *.test.js files next to ${path.basename(__filename)}`);
      }
      console.log(`E2E-RESULT passed=${passed} failed=${failed} pending=${pending}`);
      const out = process.env.GOVREPORT_E2E_RESULT_FILE;
      if (out) {
        try {
          fs.writeFileSync(out, JSON.stringify({ passed, failed, pending, tests: records }, null, 2));
        } catch (e) {
          console.error(`could not write ${out}: ${e}`);
        }
      }
      if (failed > 0) reject(new Error(`${failed} end-to-end test(s) failed`));
      else resolve();
    };
    try {
      mocha.run(() => finish());
    } catch (e) {
      finish(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
