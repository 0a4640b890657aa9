import picomatch from 'picomatch';
import type { CategoryId } from '../config/policy.js';
import type { Level } from '../config/schema.js';
import { compilePattern, type CompiledPattern } from '../patterns.js';
import type { Finding } from '../result.js';
import { createFinding, describeFileChanges, LocationList } from './finding.js';
import type { ChangedFile, PolicyContext } from './policy-category.js';
import { requiredLiteral } from './required-literal.js';
import { listWithMore, plural, uniqueSorted } from './text.js';

/**
 * The user's own `paths` (picomatch globs, dotfiles included) and `added-lines` (RE2 patterns,
 * linear time) of a category or custom rule, as one finding. Patterns are compiled once; a
 * pattern's required plain text (see required-literal.ts) is looked up in each file first, so
 * RE2JS only runs on lines that could match.
 */

export interface UserRule {
  level: Level;
  paths: readonly string[];
  addedLines: readonly string[];
  reviewers: readonly string[];
}

type PathMatcher = (path: string) => boolean;

const globCache = new Map<string, PathMatcher | { error: string }>();

function compileGlob(glob: string): PathMatcher | { error: string } {
  const cached = globCache.get(glob);
  if (cached) return cached;
  let result: PathMatcher | { error: string };
  try {
    const matcher = picomatch(glob, { dot: true });
    result = (path: string) => matcher(path);
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  globCache.set(glob, result);
  return result;
}

interface LinePattern {
  source: string;
  pattern: CompiledPattern;
  literal: string | null;
}

function compileLinePattern(source: string): LinePattern | { error: string } {
  try {
    return { source, pattern: compilePattern(source), literal: requiredLiteral(source) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether a file (its new path, or its old path when renamed) matches any of the globs. */
function matchesPath(file: ChangedFile, matchers: readonly PathMatcher[]): boolean {
  return matchers.some((match) => match(file.path) || (file.previousPath !== null && match(file.previousPath)));
}

const PATTERN_SHOWN = 40;
/** Longer matching lines get an excerpt from their start instead of around the match. */
const FIND_LIMIT = 20_000;

function showPattern(source: string): string {
  const short = source.length > PATTERN_SHOWN ? `${source.slice(0, PATTERN_SHOWN - 1)}…` : source;
  return `\`${short.replace(/`/g, "'")}\``;
}

/** Added lines of every file matching any of the patterns, with the patterns that matched. */
function matchLines(context: PolicyContext, patterns: readonly LinePattern[]): { locations: LocationList; files: string[]; matched: string[] } {
  const locations = new LocationList(context);
  const files: string[] = [];
  const matched = new Set<string>();
  for (const file of context.files) {
    if (file.addedCount === 0) continue;
    // Per pattern: the lines holding its required text, or null when every line must be tried.
    const linesOf = patterns.map((p) => (p.literal === null ? null : new Set(context.linesContaining(file, p.literal))));
    let indexes: Iterable<number>;
    if (linesOf.some((lines) => lines === null)) {
      indexes = file.added.keys();
    } else {
      const union = new Set<number>();
      for (const lines of linesOf) for (const index of lines ?? []) union.add(index);
      if (union.size === 0) continue;
      indexes = [...union].sort((x, y) => x - y);
    }
    let found = false;
    for (const index of indexes) {
      const line = file.addedAt(index);
      if (!line) continue;
      for (let k = 0; k < patterns.length; k += 1) {
        const candidate = patterns[k];
        const lines = linesOf[k];
        if (!candidate || (lines && !lines.has(index))) continue;
        if (!candidate.pattern.test(line.text)) continue;
        // Where the match starts (for the excerpt) costs a slower pass: only on lines of sane length.
        const at = line.text.length <= FIND_LIMIT ? (candidate.pattern.find(line.text)?.index ?? 0) : 0;
        matched.add(candidate.source);
        locations.add(file, line, at);
        found = true;
        break;
      }
    }
    if (found) files.push(file.path);
  }
  return { locations, files, matched: [...matched] };
}

/**
 * The finding for a rule's own paths and patterns, or null when nothing matched (or the rule has
 * none). A glob or pattern that cannot be compiled (the policy parser rejects them first) is
 * reported in the finding instead of being skipped silently.
 */
export function evaluateUserRule(context: PolicyContext, category: CategoryId, rule: UserRule, name?: string): Finding | null {
  if (rule.paths.length === 0 && rule.addedLines.length === 0) return null;
  const problems: string[] = [];
  const matchers: PathMatcher[] = [];
  for (const glob of rule.paths) {
    const compiled = compileGlob(glob);
    if (typeof compiled === 'function') matchers.push(compiled);
    else problems.push(`cannot use path ${showPattern(glob)}: ${compiled.error}`);
  }
  const patterns: LinePattern[] = [];
  for (const source of rule.addedLines) {
    const compiled = compileLinePattern(source);
    if ('error' in compiled) problems.push(`cannot use pattern ${showPattern(source)}: ${compiled.error}`);
    else patterns.push(compiled);
  }

  const pathFiles = matchers.length > 0 ? context.files.filter((file) => matchesPath(file, matchers)) : [];
  const lines = patterns.length > 0 ? matchLines(context, patterns) : { locations: new LocationList(context), files: [], matched: [] };

  const parts: string[] = [];
  if (pathFiles.length > 0) parts.push(describeFileChanges(pathFiles));
  if (lines.locations.count > 0) {
    const where = lines.files.length === 1 ? (lines.files[0] ?? '') : plural(lines.files.length, 'file');
    const shown = listWithMore(uniqueSorted(lines.matched).map(showPattern), 3);
    parts.push(`adds ${plural(lines.locations.count, 'line')} matching ${shown} in ${where}`);
  }
  parts.push(...problems);
  if (parts.length === 0) return null;
  return createFinding({
    category,
    ...(name === undefined ? {} : { rule: name }),
    level: rule.level,
    reviewers: rule.reviewers,
    files: [...pathFiles.map((file) => file.path), ...lines.files],
    message: parts.join('; '),
    locations: lines.locations.locations,
  });
}
