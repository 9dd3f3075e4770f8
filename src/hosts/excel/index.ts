export { ExcelHost, type ExcelHostOptions } from './host.ts';
export { registerCommands, COMMAND_IDS, type CommandHandlers } from './commands.ts';
export { STATE_SHEET } from './state.ts';
