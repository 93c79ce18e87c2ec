// Writes docs/rules/*.md and the README's rule table from the rule modules (run after `tsc -p .`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { docFiles, ruleTable } = require('../out/scripts/rule-docs.js');

mkdirSync('docs/rules', { recursive: true });
for (const [file, text] of Object.entries(docFiles())) writeFileSync(file, text);
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${ruleTable()}\n<!-- rules:end -->`);
writeFileSync('README.md', updated);
console.log(`wrote ${Object.keys(docFiles()).length} rule pages and the README rule table`);
