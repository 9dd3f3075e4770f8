// `npm run validate`: checks manifest.xml (and dist/manifest.xml when built) offline, in two parts. First the
// official XML schema (schemas/office-addin-manifest/, Microsoft's XSDs) through xmllint, which catches any
// element or attribute Office's loader would refuse. Then what no schema says but Office or the county needs:
// the shared runtime, the custom functions and ribbon wiring, resource ids, string lengths, every address under
// the one base folder of SourceLocation, and the icons (each declared size exists, each button its own).
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { COMMAND_IDS } from '../src/hosts/excel/commands.ts';

type Node = Record<string, unknown>;

export interface ManifestCheck {
  errors: string[];
  /** What was checked, for the printed summary. */
  checked: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** OfficeApp children in the order the 1.1 schema's sequence requires (those this add-in uses or must have). */
const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'AllowSnapshot', 'VersionOverrides',
];
const SHORT_MAX = 125;
const LONG_MAX = 250;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, preserveOrder: false, trimValues: true });
const orderParser = new XMLParser({ ignoreAttributes: true, preserveOrder: true });

/** Child elements at a path of tag names; every element is an array because of isArray. */
function all(node: Node | undefined, path: string): Node[] {
  let level: Node[] = node ? [node] : [];
  for (const tag of path.split('/')) level = level.flatMap((n) => (Array.isArray(n[tag]) ? (n[tag] as Node[]) : []));
  return level;
}
const one = (node: Node | undefined, path: string): Node | undefined => all(node, path)[0];
const attr = (node: Node | undefined, name: string): string | undefined => node?.[`@${name}`] as string | undefined;
const text = (node: Node | undefined): string | undefined => {
  if (node === undefined) return undefined;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const t = node['#text'];
  return t === undefined ? undefined : String(t);
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const SCHEMA = fileURLToPath(new URL('../schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd', import.meta.url));

/** The schema's complaints about a manifest file, as xmllint words them (empty when it validates). */
export function schemaErrors(file: string): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error) return [`无法运行 xmllint（${run.error.message}）：请安装 libxml2-utils（apt-get install libxml2-utils）`];
  if (run.status === 0) return [];
  const lines = `${run.stderr}`.split('\n').filter((l) => l.trim() && !/ fails to validate$/.test(l));
  return lines.length ? lines.map((l) => `不符合清单架构：${l}`) : [`不符合清单架构（xmllint 退出码 ${run.status}）`];
}

/** Sizes every ribbon icon comes in: 16, 32 and 80 are required, the others are for scaled displays. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

export function checkManifest(xml: string, root: string): ManifestCheck {
  const errors: string[] = [];
  const checked: string[] = [];
  const check = (label: string, ok: boolean, message: string) => {
    checked.push(label);
    if (!ok) errors.push(message);
  };

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { errors: [`manifest.xml 不是格式正确的 XML：第 ${valid.err.line} 行第 ${valid.err.col} 列，${valid.err.msg}`], checked: ['well-formed XML'] };
  }
  checked.push('well-formed XML');
  const doc = parser.parse(xml) as Node;
  const app = one(doc, 'OfficeApp');
  if (!app) return { errors: ['缺少根元素 OfficeApp'], checked };

  check('OfficeApp xsi:type TaskPaneApp', attr(app, 'xsi:type') === 'TaskPaneApp', 'OfficeApp 的 xsi:type 应为 TaskPaneApp');
  const ordered = (orderParser.parse(xml) as Node[]).find((n) => 'OfficeApp' in n)?.OfficeApp as Node[] | undefined;
  const children = (ordered ?? []).map((n) => Object.keys(n)[0]).filter((k) => k !== '#comment');
  const positions = children.map((c) => OFFICE_APP_ORDER.indexOf(c));
  check(
    'OfficeApp child order (schema sequence)',
    positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])),
    `OfficeApp 子元素顺序不符合架构：${children.join(' → ')}`,
  );
  for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
    check(`required element ${required}`, all(app, required).length === 1, `缺少或重复元素 ${required}`);
  }
  check('Id is a GUID', GUID.test(text(one(app, 'Id')) ?? ''), 'Id 应为 GUID');
  check('Version n.n.n.n', /^\d+(\.\d+){0,3}$/.test(text(one(app, 'Version')) ?? ''), 'Version 格式应为 1.0.0.0');
  check('DefaultLocale zh-CN', text(one(app, 'DefaultLocale')) === 'zh-CN', 'DefaultLocale 应为 zh-CN');
  for (const tag of ['DisplayName', 'Description']) {
    const node = one(app, tag);
    check(`${tag} with en-US override`, !!attr(node, 'DefaultValue') && all(node, 'Override').some((o) => attr(o, 'Locale') === 'en-US'), `${tag} 缺少默认值或 en-US 覆盖`);
  }
  check('DisplayName ≤ 125 characters', (attr(one(app, 'DisplayName'), 'DefaultValue') ?? '').length <= SHORT_MAX, 'DisplayName 超过 125 个字符');
  check('Description ≤ 250 characters', (attr(one(app, 'Description'), 'DefaultValue') ?? '').length <= LONG_MAX, 'Description 超过 250 个字符');
  check('Permissions ReadWriteDocument only', text(one(app, 'Permissions')) === 'ReadWriteDocument', '权限应仅为 ReadWriteDocument');
  check('Host Workbook', all(app, 'Hosts/Host').map((h) => attr(h, 'Name')).join() === 'Workbook', 'Hosts 应只含 Workbook');
  check('SharedRuntime requirement', all(app, 'Requirements/Sets/Set').some((s) => attr(s, 'Name') === 'SharedRuntime'), 'Requirements 缺少 SharedRuntime');
  const source = attr(one(app, 'DefaultSettings/SourceLocation'), 'DefaultValue') ?? '';
  check('SourceLocation https …/taskpane.html', /^https:\/\/[^/]+\/(.+\/)?taskpane\.html$/.test(source), `SourceLocation 应为 https 地址的 taskpane.html：${source}`);
  const origin = source.replace(/^(https:\/\/[^/]+).*$/, '$1');
  // Everything is served from the folder of taskpane.html: dist/ uses relative paths only.
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  const appDomains = all(app, 'AppDomains/AppDomain').map(text);
  check('AppDomain is the origin', appDomains.length === 1 && appDomains[0] === origin, `AppDomain 应为 ${origin}：${appDomains.join(', ')}`);
  const support = attr(one(app, 'SupportUrl'), 'DefaultValue') ?? '';
  check('SupportUrl is the help page', support === `${base}help.html`, `SupportUrl 应为帮助页 ${base}help.html：${support}`);

  // Resources: every id unique, every resid defined.
  const vo = one(app, 'VersionOverrides');
  const res = one(vo, 'Resources');
  const resources = new Map<string, { kind: string; node: Node }>();
  for (const [kind, path] of [['image', 'bt:Images/bt:Image'], ['url', 'bt:Urls/bt:Url'], ['short', 'bt:ShortStrings/bt:String'], ['long', 'bt:LongStrings/bt:String']] as const) {
    for (const node of all(res, path)) {
      const id = attr(node, 'id') ?? '';
      check(`resource id ${id} unique`, !resources.has(id), `资源 id 重复：${id}`);
      resources.set(id, { kind, node });
      const value = attr(node, 'DefaultValue') ?? '';
      if (kind === 'short') check(`${id} ≤ ${SHORT_MAX}`, value.length <= SHORT_MAX, `短字符串 ${id} 超过 ${SHORT_MAX} 个字符`);
      if (kind === 'long') check(`${id} ≤ ${LONG_MAX}`, value.length <= LONG_MAX, `长字符串 ${id} 超过 ${LONG_MAX} 个字符`);
      if ((kind === 'short' || kind === 'long') && id !== 'Functions.Namespace') {
        check(`${id} en-US override`, all(node, 'bt:Override').some((o) => attr(o, 'Locale') === 'en-US'), `字符串 ${id} 缺少 en-US 覆盖`);
      }
      if (kind === 'image' || kind === 'url') check(`${id} under ${base}`, value.startsWith(base), `${id} 的地址 ${value} 与 SourceLocation 不同源或不在同一目录 ${base} 下`);
    }
  }
  const residsIn = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(residsIn);
    if (!node || typeof node !== 'object') return [];
    return Object.entries(node as Node).flatMap(([k, v]) => (k === '@resid' ? [String(v)] : residsIn(v)));
  };
  for (const id of new Set(residsIn(one(vo, 'Hosts')))) check(`resid ${id} defined`, resources.has(id), `引用了未定义的资源 ${id}`);
  const str = (id: string | undefined) => attr(resources.get(id ?? '')?.node, 'DefaultValue');

  // Shared runtime and custom functions.
  const host = all(vo, 'Hosts/Host').find((h) => attr(h, 'xsi:type') === 'Workbook');
  const runtime = one(host, 'Runtimes/Runtime');
  const runtimeUrl = attr(runtime, 'resid');
  check('shared runtime lifetime long', attr(runtime, 'lifetime') === 'long', 'Runtime 应为 lifetime="long"（共享运行时）');
  check('runtime page is the task pane', str(runtimeUrl) === source, 'Runtime 的页面应与 SourceLocation 相同');
  const cf = all(host, 'AllFormFactors/ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions');
  check('CustomFunctions extension point', !!cf, '缺少 CustomFunctions 扩展点');
  check('functions script functions.js', /\/functions\.js$/.test(str(attr(one(cf, 'Script/SourceLocation'), 'resid')) ?? ''), '自定义函数脚本应为 functions.js');
  check('functions metadata functions.json', /\/functions\.json$/.test(str(attr(one(cf, 'Metadata/SourceLocation'), 'resid')) ?? ''), '自定义函数元数据应为 functions.json');
  check('functions page = runtime page', attr(one(cf, 'Page/SourceLocation'), 'resid') === runtimeUrl, '自定义函数 Page 应使用共享运行时页面');
  check('namespace BALANCE', str(attr(one(cf, 'Namespace'), 'resid')) === 'BALANCE', '自定义函数命名空间应为 BALANCE');

  // Ribbon.
  const desktop = one(host, 'DesktopFormFactor');
  check('FunctionFile = runtime page', attr(one(desktop, 'FunctionFile'), 'resid') === runtimeUrl, 'FunctionFile 应使用共享运行时页面');
  const tab = one(desktop, 'ExtensionPoint/CustomTab');
  check('custom tab 均衡督导', str(attr(one(tab, 'Label'), 'resid')) === '均衡督导', '功能区选项卡应为“均衡督导”');
  const controls = all(tab, 'Group/Control');
  const byLabel = new Map(controls.map((c) => [str(attr(one(c, 'Label'), 'resid')), c]));
  const action = (label: string) => one(byLabel.get(label), 'Action');
  check('button 校验全县 runs validateCounty', attr(action('校验全县'), 'xsi:type') === 'ExecuteFunction' && text(one(action('校验全县'), 'FunctionName')) === COMMAND_IDS.validate, `“校验全县”应为 ExecuteFunction ${COMMAND_IDS.validate}`);
  check('button 清除标注 runs clearAnnotations', attr(action('清除标注'), 'xsi:type') === 'ExecuteFunction' && text(one(action('清除标注'), 'FunctionName')) === COMMAND_IDS.clear, `“清除标注”应为 ExecuteFunction ${COMMAND_IDS.clear}`);
  check('button 打开面板 shows the pane', attr(action('打开面板'), 'xsi:type') === 'ShowTaskpane' && attr(one(action('打开面板'), 'SourceLocation'), 'resid') === runtimeUrl, '“打开面板”应为 ShowTaskpane，页面为共享运行时页面');
  const ids = [attr(tab, 'id'), ...all(tab, 'Group').map((g) => attr(g, 'id')), ...controls.map((c) => attr(c, 'id'))];
  check('control ids unique', new Set(ids).size === ids.length && ids.every(Boolean), `功能区 id 重复或缺失：${ids.join(', ')}`);

  // Icons: each declared image is a PNG under the base folder of the declared size; every Icon element has all
  // sizes; each button has its own pictures, different from the other buttons' at every size.
  const images = [...resources.entries()].filter(([, r]) => r.kind === 'image');
  const iconUrls = [attr(one(app, 'IconUrl'), 'DefaultValue'), attr(one(app, 'HighResolutionIconUrl'), 'DefaultValue')];
  const pictures = new Map<string, Buffer>();
  const assets = existsSync(join(root, 'assets'));
  check('assets/ beside the manifest', assets, `清单旁没有 assets/ 图标目录（${join(root, 'assets')}）：请检查构建输出目录中的 manifest.xml`);
  for (const url of assets ? [...images.map(([, r]) => attr(r.node, 'DefaultValue')), ...iconUrls] : []) {
    const path = (url ?? '').slice(base.length);
    const file = join(root, path);
    const exists = path.startsWith('assets/') && existsSync(file);
    check(`icon ${path} exists`, exists, `图标 ${url} 在 assets/ 中不存在`);
    if (!exists) continue;
    const bytes = readFileSync(file);
    pictures.set(url ?? '', bytes);
    const size = pngSize(bytes);
    const declared = /-(\d+)\.png$/.exec(path)?.[1];
    check(`icon ${path} is a ${declared}px PNG`, !!size && size.width === Number(declared) && size.height === Number(declared), `图标 ${path} 不是 ${declared}×${declared} 的 PNG`);
  }
  const iconSets = [
    { name: `功能区组“${str(attr(one(tab, 'Group/Label'), 'resid'))}”`, node: one(tab, 'Group') },
    ...controls.map((c) => ({ name: `按钮“${str(attr(one(c, 'Label'), 'resid'))}”`, node: c })),
  ];
  const bySize = new Map<string, Map<string, string>>();
  for (const { name, node } of iconSets) {
    const declared = all(node, 'Icon/bt:Image').map((img) => ({ size: attr(img, 'size') ?? '', url: str(attr(img, 'resid')) ?? '' }));
    check(`${name} icon sizes`, declared.map((d) => Number(d.size)).join() === ICON_SIZES.join(), `${name}的图标应有 ${ICON_SIZES.join('/')} 像素各一：${declared.map((d) => d.size).join('/')}`);
    for (const { size, url } of declared) {
      check(`${name} ${size}px picture`, url.endsWith(`-${size}.png`), `${name}的 ${size}px 图标地址是 ${url}`);
      if (node !== iconSets[0].node) bySize.set(size, (bySize.get(size) ?? new Map()).set(name, url));
    }
  }
  for (const [size, urls] of bySize) {
    const seen = new Map<string, string>();
    for (const [name, url] of urls) {
      const bytes = pictures.get(url)?.toString('base64') ?? url;
      const other = seen.get(bytes);
      check(`${name} ${size}px own picture`, other === undefined, `${name}与${other}的 ${size}px 图标相同：每个按钮应有自己的图标`);
      seen.set(bytes, name);
    }
  }
  return { errors, checked };
}

/** Schema first (nothing else is worth reading when it fails), then the checks above. */
export function validateManifestFile(file: string, root: string): ManifestCheck {
  const schema = schemaErrors(file);
  const rest = checkManifest(readFileSync(file, 'utf8'), root);
  return { errors: [...schema, ...rest.errors], checked: ['XML schema (xmllint)', ...rest.checked] };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
  // The source manifest (icons in assets/), and the built one (icons in dist/assets/) when there is one.
  const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [join(repo, 'manifest.xml'), join(repo, 'dist/manifest.xml')].filter(existsSync);
  let failed = false;
  for (const file of files) {
    const { errors, checked } = validateManifestFile(file, dirname(file));
    console.log(`检查 ${relative(process.cwd(), file) || file}：${checked.length} 项（官方 XML 架构 + 离线检查）`);
    for (const e of errors) console.error(`✗ ${e}`);
    if (errors.length === 0) console.log('✓ 清单通过架构校验和全部离线检查');
    failed ||= errors.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}
