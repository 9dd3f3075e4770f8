// Decides between Office and browser mode without hanging: outside Office, office.js may be missing (no
// network, opened from a plain static server) or Office.onReady may never settle. Inside Office it can be
// slow on an old machine, so a page that looks hosted gets a longer wait before falling back.
export type PaneMode = { kind: 'excel'; language: string | undefined } | { kind: 'browser' };

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string };
}

const BROWSER_WAIT_MS = 1500;
const HOSTED_WAIT_MS = 20000;

/** Signs that an Office client embeds this page: Office on the web (iframe, _host_Info), WebView2, WKWebView. */
function looksHosted(): boolean {
  const w = globalThis as unknown as {
    location?: Location;
    parent?: unknown;
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: unknown };
  };
  const url = `${w.location?.search ?? ''}${w.location?.hash ?? ''}`;
  return /_host_Info=/i.test(url) || (w.parent !== undefined && w.parent !== globalThis) || !!w.chrome?.webview || !!w.webkit?.messageHandlers;
}

export async function detectMode(timeoutMs = looksHosted() ? HOSTED_WAIT_MS : BROWSER_WAIT_MS): Promise<PaneMode> {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  if (!office?.onReady) return { kind: 'browser' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timedOut]);
    const excel = office.HostType?.Excel ?? 'Excel';
    if (info && info.host === excel) return { kind: 'excel', language: office.context?.displayLanguage };
    return { kind: 'browser' };
  } finally {
    clearTimeout(timer);
  }
}
