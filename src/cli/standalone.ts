// Entry of the one-file CLI (balance-<version>.mjs, bundled by scripts/package.ts for plain Node 20): the same
// main() as bin/balance.mjs, without tsx. Both imports are dynamic so that the bundler defers each module's
// start-up until it is needed: `--help` then runs without initialising ExcelJS and its zip libraries.
const argv = process.argv.slice(2);
if (argv.length > 0 && ['--help', '-h', 'help'].includes(argv[0])) {
  const { MAIN_USAGE, USAGE } = await import('./usage.ts');
  console.log(USAGE[argv[1] ?? ''] ?? MAIN_USAGE);
} else {
  const { main } = await import('./main.ts');
  process.exitCode = await main(argv);
}

export {};
