// Entry of the `balance` CLI (bin/balance.mjs calls main). Returns the exit code: 0 when the evaluation
// ran (pass or not), 2 on unusable input, 1 on an internal error.
import { clearCommand } from './commands/clear.ts';
import { demoCommand } from './commands/demo.ts';
import { rollupCommand } from './commands/rollup.ts';
import { templateCommand } from './commands/template.ts';
import { validateCommand } from './commands/validate.ts';
import { InputError } from './errors.ts';
import { ignoreClosedStdout, processIO, type CliIO, type Command } from './io.ts';
import { MAIN_USAGE, USAGE } from './usage.ts';
import { terminalSafe } from './terminal.ts';

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  clear: clearCommand,
  rollup: rollupCommand,
  template: templateCommand,
  demo: demoCommand,
};

export async function main(argv: string[], processOrTest: CliIO = processIO): Promise<number> {
  if (processOrTest === processIO) ignoreClosedStdout();
  // Everything printed may carry workbook text (names, sheet names, messages): no control character gets through.
  const io: CliIO = { out: (t) => processOrTest.out(terminalSafe(t)), err: (t) => processOrTest.err(terminalSafe(t)) };
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE[rest[0] ?? ''] ?? MAIN_USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.err(name === undefined ? '缺少命令。' : `未知的命令“${name}”。`);
    io.err(MAIN_USAGE);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof InputError) {
      io.err(`错误：${err.message}`);
      if (err.showUsage) io.err(USAGE[name as string] ?? MAIN_USAGE);
      return err.exitCode;
    }
    io.err(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
