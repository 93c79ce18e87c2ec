// The stable JSON contract other tools read: see README "JSON output".
import { localize } from '../../engine';
import type { Formatter } from './types';

export const json: Formatter = (results, locale) => JSON.stringify(results.map((r) => ({
  file: r.file,
  templateYear: r.templateYear,
  reportYear: r.reportYear,
  diagnostics: r.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: localize(f.message, locale),
    range: f.range,
  })),
})), null, 2);
