#!/usr/bin/env node
// Runs the same compiled end-to-end suite (out/test/e2e/suite/index.js) in a
// desktop VS Code through @vscode/test-electron. That package downloads VS Code
// into .vscode-test/ at test time, so this works only on machines that can
// reach VS Code's download servers; elsewhere use `npm run test:e2e`
// (code-server, see docs/e2e.md). On Linux without a display, run it under
// `xvfb-run -a`.
//
//   VSCODE_TEST_VERSION   VS Code version to download (default: stable; e.g. 1.91.0)
//   E2E_TESTS, E2E_WORKSPACE, E2E_EXTENSION, E2E_SHARED_REPORTS   as for scripts/e2e/run.mjs
//   GOVREPORT_E2E_GREP    run only the tests whose full title matches
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionDevelopmentPath = path.resolve(repoRoot, process.env.E2E_EXTENSION || '.');
const extensionTestsPath = path.resolve(repoRoot, process.env.E2E_TESTS || 'out/test/e2e/suite/index.js');
const template = path.resolve(repoRoot, process.env.E2E_WORKSPACE || 'test/e2e/workspace');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-electron-'));
// A fresh copy of the workspace with the samples and the shared reports, as for run.mjs.
const workspace = path.join(tmp, 'workspace');
const copied = prepareWorkspace({ repoRoot, template, dest: workspace });
for (const m of copied.missing) console.log(`[e2e-electron] warning: ${m} not found; the tests that need it will fail`);
const resultFile = path.join(tmp, 'mocha-result.json');
let exitCode = 1;
let counts = { passed: 0, failed: 1 };
try {
  exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: {
      GOVREPORT_E2E_RESULT_FILE: resultFile,
      ...(process.env.GOVREPORT_E2E_GREP ? { GOVREPORT_E2E_GREP: process.env.GOVREPORT_E2E_GREP } : {}),
    },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      '--user-data-dir', path.join(tmp, 'user-data'),
    ],
  });
} catch (e) {
  console.error(`[e2e-electron] ${e && e.message ? e.message : e}`);
  exitCode = 1;
}
try {
  const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  counts = { passed: r.passed, failed: r.failed };
  if (exitCode !== 0 && r.failed === 0) counts.failed = 1;
} catch {
  // no result file: VS Code could not be downloaded or started, or the suite did not load
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1);
