import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearest } from '../config/parse.js';
import { usageError } from './cli-error.js';

type Config = ParseArgsConfig & { args: string[]; strict: true; allowPositionals: true };

/**
 * `parseArgs` of node:util, strict, with its errors turned into one-line usage errors (exit 2)
 * that suggest the nearest known option. `maxPositionals` caps the positional arguments.
 */
export function parseCommandArgs<T extends Config>(command: string, config: T, maxPositionals: number): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw usageError(describeParseError(error, Object.keys(config.options ?? {})), command);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw usageError(`unexpected argument "${extra}"`, command);
  }
  return parsed;
}

function describeParseError(error: unknown, known: string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/^-+/, '');
    const best = nearest(name, known);
    return `unknown option ${quoted}${best ? ` (did you mean --${best}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = quoted.split(' ')[0] ?? quoted;
    if (/argument missing/.test(message)) return `option ${option} needs a value`;
    if (/does not take an argument/.test(message)) return `option ${option} does not take a value`;
  }
  return message.split('. ')[0] ?? message;
}
