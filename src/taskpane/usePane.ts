// The task pane's state and actions: what the clerk picked (sheet, mapping, standard, county), the workbook's
// values as last read, the validation outcome, and validate / clear / insert / select as the buttons call them.
// App.tsx only lays them out. Every rule lives behind the pipeline.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { resolveSettings } from '../app/settings.ts';
import type { ValidateOutcome } from '../app/types.ts';
import type { CanonicalField } from '../core/types.ts';
import type { Host, LeftMark } from '../hosts/types.ts';
import type { HeaderMapping, SheetValues } from '../ledger/types.ts';
import { DEFAULT_STANDARD_ID, STANDARDS, getStandard } from '../standards/index.ts';
import type { PaneBridge } from './bridge.ts';
import { useStrings } from './i18n.tsx';
import type { Inspection, PanePipeline } from './pipeline.ts';

export type Busy = 'read' | 'validate' | 'clear' | 'insert' | null;

export interface PaneOptions {
  host: Host;
  pipeline: PanePipeline;
  onWorkbookChanged?(): void;
  bridge?: PaneBridge;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
export const packOf = (id: string) => {
  const found = getStandard(id);
  return found.ok ? found.value : STANDARDS[0];
};

/**
 * Whether the values the pane holds are still the workbook's: a file in browser mode changes only through this
 * pane (and our annotations never change a value), so 校验全县 validates them without reading the file again. In
 * Excel and WPS the clerk may have typed since: each click reads once, and the pane keeps what it read.
 */
const valuesStayCurrent = (host: Host): boolean => host.kind === 'file';

export function usePane({ host, pipeline, onWorkbookChanged, bridge }: PaneOptions) {
  const t = useStrings();
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
  // Marks of ours the last validate or clear could not find again after rows moved (left on their cells).
  const [left, setLeft] = useState<LeftMark[]>([]);

  const inspection = useMemo<Inspection | null>(
    () => (sheets ? { sheetNames: sheets.map((x) => x.name), ledger: pipeline.detect(sheets, { sheet, mapping, county }) } : null),
    [sheets, sheet, mapping, county, pipeline],
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
      // The 标准 step's choices come back as the workbook last saved them.
      setMergeCampuses(resolved.evaluation?.mergeCampuses === true);
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

  // The county list is offered as soon as the ledger is read (not only after a refused validation), and kept while
  // one is chosen; a workbook of one county has none.
  useEffect(() => {
    if (!inspection) return;
    if (!inspection.ledger.ok && inspection.ledger.counties) setCounties(inspection.ledger.counties);
    else if (inspection.ledger.ok && county === undefined) setCounties(undefined);
  }, [inspection, county]);

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
    setLeft([]);
    setProgress({ fraction: 0, label: t.validating });
    setStatus(t.validating);
    try {
      const result = await pipeline.validate(host, {
        ...(sheets && valuesStayCurrent(host) ? { sheets } : {}),
        standard: standardId,
        sheet,
        mapping,
        county,
        // Always given, so unticking it is saved too (the saved evaluation settings merge under the given ones).
        settings: { mergeCampuses },
        onProgress: (fraction, label) => setProgress({ fraction, label }),
      });
      setOutcome(result);
      setLeft(result.left ?? []);
      // What this click read is the workbook now: detection and the next click start from it (no second read).
      if (result.sheets) setSheets(result.sheets);
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
      setLeft([]);
      const cleared = await pipeline.clear(host);
      setLeft(cleared.left);
      setOutcome(null);
      setStatus(cleared.left.length > 0 ? t.clearedExceptLeft : t.cleared);
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

  const selectStandard = (id: string) => {
    setStandardId(id);
    setOutcome(null);
  };

  const selectMergeCampuses = (on: boolean) => {
    setMergeCampuses(on);
    setOutcome(null);
  };

  const ledgerOk = inspection?.ledger.ok === true;
  const evaluation = outcome?.evaluation;
  const resultPack = packOf(evaluation?.report.standard ?? standardId);
  const ledgerSheet = outcome?.ledger.ok ? outcome.ledger.sheet : inspection?.ledger.ok ? inspection.ledger.sheet : undefined;

  return {
    sheet, mapping, standardId, mergeCampuses, county, counties, inspection, busy, progress, outcome, status, error, left,
    ledgerOk, evaluation, resultPack, ledgerSheet,
    changeSheet, mapField, reread, selectStandard, selectMergeCampuses, setCounty, validate, clear, insertCountySheet, select,
  };
}
