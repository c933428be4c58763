// The one way the repository's command-line tools (npm start, npm run infra|seed|bench, create-topics)
// read their arguments: Node's util.parseArgs in strict mode, `--help`/`-h` printing the usage on stdout
// with exit 0, and anything it cannot use (unknown option, missing value, stray argument, a value out of
// range) refused with one line on stderr and exit 2, the usual code for wrong usage.
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';

export interface CommandLineSpec<O extends ParseArgsOptionsConfig> {
  /** Prefix of every message: `bench`. */
  name: string;
  /** How a user asks for the usage, named in every error: `npm run bench -- --help`. */
  helpCommand: string;
  /** What `--help` prints: first line `usage: …`, then one line per option. */
  usage: string;
  options: O;
  /** Whether arguments that are not options are accepted (subcommands, a command to run). */
  positionals?: boolean;
}

type ParseConfig<O extends ParseArgsOptionsConfig> = { args: string[]; options: O; strict: true; allowPositionals: boolean };
export type OptionValues<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<ParseConfig<O>>>['values'];

export interface ParsedCommandLine<O extends ParseArgsOptionsConfig> {
  values: OptionValues<O>;
  positionals: string[];
}

export type CommandLineOutcome<O extends ParseArgsOptionsConfig> = ({ kind: 'run' } & ParsedCommandLine<O>) | { kind: 'help' };

/** Wrong usage, reported as one line and exit 2. Thrown by a CLI's own checks of its values too. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const helpOption = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsOptionsConfig;

/** Node's parseArgs messages, shortened to what the user typed wrong (they suggest `--` for positionals otherwise). */
function usageMessage(error: NodeJS.ErrnoException): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: "Option '--duration <value>' argument missing", …
      return error.message.replace(/^Option/, 'option').split('\n')[0] ?? error.message;
  }
}

/** Parses `args` without side effects: help asked for, or the values; wrong usage throws UsageError. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(spec: CommandLineSpec<O>, args: readonly string[]): CommandLineOutcome<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...spec.options, ...helpOption }, strict: true, allowPositionals: spec.positionals ?? false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof TypeError && code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(usageMessage(error));
    throw error;
  }
  if (parsed.values['help'] === true) return { kind: 'help' };
  const { help: _help, ...values } = parsed.values;
  return { kind: 'run', values: values as OptionValues<O>, positionals: parsed.positionals };
}

/** The line printed for wrong usage: `bench: unknown option '--x' (npm run bench -- --help lists the options)`. */
export function usageErrorLine(spec: Pick<CommandLineSpec<ParseArgsOptionsConfig>, 'name' | 'helpCommand'>, message: string): string {
  return `${spec.name}: ${message} (${spec.helpCommand} lists the options)`;
}

/** Prints the one-line usage error and exits with 2. */
export function exitWithUsageError(spec: Pick<CommandLineSpec<ParseArgsOptionsConfig>, 'name' | 'helpCommand'>, message: string): never {
  process.stderr.write(`${usageErrorLine(spec, message)}\n`);
  process.exit(2);
}

/**
 * For a CLI's entry point: prints the usage and exits with 0 for `--help`; otherwise the parsed values,
 * turned into the CLI's settings by `interpret` (which throws UsageError for values it cannot use).
 * Wrong usage, from parsing or from `interpret`, prints one line and exits with 2.
 */
export function readCommandLine<O extends ParseArgsOptionsConfig, T = ParsedCommandLine<O>>(
  spec: CommandLineSpec<O>,
  interpret: (parsed: ParsedCommandLine<O>) => T = (parsed) => parsed as T,
  args: readonly string[] = process.argv.slice(2),
): T {
  try {
    const outcome = parseCommandLine(spec, args);
    if (outcome.kind === 'help') {
      process.stdout.write(spec.usage.endsWith('\n') ? spec.usage : `${spec.usage}\n`);
      process.exit(0);
    }
    return interpret(outcome);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsageError(spec, error.message);
    throw error;
  }
}

/** An option's value as a whole number in [min, max], or a UsageError naming the option. */
export function integerOption(name: string, raw: string, range: { min?: number; max?: number } = {}): number {
  const value = Number(raw);
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    const bounds = range.max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name} must be a whole number ${bounds}, not '${raw}'`);
  }
  return value;
}

/** A comma-separated option's items, each one of `allowed`, or a UsageError naming the ones that are not. */
export function listOption<T extends string>(name: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) throw new UsageError(`--${name}: unknown ${unknown.map((item) => `'${item}'`).join(', ')} (choose from ${allowed.join(', ')})`);
  if (items.length === 0) throw new UsageError(`--${name} needs at least one of ${allowed.join(', ')}`);
  return items as T[];
}
