export { WpsHost } from './host.ts';
export { hexToBgr, bgrToHex } from './color.ts';
export { STATE_SHEET } from './state.ts';
export type { EtApplication } from './et.ts';
