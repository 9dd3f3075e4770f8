export { FileHost, type LeftMark } from './file-host.ts';
export { WorkbookReadError, checkXlsxSignature, type WorkbookErrorCode } from './errors.ts';
export { STATE_SHEET } from './state.ts';
export { plainValue } from './values.ts';
