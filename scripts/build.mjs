// Bundles the language server, the extension client and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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
    sourcemap: !production && !e.minify,
    minify: production || !!e.minify,
    metafile: true,
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version) },
  });
  metafile[e.out] = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes;
}
writeFileSync('dist/sizes.json', JSON.stringify(metafile, null, 2));
