// The Chinese words and messages more than one layer shows, written once so the pane, the report sheet, the CLI
// and the functions cannot drift apart. Messages said in one place only stay beside their code.

/** A verdict as every output prints it; null is 未评估 (never a pass). */
export const VERDICT_TEXT = { pass: '达标', fail: '未达标', notEvaluated: '未评估' } as const;

export const verdictText = (pass: boolean | null | undefined): string =>
  pass === true ? VERDICT_TEXT.pass : pass === false ? VERDICT_TEXT.fail : VERDICT_TEXT.notEvaluated;

export const MESSAGES = {
  noWeight: '权重（在校生数）全为 0 或为空，无法计算',
  zeroMean: '加权平均值为 0，差异系数无意义',
  noCvData: '没有可用的数据，无法计算差异系数',
  enrolmentUnreadable: '在校生数为空或无法读取',
  mappingUnknownField: (field: string) => `映射中的字段“${field}”不是台账字段，已忽略`,
  mappingColumnNotFound: (field: string, spec: string, sheet: string) => `映射“${field}=${spec}”在工作表“${sheet}”中找不到对应的列，已忽略`,
  packLacksIndicator: (pack: string, id: string) => `${pack}不含指标“${id}”`,
  noUnitCosts: '未设单价，仅列数量。',
  /** A plan over a stage with data gaps cannot promise a pass (rules §5.2). */
  planAfterUnknown: '数据不全，仍未评估',
  extraArguments: (args: string[]) => `多余的参数：${args.join(' ')}`,
} as const;
