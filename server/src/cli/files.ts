// Turns the command line's files, folders and globs into the list of files to check.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatExtensions } from '../formats';

/** The order localeCompare gives, from one collator (localeCompare makes one per comparison). */
const NAME_ORDER = new Intl.Collator();

/** Text reports, and every published format a reader is registered for (web pages, Word, PDF). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.govreport', ...formatExtensions()];
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

export interface Target { path: string; explicit: boolean }

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function walk(dir: string, out: string[], filter: (p: string) => boolean): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, out, filter);
    } else if (e.isFile() && filter(p)) {
      out.push(p);
    }
  }
}

/** Expands arguments; a missing path is returned in `missing`. */
export async function collectTargets(args: string[]): Promise<{ targets: Target[]; missing: string[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const key = path.resolve(p);
    if (!seen.has(key)) { seen.add(key); targets.push({ path: p, explicit }); }
  };
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const normalized = arg.split(path.sep).join('/');
      const firstGlob = normalized.search(/[*?]/);
      const base = normalized.slice(0, normalized.lastIndexOf('/', firstGlob) + 1) || '.';
      const re = globToRegExp(normalized.startsWith('./') ? normalized.slice(2) : normalized);
      const found: string[] = [];
      await walk(base, found, (p) => re.test(p.split(path.sep).join('/').replace(/^\.\//, '')));
      if (found.length === 0) missing.push(arg);
      found.forEach((p) => add(p, true));
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      await walk(arg, found, (p) => REPORT_EXTENSIONS.includes(path.extname(p).toLowerCase()));
      found.forEach((p) => add(p, false));
    } else {
      add(arg, true);
    }
  }
  return { targets, missing };
}
