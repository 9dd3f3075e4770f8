// All-or-nothing output: every file is first written in full to a temp file beside its target, and only
// when all of them are ready are they renamed into place. A failure before that point removes every temp
// file, so a failed run leaves neither a half-written file nor a stray temp file.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.ts';

export interface PendingOutput {
  path: string;
  /** Produces the file's content; called only while staging, so a throwing producer aborts the whole set. */
  content: () => Promise<Uint8Array | string> | Uint8Array | string | Iterable<string>;
}

const tempPathFor = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * `inputs` are the files the run read: no output may be one of them, however it is spelled (./x, a/../x), nor
 * a symbolic or hard link to one — compared by real path and by device + inode — or the ledger would be lost.
 */
export async function writeOutputsAtomically(outputs: PendingOutput[], inputs: string[] = []): Promise<void> {
  const targets = outputs.map((o) => resolve(o.path));
  const duplicate = targets.find((t, i) => targets.indexOf(t) !== i);
  if (duplicate) throw new InputError(`输出文件重复：${duplicate}`);
  await refuseInputs(outputs.map((o) => o.path), inputs);
  // A rename onto a directory would fail only after earlier files were already in place: refuse up front.
  for (const target of targets) {
    if ((await stat(target).catch(() => null))?.isDirectory()) throw new InputError(`无法写入 ${target}：这是一个目录`);
  }

  const staged: { temp: string; target: string }[] = [];
  // Ctrl+C or a kill while staging: the temp files go, then the process ends as the signal asked.
  const onSignal = (signal: NodeJS.Signals) => {
    for (const { temp } of staged) rmSync(temp, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const [i, output] of outputs.entries()) {
      const data = await output.content();
      const temp = tempPathFor(targets[i]);
      staged.push({ temp, target: targets[i] });
      await writeFile(temp, data, { flag: 'wx' }).catch((err: unknown) => {
        throw writeError(targets[i], err);
      });
    }
    for (const { temp, target } of staged) {
      await rename(temp, target).catch((err: unknown) => {
        throw writeError(target, err);
      });
    }
  } catch (err) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

interface Identity {
  real: string;
  dev: number;
  ino: number;
}

/** The file a path names: its real path, and its device + inode when it exists. */
async function identity(path: string): Promise<Identity> {
  const abs = resolve(path);
  const info = await stat(abs).catch(() => null);
  const real = info
    ? await realpath(abs)
    : join(await realpath(dirname(abs)).catch(() => dirname(abs)), basename(abs));
  return { real, dev: info?.dev ?? -1, ino: info?.ino ?? -1 };
}

export async function refuseInputs(outputs: string[], inputs: string[]): Promise<void> {
  if (inputs.length === 0) return;
  const read = await Promise.all(inputs.map(identity));
  for (const out of outputs) {
    const o = await identity(out);
    const hit = read.find((i) => i.real === o.real || (o.ino >= 0 && i.dev === o.dev && i.ino === o.ino));
    if (hit) throw new InputError(`拒绝写出 ${out}：它就是输入文件 ${hit.real}（同一路径或其链接）；输入文件保持不变，请另选输出路径`);
  }
}

/** A target the user named that cannot be written is a problem with the arguments, not a crash. */
function writeError(target: string, err: unknown): Error {
  const code = (err as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOENT: '所在目录不存在',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '所在磁盘只读',
    EISDIR: '这是一个目录',
    ENOSPC: '磁盘空间不足',
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new InputError(`无法写入 ${target}：${reason}`) : (err as Error);
}
