// Entry of the task pane page. Inside Excel (Office.onReady reports Excel) the pane runs over the Excel host and
// registers the ribbon commands; anywhere else it is browser mode over a chosen or dropped .xlsx.
import { ExcelHost, registerCommands } from '../hosts/excel/index.ts';
import { FileHost } from '../hosts/file/index.ts';
import { SAMPLE_COUNTY, writeSampleWorkbook } from '../sample/index.ts';
import { PaneBridge } from './bridge.ts';
import { BrowserShell } from './BrowserShell.tsx';
import { mountNode, mountPane } from './mount.tsx';
import { detectMode } from './office.ts';
import { leftLines } from '../plan/identity.ts';
import { appPipeline } from './pipeline.ts';
import { pickLocale, type Locale } from './strings.ts';

async function loadSample() {
  const bytes = await writeSampleWorkbook().xlsx.writeBuffer();
  return { name: `${SAMPLE_COUNTY}台账.xlsx`, data: bytes as ArrayBuffer };
}

function startExcel(container: Element, locale: Locale) {
  const host = new ExcelHost();
  // Before the pane mounts, a ribbon click validates with the settings saved in the workbook.
  const bridge = new PaneBridge({
    async validate() {
      const outcome = await appPipeline.validate(host, {});
      if (outcome.error) throw new Error(outcome.error);
    },
    async clear() {
      // Marks left in place are shown by the pane as soon as it mounts (the ribbon has no other way to tell).
      const { left } = await appPipeline.clear(host);
      if (left.length > 0) bridge.showError(leftLines(left).join('\n'));
    },
    showError: (message) => console.error(message),
  });
  registerCommands({
    validate: () => bridge.validate(),
    clear: () => bridge.clear(),
    onError: (message) => bridge.showError(message),
  });
  mountPane(container, { host, locale, bridge });
}

function startBrowser(container: Element, locale: Locale) {
  mountNode(
    container,
    locale,
    <BrowserShell pipeline={appPipeline} openWorkbook={(data, name) => FileHost.fromBuffer(data, name)} loadSample={loadSample} />,
  );
}

async function main() {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const mode = await detectMode();
  if (mode.kind === 'excel') startExcel(container, pickLocale(mode.language));
  else startBrowser(container, pickLocale(navigator.language));
}

void main();
