// The R5 pairs: last year's 四、结转下年度继续办理 against this year's 二、上年结转, agreeing (✓) or not (✗).
import type { PageData } from '../../server/src/desk/pageData';
import { el } from './dom';
import { t } from './i18n';
import type { OpenFinding } from './table';

export function pairsSection(data: PageData, onOpen: OpenFinding | null): HTMLElement {
  const section = el('section', { class: 'pairs' }, el('h2', {}, t('pairs')));
  if (data.pairs.length === 0) return section.appendChild(el('p', {}, t('noPairs'))).parentElement!;
  const body = el('tbody');
  for (const p of data.pairs) {
    const mark = p.ok === null ? '?' : p.ok ? '✓' : '✗';
    const cells = p.cells.filter(([, a, b]) => a !== null || b !== null)
      .map(([name, a, b]) => el('span', { class: a !== null && b !== null && a !== b ? 'cell bad' : 'cell' }, `${name} ${a ?? '—'}→${b ?? '—'}`));
    const link = el('a', { href: '#' }, `${p.fromYear} → ${p.toYear}`);
    link.addEventListener('click', (e) => { e.preventDefault(); onOpen?.(data.reports[p.to].file, 0, 0); });
    body.append(el('tr', { class: p.ok === false ? 'pair bad' : 'pair' },
      el('td', { class: 'mark' }, mark), el('td', {}, p.agency), el('td', {}, link), el('td', {}, ...cells)));
  }
  const head = el('tr', {}, el('th', {}, ''), el('th', {}, t('agency')), el('th', {}, t('pairYears')), el('th', {}, t('pairCells')));
  section.append(el('table', { id: 'pairs' }, el('thead', {}, head), body));
  return section;
}
