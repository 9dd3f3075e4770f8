// The one place that knows the development address. manifest.xml and the @helpurl tags are written for
// https://localhost:3000/; a build for an intranet server (`npm run build -- --env url=https://host/path/`)
// moves every such address to the given base, and the AppDomain to its origin. Plain JavaScript so that
// webpack.config.js, the scripts and the tests all use the same code.
/* global URL */

export const DEV_BASE = 'https://localhost:3000/';
const DEV_ORIGIN = DEV_BASE.slice(0, -1);

/**
 * The base address the add-in is served from, normalised to end in '/'. Office loads add-ins over https only,
 * so anything else is refused with a message that says what to pass.
 * @param {string | boolean | undefined} raw
 * @returns {string}
 */
export function siteBase(raw) {
  if (raw === undefined) return DEV_BASE;
  // webpack-cli passes a bare `--env url` as true.
  if (raw === true || raw === '') throw new Error('--env url 缺少地址，应形如 --env url=https://jyj.example.gov.cn/balance/');
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`--env url=${raw} 不是完整的网址，应形如 https://jyj.example.gov.cn/balance/`);
  }
  if (url.protocol !== 'https:') throw new Error(`--env url=${raw}：Office 只从 https 地址加载加载项，请使用 https:// 开头的地址`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`--env url=${raw}：地址中不能有查询串、# 片段或用户名，应形如 https://jyj.example.gov.cn/balance/`);
  }
  // The address goes into XML attributes and JSON strings as it is: keep out what would need escaping there.
  if (/[&'\\]/.test(url.href)) throw new Error(`--env url=${raw}：地址中不能有 & ' \\ 字符`);
  return url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Text (manifest.xml, functions.json) with every development address moved to `base`. The AppDomain holds an
 * origin, not a folder, so it gets the base's origin; every other address keeps its path under the base.
 * @param {string} text
 * @param {string} base  from siteBase()
 * @returns {string}
 */
export function rebase(text, base) {
  if (base === DEV_BASE) return text;
  const origin = new URL(base).origin;
  return text
    .replaceAll(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(DEV_BASE, base);
}
