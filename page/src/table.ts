// The reports table: filter, sort by any column, a page of rows at a time (10,000 reports stay quick),
// and a row's findings opened below it.
import type { PageData, PageReport } from '../../server/src/desk/pageData';
import { FIGURES } from '../../server/src/desk/pageData';
import { el } from './dom';
import { t, type Word } from './i18n';

const PAGE_SIZE = 100;
type Status = 'error' | 'warning' | 'clean' | 'notReport';

export const statusOf = (r: PageReport): Status =>
  !r.isReport ? 'notReport' : r.counts[0] > 0 ? 'error' : r.counts[1] > 0 ? 'warning' : 'clean';
const STATUS_MARK: Record<Status, string> = { error: '✗', warning: '!', clean: '✓', notReport: '?' };
const STATUS_RANK: Record<Status, number> = { error: 0, warning: 1, notReport: 2, clean: 3 };

interface Column { key: string; label: Word; value: (r: PageReport) => string | number | null; numeric: boolean }
const fig = (key: typeof FIGURES[number]) => { const i = FIGURES.indexOf(key); return (r: PageReport) => r.figures[i]; };

const COLUMNS: Column[] = [
  { key: 'status', label: 'status', value: (r) => STATUS_RANK[statusOf(r)], numeric: true },
  { key: 'agency', label: 'agency', value: (r) => r.agency ?? '', numeric: false },
  { key: 'year', label: 'year', value: (r) => r.reportYear, numeric: true },
  { key: 'template', label: 'template', value: (r) => r.templateYear, numeric: true },
  { key: 'errors', label: 'errors', value: (r) => r.counts[0], numeric: true },
  { key: 'warnings', label: 'warnings', value: (r) => r.counts[1], numeric: true },
  { key: 'received', label: 'received', value: fig('received'), numeric: true },
  { key: 'carried', label: 'carried', value: fig('carried'), numeric: true },
  { key: 'handled', label: 'handled', value: fig('handled'), numeric: true },
  { key: 'carryOver', label: 'carryOver', value: fig('carryOver'), numeric: true },
  { key: 'review', label: 'review', value: fig('review'), numeric: true },
  { key: 'litigation', label: 'litigation', value: fig('litigation'), numeric: true },
  { key: 'file', label: 'file', value: (r) => r.file, numeric: false },
];

export interface Filter { text: string; status: 'all' | Status | 'withWarnings'; year: string }

export function matches(r: PageReport, f: Filter): boolean {
  if (f.year !== '' && String(r.reportYear) !== f.year) return false;
  const s = statusOf(r);
  if (f.status === 'withWarnings' ? r.counts[1] === 0 : f.status !== 'all' && s !== f.status) return false;
  if (f.text === '') return true;
  const needle = f.text.toLowerCase();
  return (r.agency ?? '').toLowerCase().includes(needle) || r.file.toLowerCase().includes(needle);
}

/** One collator for every comparison (localeCompare would make one per call: slow over 10,000 rows). */
const COLLATOR = new Intl.Collator('zh-CN');

/** Nulls (not read) sort last whichever the direction. */
function compare(a: string | number | null, b: string | number | null, dir: number): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  return (typeof a === 'number' && typeof b === 'number' ? a - b : COLLATOR.compare(String(a), String(b))) * dir;
}

export type OpenFinding = (file: string, line: number, character: number) => void;

export class ReportTable {
  private order: number[] = [];
  private sortKey = 'status';
  private sortDir = 1;
  private page = 0;
  private readonly open = new Set<number>();
  readonly root = el('section', { class: 'reports' });

  constructor(private readonly data: PageData, private readonly onOpen: OpenFinding | null) {}

  /** The indexes of the reports shown (filtered), for the charts. */
  shown(): number[] { return this.order; }

  update(filter: Filter): void {
    this.order = this.data.reports.map((_, i) => i).filter((i) => matches(this.data.reports[i], filter));
    this.sort();
    this.page = 0;
    this.render();
  }

  private sort(): void {
    const col = COLUMNS.find((c) => c.key === this.sortKey)!;
    const reports = this.data.reports;
    this.order.sort((a, b) => compare(col.value(reports[a]), col.value(reports[b]), this.sortDir) || a - b);
  }

  private render(): void {
    const pages = Math.max(1, Math.ceil(this.order.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    const head = el('tr', {}, ...COLUMNS.map((c) => {
      const mark = c.key === this.sortKey ? (this.sortDir > 0 ? ' ▲' : ' ▼') : '';
      const th = el('th', { 'data-key': c.key, class: c.numeric ? 'num' : '', title: t(c.label) }, t(c.label) + mark);
      th.addEventListener('click', () => this.sortBy(c.key));
      return th;
    }));
    const body = el('tbody');
    for (const i of this.order.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE)) {
      body.append(this.row(i));
      if (this.open.has(i)) body.append(this.findingsRow(i));
    }
    this.root.replaceChildren(this.pager(pages), el('table', { id: 'reports' }, el('thead', {}, head), body), el('p', { class: 'note' }, t('unreadNote')));
  }

  private sortBy(key: string): void {
    this.sortDir = key === this.sortKey ? -this.sortDir : 1;
    this.sortKey = key;
    this.sort();
    this.render();
  }

  private row(i: number): HTMLTableRowElement {
    const r = this.data.reports[i];
    const s = statusOf(r);
    const tr = el('tr', { class: `report ${s}`, 'data-index': String(i), tabindex: '0' }, ...COLUMNS.map((c) => {
      const v = c.key === 'status' ? STATUS_MARK[s] : c.value(r);
      return el('td', { class: c.numeric ? 'num' : c.key }, c.key === 'file' ? this.fileLink(r) : v === null ? '' : String(v));
    }));
    const toggle = () => { if (this.open.has(i)) this.open.delete(i); else this.open.add(i); this.render(); };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggle(); });
    return tr;
  }

  /** In VS Code the file opens the report in the editor; in a browser it is plain text. */
  private fileLink(r: PageReport): Node | string {
    const onOpen = this.onOpen;
    if (!onOpen) return r.file;
    const a = el('a', { href: '#' }, r.file);
    a.addEventListener('click', (e) => { e.preventDefault(); e.stopPropagation(); onOpen(r.file, 0, 0); });
    return a;
  }

  private findingsRow(i: number): HTMLTableRowElement {
    const r = this.data.reports[i];
    const list = el('ul', { class: 'findings' });
    for (const [line, character, severity, code, message] of r.findings) {
      const where = el('a', { href: '#', class: 'where' }, `${r.file}:${line + 1}:${character + 1}`);
      where.addEventListener('click', (e) => { e.preventDefault(); this.onOpen?.(r.file, line, character); });
      list.append(el('li', { class: severity }, el('span', { class: 'sev' }, t(`sev_${severity}`)), ' ', where, ' ', el('code', {}, code), ' ', message));
    }
    if (r.findings.length === 0) list.append(el('li', {}, t('noFindings')));
    return el('tr', { class: 'detail' }, el('td', { colspan: String(COLUMNS.length) }, list));
  }

  private pager(pages: number): HTMLElement {
    const prev = el('button', { id: 'prev' }, t('previous'));
    const next = el('button', { id: 'next' }, t('next'));
    prev.toggleAttribute('disabled', this.page === 0);
    next.toggleAttribute('disabled', this.page >= pages - 1);
    prev.addEventListener('click', () => { this.page--; this.render(); });
    next.addEventListener('click', () => { this.page++; this.render(); });
    return el('div', { class: 'pager' }, prev, el('span', { id: 'page-info' }, t('page', this.page + 1, pages, this.order.length)), next);
  }
}
