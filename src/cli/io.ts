// Where a command prints: stdout for results, stderr for progress and errors. Tests pass their own.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export type Command = (argv: string[], io: CliIO) => Promise<number>;
