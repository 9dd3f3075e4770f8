// The figures `npm run bench -- --json FILE` writes, so runs can be compared over time. A section calls
// figure('snake_case_key', value) beside the line it prints; run.ts collects every section's figures into one
// flat JSON object. Keys are unique across sections: prefix them with the section's subject (cv_, cli_, …).
const figures = new Map<string, number>();

const KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Records one figure and returns it, so a section can print what it records. */
export function figure(key: string, value: number): number {
  if (!KEY.test(key)) throw new Error(`bench figure key "${key}" is not snake_case`);
  if (figures.has(key)) throw new Error(`bench figure "${key}" recorded twice`);
  if (!Number.isFinite(value)) throw new Error(`bench figure "${key}" is not a finite number: ${value}`);
  figures.set(key, value);
  return value;
}

/** Every figure recorded so far, in recording order. */
export const recordedFigures = (): Record<string, number> => Object.fromEntries(figures);
