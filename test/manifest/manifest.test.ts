// manifest.xml passes the offline checks, each check really catches its fault, and the functions.json the
// build generates from src/functions/excel.ts lists every shared function under its bare id.
import { createRequire } from 'node:module';
import { functionsJson } from '../../src/wps/functions.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/validate-manifest.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const xml = readFileSync(`${root}manifest.xml`, 'utf8');

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    const { errors, checked } = checkManifest(xml, root);
    expect(errors).toEqual([]);
    expect(checked.length).toBeGreaterThan(80);
  });

  const broken: [string, (s: string) => string, RegExp][] = [
    ['unclosed element', (s) => s.replace('</Permissions>', ''), /不是格式正确的 XML/],
    ['extra permission', (s) => s.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'), /仅为 ReadWriteDocument/],
    ['wrong namespace', (s) => s.replace('DefaultValue="BALANCE"', 'DefaultValue="BAL"'), /命名空间应为 BALANCE/],
    ['no custom functions', (s) => s.replace('xsi:type="CustomFunctions"', 'xsi:type="Other"'), /缺少 CustomFunctions 扩展点/],
    ['command id not the one registered', (s) => s.replace('<FunctionName>validateCounty</FunctionName>', '<FunctionName>validate</FunctionName>'), /校验全县/],
    ['pane button executes instead', (s) => s.replace('xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"'), /打开面板/],
    ['missing icon', (s) => s.replaceAll('icon-80.png', 'icon-81.png'), /icon-81\.png 在 assets\/ 中不存在/],
    ['duplicate control id', (s) => s.replace('id="Balance.Clear"', 'id="Balance.Validate"'), /功能区 id 重复/],
    ['undefined resid', (s) => s.replace('<Label resid="Clear.Label" />', '<Label resid="Nope.Label" />'), /未定义的资源 Nope\.Label/],
    ['elements out of order', (s) => s.replace(/(<Version>.*?<\/Version>\s*)(<ProviderName>.*?<\/ProviderName>)/s, '$2$1'), /子元素顺序不符合架构/],
    ['missing en-US string', (s) => s.replace('<bt:Override Locale="en-US" Value="Validate county" />', ''), /Validate\.Label 缺少 en-US 覆盖/],
    ['other origin', (s) => s.replace('https://localhost:3000/functions.js', 'https://cdn.example.com/functions.js'), /不同源/],
    ['not shared', (s) => s.replace('lifetime="long"', 'lifetime="short"'), /共享运行时/],
  ];
  for (const [name, mutate, message] of broken) {
    it(`rejects a manifest with ${name}`, () => {
      const changed = mutate(xml);
      expect(changed).not.toBe(xml);
      expect(checkManifest(changed, root).errors.join('\n')).toMatch(message);
    });
  }
});

describe('functions.json generated from src/functions/excel.ts', () => {
  let metadata: { functions: { id: string; name: string; description: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[]; result: { dimensionality?: string } }[] };
  let errors: string[];

  beforeAll(async () => {
    // The generator the webpack plugin uses, called directly: no webpack run needed.
    const require = createRequire(import.meta.url);
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
    const result = await generateCustomFunctionsMetadata([`${root}src/functions/excel.ts`], true);
    errors = result.errors;
    metadata = JSON.parse(result.metadataJson);
  });

  it('lists every shared function with its bare id, in order', () => {
    expect(errors).toEqual([]);
    expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z]+$/);
      expect(f.name).toBe(f.id);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the parameters, optional flags and shapes of the shared definitions', () => {
    for (const def of FUNCTIONS) {
      const meta = metadata.functions.find((f) => f.id === def.id)!;
      expect(meta.parameters.map((p) => !!p.optional), def.id).toEqual(def.params.map((p) => !!p.optional));
      expect(meta.parameters.map((p) => p.dimensionality ?? 'scalar'), def.id).toEqual(def.params.map((p) => p.dimensionality));
      expect(meta.result.dimensionality ?? 'scalar', def.id).toBe(def.result.dimensionality);
    }
  });

  // Help is written twice (JSDoc for Excel's generator, FunctionDef for WPS): this is what keeps them one text.
  it('has the descriptions and parameter names of the shared definitions, as WPS registers them', () => {
    const help = (f: { description?: string; parameters: { name?: string; description?: string }[] }) => ({
      description: f.description,
      parameters: f.parameters.map((p) => ({ name: p.name, description: p.description })),
    });
    const wps = functionsJson(FUNCTIONS).functions;
    for (const def of FUNCTIONS) {
      const excel = metadata.functions.find((f) => f.id === def.id)!;
      const shared = help({ description: def.description, parameters: def.params });
      expect(help(excel), `${def.id}: functions.json (JSDoc in src/functions/excel.ts) vs definitions.ts`).toEqual(shared);
      expect(help(wps.find((f) => f.name === def.id)!), `${def.id}: WPS registration vs definitions.ts`).toEqual(shared);
    }
  });
});
