// Step 2 (标准): pick a rule pack and see its per-stage thresholds and CV limits, straight from the pack data.
import { Checkbox, Field, Select } from '@fluentui/react-components';
import { useId } from 'react';
import { STAGES, type Stage } from '../core/types.ts';
import { STANDARDS, type IndicatorRule, type RulePack } from '../standards/index.ts';
import { formatLimit, formatThreshold } from './format.ts';
import { useStrings } from './i18n.tsx';
import { useStyles } from './styles.ts';

export interface StandardStepProps {
  pack: RulePack;
  disabled: boolean;
  onChange(id: string): void;
  /** Merge 不计校数 units into their main school (rules §5.1 item 3). */
  mergeCampuses: boolean;
  onMergeCampuses(on: boolean): void;
}

export function StandardStep({ pack, disabled, onChange, mergeCampuses, onMergeCampuses }: StandardStepProps) {
  const t = useStrings();
  const s = useStyles();
  const headingId = useId();
  const cell = (rule: IndicatorRule, stage: Stage) => {
    const parts: string[] = [];
    const threshold = rule.threshold?.[stage];
    const limit = rule.cvLimit?.[stage];
    if (threshold !== undefined) parts.push(`≥ ${formatThreshold(threshold)}`);
    if (limit !== undefined) parts.push(`CV ≤ ${formatLimit(limit)}`);
    return parts.length ? parts.map((p) => <div key={p}>{p}</div>) : '—';
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>{t.stepStandard}</h2>
      <Field label={t.standard} className={s.fieldFit}>
        <Select className={s.selectFit} value={pack.id} disabled={disabled} onChange={(_, d) => onChange(d.value)} data-testid="standard-select">
          {STANDARDS.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </Select>
      </Field>
      <Checkbox checked={mergeCampuses} disabled={disabled} label={t.mergeCampuses} onChange={(_, d) => onMergeCampuses(d.checked === true)} data-testid="merge-campuses" />
      {pack.schoolRule && (
        <p className={s.hint}>{t.schoolRule(pack.schoolRule.minMet, pack.indicators.length, pack.schoolRule.minRatio)}</p>
      )}
      {pack.compositeLimit && (
        <p className={s.hint}>
          {t.compositeLimit}：{STAGES.map((st) => `${t.stage[st]} ≤ ${formatLimit(pack.compositeLimit?.[st])}`).join('，')}
        </p>
      )}
      <div className={s.scrollX}>
        <table className={s.table} aria-label={`${t.threshold} / ${t.cvLimit}`}>
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th>
              {STAGES.map((st) => (
                <th key={st} scope="col" className={s.num}>{t.stage[st]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pack.indicators.map((rule) => (
              <tr key={rule.id}>
                <th scope="row" style={{ whiteSpace: 'normal', fontWeight: 'normal' }}>
                  {rule.name}（{rule.unit}）
                </th>
                {STAGES.map((st) => (
                  <td key={st} className={s.num}>{cell(rule, st)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
