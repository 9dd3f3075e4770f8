// 整改测算 in the results (rules §7): per indicator what it takes to pass, each expandable to its schools.
import type { Rectification } from '../core/rectify/types.ts';
import { formatCV } from './format.ts';
import { useStrings } from './i18n.tsx';
import { VerdictBadge } from './Verdict.tsx';
import { useStyles } from './styles.ts';

/** Whole units without decimals, area to 0.01 ㎡, 元 whole: as the report sheet shows them. */
const amountText = (x: number, unit: string) => `${unit === '㎡' ? x.toFixed(2) : Math.round(x).toLocaleString('zh-CN')} ${unit}`;

export function RectificationPlan({ plan }: { plan: Rectification | undefined }) {
  const t = useStrings();
  const s = useStyles();
  if (!plan || (plan.byIndicator.length === 0 && plan.notes.length === 0)) return null;
  const priced = plan.byIndicator.some((b) => b.cost !== null);
  return (
    <section data-testid="rectification">
      <h3 className={s.subheading}>{t.plan.title}</h3>
      <p className={s.hint}>{t.plan.hint}</p>
      {plan.notes.map((n) => (
        <p key={n} className={s.hint}>{n}</p>
      ))}
      <ul className={s.plainList}>
        {plan.byIndicator.map((b) => {
          const additions = plan.additions.filter((a) => a.stage === b.stage && a.indicator === b.indicator);
          return (
            <li key={`${b.stage}-${b.indicator}`} data-indicator={b.indicator} data-stage={b.stage}>
              <details>
                <summary>
                  {t.stage[b.stage]} · {b.name}：{t.plan.add} <strong>{amountText(b.total, b.unit)}</strong>（{b.schools} {t.schools}）
                  {b.cost !== null && `，${b.cost.toFixed(2)} ${t.plan.tenThousandYuan}`}；{t.cv} {formatCV(b.cvBefore)} → {formatCV(b.cvAfter)}
                </summary>
                <ul className={s.list}>
                  {additions.map((a) => (
                    <li key={`${a.row}-${a.reason}`} className={s.hint}>
                      {a.school} +{amountText(a.amount, a.unit)}（{a.reason === 'school' ? t.plan.forSchool : t.plan.forCV}）
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
      {plan.byIndicator.length > 0 && (
        <p className={s.hint} data-testid="rectification-total">
          {priced ? t.plan.total(plan.cost.total.toFixed(2)) : t.plan.noCosts}
          {t.plan.checked}
          <VerdictBadge pass={plan.passAfter} />
        </p>
      )}
    </section>
  );
}
