export * from './types.ts';
export * from './stats.ts';
export * from './split.ts';
export * from './derive.ts';
export * from './report.ts';
export * from './evaluate.ts';
export * from './plan.ts';
export * from './kernel.ts';
