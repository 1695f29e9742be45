/**
 * Commands as data (as citty's `defineCommand`): each command of `npm run workbook` declares its
 * usage, its positional arguments and the options it takes, and a run function; the help text and
 * every check of the command line (an option the command does not take, a missing or surplus
 * argument, an .xlsx that is not one, --lang) are made from the declarations here, once.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../core';
import { UsageError } from './usage';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

/** A positional argument: what it is (for messages) and whether it must be an .xlsx file. */
export interface ArgumentSpec {
  readonly name: string;
  readonly xlsx?: boolean;
  /** Takes every remaining argument but those declared after it (rollup's sources). */
  readonly rest?: boolean;
}

export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface CommandRun {
  /** The positional arguments by name; .xlsx ones resolved to absolute paths. */
  readonly args: Readonly<Record<string, string>>;
  /** A `rest` argument's values. */
  readonly many: readonly string[];
  readonly values: OptionValues;
  readonly locale: Locale;
}

export interface CommandSpec {
  readonly name: string;
  /** The usage lines after `npm run workbook -- ` (continuation lines indented as they print). */
  readonly usage: string;
  /** What it does, as the help prints it (indented by six). */
  readonly description: string;
  readonly args: readonly ArgumentSpec[];
  /** The options this command takes, beyond the common ones (--help). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly run: (run: CommandRun, io: CliIo) => Promise<number>;
}

export const defineCommand = (spec: CommandSpec): CommandSpec => spec;

/** Options several commands share, declared once. */
export const COMMON_OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  'as-of': { type: 'string' },
  unit: { type: 'string' },
} as const satisfies Record<string, OptionSpec>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The command's values and arguments, checked against its declaration; a UsageError says what is wrong. */
export function parseCommand(command: CommandSpec, argv: readonly string[]): CommandRun {
  const parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...HELP_OPTION, ...command.options } });
  const values = parsed.values as OptionValues;
  const { positionals } = parsed;
  const given = positionals.slice(1);
  const args: Record<string, string> = {};
  let many: string[] = [];
  const restAt = command.args.findIndex((a) => a.rest);
  const after = restAt < 0 ? [] : command.args.slice(restAt + 1);
  const fixed = restAt < 0 ? command.args : command.args.slice(0, restAt);
  if (restAt >= 0 && given.length < fixed.length + 1 + after.length)
    throw new UsageError(`${command.name} needs ${command.args.map((a) => a.name).join(' and ')}.`);
  const take = (spec: ArgumentSpec, value: string | undefined) => {
    if (value === undefined) throw new UsageError(`Missing ${spec.name}.`);
    if (spec.xlsx && !/\.xlsx$/i.test(value)) throw new UsageError(`${spec.name} must be an .xlsx file: ${value}`);
    args[spec.name] = spec.xlsx ? resolve(value) : value;
  };
  fixed.forEach((spec, i) => take(spec, given[i]));
  if (restAt >= 0) {
    many = given.slice(fixed.length, given.length - after.length);
    after.forEach((spec, i) => take(spec, given[given.length - after.length + i]));
  } else if (given.length > fixed.length) throw new UsageError(`Unexpected argument "${given[fixed.length]}".`);
  const lang = (values.lang as string | undefined) ?? 'zh-CN';
  if (!LOCALES.includes(lang as Locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, not "${lang}".`);
  return { args, many, values, locale: lang as Locale };
}

/** A command's help entry: its usage lines, then its description. */
export const helpOf = (command: CommandSpec): string => `  npm run workbook -- ${command.usage}\n${command.description}`;

/** Only the optional values that were given, for option objects under exactOptionalPropertyTypes-style spreads. */
export function given<K extends string>(pairs: Readonly<Record<K, string | undefined>>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(pairs).filter(([, v]) => v !== undefined)) as Partial<Record<K, string>>;
}
