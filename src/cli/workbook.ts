/**
 * `npm run workbook -- <command>`: workbooks without opening a browser, for people who just want
 * the file and for automation. The commands are declared in ./commands.ts; this finds the one asked
 * for, checks the command line against its declaration (./command.ts) and maps errors to exit codes.
 */
import { parseArgs } from 'node:util';
import { TEMPLATES } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { type CliIo, type OptionSpec, helpOf, parseCommand } from './command';
import { COMMANDS } from './commands';
import { UsageError } from './usage';

export type { CliIo } from './command';

const HELP = [
  '销售复盘 Sales Review — workbook files from the command line',
  '',
  'Usage:',
  ...COMMANDS.map(helpOf),
  '  npm run workbook -- --help',
  '',
  `Template ids: ${TEMPLATES.map((t) => t.id).join(', ')}`,
  'goals, import, link and report write the workbook in place only when that loses nothing it holds: a',
  'workbook with charts, pivot tables, pictures, names, hyperlinks… that the rewrite would not keep,',
  'or a read-only one, is refused (exit 1, naming what) unless --output FILE names another file.',
  'An existing output file is never replaced without --force. Exit code 0 on success, 1 when a file',
  'cannot be read or written, 2 for a wrong command line.',
].join('\n');

/** Every command's options together: enough to find the command word among the arguments. */
const ANY_OPTION: Record<string, OptionSpec> = Object.assign({ help: { type: 'boolean', short: 'h' } }, ...COMMANDS.map((c) => c.options));

export async function runWorkbookCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: ANY_OPTION });
    const [name] = positionals;
    if (values.help || name === undefined || name === 'help') {
      io.out(HELP);
      return name === undefined && !values.help ? 2 : 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')} (see --help).`);
    return await command.run(parseCommand(command, argv), io);
  } catch (error) {
    const parseError =
      typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' &&
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      io.err(`${(error as Error).message}\nRun "npm run workbook -- --help" for usage.`);
      return 2;
    }
    if (error instanceof WorkbookFileError) {
      io.err(error.message);
      return 1;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
