// One ledger file through the shared pipeline (src/app/validate.ts): open → validate → the annotated workbook
// in memory and the report JSON. Used by `validate`, `demo` and the bench.
import { validateWorkbook } from '../app/validate.ts';
import type { ValidateOutcome } from '../app/types.ts';
import type { Evaluation, Report } from '../core/report.ts';
import type { FileHost } from '../hosts/file/node.ts';
import type { HeaderMapping, LedgerReadOk } from '../ledger/types.ts';
import type { EvaluationSettings, RulePack } from '../standards/types.ts';
import { InputError } from './errors.ts';
import { countyFromFileName, openWorkbook } from './load.ts';
import { checkMemory } from './memory.ts';
import { standardOption } from './standard.ts';

export interface FileOptions {
  standard?: string;
  sheet?: string;
  mapping?: HeaderMapping;
  /** On a sheet with several counties, the one to evaluate. */
  county?: string;
  settings?: Partial<EvaluationSettings>;
  /**
   * Keep the report's per-school results (its schools and each part's items), for the report JSON. Without,
   * they go once the annotation plan is built, with the school records, but for the failing schools the
   * printed verdict names.
   */
  perSchool?: boolean;
}

/** The ledger as read, without its school records (let go before the workbook is written). */
export type LedgerSummary = Omit<LedgerReadOk, 'county'>;

export interface ValidatedFile {
  /** The workbook with the annotations applied (not yet written anywhere). */
  host: FileHost;
  ledger: LedgerSummary;
  drivers: Evaluation['drivers'];
  /** The report JSON of rules §6: ledger and evaluation problems together (without perSchool: see there). */
  report: Report;
  pack: RulePack;
}

export async function validateFile(path: string, options: FileOptions = {}): Promise<ValidatedFile> {
  // An unknown --standard is reported before the file is even opened.
  if (options.standard !== undefined) standardOption(options.standard);
  return validateHost(await openWorkbook(path), path, options);
}

/** `label` names the workbook in messages; its file name is the county name when the workbook names none. */
export async function validateHost(host: FileHost, label: string, options: FileOptions = {}): Promise<ValidatedFile> {
  // The host keeps what it read: validateWorkbook reads the same sheets again without parsing them again.
  checkMemory(await host.readWorkbook(), label);
  const outcome = await validateWorkbook(host, {
    ...options,
    fallbackCountyName: countyFromFileName(label),
    beforeApply: (o) => released(o, options.perSchool ?? true),
  });
  if (!outcome.ledger.ok) throw new InputError(`${label}：${outcome.ledger.message}`);
  if (outcome.error || !outcome.evaluation) throw new InputError(`${label}：${outcome.error ?? '未能完成校验'}`);
  checkMapping(label, outcome.ledger, options.mapping);
  if (!outcome.pack) throw new InputError(`${label}：未能完成校验`);
  const { county: _county, ...ledger } = outcome.ledger;
  return { host, ledger, drivers: outcome.evaluation.drivers, report: outcome.evaluation.report, pack: outcome.pack };
}

/**
 * What is kept once the plan is built: no school records, no per-school details, no plan (the host holds what it
 * applies), and the report's per-school results only when asked. On 200,000 schools this is ~700 MB of heap
 * that the writing of the workbook no longer shares memory with.
 */
function released(outcome: ValidateOutcome, perSchool: boolean): ValidateOutcome {
  const { ledger, evaluation } = outcome;
  if (!ledger.ok || !evaluation) return outcome;
  const report = perSchool
    ? evaluation.report
    : {
        ...evaluation.report,
        // The verdict names the schools that fail the school rule; the others go.
        schools: evaluation.report.schools.filter((s) => s.pass === false),
        parts: evaluation.report.parts.map((p) => ({ ...p, items: [] })),
      };
  return {
    ...outcome,
    plan: undefined,
    ledger: { ...ledger, county: { ...ledger.county, schools: [] } },
    evaluation: { ...evaluation, schoolDetails: [], report },
  };
}

/** A --map the ledger has no column for is a mistake in the arguments: say so instead of quietly ignoring it. */
function checkMapping(path: string, ledger: LedgerSummary, mapping: HeaderMapping | undefined): void {
  for (const [field, header] of Object.entries(mapping ?? {})) {
    const ignored = ledger.problems.some((p) => p.code === 'mapping_column_not_found' && p.field === field);
    if (ignored || !ledger.columns.some((c) => c.field === field)) {
      const headers = ledger.columns.map((c) => `${c.col}“${c.header}”`).join('、');
      throw new InputError(`${path}：--map ${field}=${header} 在工作表 ${ledger.sheet} 中找不到表头“${header}”（第 ${ledger.headerRows.join('、')} 行的表头：${headers}）`);
    }
  }
}
