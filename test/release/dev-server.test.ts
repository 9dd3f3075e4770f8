// npm start's server: webpack-dev-server over HTTPS with a certificate from office-addin-dev-certs (made in a
// temp dir here, never installed into the machine's trust store), checked as Office's web view would: TLS
// verified against that CA for localhost, then the pages and the manifest's files fetched.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { get } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module of npm start
import { startDevServer } from '../../scripts/dev-server.mjs';

const require = createRequire(import.meta.url);
let tmp: string;
let ca: Buffer;
let server: { port: number; stop(): Promise<void> };

function fetchText(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dev-server-'));
  const { generateCertificates } = require('office-addin-dev-certs');
  const [caFile, certFile, keyFile] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(tmp, f));
  await generateCertificates(caFile, certFile, keyFile, 2);
  ca = await readFile(caFile);
  server = await startDevServer({ https: { ca, cert: await readFile(certFile), key: await readFile(keyFile) }, port: 0, outputPath: path.join(tmp, 'dist') });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm start dev server', () => {
  it('serves the pane, the functions and the help page over HTTPS trusted through the dev CA', async () => {
    const base = `https://localhost:${server.port}/`;
    const pane = await fetchText(`${base}taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.body).toContain('office-js/office.js');
    const meta = await fetchText(`${base}functions.json`);
    expect(meta.type).toMatch(/json/);
    expect(JSON.parse(meta.body).functions.length).toBeGreaterThan(5);
    expect((await fetchText(`${base}functions.js`)).status).toBe(200);
    expect((await fetchText(`${base}help.html`)).body).toContain('均衡督导助手 帮助');
    expect((await fetchText(`${base}assets/validate-32.png`)).type).toBe('image/png');
  });

  it('serves the development manifest, every address on https://localhost:3000/', async () => {
    const xml = (await fetchText(`https://localhost:${server.port}/manifest.xml`)).body;
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html" />');
  });
});
