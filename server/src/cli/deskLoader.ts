// govreport export and summary carry exceljs and the summary page: they are a bundle of their own
// (dist/desk.js, see scripts/build.mjs), loaded only when one of them is asked for, so that a plain check
// starts as fast as without them. Run from tsc's output (tests), the module itself is loaded.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const DESK_COMMANDS = ['export', 'summary'];

type DeskModule = typeof import('../desk/cli');

export function loadDesk(): DeskModule {
  const bundled = path.join(__dirname, 'desk.js');
  const target = existsSync(bundled) ? bundled : path.join(__dirname, '..', 'desk', 'cli');
  return require(target) as DeskModule;
}
