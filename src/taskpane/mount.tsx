// Mounting the pane with its providers (strings, Fluent theme). Excel, browser mode and the WPS add-in's page
// all go through here, so every host shows the same pane.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Host } from '../hosts/types.ts';
import { App } from './App.tsx';
import type { PaneBridge } from './bridge.ts';
import { StringsContext } from './i18n.tsx';
import { appPipeline } from './pipeline.ts';
import { STRINGS, type Locale } from './strings.ts';

export function mountNode(container: Element, locale: Locale, node: ReactNode): Root {
  document.documentElement.lang = locale;
  const root = createRoot(container);
  root.render(
    <StringsContext.Provider value={STRINGS[locale]}>
      <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
    </StringsContext.Provider>,
  );
  return root;
}

export interface MountPaneOptions {
  host: Host;
  locale?: Locale;
  /** For hosts whose ribbon buttons should drive the pane (Excel's shared runtime, WPS's ribbon). */
  bridge?: PaneBridge;
}

/** The pane over any host, e.g. `mountPane(el, { host: new WpsHost() })` in the WPS add-in's page. */
export function mountPane(container: Element, { host, locale = 'zh-CN', bridge }: MountPaneOptions): Root {
  return mountNode(container, locale, <App host={host} pipeline={appPipeline} bridge={bridge} />);
}
