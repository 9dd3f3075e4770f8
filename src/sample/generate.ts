// Turns the school list into ledger rows: per-stage teacher counts, school totals for shared resources
// (the engine splits combined schools), equipment in 万元 as clerks keep it.
import { TEMPLATE_COLUMNS } from '../ledger/template.ts';
import type { CanonicalField } from '../core/types.ts';
import { STAGE_WEIGHTS } from '../core/split.ts';
import { rng, type Rng } from './prng.ts';
import { SCHOOLS, type Profile, type Rates, type SchoolSpec } from './schools.ts';

export const SAMPLE_SEED = 20250901;

type Range = [number, number];
/**
 * Rate ranges by profile. City schools are crowded (small areas per pupil, many backbone teachers), village
 * schools roomy but short of backbone teachers: realistic, and it spreads backbone teachers and sports area
 * enough that their primary CVs exceed 0.50 while the rest stay within limits.
 */
const RATES: Record<Profile, Record<keyof Rates, Range>> = {
  urban: {
    aboveDegreePer100: [5.0, 5.8], backbonePer100: [4.2, 5.6], peArtPer100: [0.95, 1.2], teachingAreaPerPupil: [4.6, 5.6],
    sportsAreaPerPupil: [7.6, 8.8], equipmentPerPupil: [3600, 5200], multimediaPer100: [2.4, 2.9],
  },
  town: {
    aboveDegreePer100: [5.4, 6.6], backbonePer100: [1.05, 1.7], peArtPer100: [1.0, 1.4], teachingAreaPerPupil: [5.8, 7.4],
    sportsAreaPerPupil: [11, 17], equipmentPerPupil: [2700, 3600], multimediaPer100: [2.6, 3.4],
  },
  village: {
    aboveDegreePer100: [6.2, 8.0], backbonePer100: [1.0, 1.3], peArtPer100: [0.95, 1.6], teachingAreaPerPupil: [7.0, 10.5],
    sportsAreaPerPupil: [22, 38], equipmentPerPupil: [2100, 3000], multimediaPer100: [3.2, 5.5],
  },
  point: {
    aboveDegreePer100: [8, 11], backbonePer100: [1.4, 1.9], peArtPer100: [1.4, 1.9], teachingAreaPerPupil: [8, 12],
    sportsAreaPerPupil: [22, 40], equipmentPerPupil: [2200, 3200], multimediaPer100: [2.8, 4.5],
  },
};
/** Junior thresholds are higher and junior schools are equipped accordingly; city junior schools have fewer backbone teachers per pupil than city primaries. */
const JUNIOR_FACTOR: Partial<Record<keyof Rates, number>> = { aboveDegreePer100: 1.3, teachingAreaPerPupil: 1.3, sportsAreaPerPupil: 1.35, equipmentPerPupil: 1.3 };
const juniorFactor = (k: keyof Rates, profile: Profile): number =>
  k === 'backbonePer100' && profile === 'urban' ? 0.55 : (JUNIOR_FACTOR[k] ?? 1);
const PUPILS_PER_TEACHER: Record<Profile, number> = { urban: 18.5, town: 15, village: 11, point: 9 };
const CLASS_SIZE: Record<Profile, number> = { urban: 42, town: 40, village: 28, point: 16 };
const BUILT: Record<Profile, [number, number]> = { urban: [1995, 2018], town: [1988, 2015], village: [1978, 2012], point: [1970, 2005] };

type Row = Partial<Record<CanonicalField, string | number>>;

function drawRates(r: Rng, profile: Profile, override: Partial<Rates> = {}): Rates {
  const ranges = RATES[profile];
  const out = {} as Rates;
  for (const k of Object.keys(ranges) as (keyof Rates)[]) out[k] = override[k] ?? r.between(...ranges[k]);
  return out;
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

function schoolRow(r: Rng, s: SchoolSpec): Row {
  const a = s.primary ?? 0;
  const b = s.junior ?? 0;
  const c = s.senior ?? 0;
  const rates = drawRates(r, s.profile, s.override);
  const stageRate = (k: keyof Rates, stage: 'primary' | 'junior') => rates[k] * (stage === 'junior' ? juniorFactor(k, s.profile) : 1);
  const row: Row = { school: s.name, type: s.type };
  if (s.central) row.central_school = s.central;
  if (a) row.students_primary = a;
  if (b) row.students_junior = b;
  if (c) row.students_senior = c;

  for (const [stage, n] of [['primary', a], ['junior', b]] as const) {
    if (!n) continue;
    const teachers = Math.ceil(n / PUPILS_PER_TEACHER[s.profile]);
    // Whole teachers: drawn rates round up so only the deliberate weak spots (overrides, rounded down) fall short.
    const count = (k: keyof Rates) =>
      Math.min(teachers, (s.override?.[k] === undefined ? Math.ceil : Math.floor)((stageRate(k, stage) * n) / 100));
    row[`teachers_${stage}`] = teachers;
    row[`above_degree_teachers_${stage}`] = count('aboveDegreePer100');
    row[`backbone_teachers_${stage}`] = count('backbonePer100');
    row[`pe_art_teachers_${stage}`] = count('peArtPer100');
    row[`senior_title_teachers_${stage}`] = Math.round(teachers * r.between(0.38, 0.62));
  }

  // Shared totals: sized on the weighted enrolment the engine splits by, so each part gets its stage's rate.
  const amount = (k: keyof Rates) => stageRate(k, 'primary') * a + stageRate(k, 'junior') * b + stageRate(k, 'junior') * c * (STAGE_WEIGHTS.senior / STAGE_WEIGHTS.junior);
  const weightedPupils = a + b * STAGE_WEIGHTS.junior + c * STAGE_WEIGHTS.senior;
  const indoor = s.profile === 'urban' ? round(r.between(600, 1400)) : s.profile === 'town' ? round(r.between(0, 500)) : 0;
  row.teaching_area = round(amount('teachingAreaPerPupil') + indoor);
  row.indoor_sports_area = indoor;
  row.sports_ground_area = round(Math.max(0, amount('sportsAreaPerPupil') - indoor));
  row.equipment_value = round(amount('equipmentPerPupil') / 10_000, 2);
  row.multimedia_rooms = Math.ceil((rates.multimediaPer100 * weightedPupils) / 100);
  row.computers = Math.ceil((r.between(8, 16) * (a + b + c)) / 100);
  row.books = round((a * r.between(22, 38) + (b + c) * r.between(32, 48)) / 10) * 10;
  row.classes = Math.ceil(a / CLASS_SIZE[s.profile]) + Math.ceil(b / CLASS_SIZE[s.profile]) + Math.ceil(c / 50);
  const largest = () => s.maxClass ?? Math.round(CLASS_SIZE[s.profile] * r.between(1.0, 1.07));
  // One column per stage for schools with two compulsory stages, as the template asks.
  if (a && b) {
    row.max_class_size_primary = largest();
    row.max_class_size_junior = largest();
  } else row.max_class_size = largest();
  // Government guarantee columns (rules §4.2). Teaching points keep them blank: their rooms are the central school's.
  if (s.type !== '教学点') {
    const built = s.built ?? Math.round(r.between(...BUILT[s.profile]));
    const rooms = Math.ceil((row.classes as number) / 12);
    const area = (standard: number, old: number) => round(built <= 2016 ? r.between(old, old + 25) : r.between(standard, standard + 20));
    row.built_year = built;
    row.music_rooms = rooms;
    row.art_rooms = rooms;
    row.music_room_area = area(96, 73);
    row.art_room_area = area(90, 67);
    row.public_funding = round((a * r.between(960, 1050) + (b + c) * r.between(1180, 1300)) / 100) * 100;
  }
  const small = s.type !== '教学点' && s.profile === 'village' && a + b < 100 ? '是' : '否';
  row.small_rural_school = small;
  row.dense_city_centre = s.profile === 'urban' ? '是' : '否';
  return row;
}

/** Field values of every school, in ledger order. */
export function sampleSchoolRows(seed = SAMPLE_SEED): Row[] {
  const r = rng(seed);
  return SCHOOLS.map((s) => schoolRow(r, s));
}

/** The ledger sheet as plain rows: the title, the template header row, one row per school. */
export function ledgerGrid(title: string, rows: Row[]): (string | number | null)[][] {
  const header = TEMPLATE_COLUMNS.map((c) => c.header);
  const body = rows.map((row) => TEMPLATE_COLUMNS.map((c) => row[c.field] ?? null));
  return [[title, ...header.slice(1).map(() => null)], header, ...body];
}
