// The texts inside the release kits: the Excel kit's registry files and 安装说明, the WPS kit's install and
// uninstall scripts, the browser kit's 使用说明. Windows files get CRLF line ends; what Notepad opens carries a
// UTF-8 byte order mark; .reg files are UTF-16LE, the encoding of "Windows Registry Editor Version 5.00".
import { Buffer } from 'node:buffer';
import { ADDIN_NAME } from './build-wps.ts';

/** Stands for this add-in's catalog under TrustedCatalogs: importing the .reg again replaces it, never adds a second. */
export const CATALOG_ID = '{5d2c8e61-7b4a-4f0e-9c3d-1a6b2f8e4c70}';
const CATALOG_KEY = `HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}`;
/** Used in the .reg when no --share was given; 安装说明 says to replace it. */
export const SHARE_PLACEHOLDER = '\\\\文件服务器\\均衡督导助手';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
/** A text file for Notepad: UTF-8 with a byte order mark, CRLF. */
export const notepadText = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(s), 'utf8')]);
/** A .reg file: UTF-16LE with its byte order mark, CRLF (what regedit writes and reads for version 5.00). */
const regFile = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf(s), 'utf16le')]);
/** A batch file: UTF-8 without a mark (cmd would run the mark as a command), CRLF; it switches cmd to UTF-8 first. */
const batchFile = (s: string) => Buffer.from(crlf(s), 'utf8');

/** A UNC path as the kit's .reg needs it: \\server\folder, refused otherwise. */
export function sharePath(raw: string | undefined): string {
  if (raw === undefined || raw === '') return SHARE_PLACEHOLDER;
  const path = raw.replace(/[\\/]+$/, '');
  if (!/^\\\\[^\\/"]+\\[^"]+$/.test(path)) throw new Error(`--share=${raw} 不是网络共享路径，应形如 \\\\文件服务器\\均衡督导助手`);
  return path;
}

/**
 * The registry entry Microsoft documents for trusting a shared-folder catalog ("Configure the trust with a
 * Registry script", learn.microsoft.com/office/dev/add-ins/testing/create-a-network-shared-folder-catalog-for-
 * task-pane-and-content-add-ins): Id, Url (backslashes doubled) and Flags 1 = show in the 共享文件夹 menu.
 */
export function trustReg(share: string): Buffer {
  return regFile(`Windows Registry Editor Version 5.00

[${CATALOG_KEY}]
"Id"="${CATALOG_ID}"
"Url"="${share.replace(/\\/g, '\\\\')}"
"Flags"=dword:00000001
`);
}

/** Removes exactly the key trustReg adds (a leading minus deletes a key in a .reg file). */
export function untrustReg(): Buffer {
  return regFile(`Windows Registry Editor Version 5.00

[-${CATALOG_KEY}]
`);
}

export interface ExcelGuide {
  version: string;
  base: string;
  share: string;
  top: string;
  browserKit: string;
  cli: string;
}

export function excelGuide({ version, base, share, top, browserKit, cli }: ExcelGuide): Buffer {
  const dev = base === 'https://localhost:3000/';
  return notepadText(`均衡督导助手 Excel 加载项 ${version} —— 内网安装说明（县教育局信息化人员使用）
${dev ? `
【注意】本安装包按开发地址 https://localhost:3000/ 构建，只能在开发电脑上使用。请在构建电脑上运行
    npm run package -- --env url=https://本县服务器/目录/ --share=\\\\文件服务器\\共享文件夹
生成指向本县服务器的安装包。
` : ''}
适用范围
  - Windows 上的 Microsoft 365 Excel 或 Excel 2021 及更新版本：功能区“均衡督导”选项卡、任务窗格和 =BALANCE.CV(…) 等函数。
  - Excel 2016 / Excel 2019：不支持本加载项所需的共享运行时和自定义函数，请改用“浏览器版”（见第七节）。
  - 不需要互联网，不需要 Microsoft 365 管理员；加载项不收集、不发送任何数据。
  - 没有 Microsoft 365 租户时，微软提供的内网安装途径只有“共享文件夹加载项目录”，本说明即按此方式安装。

本包内容（${top}\\）
  网站文件\\                  放到内网 HTTPS 服务器上的全部文件（taskpane.html、functions.js、office-js\\、assets\\、help.html 等）
  共享文件夹\\manifest.xml     加载项清单，其中所有地址都是 ${base}
  信任共享文件夹.reg           在每台电脑上登记并信任共享文件夹（导入一次即可）
  取消信任共享文件夹.reg       卸载时删除上面的登记
  安装说明.txt                 本文件

第一步：在内网 HTTPS 服务器上发布网站文件
  1. 把“网站文件”文件夹中的全部内容复制到 Web 服务器（IIS、nginx 等）上，使
        ${base}taskpane.html
     正好是其中的 taskpane.html。地址必须与上面一致：清单中的地址在构建时确定，改地址需要重新构建安装包。
  2. 必须使用 https，并使用本县的服务器证书；证书必须被各台电脑信任（由本单位的证书颁发机构签发，
     或已把根证书导入各电脑的“受信任的根证书颁发机构”）。Excel 不会打开证书有问题的加载项。
  3. 确认服务器为 .json 文件返回 application/json、为 .js 文件返回 application/javascript（IIS 旧版本需在
     “MIME 类型”中添加 .json）。
  4. 在一台教师电脑的浏览器中打开 ${base}taskpane.html：应显示“均衡督导助手”面板且没有证书警告；
     ${base}help.html 是帮助页。

第二步：建立共享文件夹
  1. 在文件服务器（或任一常开的电脑）上新建文件夹，例如 D:\\均衡督导助手，右键 → 属性 → 共享 → 高级共享，
     勾选“共享此文件夹”，权限给教师“读取”。记下网络路径，例如 ${share === SHARE_PLACEHOLDER ? '\\\\文件服务器\\均衡督导助手' : share}。
  2. 把本包“共享文件夹”中的 manifest.xml 复制到该共享文件夹。共享文件夹里只放清单，不放网站文件。

第三步：在每台电脑上信任共享文件夹（任选一种方法）
  方法 A：导入注册表文件
${share === SHARE_PLACEHOLDER ? `    0. 本包的“信任共享文件夹.reg”中的共享路径是占位的 ${SHARE_PLACEHOLDER}。请先用记事本打开它，把 "Url" 一行
       改成第二步记下的路径，路径中的每个 \\ 要写成两个 \\\\，例如 "Url"="\\\\\\\\fileserver\\\\balance"，保存。
       （也可在构建时加 --share=\\\\文件服务器\\共享文件夹，直接生成正确的文件。）
` : `    0. 本包的“信任共享文件夹.reg”已写入共享路径 ${share}。
`}    1. 完全退出 Excel。
    2. 双击“信任共享文件夹.reg”→ 是 → 确定（只写入当前用户 HKEY_CURRENT_USER，不需要管理员权限）。
       登记位置：HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs。
       也可用组策略或登录脚本（reg import 信任共享文件夹.reg）统一下发。
  方法 B：在 Excel 中手动设置
    1. 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录。
    2. 在“目录 URL”中填入共享文件夹的网络路径，点“添加目录”，勾选该行的“显示在菜单中”，确定。
    3. 完全退出并重新打开 Excel。

第四步：在 Excel 中添加加载项
  1. 打开 Excel，插入 → 我的加载项（或“获取加载项”/“加载项”）→ 在弹出的窗口上方选“共享文件夹”。
  2. 选中“均衡督导助手”，点“添加”。如果列表为空，点“刷新”，或确认第三步后已重新启动 Excel。
  3. 功能区出现“均衡督导”选项卡：校验全县、清除标注、打开面板。第一次请点“打开面板”，选择台账和评估标准后
     校验；设置保存在工作簿中，以后可直接点“校验全县”。单元格中可使用 =BALANCE.CV(F3:F40, C3:C40) 等函数，
     函数说明见帮助页 ${base}help.html。

第五步：更新到新版本
  用新安装包中的“网站文件”替换服务器上的文件，用新的 manifest.xml 替换共享文件夹中的清单；各电脑重新启动
  Excel 即可，不需要再导入注册表。

第六步：卸载
  在 Excel 中：插入 → 我的加载项 → 右键“均衡督导助手”→ 删除；再双击“取消信任共享文件夹.reg”删除登记。

第七步：Excel 2016 / 2019 或没有安装加载项的电脑
  - 浏览器版（${browserKit}）：解压后双击“均衡督导助手.html”，用 Edge 或 Chrome 打开，选择台账 .xlsx
    或点“载入示例县”，点“校验全县”，再下载带标注的工作簿。完全离线，原文件不会被修改。
  - 命令行（${cli}）：安装 Node.js 20 或更新版本后运行
        node ${cli} validate 台账.xlsx --out 台账-标注.xlsx
    node ${cli} --help 查看全部命令。

常见问题
  - “共享文件夹”中看不到加载项：确认 manifest.xml 在共享文件夹中、当前用户能打开该共享路径、第三步后已重启 Excel。
  - 面板空白或提示无法加载：在同一台电脑的浏览器中打开 ${base}taskpane.html，检查证书和地址。
  - 公式显示 #NAME?：Excel 版本过旧（不支持自定义函数），或加载项尚未加载完成。
`);
}

export function wpsInstallBat(version: string): Buffer {
  const folder = `${ADDIN_NAME}_${version}`;
  return batchFile(`@echo off
chcp 65001 >nul
setlocal
rem 均衡督导助手 WPS 加载项 ${version}：复制到 jsaddons 目录并登记到 publish.xml（保留其他加载项的登记）。
set "FOLDER=${folder}"
set "JSADDONS=%APPDATA%\\kingsoft\\wps\\jsaddons"
set "SRC=%~dp0"
set "SRC=%SRC:~0,-1%"
tasklist /fi "imagename eq wps.exe" 2>nul | find /i "wps.exe" >nul && goto running
tasklist /fi "imagename eq et.exe" 2>nul | find /i "et.exe" >nul && goto running
if not exist "%JSADDONS%" mkdir "%JSADDONS%" || goto failed
if /i not "%SRC%"=="%JSADDONS%\\%FOLDER%" (
  if exist "%JSADDONS%\\%FOLDER%" rd /s /q "%JSADDONS%\\%FOLDER%"
  xcopy "%SRC%" "%JSADDONS%\\%FOLDER%\\" /e /i /q /y >nul || goto failed
)
powershell -NoProfile -ExecutionPolicy Bypass -File "%JSADDONS%\\%FOLDER%\\publish-xml.ps1" -Action install -File "%JSADDONS%\\publish.xml" -Name ${ADDIN_NAME} -Version ${version} || goto failed
echo 已安装到 %JSADDONS%\\%FOLDER%
echo 请启动 WPS 表格，打开工作簿，应出现“均衡督导”选项卡。
pause
exit /b 0
:running
echo 请先完全退出 WPS（包括任务栏右下角的 WPS 图标），再运行本程序。
pause
exit /b 1
:failed
echo 安装失败：无法写入 %JSADDONS%。请确认该目录可写，或按“安装说明.txt”手工安装。
pause
exit /b 1
`);
}

export function wpsUninstallBat(version: string): Buffer {
  return batchFile(`@echo off
chcp 65001 >nul
setlocal
rem 均衡督导助手 WPS 加载项 ${version}：从 publish.xml 删除本加载项的登记，删除 jsaddons 中本加载项的各版本文件夹。
set "JSADDONS=%APPDATA%\\kingsoft\\wps\\jsaddons"
tasklist /fi "imagename eq wps.exe" 2>nul | find /i "wps.exe" >nul && goto running
tasklist /fi "imagename eq et.exe" 2>nul | find /i "et.exe" >nul && goto running
rem The script may run from the folder it deletes: work from a copy of the helper in %TEMP%.
copy /y "%~dp0publish-xml.ps1" "%TEMP%\\${ADDIN_NAME}-publish-xml.ps1" >nul || goto failed
cd /d "%TEMP%"
powershell -NoProfile -ExecutionPolicy Bypass -File "%TEMP%\\${ADDIN_NAME}-publish-xml.ps1" -Action uninstall -File "%JSADDONS%\\publish.xml" -Name ${ADDIN_NAME} -Version ${version} || goto failed
del "%TEMP%\\${ADDIN_NAME}-publish-xml.ps1"
echo 已从 WPS 卸载均衡督导助手。
pause
rem One line: this file may be inside a folder it deletes, and cmd reads a batch file line by line.
(for /d %%D in ("%JSADDONS%\\${ADDIN_NAME}_*") do rd /s /q "%%D") & exit /b 0
:running
echo 请先完全退出 WPS（包括任务栏右下角的 WPS 图标），再运行本程序。
pause
exit /b 1
:failed
echo 卸载失败：无法修改 %JSADDONS%\\publish.xml。
pause
exit /b 1
`);
}

/**
 * Adds or removes this add-in's <jsplugin> in publish.xml, which every add-in on the machine shares: other
 * entries stay as they are, an older entry of ours is replaced. ASCII only, so Windows PowerShell 5 reads it
 * whatever the system code page.
 */
export function publishXmlScript(): Buffer {
  return Buffer.from(
    crlf(`param([string]$Action, [string]$File, [string]$Name, [string]$Version)
$ErrorActionPreference = 'Stop'
$doc = New-Object System.Xml.XmlDocument
if (Test-Path -LiteralPath $File) {
  $doc.Load($File)
} else {
  if ($Action -ne 'install') { exit 0 }
  $doc.LoadXml('<?xml version="1.0" encoding="UTF-8"?><jsplugins></jsplugins>')
}
$root = $doc.DocumentElement
if ($root -eq $null -or $root.Name -ne 'jsplugins') { throw "$File has no <jsplugins> root" }
foreach ($node in @($root.SelectNodes('jsplugin|jspluginonline'))) {
  if ($node.GetAttribute('name') -eq $Name) { [void]$root.RemoveChild($node) }
}
if ($Action -eq 'install') {
  $entry = $doc.CreateElement('jsplugin')
  $entry.SetAttribute('name', $Name)
  $entry.SetAttribute('type', 'et')
  $entry.SetAttribute('url', $Name + '_' + $Version)
  $entry.SetAttribute('version', $Version)
  $entry.SetAttribute('enable', 'enable_dev')
  $entry.SetAttribute('install', 'null')
  $entry.SetAttribute('customDomain', '')
  [void]$root.AppendChild($entry)
}
$tmp = $File + '.tmp'
$settings = New-Object System.Xml.XmlWriterSettings
$settings.Indent = $true
$settings.Encoding = New-Object System.Text.UTF8Encoding($false)
$writer = [System.Xml.XmlWriter]::Create($tmp, $settings)
$doc.Save($writer)
$writer.Close()
Move-Item -LiteralPath $tmp -Destination $File -Force
`),
    'utf8',
  );
}

export function browserGuide(version: string, cli: string): Buffer {
  return notepadText(`均衡督导助手 浏览器版 ${version} —— 使用说明

适用于 Excel 2016 / 2019、WPS 未安装加载项的电脑，以及只想查看校验结果的审核人员。完全离线，不需要安装，
不收集、不发送任何数据。

1. 把本压缩包解压到任意文件夹（不要在压缩包里直接打开）。
2. 双击“均衡督导助手.html”，用 Edge、Chrome 或 360 等较新的浏览器打开。
3. 点“选择文件”选择本县台账（.xlsx），或把文件拖进虚线框；想先试用可点“载入示例县”。
4. 核对“台账”一步识别的工作表、表头行和学校行数，必要时在“表头对应”中手动选择列；选择评估标准。
5. 点“校验全县”，查看县域结论、各指标差异系数、未达标学校和数据问题。
6. 点“下载带标注的工作簿”，得到“原文件名-已标注.xlsx”：未达标单元格加底色和批注，并附“均衡校验报告”工作表。
   原文件不会被修改。

函数和评估规则的说明见同一文件夹中的 help.html。需要批量处理时可用命令行版 ${cli}（需 Node.js 20 或更新版本）。
`);
}
