// Entry of the task pane page. Inside Excel (Office.onReady reports Excel) the pane runs over the Excel host and
// registers the ribbon commands; anywhere else it is browser mode over a chosen or dropped .xlsx.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExcelHost, registerCommands } from '../hosts/excel/index.ts';
import { FileHost } from '../hosts/file/index.ts';
import { SAMPLE_COUNTY, writeSampleWorkbook } from '../sample/index.ts';
import { App } from './App.tsx';
import { PaneBridge } from './bridge.ts';
import { BrowserShell } from './BrowserShell.tsx';
import { StringsContext } from './i18n.tsx';
import { detectMode } from './office.ts';
import { appPipeline } from './pipeline.ts';
import { STRINGS, pickLocale } from './strings.ts';

async function loadSample() {
  const bytes = await writeSampleWorkbook().xlsx.writeBuffer();
  return { name: `${SAMPLE_COUNTY}台账.xlsx`, data: bytes as ArrayBuffer };
}

function excelPane(): ReactNode {
  const host = new ExcelHost();
  // Before the pane mounts, a ribbon click validates with the settings saved in the workbook.
  const bridge = new PaneBridge({
    async validate() {
      const outcome = await appPipeline.validate(host, {});
      if (outcome.error) throw new Error(outcome.error);
    },
    clear: () => appPipeline.clear(host),
    showError: (message) => console.error(message),
  });
  registerCommands({
    validate: () => bridge.validate(),
    clear: () => bridge.clear(),
    onError: (message) => bridge.showError(message),
  });
  return <App host={host} pipeline={appPipeline} bridge={bridge} />;
}

function browserPane(): ReactNode {
  return (
    <BrowserShell
      pipeline={appPipeline}
      openWorkbook={(data, name) => FileHost.fromBuffer(data, name)}
      loadSample={loadSample}
    />
  );
}

async function main() {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const mode = await detectMode();
  const locale = pickLocale(mode.kind === 'excel' ? mode.language : navigator.language);
  document.documentElement.lang = locale;
  createRoot(container).render(
    <StringsContext.Provider value={STRINGS[locale]}>
      <FluentProvider theme={webLightTheme}>{mode.kind === 'excel' ? excelPane() : browserPane()}</FluentProvider>
    </StringsContext.Provider>,
  );
}

void main();
