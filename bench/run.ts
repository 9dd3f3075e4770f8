// `npm run bench [-- SECTION] [-- --json FILE]`: runs every section in bench/sections in name order (or those whose
// file name contains SECTION). Each section prints its own times and ratios against peers computed in the same
// run, and records them with figure(); --json writes them all to FILE as one flat object.
import { readdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recordedFigures } from './figures.ts';

function parseArgs(argv: string[]): { only?: string; json?: string } {
  const out: { only?: string; json?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      out.json = argv[++i];
      if (!out.json) throw new Error('--json needs a file name');
    } else if (argv[i].startsWith('--json=')) out.json = argv[i].slice('--json='.length);
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}; usage: npm run bench -- [SECTION] [--json FILE]`);
    else out.only = argv[i];
  }
  return out;
}

const { only, json } = parseArgs(process.argv.slice(2));
const dir = fileURLToPath(new URL('./sections/', import.meta.url));
const sections: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  sections.push(file.replace(/\.ts$/, ''));
  console.log(`\n== ${file.replace(/\.ts$/, '')} ==`);
  const started = performance.now();
  const mod = await import(pathToFileURL(join(dir, file)).href);
  if (typeof mod.run === 'function') await mod.run();
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
if (sections.length === 0) throw new Error(`no bench section matches "${only}"`);

if (json) {
  const target = resolve(json);
  const run = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, sections };
  // Written beside the target and renamed, so an interrupted run never leaves half a file.
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify({ ...recordedFigures(), run }, null, 2)}\n`);
  await rename(temp, target);
  console.log(`\nfigures written to ${target}`);
}
