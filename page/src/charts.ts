// Charts of the key figures (Apache ECharts, only the bar and line charts and the components they use).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { FIGURES, type FigureKey, type PageData, type PageReport } from '../../server/src/desk/pageData';
import { el } from './dom';
import { t } from './i18n';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

/** Agencies shown side by side: more would be unreadable bars. */
const TOP = 20;
const value = (r: PageReport, k: FigureKey): number | null => r.figures[FIGURES.indexOf(k)];

interface Series { name: string; key: FigureKey; stack?: string }

function barOption(title: string, labels: string[], reports: PageReport[], series: Series[]): echarts.EChartsCoreOption {
  return {
    animation: false,
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 30, type: 'scroll' },
    grid: { left: 48, right: 16, top: 70, bottom: 90 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 35, interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: s.stack, data: reports.map((r) => value(r, s.key)) })),
  };
}

export class Charts {
  readonly root = el('section', { class: 'charts' });
  private readonly boxes = ['applications', 'outcomes', 'reviews', 'trend'].map((id) => el('div', { id: `chart-${id}`, class: 'chart' }));
  private readonly charts: echarts.ECharts[] = [];
  private readonly trendPick = el('select', { id: 'trend-agency' });
  private trendAgencies: string[] = [];

  constructor(private readonly data: PageData) {
    this.root.append(...this.boxes.slice(0, 3), el('div', { class: 'trend' }, this.trendPick, this.boxes[3]));
    this.trendPick.addEventListener('change', () => this.drawTrend());
  }

  /** Charts need their boxes laid out: called once the section is in the document. */
  start(): void {
    for (const box of this.boxes) this.charts.push(echarts.init(box, undefined, { renderer: 'canvas' }));
    window.addEventListener('resize', this.resize);
  }

  private readonly resize = () => this.charts.forEach((c) => c.resize());

  /** Lets the charts go (the page is drawn again with new data). */
  dispose(): void {
    window.removeEventListener('resize', this.resize);
    this.charts.forEach((c) => c.dispose());
  }

  update(shown: number[]): void {
    const reports = shown.map((i) => this.data.reports[i]).filter((r) => r.isReport);
    const years = new Set(reports.map((r) => r.reportYear));
    const top = [...reports].sort((a, b) => (value(b, 'received') ?? -1) - (value(a, 'received') ?? -1)).slice(0, TOP);
    const labels = top.map((r) => (r.agency ?? r.file.split(/[\\/]/).pop()!) + (years.size > 1 ? ` ${r.reportYear ?? ''}` : ''));
    const note = reports.length > TOP ? t('topNote', TOP) : '';
    this.charts[0].setOption(barOption(t('chartApplications') + note, labels, top, [
      { name: t('received'), key: 'received', stack: 'a' }, { name: t('carried'), key: 'carried', stack: 'a' },
    ]), true);
    this.charts[1].setOption(barOption(t('chartOutcomes') + note, labels, top,
      (['open', 'partial', 'deny', 'unable', 'reject', 'other'] as const).map((k) => ({ name: t(k), key: k, stack: 'o' }))), true);
    const results = [['upheld', 'Upheld'], ['corrected', 'Corrected'], ['otherResult', 'Other'], ['pending', 'Pending']] as const;
    this.charts[2].setOption(barOption(t('chartReviews') + note, labels, top, [
      ...results.map(([w, k]) => ({ name: `${t('review')}·${t(w)}`, key: `review${k}` as FigureKey, stack: 'review' })),
      ...results.map(([w, k]) => ({ name: `${t('litigation')}·${t(w)}`, key: `litigation${k}` as FigureKey, stack: 'litigation' })),
    ]), true);
    this.updateTrendChoices(reports);
  }

  /** Agencies with reports of two or more years: the trend chart offers them. */
  private updateTrendChoices(reports: PageReport[]): void {
    const years = new Map<string, Set<number>>();
    for (const r of reports) if (r.agency && r.reportYear !== null) years.set(r.agency, (years.get(r.agency) ?? new Set()).add(r.reportYear));
    const current = this.trendPick.value;
    this.trendAgencies = [...years].filter(([, y]) => y.size > 1).map(([a]) => a).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    this.trendPick.replaceChildren(...this.trendAgencies.map((a) => el('option', { value: a }, a)));
    if (this.trendAgencies.includes(current)) this.trendPick.value = current;
    this.trendPick.hidden = this.trendAgencies.length === 0;
    this.drawTrend();
  }

  private drawTrend(): void {
    const agency = this.trendPick.value;
    const chart = this.charts[3];
    if (!agency) {
      chart.setOption({ title: { text: `${t('chartTrend')}：${t('noTrend')}`, textStyle: { fontSize: 14 } } }, true);
      return;
    }
    const rows = this.data.reports.filter((r) => r.agency === agency && r.reportYear !== null && r.isReport)
      .sort((a, b) => a.reportYear! - b.reportYear!);
    const keys = ['received', 'carried', 'handled', 'carryOver', 'review', 'litigation'] as const;
    chart.setOption({
      animation: false,
      title: { text: `${t('chartTrend')}：${agency}`, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 30 },
      grid: { left: 48, right: 16, top: 84, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.reportYear)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((k) => ({ type: 'line', name: t(k), connectNulls: false, data: rows.map((r) => value(r, k)) })),
    }, true);
  }
}
