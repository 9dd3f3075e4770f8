// The county verdict, each stage's resource verdict, and the method's parts with their reasons.
import { Badge } from '@fluentui/react-components';
import type { PartResult, Report } from '../core/report.ts';
import { STAGES } from '../core/types.ts';
import { formatCV, formatLimit } from './format.ts';
import { useStrings } from './i18n.tsx';
import { useStyles } from './styles.ts';

export function VerdictBadge({ pass }: { pass: boolean | null }) {
  const t = useStrings();
  const [color, text] = pass === true ? (['success', t.pass] as const) : pass === false ? (['danger', t.fail] as const) : (['informative', t.notEvaluated] as const);
  return <Badge appearance="filled" color={color} shape="rounded">{text}</Badge>;
}

export function StageVerdicts({ report }: { report: Report }) {
  const t = useStrings();
  const s = useStyles();
  return (
    <>
      {STAGES.map((stage) => {
        const st = report.stages[stage];
        // A stage with no school counted (its enrolment column unmapped) still shows, as 未评估 with the reason.
        if (!st || (st.schoolCount === 0 && !st.reason)) return null;
        return (
          <div key={stage} className={s.stageCard} data-testid={`stage-${stage}`}>
            <div className={s.row}>
              <strong>{t.stage[stage]} · {t.resources}</strong>
              <VerdictBadge pass={st.pass} />
            </div>
            <span className={s.hint}>
              {st.schoolCount} {t.schools} · {st.students} {t.students}
              {st.compositeLimit !== null && ` · ${t.composite} ${formatCV(st.composite)}（${t.limit} ${formatLimit(st.compositeLimit)}）`}
            </span>
            {st.reason && <p className={s.hint} data-testid={`stage-${stage}-reason`}>{st.reason}</p>}
          </div>
        );
      })}
    </>
  );
}

export function PartsList({ parts }: { parts: PartResult[] }) {
  const t = useStrings();
  const s = useStyles();
  return (
    <>
      <h3 className={s.subheading}>{t.parts}</h3>
      <ul className={s.plainList} data-testid="parts">
        {parts.map((p) => (
          <li key={p.id}>
            <div className={s.row}>
              <span>{p.name}</span>
              <VerdictBadge pass={p.pass} />
            </div>
            {p.reason && <p className={s.hint}>{p.reason}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
