// What the lossless tests compare in a sheet part and a comments part, by cell.

/** Each cell's style index and content ('s|inner'), blank unstyled cells left out. */
export function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(\/>|>(.*?)<\/c>)/g)) {
    const s = /\ss="(\d+)"/.exec(m[2])?.[1] ?? '0';
    if (m[3] === '/>' && s === '0') continue;
    out.set(m[1], `${s}|${m[4] ?? ''}`);
  }
  return out;
}

/** Each comment's attributes (author) and content, by cell. */
export function commentsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)"([^>]*)>(.*?)<\/comment>/gs)) out.set(m[1], m[2] + m[3]);
  return out;
}
