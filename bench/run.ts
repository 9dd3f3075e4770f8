// `npm run bench`: runs every section in bench/sections in name order. Each section prints its own
// times and ratios against peers computed in the same run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('./sections/', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file.replace(/\.ts$/, '')} ==`);
  const started = performance.now();
  const mod = await import(pathToFileURL(join(dir, file)).href);
  if (typeof mod.run === 'function') await mod.run();
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
