// One stage's indicator table as the national template prints it: county mean (2 decimals), CV (3 decimals)
// against its limit, and how many schools fall below the threshold.
import { mergeClasses } from '@fluentui/react-components';
import type { StageResult } from '../core/report.ts';
import type { Stage } from '../core/types.ts';
import { formatCV, formatLimit, formatMean } from './format.ts';
import { useStrings } from './i18n.tsx';
import { useStyles } from './styles.ts';

export function IndicatorTable({ stage, result }: { stage: Stage; result: StageResult }) {
  const t = useStrings();
  const s = useStyles();
  const caption = t.indicatorTable(t.stage[stage]);
  return (
    <>
      <h3 className={s.subheading}>{caption}</h3>
      <div className={s.scrollX}>
        <table className={s.table} aria-label={caption} data-testid={`indicators-${stage}`}>
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th>
              <th scope="col" className={s.num}>{t.mean}</th>
              <th scope="col" className={s.num}>{t.cv}</th>
              <th scope="col" className={s.num}>{t.limit}</th>
              <th scope="col" className={s.num}>{t.below}</th>
            </tr>
          </thead>
          <tbody>
            {result.indicators.map((r) => (
              <tr key={r.id} data-indicator={r.id}>
                <th scope="row" style={{ whiteSpace: 'normal', fontWeight: 'normal' }}>{r.name}</th>
                <td className={s.num} data-col="mean">{formatMean(r.mean)}</td>
                <td className={mergeClasses(s.num, r.cvPass === false && s.failText)} data-col="cv">
                  {formatCV(r.cv)}
                  {r.cvPass === false && <span aria-label={t.fail}> ✗</span>}
                </td>
                <td className={s.num} data-col="limit">{formatLimit(r.cvLimit)}</td>
                <td className={mergeClasses(s.num, !!r.schoolsBelow && s.failText)} data-col="below">{r.schoolsBelow ?? '—'}</td>
              </tr>
            ))}
            {result.compositeLimit !== null && (
              <tr data-indicator="composite">
                <th scope="row" style={{ whiteSpace: 'normal' }}>{t.composite}</th>
                <td className={s.num}>—</td>
                <td className={mergeClasses(s.num, result.pass === false && s.failText)} data-col="cv">{formatCV(result.composite)}</td>
                <td className={s.num} data-col="limit">{formatLimit(result.compositeLimit)}</td>
                <td className={s.num}>—</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
