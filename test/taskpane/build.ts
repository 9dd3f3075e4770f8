// The built pane for the browser test: dist/ when it is newer than every source it is built from, otherwise a
// fresh production build into test-output/ (never racing another helper's `npm run build` into dist/).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUTS = ['taskpane.html', 'taskpane.js', 'office-js/office.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(dir: string, sourcesTime: number): boolean {
  return OUTPUTS.every((f) => existsSync(path.join(dir, f)) && statSync(path.join(dir, f)).mtimeMs > sourcesTime);
}

/** Directory holding taskpane.html built from the current sources. */
export function builtPane(): string {
  const sourcesTime = Math.max(
    newestSource(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
    statSync(path.join(ROOT, 'package-lock.json')).mtimeMs,
  );
  const dist = path.join(ROOT, 'dist');
  if (isFresh(dist, sourcesTime)) return dist;
  const out = path.join(ROOT, 'test-output', 'taskpane-dist');
  if (isFresh(out, sourcesTime)) return out;
  try {
    execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', out], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    // webpack prints its errors on stdout: show them, not just "Command failed".
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`webpack 构建任务窗格失败：\n${String(stdout ?? '').slice(-4000)}\n${String(stderr ?? '').slice(-2000)}`);
  }
  return out;
}
