// Argument parsing for every command: node's own parser, with its English errors turned into Chinese usage errors.
import { parseArgs } from 'node:util';
import { usageError } from './errors.ts';

export interface OptionSpec {
  /** Options that take a value, e.g. ['standard', 'out']. */
  values?: string[];
  /** Value options that may repeat, e.g. ['map']. */
  multiple?: string[];
  /** Options without a value, e.g. ['merge-campuses']. */
  flags?: string[];
}

export interface ParsedArgs {
  positionals: string[];
  help: boolean;
  /** Last value of a single option. */
  value(name: string): string | undefined;
  /** Every value of a repeatable option, in order. */
  values(name: string): string[];
  /** Whether a flag option was given. */
  flag(name: string): boolean;
}

export function parseCommandArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of spec.values ?? []) options[name] = { type: 'string' };
  for (const name of spec.multiple ?? []) options[name] = { type: 'string', multiple: true };
  for (const name of spec.flags ?? []) options[name] = { type: 'boolean' };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(translateParseError(err));
  }
  const raw = parsed.values as Record<string, string | string[] | boolean | undefined>;
  return {
    positionals: parsed.positionals,
    help: raw.help === true,
    value: (name) => {
      const v = raw[name];
      return typeof v === 'string' ? v : undefined;
    },
    values: (name) => {
      const v = raw[name];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
    flag: (name) => raw[name] === true,
  };
}

function translateParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项 ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${option} 缺少取值`;
    default:
      return `参数有误：${e.message ?? String(err)}`;
  }
}
