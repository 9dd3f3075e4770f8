// The two compulsory stages every layer speaks of, in English ids with their Chinese names.

export type Stage = 'primary' | 'junior';
export const STAGES: readonly Stage[] = ['primary', 'junior'];
export const STAGE_NAMES: Record<Stage, string> = { primary: '小学', junior: '初中' };
