// The kit texts on their own (no build): the share path checked, the placeholder .reg and its steps in
// 安装说明, the development warning, the batch files' shape for cmd.
import { describe, expect, it } from 'vitest';
import { CATALOG_ID, SHARE_PLACEHOLDER, excelGuide, sharePath, trustReg, wpsInstallBat, wpsUninstallBat } from '../../scripts/kit-texts.ts';

const guide = (base: string, share: string) =>
  excelGuide({ version: '1.2.3', base, share, top: 'kit', browserKit: '均衡督导助手-浏览器版-1.2.3.zip', cli: 'balance-1.2.3.mjs' }).subarray(3).toString('utf8');

describe('kit texts', () => {
  it('takes a UNC share, drops a trailing slash, refuses a drive path, and has a placeholder without one', () => {
    expect(sharePath('\\\\fs01\\均衡\\')).toBe('\\\\fs01\\均衡');
    expect(sharePath(undefined)).toBe(SHARE_PLACEHOLDER);
    expect(() => sharePath('D:\\均衡督导助手')).toThrow(/网络共享路径/);
    expect(() => sharePath('\\\\fs01')).toThrow(/网络共享路径/);
  });

  it('the placeholder .reg still has the documented shape, and 安装说明 says how to fill it in', () => {
    const reg = trustReg(SHARE_PLACEHOLDER).subarray(2).toString('utf16le');
    expect(reg).toContain(`"Id"="${CATALOG_ID}"`);
    expect(reg).toContain('"Url"="\\\\\\\\文件服务器\\\\均衡督导助手"');
    const text = guide('https://jyj.example.gov.cn/b/', SHARE_PLACEHOLDER);
    expect(text).toContain('请先用记事本打开它，把 "Url" 一行');
    expect(text).not.toContain('只能在开发电脑上使用');
  });

  it('a kit built for the development address says so first', () => {
    const text = guide('https://localhost:3000/', '\\\\fs\\b');
    expect(text.split('\r\n').slice(0, 4).join('\n')).toContain('只能在开发电脑上使用');
    expect(text).toContain('已写入共享路径 \\\\fs\\b');
  });

  it('batch files start with @echo off, switch cmd to UTF-8 and stop while WPS runs', () => {
    for (const bat of [wpsInstallBat('1.2.3'), wpsUninstallBat('1.2.3')].map((b) => b.toString('utf8'))) {
      expect(bat.split('\r\n').slice(0, 2)).toEqual(['@echo off', 'chcp 65001 >nul']);
      expect(bat).toContain('find /i "et.exe" >nul && goto running');
    }
  });
});
