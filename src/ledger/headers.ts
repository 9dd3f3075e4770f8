// Matching one header (sub-header plus its group header) to a canonical field, as rules §5 says:
// normalise, take the stage token from anywhere, the unit from the rightmost unit token, and match the rest
// against the synonym table.
import { NUMERIC_FIELDS, type CanonicalField, type NumericField } from '../core/types.ts';
import { toHalfWidth } from './cells.ts';
import { DERIVED_MARKERS, STAGED_BASES, SYNONYMS, type StagedBase, type SynonymKey } from './synonyms.ts';

export type HeaderStage = 'primary' | 'junior' | 'senior';

/** Drops spaces of any width, list punctuation, the full/half-width bracket difference and a 其中 prefix. */
export function normalizeHeader(s: string): string {
  return toHalfWidth(s)
    .toLowerCase()
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/[、,，:：;；。.·*※"'“”‘’]/g, '')
    .replace(/[［【〔｛{]/g, '[')
    .replace(/[］】〕｝}]/g, ']')
    .replace(/^其中/, '')
    // Digit ranges (班额 46～50人, 46—50人, 46至50人) in one spelling, so the synonym table lists each band once.
    .replace(/(\d)(?:-|~|—|–|至|到)+(?=\d)/g, '$1-');
}

// Text of ASCII, CJK ideographs, full-width ASCII and CJK punctuation: normalizeHeader keeps its ideographs as they
// are and adds none (NFKC maps none of these to an ideograph), so an ideograph not in the text is not in its form.
const KEEPS_IDEOGRAPHS = /^[\t\n\r\u0020-\u007f\u00b7\u2018\u2019\u201c\u201d\u203b\u3000-\u3002\u4e00-\u9fff\uff01-\uff5e]*$/;
const IDEOGRAPH = /[\u4e00-\u9fff]/;

/** normalizeHeader(text) holds exactly the ideographs of `text`, none added (see KEEPS_IDEOGRAPHS). */
export const keepsIdeographs = (text: string): boolean => KEEPS_IDEOGRAPHS.test(text);

/** The CJK ideographs of a text, for normalizedLacks. */
export const ideographsOf = (s: string): string[] => [...s].filter((ch) => IDEOGRAPH.test(ch));

/**
 * True when normalizeHeader(text) surely misses one of `ideographs` (from ideographsOf), known without
 * normalising: the reader asks it of every row's name before the costly normalisation. False: "may hold them all".
 */
export function normalizedLacks(text: string, ideographs: string[]): boolean {
  if (!keepsIdeographs(text)) return false;
  for (const ch of ideographs) if (!text.includes(ch)) return true;
  return false;
}

const STAGE_TOKENS: Record<string, HeaderStage> = { 小学: 'primary', 初中: 'junior', 高中: 'senior' };
const UNIT_RE = /万元|元|m2|平方米|平米|间|台|册|人/g;
const BRACKETS = /[()[\]<>《》/\\]/g;

type Dimension = 'money' | 'area' | 'count';
const UNIT_DIMENSION: Record<string, Dimension> = {
  万元: 'money', 元: 'money', m2: 'area', 平方米: 'area', 平米: 'area', 间: 'count', 台: 'count', 册: 'count', 人: 'count',
};
const MONEY_FIELDS = new Set<string>(['equipment_value', 'public_funding']);
const AREA_FIELDS = new Set<string>(['teaching_area', 'indoor_sports_area', 'sports_ground_area', 'sports_area',
  'rented_sports_area', 'other_sports_area', 'music_room_area', 'art_room_area']);

function stageOf(text: string): HeaderStage | undefined | 'mixed' {
  const found = new Set<HeaderStage>();
  for (const m of text.matchAll(/小学|初中|高中/g)) found.add(STAGE_TOKENS[m[0]]);
  return found.size === 1 ? [...found][0] : found.size > 1 ? 'mixed' : undefined;
}

/** The one compulsory stage a sheet is about, from its name or title (某某县小学校际均衡情况表); 中小学 names both. */
export function sheetStage(texts: string[]): 'primary' | 'junior' | undefined {
  const found = new Set<HeaderStage>();
  for (const t of texts) {
    const half = toHalfWidth(t);
    for (const m of half.replace(/中小学/g, '').matchAll(/小学|初中/g)) found.add(STAGE_TOKENS[m[0]]);
    // The statistics' base tables by number (rules §5.1 item 3): 基础基312 is the 小学 table, 313 the 初中 one.
    for (const m of half.matchAll(/基础基\s*31([23])(?!\d)/g)) found.add(m[1] === '2' ? 'primary' : 'junior');
  }
  const [only] = found;
  return found.size === 1 && only !== 'senior' ? only : undefined;
}

/** A stage-less column of a per-stage field (在校生数, 骨干教师数) on a sheet about one stage: that stage's count. */
export function withSheetStage(info: HeaderInfo, stage: 'primary' | 'junior'): HeaderInfo {
  const key = info.match?.key;
  return key && !info.stage && (STAGED_BASES as readonly string[]).includes(key) ? { ...info, stage } : info;
}

/** The rightmost unit token, with a 万 in front of a non-money unit (万册, 万m2) as a factor. */
function unitOf(text: string): { unit: string; factor: number } | undefined {
  let last: RegExpMatchArray | undefined;
  for (const m of text.matchAll(UNIT_RE)) last = m;
  if (!last) return undefined;
  const token = last[0];
  if (token === '万元') return { unit: '万元', factor: 10000 };
  const wan = text[last.index! - 1] === '万';
  const unit = UNIT_DIMENSION[token] === 'area' ? '㎡' : token;
  return { unit: wan ? `万${unit}` : unit, factor: wan ? 10000 : 1 };
}

/** The name a synonym is matched against: no stage token, no unit in brackets or at the end, no brackets. */
function coreName(text: string, keepStage = false): string {
  return (keepStage ? text : text.replace(/小学|初中|高中/g, ''))
    .replace(/[([<](?:万?(?:万元|元|m2|平方米|平米|间|台|册|人|个|名))[)\]>]/g, '')
    .replace(/\/?万?(?:万元|元|m2|平方米|平米)$/, '')
    .replace(BRACKETS, '');
}

export interface NameMatch {
  key: SynonymKey;
  score: number;
  /** The synonym entry matched (without its flag). */
  syn: string;
  /** One subject of a group summed into the field (体育, 音乐, 美术). */
  part: boolean;
}

const EXACT_BONUS = 100;

/** Best synonym for a normalised core name: exact entries beat contained ones, longer contained ones beat shorter. */
export function matchName(core: string): NameMatch | null {
  if (!core) return null;
  let best: NameMatch | null = null;
  for (const [key, list] of Object.entries(SYNONYMS) as [SynonymKey, string[]][]) {
    for (const entry of list) {
      const flag = entry[0] === '=' || entry[0] === '+' ? entry[0] : '';
      const syn = flag ? entry.slice(1) : entry;
      const exact = core === syn;
      if (!exact && flag) continue;
      if (!exact && !core.includes(syn)) continue;
      const score = syn.length + (exact ? EXACT_BONUS : 0);
      if (!best || score > best.score) best = { key, score, syn, part: flag === '+' };
    }
  }
  return best;
}

export interface HeaderInfo {
  /** Display text: "group/sub", or the one that is there. */
  text: string;
  match: NameMatch | null;
  stage?: HeaderStage;
  unit?: string;
  factor: number;
  /** A computed column (生均…, 差异系数): never an input. */
  derived: boolean;
  /** A teachers-by-degree column (专科, 本科毕业, 博士研究生): summed into the above-degree count of its stage. */
  degree?: DegreeLevel;
}

const TOTAL_WORDS = new Set(['合计', '小计', '总计', '计', '总数', '合计数', '总']);
export const isTotalWord = (text: string): boolean => TOTAL_WORDS.has(coreName(normalizeHeader(text)));

/**
 * Teachers by the degree they hold (rules §5.1: 专科 / 本科 / 硕士 / 博士 by stage). 0 is below 专科; 小学 counts
 * 专科 and above, 初中 本科 and above.
 */
export type DegreeLevel = 0 | 1 | 2 | 3;
const DEGREE_RE: [RegExp, DegreeLevel][] = [
  [/^(博士|硕士|博士研究生|硕士研究生|研究生)(毕业|学历)?(教师)?(数|人数)?$/, 3],
  [/^(本科|大学本科)(毕业|学历)?(教师)?(数|人数)?$/, 2],
  [/^(专科|大学专科|大专)(毕业|学历)?(教师)?(数|人数)?$/, 1],
  [/^(高中阶段|高中|高中阶段以下|高中以下|高中及以下|中专|中师)(毕业|学历)?(教师)?(数|人数)?$/, 0],
];
/**
 * The degree a column counts, and whether its stage is in the same header (小学专科学历教师数, a flat form-summary
 * header) rather than above it: 高中 in 高中阶段毕业 is a degree, so the stage-free reading is only a fallback.
 */
function degreeOf(sub: string, context: string): { level: DegreeLevel; stageInName: boolean } | undefined {
  if (!/教师|学历/.test(context)) return undefined;
  const whole = coreName(sub, true);
  const level = DEGREE_RE.find(([re]) => re.test(whole))?.[1];
  if (level !== undefined) return { level, stageInName: false };
  const bare = coreName(sub);
  const bareLevel = bare === whole || !/教师|学历/.test(sub) ? undefined : DEGREE_RE.find(([re]) => re.test(bare))?.[1];
  return bareLevel === undefined ? undefined : { level: bareLevel, stageInName: true };
}

/** Matches a column's sub-header under its group header ('' when the header is one row). */
export function analyseHeader(subRaw: string, groupRaw: string): HeaderInfo {
  return analysePath(groupRaw.trim() ? [groupRaw, subRaw] : [subRaw]);
}

/**
 * Matches a column by its header path, top level first (办学条件 / 体育场馆面积 / 体育馆面积). The deepest level
 * names the column; a 计/合计 there stands for its parent. Upper levels give the stage, the unit and the context
 * (a teacher group makes 体育 a teacher count), but a category never stands for a sub-header that names
 * something else.
 */
export function analysePath(rawPath: string[]): HeaderInfo {
  const path = rawPath.map((t) => t.trim()).filter((t, i, all) => t && t !== all[i - 1]);
  const text = path.join('/');
  while (path.length > 1 && isTotalWord(path[path.length - 1])) path.pop();
  const subRaw = path[path.length - 1] ?? '';
  const groupRaw = path.length > 1 ? path[path.length - 2] : '';
  const context = normalizeHeader(path.join('/'));
  let sub = normalizeHeader(subRaw);
  const group = normalizeHeader(groupRaw);
  if (TOTAL_WORDS.has(coreName(sub))) sub = '';
  const subCore = coreName(sub);
  const groupCore = coreName(group);
  const marked = (t: string) => DERIVED_MARKERS.some((m) => t.includes(m));
  // A computed group (生均… over 小学/初中) makes its columns computed, unless the sub-header names an input itself.
  const derived = marked(subCore) || (marked(groupCore) && (matchName(subCore)?.score ?? 0) < EXACT_BONUS);
  const degreeRead = derived ? undefined : degreeOf(sub, context);
  const degree = degreeRead?.level;

  // The stage and unit of the deepest level that states one; 高中 in a degree (高中阶段毕业) is no stage.
  const levels = path.map(normalizeHeader).reverse();
  const stageLevels = degreeRead && !degreeRead.stageInName ? levels.map((l, i) => (i === 0 ? '' : l)) : levels;
  const stageRaw = stageLevels.map(stageOf).find((st) => st);
  const stage = stageRaw === 'mixed' ? undefined : stageRaw;
  const unit = levels.map(unitOf).find((u) => u);

  let match: NameMatch | null = null;
  if (!derived && degree === undefined) {
    // Stage-free names first; the whole text too, for names that hold a stage token by accident (密度过高中心城区).
    const alone = pickBetter(matchName(subCore), matchName(coreName(sub, true)));
    // A subject (体育) is a teacher count only under a teacher group header.
    const aloneOk = alone && (!alone.part || context.includes('教师')) ? alone : null;
    // The group names the field only when the sub-header adds to it (在校学生数 over 小学, 图书 over 册数), never when
    // the sub-header is something of its own (教学及辅助用房 over 教室).
    const joined = groupCore ? matchName(groupCore + subCore) : null;
    const joinedOk = joined && !joined.part && (!subCore || !groupCore.includes(joined.syn)) ? joined : null;
    match = aloneOk && aloneOk.score >= EXACT_BONUS ? aloneOk : pickBetter(aloneOk, joinedOk);
  }
  return { text, match, stage, unit: unit?.unit, factor: unit?.factor ?? 1, derived, ...(degree !== undefined ? { degree } : {}) };
}

const pickBetter = (a: NameMatch | null, b: NameMatch | null): NameMatch | null =>
  !a ? b : !b ? a : b.score > a.score ? b : a;

const isNumeric = (f: string): f is NumericField => (NUMERIC_FIELDS as readonly string[]).includes(f);

/** 'students' is the stage-less enrolment column, resolved per row from the school's type. */
export type ColumnField = CanonicalField | 'students';

/** The canonical field a header names, or null (e.g. 高中 teacher counts, which no indicator uses). */
export function fieldOf(info: HeaderInfo): ColumnField | null {
  if (!info.match) return null;
  const key = info.match.key;
  if (!(STAGED_BASES as readonly string[]).includes(key)) return key as CanonicalField;
  if (!info.stage) return key as StagedBase;
  const staged = `${key}_${info.stage}`;
  return isNumeric(staged) ? staged : null;
}

/** Factor to base units when the header's unit fits the field (万元 on a money column, 万册 on books); else 1. */
export function unitFactor(field: ColumnField | null, info: HeaderInfo): { unit?: string; factor: number } {
  if (!field || !info.unit || (field !== 'students' && !isNumeric(field))) return { factor: 1 };
  const dim = info.unit === '万元' || info.unit === '元' ? 'money' : info.unit.endsWith('㎡') ? 'area' : 'count';
  const fieldDim: Dimension = MONEY_FIELDS.has(field) ? 'money' : AREA_FIELDS.has(field) ? 'area' : 'count';
  return dim === fieldDim ? { unit: info.unit, factor: info.factor } : { factor: 1 };
}

export const isMoneyField = (f: string): boolean => MONEY_FIELDS.has(f);
export const isAreaField = (f: string): boolean => AREA_FIELDS.has(f);
