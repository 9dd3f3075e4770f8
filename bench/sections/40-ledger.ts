// Ledger reader bench: readLedger on ledgers of 500 to 16,000 rows (two-row merged header, numbers typed
// as text, totals rows), to show it is linear, against peers in the same run: a bare loop doing only
// Number() on the same cells (the floor) and evaluate() on the county it produced.
import { evaluate } from '../../src/core/evaluate.ts';
import { readLedger } from '../../src/ledger/index.ts';
import type { SheetValues } from '../../src/ledger/types.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { figure } from '../figures.ts';

const SIZES = [500, 2000, 8000, 16000];
const RUNS = 5;

const GROUP = ['学校名称', '学校类型', '在校学生数', '在校学生数', '高于规定学历教师数', '高于规定学历教师数', '县级及以上骨干教师数', '县级及以上骨干教师数',
  '体育艺术专任教师数', '体育艺术专任教师数', '教学及辅助用房面积（㎡）', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '教学仪器设备值（万元）', '网络多媒体教室数（间）', '图书册数'];
const SUB = ['学校名称', '学校类型', '小学', '初中', '小学', '初中', '小学', '初中', '小学', '初中', '合计', '其中：室内体育用房', '运动场地面积（㎡）', '教学仪器设备值（万元）', '网络多媒体教室数（间）', '图书册数'];

function sheet(rows: number): SheetValues {
  const values: unknown[][] = [['某某县义务教育学校基本情况统计表'], GROUP, SUB];
  for (let i = 0; i < rows; i++) {
    const junior = i % 3 === 0;
    const n = 200 + ((i * 37) % 1200);
    const s = (x: number) => (i % 2 ? x.toLocaleString('en-US') : x); // half the numbers typed as text "1,234"
    values.push([`第${i + 1}学校`, junior ? '初中' : '小学', junior ? null : s(n), junior ? s(n) : '—',
      junior ? null : Math.round(n * 0.05), junior ? Math.round(n * 0.06) : null, Math.round(n * 0.012), null, Math.round(n * 0.011), null,
      s(n * 5), 200, s(n * 9), Math.round(n * 0.27), Math.round(n * 0.026), s(n * 30)]);
    if (i % 100 === 99) values.push(['小计', null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  }
  values.push(['填表人：']);
  return { name: '台账', values, merges: ['A1:P1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:F2', 'G2:H2', 'I2:J2', 'K2:L2', 'M2:M3', 'N2:N3', 'O2:O3', 'P2:P3'] };
}

function best(fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The floor: every data cell through Number() with commas stripped, nothing else. */
function bareParse(values: unknown[][]): number {
  let sum = 0;
  for (let r = 3; r < values.length; r++) {
    for (const v of values[r]) {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/,/g, '')) : NaN;
      if (Number.isFinite(n)) sum += n;
    }
  }
  return sum;
}

export async function run(): Promise<void> {
  console.log('rows     readLedger   per row    bare Number()   ratio   evaluate()   schools');
  let base: number | null = null;
  for (const rows of SIZES) {
    const s = sheet(rows);
    let schools = 0;
    const tRead = best(() => {
      const r = readLedger([s]);
      if (!r.ok) throw new Error(r.message);
      schools = r.county.schools.length;
    });
    const tBare = best(() => bareParse(s.values));
    const read = readLedger([s]);
    if (!read.ok) throw new Error(read.message);
    const tEval = best(() => evaluate(read.county, national2017Quality));
    const perRow = (tRead * 1000) / rows;
    base ??= perRow;
    figure(`read_ledger_${rows}_us_per_row`, perRow);
    figure(`read_ledger_${rows}_bare_ratio`, tRead / tBare);
    // The tracked figure is the largest ledger's, where start-up costs no longer count.
    if (rows === SIZES[SIZES.length - 1]) figure('read_ledger_us_per_row', perRow);
    console.log(
      `${String(rows).padStart(6)}  ${tRead.toFixed(1).padStart(9)} ms  ${perRow.toFixed(1).padStart(6)} µs  ${tBare.toFixed(2).padStart(10)} ms  ` +
        `${(tRead / tBare).toFixed(0).padStart(5)}×  ${tEval.toFixed(1).padStart(9)} ms  ${String(schools).padStart(7)}`,
    );
  }
  console.log('linear when the per-row time stays flat as rows grow (best of', RUNS, 'runs each)');
}
