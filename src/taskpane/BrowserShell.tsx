// Browser mode: the same pane outside Office, over a workbook chosen with the file input or dropped on the
// zone, held in memory by the file host. After a validation (or a clear) the annotated copy is offered as a
// real <a download> of host.toBuffer().
import { Button, MessageBar, MessageBarBody, mergeClasses } from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Host } from '../hosts/types.ts';
import { App } from './App.tsx';
import { useStrings } from './i18n.tsx';
import type { PanePipeline } from './pipeline.ts';
import { useStyles } from './styles.ts';

export type DownloadableHost = Host & { toBuffer(): Promise<ArrayBuffer | Uint8Array> };

export interface BrowserShellProps {
  pipeline: PanePipeline;
  openWorkbook(data: ArrayBuffer, name: string): Promise<DownloadableHost>;
  /** The built-in sample county, when the build bundles it. */
  loadSample?(): Promise<{ name: string; data: ArrayBuffer }>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';
const isWorkbookName = (name: string) => /\.xls[xm]$/i.test(name);
/** An .xlsm stays an .xlsm: the patched package still holds its macros. */
const annotatedName = (name: string, suffix: string) =>
  name.replace(/(\.xls[xm])?$/i, (ext) => `${suffix}${ext.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx'}`);

export function BrowserShell({ pipeline, openWorkbook, loadSample }: BrowserShellProps) {
  const t = useStrings();
  const s = useStyles();
  const [loaded, setLoaded] = useState<{ host: DownloadableHost; name: string; seq: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const seq = useRef(0);

  // Object URLs hold the whole workbook in memory: release each one when it is replaced.
  useEffect(() => () => { if (download) URL.revokeObjectURL(download.url); }, [download]);

  const open = async (name: string, data: ArrayBuffer) => {
    setError(null);
    setDownload(null);
    try {
      const host = await openWorkbook(data, name);
      setLoaded({ host, name, seq: ++seq.current });
    } catch (e) {
      // The file host's messages already name the file (无法读取工作簿 …); anything else gets our wording.
      setError(e instanceof Error && e.message.includes(name) ? e.message : t.readFailed(name, e instanceof Error ? e.message : String(e)));
    }
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (!isWorkbookName(file.name)) {
      setError(t.notXlsx(file.name));
      return;
    }
    await open(file.name, await file.arrayBuffer());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0]);
  };

  const refreshDownload = async () => {
    if (!loaded) return;
    const bytes = await loaded.host.toBuffer();
    const blob = new Blob([bytes as BlobPart], { type: /\.xlsm$/i.test(loaded.name) ? XLSM_MIME : XLSX_MIME });
    setDownload({ url: URL.createObjectURL(blob), name: annotatedName(loaded.name, t.annotatedSuffix) });
  };

  const panel = (
    <div
      className={mergeClasses(s.dropZone, dragging && s.dropActive)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className={s.hint}>{t.browserIntro}</p>
      {/* The native input stays focusable but hidden: its own button text follows the browser's language. */}
      <label className={s.fileButton}>
        <input
          className={s.visuallyHidden}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={(e) => void openFile(e.currentTarget.files?.[0])}
        />
        {t.chooseFile}
      </label>
      <span className={s.hint}>{t.dropHere}</span>
      {loadSample && (
        <Button
          onClick={async () => {
            const sample = await loadSample();
            await open(sample.name, sample.data);
          }}
        >
          {t.loadSample}
        </Button>
      )}
      {loaded && <span data-testid="loaded-file">{t.loadedFile(loaded.name)}</span>}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
  const downloadLink = download && (
    <a className={s.download} href={download.url} download={download.name} data-testid="download">
      {t.download}
    </a>
  );

  if (!loaded) {
    return (
      <main className={s.pane}>
        <h1 className={s.title}>{t.title}</h1>
        {panel}
      </main>
    );
  }
  return (
    <App
      key={loaded.seq}
      host={loaded.host}
      pipeline={pipeline}
      onWorkbookChanged={refreshDownload}
      workbookPanel={panel}
      actions={downloadLink}
    />
  );
}
