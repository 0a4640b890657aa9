import { RE2JS } from 're2js';

/**
 * Patterns that come from the policy file (and the built-in ones beside them) run on attacker-
 * controlled text: PR bodies, commit messages and added lines. They are compiled with RE2JS, a
 * linear-time engine, so no pattern can make matching take more than time proportional to the
 * input. RE2 syntax has no backreferences and no lookaround; `checkPattern` says so clearly.
 */

export interface CompiledPattern {
  readonly source: string;
  test(text: string): boolean;
  /** The first match in `text`, or null. */
  find(text: string): { index: number; text: string } | null;
}

const cache = new Map<string, CompiledPattern>();

export class PatternError extends Error {}

/** Compiles an RE2 pattern (case-insensitive unless `caseSensitive`). Throws PatternError. */
export function compilePattern(source: string, options: { caseSensitive?: boolean } = {}): CompiledPattern {
  const key = `${options.caseSensitive ? 's' : 'i'}:${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, options.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    throw new PatternError(describePatternError(source, error));
  }
  const compiled: CompiledPattern = {
    source,
    test: (text) => re.test(text),
    find: (text) => {
      const matcher = re.matcher(text);
      if (!matcher.find()) return null;
      return { index: matcher.start(), text: matcher.group() ?? '' };
    },
  };
  cache.set(key, compiled);
  return compiled;
}

/** Null when `source` compiles, else a one-line reason fit for a policy error. */
export function checkPattern(source: string): string | null {
  try {
    compilePattern(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function describePatternError(source: string, error: unknown): string {
  if (/\\[1-9]/.test(source)) return 'is not a valid pattern: backreferences (\\1) are not supported (patterns run in linear time, RE2 syntax)';
  if (/\(\?<?[=!]/.test(source)) return 'is not a valid pattern: lookahead and lookbehind are not supported (patterns run in linear time, RE2 syntax)';
  const message = error instanceof Error ? error.message : String(error);
  return `is not a valid pattern: ${message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`')}`;
}
