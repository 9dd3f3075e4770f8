// dist/help.html: the local Chinese help page, the manifest's SupportUrl and every function's helpUrl
// (help.html#CV …). Built from the function definitions and the rule packs themselves, so it cannot drift from
// what the add-in does; each example's result is computed by the function it shows. Static HTML, no script:
// it opens anywhere, from the intranet server, from the browser kit's folder or from file://.
import { STAGES, STAGE_NAMES } from '../src/core/types.ts';
import { FUNCTIONS } from '../src/functions/definitions.ts';
import type { FnResult, FunctionDef } from '../src/functions/types.ts';
import { isFnError } from '../src/functions/types.ts';
import { STANDARDS, type RulePack } from '../src/standards/index.ts';

/** One worked example per function: what to type in a cell, with the arguments the result is computed from. */
interface Example {
  /** Arguments as the function receives them (ranges as rows of cells). */
  args: unknown[];
  /** The same arguments as typed in a formula (array constants for ranges). */
  typed: string;
  /** How a clerk writes it over the ledger's own columns. */
  usual: string;
}

const values = [[12.5], [8.1], [10.2]];
const pupils = [[420], [180], [650]];
const VALUES = '{12.5;8.1;10.2}';
const PUPILS = '{420;180;650}';
const schoolRow = [[5.1, 1.2, 1.0, 4.8, 8.2, 2100, 2.5]];

export const EXAMPLES: Record<string, Example> = {
  CV: { args: [values, pupils], typed: `${VALUES}, ${PUPILS}`, usual: 'F3:F40, C3:C40' },
  DIFFCOEF: { args: [values, pupils], typed: `${VALUES}, ${PUPILS}`, usual: 'F3:F40, C3:C40' },
  COMPOSITE: { args: [[[0.42], [0.38], [0.55]]], typed: '{0.42;0.38;0.55}', usual: 'H3:H10, "小学", "national-2012-basic"' },
  MEAN: { args: [values, pupils], typed: `${VALUES}, ${PUPILS}`, usual: 'F3:F40, C3:C40' },
  PER: { args: [1250, 500, '万元'], typed: '1250, 500, "万元"', usual: 'G5, C5, "万元"' },
  STANDARD: { args: ['生均体育运动场馆面积', '初中'], typed: '"生均体育运动场馆面积", "初中"', usual: '"sports_area_per_student", "初中"' },
  CHECK: { args: [8.2, '生均体育运动场馆面积', '小学'], typed: '8.2, "生均体育运动场馆面积", "小学"', usual: 'K5, "生均体育运动场馆面积", "小学"' },
  SCHOOL: { args: [schoolRow, '小学'], typed: '{5.1,1.2,1.0,4.8,8.2,2100,2.5}, "小学"', usual: 'K5:Q5, "小学"' },
  GAP: { args: [1800, '生均教学仪器设备值', '小学', 400], typed: '1800, "生均教学仪器设备值", "小学", 400', usual: 'P5, "生均教学仪器设备值", "小学", C5' },
  IMPACT: { args: [values, pupils], typed: `${VALUES}, ${PUPILS}`, usual: 'F3:F40, C3:C40（结果按区域形状向下溢出）' },
  PLAN: {
    args: [[[9.5], [3.1], [10.2]], pupils, '小学', '生均体育运动场馆面积'],
    typed: `{9.5;3.1;10.2}, ${PUPILS}, "小学", "生均体育运动场馆面积"`,
    usual: 'K3:K40, C3:C40, "小学", "生均体育运动场馆面积"（每校一行：序号、需增加、增加后的值）',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function shown(result: FnResult): string {
  if (isFnError(result)) return `${result.error} ${result.message}`;
  if (Array.isArray(result)) return result.map((row) => row.map((v) => shownScalar(v)).join('，')).join('；');
  return shownScalar(result);
}
const shownScalar = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

function functionSection(def: FunctionDef): string {
  const example = EXAMPLES[def.id];
  if (!example) throw new Error(`帮助页缺少函数 ${def.id} 的示例`);
  const signature = def.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
  const rows = def.params
    .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.dimensionality === 'matrix' ? '区域' : '单个值'}${p.optional ? '，可选' : ''}</td><td>${escapeHtml(p.description)}</td></tr>`)
    .join('\n');
  return `<section id="${def.id}">
<h3>BALANCE.${def.id}</h3>
<p>${escapeHtml(def.description)}。</p>
<p class="sig"><code>=BALANCE.${def.id}(${escapeHtml(signature)})</code></p>
<table><thead><tr><th>参数</th><th>形式</th><th>说明</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>示例：<code>=BALANCE.${def.id}(${escapeHtml(example.typed)})</code> → <b>${escapeHtml(shown(def.impl(...example.args)))}</b></p>
<p>台账中通常写作：<code>=BALANCE.${def.id}(${escapeHtml(example.usual)})</code></p>
</section>`;
}

const fmt = (n: number | undefined) => (n === undefined ? '—' : String(n));

function packSection(pack: RulePack): string {
  const rows = pack.indicators
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.unit)}</td>${STAGES.map((s) => `<td>${fmt(r.threshold?.[s])}</td>`).join('')}${STAGES.map((s) => `<td>${fmt(r.cvLimit?.[s])}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const rule =
    pack.method === '2017'
      ? `学校达标：${pack.schoolRule ? `至少 ${pack.schoolRule.minMet} 项指标达到标准，其余每项不低于标准的 ${Math.round(pack.schoolRule.minRatio * 100)}%` : '见标准'}；县域：每项指标的差异系数不超过限值（小学 ${fmt(pack.indicators[0]?.cvLimit?.primary)}、初中 ${fmt(pack.indicators[0]?.cvLimit?.junior)}），并满足政府保障程度、教育质量和社会认可度各项要求。`
      : `县域：各指标差异系数的平均值（综合差异系数）不超过 小学 ${fmt(pack.compositeLimit?.primary)}、初中 ${fmt(pack.compositeLimit?.junior)}；另有政府工作评分和公众满意度。`;
  return `<section id="std-${escapeHtml(pack.id)}">
<h3>${escapeHtml(pack.name)}</h3>
<p>标准 id：<code>${escapeHtml(pack.id)}</code>。${escapeHtml(rule)}</p>
<table><thead><tr><th>指标</th><th>单位</th>${STAGES.map((s) => `<th>${STAGE_NAMES[s]}标准值</th>`).join('')}${STAGES.map((s) => `<th>${STAGE_NAMES[s]}差异系数限值</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
<p class="src">依据：${pack.sources.map(escapeHtml).join('；')}</p>
</section>`;
}

export function helpPage(version: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>均衡督导助手 帮助</title>
<link rel="icon" href="data:," />
<style>
body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 56rem; padding: 1rem; line-height: 1.6; color: #242424; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0; display: block; overflow-x: auto; } th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } code { background: #f6f6f6; padding: 0 .2rem; word-break: break-all; } section { margin-bottom: 1.5rem; } .src { color: #616161; font-size: .9em; }
</style>
</head>
<body>
<h1>均衡督导助手 帮助</h1>
<p>版本 ${escapeHtml(version)}。按国家县域义务教育均衡发展督导评估标准校验全县台账：差异系数、学校达标情况、整改清单。本页随加载项一起安装，不需要联网；加载项不收集、不发送任何数据。</p>
<p>目录：<a href="#pane">任务窗格</a> · <a href="#ribbon">功能区按钮</a> · <a href="#functions">函数</a> · <a href="#rules">评估规则</a> · <a href="#other">浏览器版与命令行</a></p>

<h2 id="pane">任务窗格：四步校验全县</h2>
<ol>
<li><b>台账</b>：打开全县学校台账工作簿，点“均衡督导”选项卡的“打开面板”。面板自动识别台账工作表、表头行和学校行；“表头对应”中每个字段对应台账的一列，未找到的必填字段以红色标出，可手动选择对应列。</li>
<li><b>标准</b>：选择评估标准（默认 2017 优质均衡），面板列出每项指标的标准值和差异系数限值。</li>
<li><b>校验全县</b>：点“校验全县”。面板显示县域结论、各学段各指标的均值和差异系数、未达标学校及差额、拉高差异系数最多的学校和数据问题；点数据问题可定位到对应单元格。工作簿中未达标单元格加底色和批注，并生成“均衡校验报告”工作表。表头对应和标准保存在工作簿中，下次可直接点功能区的“校验全县”。</li>
<li><b>清除标注</b>：去掉本加载项添加的底色、批注和报告工作表，单元格恢复原样；台账中的数值从不被修改。</li>
</ol>
<p>缺少数据的项目显示为“未评估”并说明原因，不会被当作达标。</p>

<h2 id="ribbon">功能区按钮（“均衡督导”选项卡）</h2>
<ul>
<li><b>校验全县</b>（绿色对勾）：按工作簿中保存的表头对应和标准校验，完成或出错时打开任务窗格显示结果或原因。</li>
<li><b>清除标注</b>（红色橡皮）：清除本加载项的全部标注，完成后在任务窗格显示。</li>
<li><b>打开面板</b>（蓝色窗口）：打开任务窗格。</li>
</ul>

<h2 id="functions">函数（命名空间 BALANCE）</h2>
<p>指标和标准参数可写 id 或中文名（如 <code>books_per_student</code> 或 <code>生均图书册数</code>）；默认标准为 national-2017-quality。出错时单元格显示错误值：<code>#VALUE!</code> 参数不对（区域大小不一、文字、未知指标等），<code>#DIV/0!</code> 学生数全为空或 0，<code>#N/A</code> 无数据或标准未规定，<code>#NUM!</code> 学生数为负。WPS 表格中同样可用（需 WPS 12.1.0.20540 或更新版本）。</p>
${FUNCTIONS.map(functionSection).join('\n')}

<h2 id="rules">评估规则简述</h2>
<p>差异系数＝以在校生数加权的标准差 ÷ 加权平均值，按小学、初中分别计算；生均值和每百名学生值按学段的在校生数计算，九年一贯制等学校的共用资源按学段学生数分摊。各标准的指标和限值：</p>
${STANDARDS.map(packSection).join('\n')}

<h2 id="other">浏览器版与命令行</h2>
<p>Excel 2016/2019（不支持本加载项的共享运行时和自定义函数）或没有安装加载项时，用浏览器版：双击“均衡督导助手.html”，选择台账 .xlsx 或点“载入示例县”，校验后下载带标注的副本，原文件不会被修改。也可用命令行：<code>node balance-${escapeHtml(version)}.mjs validate 台账.xlsx</code>（需要 Node.js 20 或更新版本），<code>node balance-${escapeHtml(version)}.mjs --help</code> 查看全部命令。</p>
</body>
</html>
`;
}
