// --standard: a rule-pack id (or its Chinese name); unknown ones are unusable input.
import { getStandard } from '../standards/index.ts';
import type { RulePack } from '../standards/types.ts';
import { InputError } from './errors.ts';

export function standardOption(id: string | undefined): RulePack {
  const pack = getStandard(id);
  if (!pack.ok) throw new InputError(pack.message);
  return pack.value;
}
