// `npm run render [-- STANDARD_ID]`: writes the annotated sample county to test-output/render/, renders it with
// LibreOffice headless to PDF and then to PNG pages (pdftoppm), and prints the PNG paths to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateWorkbook } from '../src/app/validate.ts';
import { FileHost } from '../src/hosts/file/index.ts';
import { writeSampleWorkbook } from '../src/sample/index.ts';

const profileDir = join(tmpdir(), `balance-render-lo-${process.pid}`);
const outDir = resolve('test-output', 'render');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const host = await FileHost.fromBuffer(new Uint8Array(await writeSampleWorkbook().xlsx.writeBuffer()), 'sample.xlsx');
const outcome = await validateWorkbook(host, { standard: process.argv[2] });
if (outcome.error) throw new Error(outcome.error);
const xlsx = join(outDir, 'annotated-sample.xlsx');
writeFileSync(xlsx, await host.toBuffer());

// A private LibreOffice profile: other processes on the machine may be running soffice at the same time.
const profile = `file://${profileDir}`;
execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'inherit' });
execFileSync('pdftoppm', ['-png', '-r', '60', join(outDir, 'annotated-sample.pdf'), join(outDir, 'page')], { stdio: 'inherit' });
for (const f of readdirSync(outDir).filter((f) => f.endsWith('.png')).sort()) console.log(join(outDir, f));
rmSync(profileDir, { recursive: true, force: true });
