// The summary page's styles: one string for the HTML file and the VS Code webview (which passes its theme
// colours through the --vscode-* variables; a browser gets the fallbacks).
export const PAGE_CSS = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #fff);
  --line: var(--vscode-panel-border, #d0d7de); --muted: var(--vscode-descriptionForeground, #656d76);
  --err: var(--vscode-errorForeground, #cf222e); --warn: var(--vscode-editorWarning-foreground, #9a6700); --ok: #1a7f37; }
body { font: 13px/1.5 system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  color: var(--fg); background: var(--bg); margin: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 8px; }
.counts, .note { color: var(--muted); }
.toolbar { display: flex; gap: 8px; margin: 8px 0 12px; flex-wrap: wrap; }
.toolbar input { flex: 1 1 240px; padding: 4px 6px; } .toolbar select, button { padding: 3px 6px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; }
.chart { height: 340px; border: 1px solid var(--line); border-radius: 4px; padding: 6px; }
.trend select { margin-bottom: 4px; } .trend .chart { height: 306px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; white-space: nowrap; }
th { cursor: pointer; user-select: none; position: sticky; top: 0; background: var(--bg); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.file { color: var(--muted); max-width: 420px; overflow: hidden; text-overflow: ellipsis; }
tr.report { cursor: pointer; } tr.report:hover { background: rgba(127,127,127,.12); }
tr.report.error td:first-child { color: var(--err); font-weight: bold; }
tr.report.warning td:first-child { color: var(--warn); font-weight: bold; }
tr.report.clean td:first-child { color: var(--ok); }
tr.detail td { white-space: normal; background: rgba(127,127,127,.06); }
ul.findings { margin: 4px 0; padding-left: 18px; } ul.findings li { margin: 2px 0; }
li.error .sev { color: var(--err); } li.warning .sev { color: var(--warn); } li .sev { font-weight: bold; }
a { color: var(--vscode-textLink-foreground, #0969da); }
.pager { display: flex; gap: 8px; align-items: center; margin-top: 12px; }
#pairs td.mark { font-weight: bold; color: var(--ok); } #pairs tr.bad td.mark { color: var(--err); }
#pairs .cell { margin-right: 10px; } #pairs .cell.bad { color: var(--err); font-weight: bold; }
`;
