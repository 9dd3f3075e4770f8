// Plain data shared by every layer: the ledger reader produces LedgerSchool[], the engine turns them
// into a Report, the planner turns a Report into an AnnotationPlan that hosts apply. The vocabulary itself lives
// in src/model (below every folder); this re-exports it for the modules that import it from core.
export * from '../model/stages.ts';
export * from '../model/fields.ts';
export * from '../model/school.ts';
export * from '../model/result.ts';
export type { Problem, ProblemCode, Severity } from '../model/problem.ts';
