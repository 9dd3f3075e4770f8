// The task pane: 台账 → 标准 → 校验全县 → 清除标注. It gets its host and pipeline as props (Excel, WPS or a file
// in browser mode) and holds only view state; every rule lives behind the pipeline.
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { resolveSettings } from '../app/settings.ts';
import type { ValidateOutcome } from '../app/types.ts';
import type { CanonicalField } from '../core/types.ts';
import type { Host } from '../hosts/types.ts';
import { isCountySheet } from '../ledger/county-sheet.ts';
import type { HeaderMapping, SheetValues } from '../ledger/types.ts';
import { DEFAULT_STANDARD_ID, STANDARDS, getStandard } from '../standards/index.ts';
import { useStrings } from './i18n.tsx';
import { LedgerStep } from './LedgerStep.tsx';
import type { PaneBridge } from './bridge.ts';
import type { Inspection, PanePipeline } from './pipeline.ts';
import { ResultsView } from './ResultsView.tsx';
import { StandardStep } from './StandardStep.tsx';
import { useStyles } from './styles.ts';

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

type Busy = 'read' | 'validate' | 'clear' | 'insert' | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const packOf = (id: string) => {
  const found = getStandard(id);
  return found.ok ? found.value : STANDARDS[0];
};

export function App({ host, pipeline, onWorkbookChanged, workbookPanel, actions, bridge }: AppProps) {
  const t = useStrings();
  const s = useStyles();
  const validateHeading = useId();
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<HeaderMapping>({});
  const [standardId, setStandardId] = useState(DEFAULT_STANDARD_ID);
  const [mergeCampuses, setMergeCampuses] = useState(false);
  // A sheet with several counties (统计三级, 区县): the one chosen from the list the reader gave.
  const [county, setCounty] = useState<string | undefined>(undefined);
  const [counties, setCounties] = useState<string[] | undefined>(undefined);
  // The workbook's values as last read: sheet and mapping changes re-detect from these without another round trip.
  const [sheets, setSheets] = useState<SheetValues[] | null>(null);
  const [busy, setBusy] = useState<Busy>('read');
  const [progress, setProgress] = useState<{ fraction: number; label: string } | null>(null);
  const [outcome, setOutcome] = useState<ValidateOutcome | null>(null);
  const [status, setStatus] = useState(t.loading);
  const [error, setError] = useState<string | null>(null);

  const inspection = useMemo<Inspection | null>(
    () => (sheets ? { sheetNames: sheets.map((x) => x.name), ledger: pipeline.detect(sheets, { sheet, mapping }) } : null),
    [sheets, sheet, mapping, pipeline],
  );

  const read = useCallback(async () => {
    setBusy('read');
    setStatus(t.loading);
    try {
      const values = await host.readWorkbook();
      setError(null);
      setStatus('');
      return values;
    } catch (e) {
      setError(messageOf(e));
      setStatus('');
      return null;
    } finally {
      setBusy(null);
    }
  }, [host, t]);

  useEffect(() => {
    let live = true;
    (async () => {
      const saved = await host.loadSettings().catch(() => null);
      const values = await read();
      if (!live || !values) return;
      const resolved = resolveSettings(saved, values);
      const savedMapping = resolved.mapping ?? {};
      if (resolved.standard && getStandard(resolved.standard).ok) setStandardId(resolved.standard);
      // The saved sheet first (while it exists); else the active sheet when it holds a ledger; else the reader's own choice.
      const active = resolved.sheet ? null : await host.activeSheet().catch(() => null);
      if (!live) return;
      // A ledger spread over several sheets (小学 and 初中) is read from all of them, whichever of them is active.
      const auto = active !== null ? pipeline.detect(values, { mapping: savedMapping }) : null;
      const spread = auto?.ok === true && (auto.sheetParts?.some((p) => p.sheet === active) ?? false);
      const activeIsLedger = active !== null && !spread && pipeline.detect(values, { sheet: active, mapping: savedMapping }).ok;
      setSheet(resolved.sheet ?? (activeIsLedger ? active : undefined));
      setMapping(savedMapping);
      setSheets(values);
    })();
    return () => {
      live = false;
    };
  }, [host, pipeline, read]);

  const reread = async () => {
    const values = await read();
    if (values) {
      setSheets(values);
      setOutcome(null);
    }
  };

  const changeSheet = (next: string | undefined) => {
    setSheet(next);
    setOutcome(null);
  };

  const mapField = (field: CanonicalField, col: string | undefined) => {
    const next = { ...mapping };
    // 未对应 is kept as an empty mapping: the reader then leaves the field out instead of guessing it again.
    next[field] = col ?? '';
    setMapping(next);
    setOutcome(null);
  };

  const validate = async () => {
    if (busy === 'validate' || busy === 'clear') return;
    setBusy('validate');
    setError(null);
    setOutcome(null);
    setProgress({ fraction: 0, label: t.validating });
    setStatus(t.validating);
    try {
      const result = await pipeline.validate(host, {
        standard: standardId,
        sheet,
        mapping,
        county,
        ...(mergeCampuses ? { settings: { mergeCampuses: true } } : {}),
        onProgress: (fraction, label) => setProgress({ fraction, label }),
      });
      setOutcome(result);
      if (!result.ledger.ok && result.ledger.counties) setCounties(result.ledger.counties);
      if (result.error) {
        setError(result.error);
        setStatus(t.error);
      } else if (result.evaluation) {
        setStatus(`${result.evaluation.report.county}：${result.evaluation.report.pass === true ? t.countyPass : result.evaluation.report.pass === false ? t.countyFail : t.countyNotEvaluated}。${t.validated}`);
      }
      onWorkbookChanged?.();
    } catch (e) {
      setError(messageOf(e));
      setStatus(t.error);
    } finally {
      setProgress(null);
      setBusy(null);
    }
  };

  const clear = async () => {
    if (busy === 'validate' || busy === 'clear') return;
    setBusy('clear');
    setError(null);
    try {
      await pipeline.clear(host);
      setOutcome(null);
      setStatus(t.cleared);
      onWorkbookChanged?.();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const insertCountySheet = async () => {
    if (busy !== null) return;
    setBusy('insert');
    setError(null);
    try {
      const county = inspection?.ledger.ok ? inspection.ledger.county.name : '';
      const result = await pipeline.insertCountySheet(host, standardId, county);
      setStatus(result === 'added' ? t.countySheetAdded : t.countySheetExists);
      const values = await host.readWorkbook();
      setSheets(values);
      onWorkbookChanged?.();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  // Every render hands the ribbon the current closures (standard, sheet and mapping as now shown).
  useEffect(() => {
    if (!bridge) return;
    bridge.current = { validate, clear, showError: setError };
    return () => {
      bridge.current = null;
    };
  });

  const select = (sheetName: string, cell: string) => {
    host
      .select(sheetName, cell)
      .then(() => setStatus(t.selected(sheetName, cell)))
      .catch((e) => setError(messageOf(e)));
  };

  const ledgerOk = inspection?.ledger.ok === true;
  const evaluation = outcome?.evaluation;
  const resultPack = packOf(evaluation?.report.standard ?? standardId);
  const ledgerSheet = outcome?.ledger.ok ? outcome.ledger.sheet : inspection?.ledger.ok ? inspection.ledger.sheet : undefined;

  return (
    <main className={s.pane} aria-busy={busy !== null}>
      <h1 className={s.title}>{t.title}</h1>
      {workbookPanel}
      <LedgerStep
        inspection={inspection}
        sheet={sheet}
        mapping={mapping}
        disabled={busy === 'validate' || busy === 'clear'}
        onSheet={changeSheet}
        onMapField={mapField}
        onReread={reread}
      />
      <StandardStep pack={packOf(standardId)} disabled={busy === 'validate'} onChange={(id) => { setStandardId(id); setOutcome(null); }}
        mergeCampuses={mergeCampuses} onMergeCampuses={(on) => { setMergeCampuses(on); setOutcome(null); }} />
      {counties && (
        <Field label={t.county}>
          <Select value={county ?? ''} onChange={(_, d) => { setCounty(d.value || undefined); }} data-testid="county-select">
            <option value="">—</option>
            {counties.map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        </Field>
      )}
      {inspection && !inspection.sheetNames.some(isCountySheet) && (
        <section className={s.section}>
          <p className={s.hint}>{t.countySheetHint}</p>
          <Button onClick={insertCountySheet} disabled={busy !== null} data-testid="insert-county-sheet">
            {t.insertCountySheet}
          </Button>
        </section>
      )}
      <section className={s.section} aria-labelledby={validateHeading}>
        <h2 id={validateHeading} className={s.heading}>{t.stepValidate}</h2>
        <div className={s.row}>
          <Button appearance="primary" onClick={validate} disabled={busy !== null || !ledgerOk} data-testid="validate">
            {t.validate}
          </Button>
          <Button onClick={clear} disabled={busy !== null} data-testid="clear">
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
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && (
          <ResultsView
            evaluation={evaluation}
            pack={resultPack}
            problems={outcome.problems}
            ledgerSheet={ledgerSheet}
            onSelect={select}
          />
        )}
      </section>
    </main>
  );
}
