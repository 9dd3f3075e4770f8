// What every layer reports about a workbook: a problem names its sheet and cell, says in Chinese what is wrong,
// and, where code acts on it, carries a stable English code instead of a message prefix to match.

export type Severity = 'error' | 'warning' | 'info';

/** Problems some code reacts to; the message may be reworded, the code stays. */
export type ProblemCode =
  /** A saved or --map mapping names a field the ledger does not have. */
  | 'mapping_unknown_field'
  /** A saved or --map mapping names a header the sheet does not have; the mapping was not used. */
  | 'mapping_column_not_found';

export interface Problem {
  severity: Severity;
  code?: ProblemCode;
  /** The canonical ledger field a coded problem is about (the mapping's field). */
  field?: string;
  sheet?: string;
  cell?: string;
  message: string;
}
