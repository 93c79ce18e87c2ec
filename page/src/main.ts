// The summary page: reads its data from the page itself (govreport summary) or from the VS Code extension
// (a message to the webview), then draws the toolbar, the charts, the reports table and the R5 pairs.
import type { OpenMessage, PageData } from '../../server/src/desk/pageData';
import { Charts } from './charts';
import { el } from './dom';
import { setLanguage, t } from './i18n';
import { pairsSection } from './pairs';
import { ReportTable, type Filter, type OpenFinding } from './table';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void };

const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
const openInEditor: OpenFinding | null = vscode
  ? (file, line, character) => vscode.postMessage({ type: 'open', file, line, character } satisfies OpenMessage)
  : null;

/** The filter in use: kept when VS Code sends new data (reports checked again), so the view stays as it was. */
let filter: Filter = { text: '', status: 'all', year: '' };
let charts: Charts | null = null;

function toolbar(data: PageData, onChange: (f: Filter) => void): HTMLElement {
  const text = el('input', { id: 'filter', type: 'search', placeholder: t('filter'), value: filter.text });
  const status = el('select', { id: 'status' }, ...(['all', 'error', 'withWarnings', 'clean', 'notReport'] as const)
    .map((s) => el('option', { value: s }, t(({ all: 'all', error: 'withErrors', withWarnings: 'withWarnings', clean: 'clean', notReport: 'notReport' } as const)[s]))));
  const years = [...new Set(data.reports.map((r) => r.reportYear).filter((y): y is number => y !== null))].sort();
  const year = el('select', { id: 'year' }, el('option', { value: '' }, t('allYears')), ...years.map((y) => el('option', { value: String(y) }, String(y))));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange({ text: text.value.trim(), status: status.value as Filter['status'], year: year.value }), 120);
  };
  status.value = filter.status;
  year.value = filter.year;
  text.addEventListener('input', changed);
  status.addEventListener('change', changed);
  year.addEventListener('change', changed);
  return el('div', { class: 'toolbar' }, text, status, year);
}

function counts(data: PageData): HTMLElement {
  const sum = (k: number) => data.reports.reduce((n, r) => n + (r.counts[k] > 0 ? 1 : 0), 0);
  return el('p', { class: 'counts', id: 'counts' },
    `${data.reports.length} ${t('reports')} · ${t('withErrors')} ${sum(0)} · ${t('withWarnings')} ${sum(1)}`);
}

function render(data: PageData): void {
  setLanguage(data.lang);
  document.documentElement.lang = data.lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('title');
  const table = new ReportTable(data, openInEditor);
  charts?.dispose();
  const drawn = new Charts(data);
  charts = drawn;
  const update = (f: Filter) => { filter = f; table.update(f); drawn.update(table.shown()); };
  const app = document.getElementById('app')!;
  app.replaceChildren(el('h1', {}, t('title')), counts(data), toolbar(data, update), drawn.root, table.root, pairsSection(data, openInEditor));
  drawn.start();
  update(filter);
  document.body.dataset.ready = String(Date.now());
}

const inline = document.getElementById('govreport-data');
if (inline?.textContent) render(JSON.parse(inline.textContent) as PageData);
window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { type?: string; data?: PageData };
  if (m?.type === 'data' && m.data) render(m.data);
});
vscode?.postMessage({ type: 'ready' });
