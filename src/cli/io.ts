// Where a command prints: stdout for results, stderr for progress and errors. Tests pass their own.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/**
 * `balance validate … | head` closes stdout early. That must not crash the run half-way through writing its
 * files, so a closed pipe is ignored and the command finishes (and cleans up) as usual.
 */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;
