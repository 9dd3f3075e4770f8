// Step 1 (台账): which sheet and header rows were detected, and one dropdown per canonical field to fix the mapping.
import { Button, Field, MessageBar, MessageBarBody, Select, Switch } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CanonicalField } from '../core/types.ts';
import type { HeaderMapping, LedgerColumn } from '../ledger/types.ts';
import { MAPPABLE_FIELDS } from './fields.ts';
import { useStrings } from './i18n.tsx';
import type { Inspection } from './pipeline.ts';
import { useStyles } from './styles.ts';

export interface LedgerStepProps {
  inspection: Inspection | null;
  sheet: string | undefined;
  mapping: HeaderMapping;
  disabled: boolean;
  onSheet(sheet: string | undefined): void;
  /** column letter, or undefined to go back to automatic matching */
  onMapField(field: CanonicalField, col: string | undefined): void;
  /** Reads the workbook again after the clerk edited it. */
  onReread(): void;
}

const rangeText = (rows: number[]): string => (rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : String(rows[0] ?? '—'));

export function LedgerStep({ inspection, sheet, mapping, disabled, onSheet, onMapField, onReread }: LedgerStepProps) {
  const t = useStrings();
  const s = useStyles();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const ledger = inspection?.ledger;
  const columns: LedgerColumn[] = ledger?.ok ? ledger.columns : [];
  const missing = new Set<CanonicalField>(ledger?.ok ? ledger.missingRequired : []);
  const columnOf = (field: CanonicalField) => columns.find((c) => c.field === field)?.col;
  const mappedCount = MAPPABLE_FIELDS.filter((f) => columnOf(f.field)).length;
  const visible = MAPPABLE_FIELDS.filter((f) => showAll || f.required || missing.has(f.field) || columnOf(f.field) || f.field in mapping);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>{t.stepLedger}</h2>
      <Field label={t.ledgerSheet} className={s.fieldFit}>
        <Select className={s.selectFit} value={sheet ?? ''} disabled={disabled || !inspection} onChange={(_, d) => onSheet(d.value || undefined)}>
          <option value="">{t.autoSheet}</option>
          {(inspection?.sheetNames ?? []).map((name) => (
            <option key={name} value={name}>{name}</option>
          ))}
        </Select>
      </Field>
      <Button size="small" appearance="secondary" onClick={onReread} disabled={disabled} className={s.startAligned}>
        {t.reread}
      </Button>
      {ledger && !ledger.ok && (
        <MessageBar intent="error"><MessageBarBody>{ledger.message}</MessageBarBody></MessageBar>
      )}
      {ledger?.ok && (
        <>
          <p className={s.hint} data-testid="ledger-summary">
            {(ledger.sheetParts ?? [{ sheet: ledger.sheet, stage: undefined, headerRows: ledger.headerRows, dataRows: ledger.dataRows }])
              .map((p) => `${p.sheet}${p.stage ? `（${t.stage[p.stage]}）` : ''} · ${t.headerRows} ${rangeText(p.headerRows)} · ${t.dataRows} ${rangeText(p.dataRows)}`)
              .join('；')}{' '}
            · {t.schoolRows} {ledger.county.schools.length}
          </p>
          {missing.size > 0 && (
            <MessageBar intent="error">
              <MessageBarBody>
                {t.missingRequired}：{MAPPABLE_FIELDS.filter((f) => missing.has(f.field)).map((f) => f.label).join('、')}
              </MessageBarBody>
            </MessageBar>
          )}
          <details className={s.details} open={missing.size > 0 || undefined} data-testid="mapping">
            <summary>{t.mappingSummary(mappedCount, missing.size)}</summary>
            <div className={s.detailsBody}>
              <p className={s.hint}>{t.mappingHint}</p>
              <Switch label={t.showAllFields} checked={showAll} onChange={(_, d) => setShowAll(d.checked)} />
              {visible.map((f) => (
                <Field
                  key={f.field}
                  className={s.fieldFit}
                  label={<span className={missing.has(f.field) ? s.missing : undefined}>{f.label}{f.required ? ' *' : ''}</span>}
                  validationState={missing.has(f.field) ? 'error' : 'none'}
                  validationMessage={missing.has(f.field) ? t.missingRequired : undefined}
                >
                  <Select
                    className={s.selectFit}
                    data-field={f.field}
                    value={columnOf(f.field) ?? ''}
                    disabled={disabled}
                    onChange={(_, d) => onMapField(f.field, d.value || undefined)}
                  >
                    <option value="">{t.notMapped}</option>
                    {columns.map((c) => (
                      <option key={c.col} value={c.col}>{c.col} · {c.header}</option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
          </details>
        </>
      )}
    </section>
  );
}
