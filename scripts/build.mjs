// Bundles the language server, the extension client and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pdfjsCache } from './pdfjs-cache.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/server.ts', out: 'dist/server.js', platform: 'node' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', platform: 'node' },
  // govreport export / summary (exceljs): loaded by the CLI and the server only when asked for.
  { in: 'server/src/desk/cli.ts', out: 'dist/desk.js', platform: 'node' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', platform: 'node', external: ['vscode'] },
  // The summary page's script (ECharts included), inlined into govreport summary's HTML and the VS Code webview.
  { in: 'page/src/main.ts', out: 'dist/summary-page.js', platform: 'browser', format: 'iife', target: 'es2020', minify: true },
  // pdf.js runs in the PDF reader's worker thread only, so the server and the CLI load it when a PDF is read.
  // It keeps the shipped CMaps' tables across documents and reads no font program it does not need (pdfjs-cache.mjs).
  { in: 'server/src/formats/pdf-worker.ts', out: 'dist/pdf-worker.js', platform: 'node', plugins: [pdfjsCache] },
];

mkdirSync('dist', { recursive: true });
const metafile = {};
for (const e of entries) {
  if (!existsSync(e.in)) continue;
  const result = await esbuild.build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.platform,
    format: e.format ?? 'cjs',
    target: e.target ?? 'node20',
    external: e.external ?? [],
    plugins: e.plugins ?? [],
    sourcemap: !production && !e.minify,
    minify: production || !!e.minify,
    metafile: true,
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version) },
  });
  metafile[e.out] = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes;
}
writeFileSync('dist/sizes.json', JSON.stringify(metafile, null, 2));

// The CMaps pdf.js reads Chinese fonts with (GB and CNS families, 0.6 MB of 1.7): reports are in Chinese. No
// standard font files: extracting text needs only their metrics, which pdf.js carries.
const cmaps = 'node_modules/pdfjs-dist/cmaps';
if (existsSync(cmaps)) {
  mkdirSync('dist/pdfjs/cmaps', { recursive: true });
  for (const f of readdirSync(cmaps)) {
    if (/^(Adobe-(GB1|CNS1)-|Uni(GB|CNS)-|GB|B5|CNS|ETen|ETHK|HK)|^LICENSE$/.test(f)) copyFileSync(`${cmaps}/${f}`, `dist/pdfjs/cmaps/${f}`);
  }
}
