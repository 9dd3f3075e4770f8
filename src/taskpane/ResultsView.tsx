// Everything a validation shows, in reading order: verdict, parts, then per stage the indicator table, the
// schools below threshold and the schools that drag each CV most; then 整改测算; finally the data problems.
import type { Evaluation } from '../core/report.ts';
import { reviewSummary } from '../core/review.ts';
import { STAGES, type Problem } from '../core/types.ts';
import type { RulePack } from '../standards/types.ts';
import { Drivers, SchoolsBelow } from './Findings.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { RectificationPlan } from './Rectification.tsx';
import { useStrings } from './i18n.tsx';
import { useStyles } from './styles.ts';
import { PartsList, StageVerdicts, VerdictBadge } from './Verdict.tsx';

export interface ResultsViewProps {
  evaluation: Evaluation | undefined;
  pack: RulePack;
  problems: Problem[];
  ledgerSheet: string | undefined;
  onSelect(sheet: string, cell: string): void;
}

export function ResultsView({ evaluation, pack, problems, ledgerSheet, onSelect }: ResultsViewProps) {
  const t = useStrings();
  const s = useStyles();
  return (
    <>
      {evaluation && (
        <>
          <p className={s.headline} data-testid="verdict">
            {evaluation.report.county} · {t.verdict}
            <VerdictBadge pass={evaluation.report.pass} />
          </p>
          {evaluation.report.reason && <p className={s.hint} data-testid="verdict-reason">{evaluation.report.reason}</p>}
          <StageVerdicts report={evaluation.report} />
          <PartsList parts={evaluation.report.parts} />
          {evaluation.report.review && (
            <div data-testid="review">
              <p className={s.hint}>{reviewSummary(evaluation.report.review)}</p>
              <ul>
                {evaluation.report.review.differences.map((d) => (
                  <li key={d.cell}>
                    <a href="#" onClick={(e) => { e.preventDefault(); onSelect(d.sheet, d.cell); }}>{d.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {STAGES.map((stage) => {
            const st = evaluation.report.stages[stage];
            if (!st || st.schoolCount === 0) return null;
            return (
              <div key={stage}>
                <IndicatorTable stage={stage} result={st} />
                <SchoolsBelow evaluation={evaluation} stage={stage} pack={pack} />
                <Drivers evaluation={evaluation} stage={stage} pack={pack} />
              </div>
            );
          })}
          <RectificationPlan plan={evaluation.report.rectification} />
        </>
      )}
      <ProblemsList problems={problems} defaultSheet={ledgerSheet} onSelect={onSelect} />
    </>
  );
}
