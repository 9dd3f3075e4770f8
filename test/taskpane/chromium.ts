// Launches the system's Debian chromium through playwright-core (never a downloaded browser), headless and
// quiet, with a fresh profile. A missing chromium is a test failure with a clear message, not a skip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { scratchDir } from '../support/scratch.ts';

export function findChromium(): string {
  let found = '';
  try {
    found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    found = '';
  }
  if (!found || !existsSync(found)) {
    throw new Error('找不到 chromium：浏览器端测试需要 Debian 的 chromium（apt-get install chromium），`which chromium` 没有结果。');
  }
  return found;
}

export async function launchChromium(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const executablePath = findChromium();
  const userDataDir = scratchDir('pane-chromium-');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A Chinese browser, as on a clerk's machine.
      '--lang=zh-CN',
    ],
  });
}
