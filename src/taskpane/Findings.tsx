// Who to talk to: the schools that drag each CV up most (evaluation.drivers) and the schools below a threshold.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Evaluation } from '../core/report.ts';
import type { Stage } from '../core/types.ts';
import { baseUnit, displayShortfall } from '../plan/format.ts';
import type { IndicatorId, RulePack } from '../standards/types.ts';
import { formatCV, formatValue, formatThreshold } from './format.ts';
import { useStrings } from './i18n.tsx';
import { VerdictBadge } from './Verdict.tsx';
import { useStyles } from './styles.ts';

/** Exactly as the cell notes say it: whole teachers and rooms rounded up, areas and money to 2 decimals. */
function shortfallText(amount: number, id: IndicatorId): string {
  const unit = baseUnit(id);
  return `${displayShortfall(amount, unit)} ${unit}`;
}

export function Drivers({ evaluation, stage, pack }: { evaluation: Evaluation; stage: Stage; pack: RulePack }) {
  const t = useStrings();
  const s = useStyles();
  const byIndicator = evaluation.drivers[stage] ?? {};
  const rows = pack.indicators.filter((r) => (byIndicator[r.id]?.length ?? 0) > 0);
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className={s.subheading}>{t.stage[stage]} · {t.drivers}</h3>
      <p className={s.hint}>{t.driverImpact}</p>
      <ul className={s.list} data-testid={`drivers-${stage}`}>
        {rows.map((r) => (
          <li key={r.id}>
            {r.name}：{byIndicator[r.id]!.map((d) => `${d.name}（+${formatCV(d.impact)}）`).join('、')}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A large county can have hundreds; the report sheet lists them all, the pane the first ones until asked. */
const SCHOOLS_SHOWN_AT_FIRST = 30;

export function SchoolsBelow({ evaluation, stage, pack }: { evaluation: Evaluation; stage: Stage; pack: RulePack }) {
  const t = useStrings();
  const s = useStyles();
  const [all, setAll] = useState(false);
  const below = evaluation.report.schools.filter((sc) => sc.stage === stage && sc.met && Object.values(sc.met).some((m) => m === false));
  const schools = all ? below : below.slice(0, SCHOOLS_SHOWN_AT_FIRST);
  if (!pack.indicators.some((r) => r.threshold?.[stage] !== undefined)) return null;
  return (
    <>
      <h3 className={s.subheading}>{t.stage[stage]} · {t.schoolsBelow}（{below.length}）</h3>
      {below.length === 0 ? (
        <p className={s.hint}>{t.schoolsBelowNone}</p>
      ) : (
        <ul className={s.plainList} data-testid={`below-${stage}`}>
          {schools.map((sc) => (
            <li key={`${sc.name}-${sc.row}`}>
              <div className={s.row}>
                <strong>{sc.name}</strong>
                <VerdictBadge pass={sc.pass} />
              </div>
              <ul className={s.list}>
                {pack.indicators
                  .filter((r) => sc.met?.[r.id] === false)
                  .map((r) => (
                    <li key={r.id} className={s.hint}>
                      {r.name} {formatValue(sc.values[r.id])} &lt; {formatThreshold(r.threshold?.[stage])}
                      {sc.shortfall?.[r.id] != null && `，${t.shortfall} ${shortfallText(sc.shortfall[r.id]!, r.id)}`}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {schools.length < below.length && (
        <Button appearance="subtle" className={s.startAligned} onClick={() => setAll(true)}>
          {t.showAll(below.length)}
        </Button>
      )}
    </>
  );
}
