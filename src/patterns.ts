import { RE2JS } from 're2js';
import { BUILTIN_AGENTS } from './detect/agents.js';

/**
 * Patterns that come from the policy file run on attacker-controlled text: PR bodies, commit
 * messages and added lines. They are compiled with RE2JS, a linear-time engine, so no pattern can
 * make matching take more than time proportional to the input. RE2 syntax has no backreferences
 * and no lookaround; `checkPattern` says so clearly.
 *
 * The built-in agent definitions' patterns, written here, run on V8's own engine instead: they
 * are literals, bounded repeats and single unbounded repeats of a class, never a repeat of a
 * group or two unbounded repeats that can trade characters, so backtracking stays linear (a test
 * checks each source). In a run RE2JS is cold, and compiling these few patterns with it cost more
 * than all the matching. Compiled with the `u` flag, case-insensitive matching folds as RE2's does;
 * a test checks both engines agree on them. A policy that writes the same source gets the same.
 */

export interface CompiledPattern {
  readonly source: string;
  test(text: string): boolean;
  /** The first match in `text`, or null. */
  find(text: string): { index: number; text: string } | null;
}

const cache = new Map<string, CompiledPattern>();

/** The sources of the built-in agent definitions (see above). */
export const BUILTIN_PATTERN_SOURCES: ReadonlySet<string> = new Set(BUILTIN_AGENTS.flatMap((agent) => [...agent.body, ...agent.trailers]));

export class PatternError extends Error {}

interface PatternOptions {
  caseSensitive?: boolean;
  /**
   * Test-only: compile with RE2JS even a built-in source (to compare the engines). Also keeps
   * such a compile out of the shared cache.
   */
  engine?: 're2';
}

/**
 * A built-in source on V8's engine (see above); `u`: Unicode case folding and strict syntax. RE2's
 * `\s` is `[\t\n\f\r ]`, V8's also takes `\v` and Unicode spaces, so it is spelled out (the
 * built-ins use it outside classes only). One difference stays: under `iu` V8 counts `ſ` and the
 * Kelvin sign as word characters for `\b` and `\w`, RE2 does not.
 */
function compileNative(source: string, caseSensitive: boolean): CompiledPattern {
  const spelled = source.replace(/\\\\|\\s|\\S/g, (token) => (token === '\\s' ? '[\\t\\n\\f\\r ]' : token === '\\S' ? '[^\\t\\n\\f\\r ]' : token));
  const re = new RegExp(spelled, caseSensitive ? 'u' : 'iu');
  return {
    source,
    test: (text) => re.test(text),
    find: (text) => {
      const match = re.exec(text);
      return match ? { index: match.index, text: match[0] } : null;
    },
  };
}

/** Compiles an RE2 pattern (case-insensitive unless `caseSensitive`). Throws PatternError. */
export function compilePattern(source: string, options: PatternOptions = {}): CompiledPattern {
  const key = `${options.caseSensitive ? 's' : 'i'}:${source}`;
  const forceRe2 = options.engine === 're2';
  const cached = forceRe2 ? undefined : cache.get(key);
  if (cached) return cached;
  if (!forceRe2 && BUILTIN_PATTERN_SOURCES.has(source)) {
    const native = compileNative(source, options.caseSensitive ?? false);
    cache.set(key, native);
    return native;
  }
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
  if (!forceRe2) cache.set(key, compiled);
  return compiled;
}

/**
 * A pattern that matches where any of `sources` matches — one linear pass instead of one per
 * pattern; null for none. On V8's engine when every source is built-in.
 */
export function compileAnyOf(sources: readonly string[]): CompiledPattern | null {
  const unique = [...new Set(sources)];
  if (unique.length === 0) return null;
  if (unique.length === 1) return compilePattern(unique[0] ?? '');
  const union = unique.map((source) => `(?:${source})`).join('|');
  if (unique.every((source) => BUILTIN_PATTERN_SOURCES.has(source))) {
    const key = `i:${union}`;
    const native = cache.get(key) ?? compileNative(union, false);
    cache.set(key, native);
    return native;
  }
  return compilePattern(union);
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
