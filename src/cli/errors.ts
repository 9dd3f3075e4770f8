// The CLI's two kinds of expected failure. Anything else that escapes a command is an internal error (exit 1).

/** Unusable input or arguments: missing file, not xlsx, no ledger, unknown standard, bad --map (exit 2). */
export class InputError extends Error {
  readonly exitCode = 2;
  /** Print the command's usage after the message (argument mistakes, not file problems). */
  readonly showUsage: boolean;
  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super(message);
    this.name = 'InputError';
    this.showUsage = options.showUsage ?? false;
  }
}

export const usageError = (message: string): InputError => new InputError(message, { showUsage: true });
