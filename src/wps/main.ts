// Entry of the add-in's background page (wps/index.html → main.js). WPS loads it when it starts: it registers
// the BALANCE functions and publishes the ribbon callbacks. Outside WPS (no global `wps`) it does nothing.
import { FUNCTIONS } from '../functions/definitions.ts';
import type { EtApplication } from '../hosts/wps/index.ts';
import { appPipeline } from '../taskpane/pipeline.ts';
import { boot, type WpsRoot } from './boot.ts';

const g = globalThis as typeof globalThis & { wps?: WpsRoot; Application?: EtApplication };

if (g.wps) {
  boot(g.wps, g as unknown as Record<string, unknown>, {
    // The global Application is the ET application (wps-notes §4: `Application` = `wps`).
    app: g.Application ?? (g.wps as unknown as EtApplication),
    defs: FUNCTIONS,
    pipeline: appPipeline,
    paneUrl: new URL('ui/taskpane.html', g.location?.href ?? 'file:///').href,
    // alert blocks until the user closes it (wps-notes §1 [DEV]), which is what a one-line outcome wants.
    notify: (message) => g.alert(message),
  });
}
