// Wires the WPS add-in together: the custom functions registered from the shared list, and the ribbon
// callbacks published as the global names ribbon.xml refers to.
import type { FunctionDef } from '../functions/types.ts';
import { WpsHost, type EtApplication } from '../hosts/wps/index.ts';
import { registerFunctions, type WpsFunctionRoot } from './functions.ts';
import { createRibbon, type RibbonPipeline, type WpsPaneRoot } from './ribbon.ts';

export type WpsRoot = WpsFunctionRoot & WpsPaneRoot;

export interface BootOptions {
  /** The ET Application (the global `Application`, which is `wps` itself: wps-notes §4). */
  app: EtApplication;
  defs: FunctionDef[];
  pipeline: RibbonPipeline;
  paneUrl: string;
  notify: (message: string) => void;
}

export function boot(root: WpsRoot, globals: Record<string, unknown>, options: BootOptions) {
  const registered = registerFunctions(root, options.defs);
  const ribbon = createRibbon({
    root,
    host: () => new WpsHost(options.app),
    pipeline: options.pipeline,
    paneUrl: options.paneUrl,
    notify: options.notify,
  });
  // ribbon.xml names plain globals (onLoad="OnAddinLoad", onAction="OnAction", getImage="GetImage").
  Object.assign(globals, {
    OnAddinLoad: ribbon.OnAddinLoad,
    OnAction: ribbon.OnAction,
    GetImage: ribbon.GetImage,
    OnGetEnabled: ribbon.OnGetEnabled,
  });
  return { registered, ribbon };
}
