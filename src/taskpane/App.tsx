// The task pane: 台账 → 标准 → 校验全县 → 清除标注. It gets its host and pipeline as props (Excel, WPS or a file
// in browser mode) and lays out what usePane holds (state and actions); every rule lives behind the pipeline.
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Host } from '../hosts/types.ts';
import { isCountySheet } from '../ledger/county-sheet.ts';
import { useStrings } from './i18n.tsx';
import { LedgerStep } from './LedgerStep.tsx';
import type { PaneBridge } from './bridge.ts';
import type { PanePipeline } from './pipeline.ts';
import { ResultsView } from './ResultsView.tsx';
import { StandardStep } from './StandardStep.tsx';
import { useStyles } from './styles.ts';
import { packOf, usePane } from './usePane.ts';

export interface AppProps {
  host: Host;
  pipeline: PanePipeline;
  /** Called after a validation or a clear changed the workbook (browser mode refreshes its download). */
  onWorkbookChanged?(): void;
  /** Shown under the title: browser mode's file chooser. */
  workbookPanel?: ReactNode;
  /** Shown under the validate and clear buttons: browser mode's download link. */
  actions?: ReactNode;
  /** Lets the ribbon commands run this pane's validate and clear. */
  bridge?: PaneBridge;
}

export function App({ host, pipeline, onWorkbookChanged, workbookPanel, actions, bridge }: AppProps) {
  const t = useStrings();
  const s = useStyles();
  const validateHeading = useId();
  const p = usePane({ host, pipeline, onWorkbookChanged, bridge });
  const { inspection, busy, progress, outcome, status, error, left } = p;

  return (
    <main className={s.pane} aria-busy={busy !== null}>
      <h1 className={s.title}>{t.title}</h1>
      {workbookPanel}
      <LedgerStep
        inspection={inspection}
        sheet={p.sheet}
        mapping={p.mapping}
        disabled={busy === 'validate' || busy === 'clear'}
        onSheet={p.changeSheet}
        onMapField={p.mapField}
        onReread={p.reread}
      />
      <StandardStep pack={packOf(p.standardId)} disabled={busy === 'validate'} onChange={p.selectStandard}
        mergeCampuses={p.mergeCampuses} onMergeCampuses={p.selectMergeCampuses} />
      {p.counties && (
        <Field label={t.county}>
          <Select value={p.county ?? ''} onChange={(_, d) => { p.setCounty(d.value || undefined); }} data-testid="county-select">
            <option value="">—</option>
            {p.counties.map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        </Field>
      )}
      {inspection && !inspection.sheetNames.some(isCountySheet) && (
        <section className={s.section}>
          <p className={s.hint}>{t.countySheetHint}</p>
          <Button onClick={p.insertCountySheet} disabled={busy !== null} data-testid="insert-county-sheet">
            {t.insertCountySheet}
          </Button>
        </section>
      )}
      <section className={s.section} aria-labelledby={validateHeading}>
        <h2 id={validateHeading} className={s.heading}>{t.stepValidate}</h2>
        <div className={s.row}>
          <Button appearance="primary" onClick={p.validate} disabled={busy !== null || !p.ledgerOk} data-testid="validate">
            {t.validate}
          </Button>
          <Button onClick={p.clear} disabled={busy !== null} data-testid="clear">
            {t.clear}
          </Button>
        </div>
        {actions}
        {progress && (
          <Field label={progress.label} validationState="none">
            <ProgressBar value={progress.fraction} max={1} thickness="large" aria-label={progress.label} />
          </Field>
        )}
        <div role="status" aria-live="polite" data-testid="status" className={s.hint}>
          {status}
        </div>
        {left.length > 0 && (
          <MessageBar intent="warning" data-testid="left-marks">
            <MessageBarBody>
              {t.leftMarks(left.length)}
              <ul className={s.hint}>
                {left.map((m) => (
                  <li key={`${m.sheet}!${m.cell}`}>
                    {m.sheet}!{m.cell}：{m.reason}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && (
          <ResultsView
            evaluation={p.evaluation}
            pack={p.resultPack}
            problems={outcome.problems}
            ledgerSheet={p.ledgerSheet}
            onSelect={p.select}
          />
        )}
      </section>
    </main>
  );
}
