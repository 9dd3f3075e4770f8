// Decides between Office and browser mode without hanging: outside Office, office.js may be missing (no
// network, opened from a plain static server) or Office.onReady may never settle.
export type PaneMode = { kind: 'excel'; language: string | undefined } | { kind: 'browser' };

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string };
}

export async function detectMode(timeoutMs = 1500): Promise<PaneMode> {
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
