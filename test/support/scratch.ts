// Temporary folders for tests, removed after each test file (test/support/cleanup.ts, a vitest setup file):
// a run must not leave its workbooks and browser profiles behind in the machine's /tmp (CI machines are reused).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
