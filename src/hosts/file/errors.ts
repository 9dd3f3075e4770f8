// Typed failures of opening a workbook, with the Chinese message the CLI and the task pane show as is.

export type WorkbookErrorCode = 'encrypted' | 'legacy_xls' | 'not_xlsx' | 'corrupt';

export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary (OLE2): legacy .xls, and also every password-protected .xlsx. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** An encrypted OOXML file is a CFB container holding a stream named EncryptedPackage (UTF-16LE in its directory). */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

/** Throws a WorkbookReadError unless the bytes look like an .xlsx (zip) package. */
export function checkXlsxSignature(bytes: Uint8Array, name: string): void {
  if (startsWith(bytes, ZIP)) return;
  if (startsWith(bytes, CFB)) {
    if (hasEncryptedPackage(bytes)) {
      throw new WorkbookReadError('encrypted', `无法读取工作簿 ${name}：文件已加密（设有打开密码），请在 Excel 或 WPS 中取消密码后另存为 .xlsx`);
    }
    throw new WorkbookReadError('legacy_xls', `无法读取工作簿 ${name}：文件是旧版 .xls 格式或已加密，请在 Excel 或 WPS 中另存为 .xlsx`);
  }
  throw new WorkbookReadError('not_xlsx', `无法读取工作簿 ${name}：不是 .xlsx 文件`);
}
