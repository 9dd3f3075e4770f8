// Entry of the task pane page. Inside Excel (Office.onReady reports Excel) the pane runs over the Excel host and
// registers the ribbon commands; anywhere else it is browser mode over a chosen or dropped .xlsx.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { FileHost } from '../hosts/file/index.ts';
import { writeSampleWorkbook, SAMPLE_COUNTY } from '../sample/index.ts';
import { BrowserShell } from './BrowserShell.tsx';
import { StringsContext } from './i18n.tsx';
import { detectMode } from './office.ts';
import { appPipeline } from './pipeline.ts';
import { STRINGS, pickLocale } from './strings.ts';

async function loadSample() {
  const bytes = await writeSampleWorkbook().xlsx.writeBuffer();
  return { name: `${SAMPLE_COUNTY}台账.xlsx`, data: bytes as ArrayBuffer };
}

async function main() {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const mode = await detectMode();
  const locale = pickLocale(mode.kind === 'excel' ? mode.language : navigator.language);
  document.documentElement.lang = locale;
  const pane = (
    <BrowserShell
      pipeline={appPipeline}
      openWorkbook={(data, name) => FileHost.fromBuffer(data, name)}
      loadSample={loadSample}
    />
  );
  createRoot(container).render(
    <StringsContext.Provider value={STRINGS[locale]}>
      <FluentProvider theme={webLightTheme}>{pane}</FluentProvider>
    </StringsContext.Provider>,
  );
}

void main();
