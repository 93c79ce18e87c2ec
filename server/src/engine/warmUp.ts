// Texts that take the engine through its usual paths, for a process to check before anyone waits on it: the
// first checks otherwise run while the JIT is still compiling (tens of milliseconds for a 10 KB report, where
// a warm check takes one or two).
import { checkText } from './check';
import { reportSkeleton } from './skeleton';
import type { TemplateYear } from './types';

/** Prose with the figures, enumerations and fee wording the prose rules read. */
const PROSE = [
  '本年度共收到政府信息公开申请3件，上年结转1件，已全部办结，其中予以公开2件，部分公开1件。',
  '一是加强组织领导，二是完善工作制度，四是强化监督考核。',
  '本年度未收取信息处理费。因政府信息公开工作被申请行政复议0件，提起行政诉讼1件。',
].join('\n');

/** A report of the given template year with some figures filled in and one sum broken. */
function warmUpReport(year: TemplateYear, reportYear: number): string {
  let n = 0;
  // Fill the zero cells with small figures: most sums break, so the arithmetic findings are built too.
  const filled = reportSkeleton(year, reportYear).replace(/\| 0 /g, () => `| ${n++ % 3} `);
  return filled.replace('（文字描述）', PROSE);
}

export const WARM_UP_TEXTS = [warmUpReport(2021, 2022), warmUpReport(2019, 2020)];

/** Checks of the warm-up texts, `rounds` times each: one check a step, so that a server can serve requests in between. */
export function warmUpSteps(rounds: number): (() => void)[] {
  const steps: (() => void)[] = [];
  for (let r = 0; r < rounds; r++) for (const text of WARM_UP_TEXTS) steps.push(() => { checkText(text); });
  return steps;
}
