// Builds the folder the end-to-end window opens: a fresh copy per run, so the
// tests may change settings and files without touching the repository, and
// every run starts from the same state.
//
//   <dest>/                 copy of test/e2e/workspace (or --workspace DIR)
//   <dest>/samples/         copy of the repository's samples (*.txt, and the
//                           published ones: *.html, *.docx, *.pdf)
//   <dest>/real/            the published PDF of the shared real files
//                           (../shared/real/hongze-2023.pdf), when it is there
//   <dest>/reports/         copy of the shared real reports (*.txt), from
//                           $E2E_SHARED_REPORTS, default ../shared/reports
//                           relative to the repository root
//
// The reports are test data only: they are copied, never modified in place,
// and not committed into the repository. When their folder is missing the
// copy is skipped and the suite's "the shared reports are there" test fails.
import fs from 'node:fs';
import path from 'node:path';

export function sharedReportsDir(repoRoot) {
  return path.resolve(repoRoot, process.env.E2E_SHARED_REPORTS || '../shared/reports');
}

/**
 * Copies the workspace template, the samples and the shared reports into
 * `dest` (created; must not exist or be empty). Returns what was copied.
 */
export function prepareWorkspace({ repoRoot, template, dest }) {
  fs.mkdirSync(dest, { recursive: true });
  fs.cpSync(template, dest, { recursive: true });
  const copied = { samples: [], reports: [], reportsDir: sharedReportsDir(repoRoot), missing: [] };

  const samplesDir = path.join(repoRoot, 'samples');
  if (fs.existsSync(samplesDir)) {
    fs.mkdirSync(path.join(dest, 'samples'), { recursive: true });
    for (const f of fs.readdirSync(samplesDir).filter((n) => /\.(txt|html|docx|pdf)$/.test(n)).sort()) {
      fs.copyFileSync(path.join(samplesDir, f), path.join(dest, 'samples', f));
      copied.samples.push(f);
    }
  } else {
    copied.missing.push(samplesDir);
  }

  if (fs.existsSync(copied.reportsDir)) {
    fs.mkdirSync(path.join(dest, 'reports'), { recursive: true });
    for (const f of fs.readdirSync(copied.reportsDir).filter((n) => n.endsWith('.txt')).sort()) {
      fs.copyFileSync(path.join(copied.reportsDir, f), path.join(dest, 'reports', f));
      copied.reports.push(f);
    }
  } else {
    copied.missing.push(copied.reportsDir);
  }
  const pdf = path.resolve(repoRoot, '../shared/real/hongze-2023.pdf');
  if (fs.existsSync(pdf)) {
    fs.mkdirSync(path.join(dest, 'real'), { recursive: true });
    fs.copyFileSync(pdf, path.join(dest, 'real', path.basename(pdf)));
  }
  return copied;
}
