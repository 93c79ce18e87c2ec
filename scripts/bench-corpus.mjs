// The benchmarks' corpus (bench.mjs, bench-instructions.mjs): the samples and shared reports, with figures varied so
// that no two reports are the same.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The UTF-8 samples and shared reports of the checkout at `root` (the GBK sample is left out). */
export function seedTexts(root) {
  const dirs = [join(root, 'samples'), resolve(root, '../shared/reports')].filter(existsSync);
  const texts = [];
  for (const d of dirs) {
    for (const f of readdirSync(d).sort().filter((name) => name.endsWith('.txt'))) {
      const bytes = readFileSync(join(d, f));
      try { texts.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '')); } catch { /* the GBK sample */ }
    }
  }
  return texts;
}

/**
 * A maker of report variants, with a random sequence of its own (the same reports from the same calls): variant i is
 * seed i with a few figures changed — single-digit cells get another digit (one in ten). The sums no longer hold,
 * so the corpus is heavy in findings (≈ 24 a report, ≈ 200 related locations): a hard case.
 */
export function reportVariants(seeds) {
  let rng = 12345;
  const rand = () => { rng = (Math.imul(rng, 1103515245) + 12345) | 0; return ((rng >>> 8) & 0xffff) / 0x10000; };
  return (i) => seeds[i % seeds.length].replace(/(\t|\| )(\d)(\s)/g, (m, a, d, b) => (rand() < 0.1 ? `${a}${Math.floor(rand() * 10)}${b}` : m)) + `\n<!-- ${i} -->\n`;
}
