// Help texts, in Chinese like every message users read; ids and options stay English.
import { STANDARDS, DEFAULT_STANDARD_ID } from '../standards/index.ts';

const standards = () => STANDARDS.map((p) => `    ${p.id.padEnd(28)}${p.name}`).join('\n');

export const USAGE: Record<string, string> = {
  validate: `用法：balance validate <台账.xlsx> [--standard ID] [--sheet 工作表] [--county 县名] [--merge-campuses] [--map 字段=表头 …] [--out 标注副本.xlsx] [--json 报告.json] [--costs 单价.json]

校验一个县的台账，在终端打印各学段各指标的县均值、差异系数、限值与是否达标，以及全县结论。
  --standard ID     评估标准（默认 ${DEFAULT_STANDARD_ID}），可用：
${standards()}
  --sheet 工作表    台账所在工作表；不指定时取第一个表头能识别的工作表
  --county 县名     工作表含多个县（统计三级、区县列）时，指定要校验的县；不指定时列出各县并退出（退出码 2）
  --merge-campuses  把“是否计校数”为 0 的校区、教学点并入所属主校（按学校标识码前缀或校名）；默认按 2017 年规则：
                    50 人及以上的单独计为一所学校，不足 50 人的不计入
  --map 字段=表头   手工指定表头对应的字段，可重复；字段写模板表头（如 小学在校生数）或字段名（如 students_primary），
                    表头写台账中的表头文字或列字母（如 F）
  --out 文件        写出标注副本：未达标单元格加底色和批注，并加“均衡校验报告”工作表（原台账不改动）
  --json 文件       写出报告 JSON（格式见规则说明 §6）
  --costs 文件      整改测算单价（JSON，元/单位，示例见 docs/unit-costs.sample.json）：整改所需按万元合计；
                    单价随标注副本保存为本县设置`,
  clear: `用法：balance clear <标注副本.xlsx> --out <清除后.xlsx>
       balance clear <标注副本.xlsx> --in-place --yes

去掉本工具加上的底色、批注、“均衡校验报告”工作表和隐藏记录，恢复每个被标注单元格原有的底色和批注（台账在校验后排序、插入或删除行也能找回对应学校的单元格）。
无法确定对应单元格的标注保留原样并逐一列出；校验后修改过的批注按修改后的保留。
  --out 文件        写出清除后的副本（原文件不改动）
  --in-place --yes  直接改写原文件（--yes 表示确认）`,
  rollup: `用法：balance rollup <县1.xlsx> <县2.xlsx> … --out 汇总.xlsx [--json 汇总.json] [--standard ID] [--sheet 工作表] [--merge-campuses]

汇总多个县的台账：每个县、每个学段、每个指标的差异系数与结论，写成一个对比工作簿（及 JSON）。进度显示在标准错误输出。
一个工作表含多个县（统计三级、区县列）时，各县分别评估、各占一行。
无法读取的文件列入“未读取的文件”，其余照常汇总，退出码为 2。`,
  template: `用法：balance template --out 台账.xlsx [--standard ID]

写出空白台账模板：第一张表“台账”为模板表头（冻结表头行），第二张表“填表说明”逐项说明各字段及所选标准的指标与标准值。`,
  demo: `用法：balance demo [--out 目录]

把内置的示例县台账、它的标注副本和报告 JSON 写到目录（默认 ./demo-output），并打印校验结果。`,
};

export const MAIN_USAGE = `均衡督导助手 命令行工具 balance

用法：
  balance validate <台账.xlsx> [--standard ID] [--sheet 工作表] [--map 字段=表头 …] [--out 标注副本.xlsx] [--json 报告.json] [--costs 单价.json]
  balance clear <标注副本.xlsx> --out 清除后.xlsx | --in-place --yes
  balance rollup <县.xlsx …> --out 汇总.xlsx [--json 汇总.json]
  balance template --out 台账.xlsx [--standard ID]
  balance demo [--out 目录]
  balance <命令> --help      查看某个命令的说明

退出码：0 = 校验已完成（无论是否达标）；2 = 输入无法使用（文件不存在、不是 .xlsx、加密、找不到台账、未知标准、--map 有误、输出无法写入）；1 = 程序内部错误。`;
