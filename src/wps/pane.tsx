// Entry of the WPS task pane (ui/taskpane.html → taskpane.js): the same React pane as Excel's and the
// browser's, given the WPS host. The pane page shares the global `Application` with the background page.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { WpsHost, type EtApplication } from '../hosts/wps/index.ts';
import { App } from '../taskpane/App.tsx';
import { appPipeline } from '../taskpane/pipeline.ts';

const g = globalThis as typeof globalThis & { Application?: EtApplication; wps?: EtApplication };
const et = g.Application ?? g.wps;
const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));

createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    {et ? (
      <App host={new WpsHost(et)} pipeline={appPipeline} />
    ) : (
      <p style={{ padding: 12 }}>请在 WPS 表格中通过“均衡督导 → 打开面板”使用本页面。</p>
    )}
  </FluentProvider>,
);
