import { LineCounter, parseDocument, type Document } from 'yaml';
import { checkPattern } from '../patterns.js';
import { checkGlob } from './globs.js';
import { describeValue, issueMessage, knownKeysAt, narrowUnionIssue, unknownKeyMessage, yamlMessage, type PolicyError } from './policy-errors.js';
import { PolicyFileSchema, type PolicyFile } from './schema.js';
import { findAliases, formatPath, keyPathAt, nodeOffset, valueAt, type PathPart } from './yaml-position.js';

/**
 * parsePolicy(text, fileName): YAML → the policy file shape, or errors that each name
 * `file:line:column`, the key path and what is wrong. Pure: the caller reads the file. Every
 * problem is a located error, never an exception: the action's policy-error path (status
 * `error`, an annotation, exit 1) and the CLI's `validate` rely on it.
 */

export { formatPolicyError, nearest, type PolicyError } from './policy-errors.js';
export { formatPath } from './yaml-position.js';

export type ParseResult = { ok: true; file: PolicyFile } | { ok: false; errors: PolicyError[] };

/**
 * How many times aliases may be expanded in one policy file. A policy needs few, if any; an
 * "alias bomb" (aliases of aliases, each level multiplying the size) is refused rather than built.
 */
export const MAX_ALIAS_COUNT = 100;

export function parsePolicy(text: string, fileName: string): ParseResult {
  try {
    return parseChecked(text, fileName);
  } catch (error) {
    // Fail closed with a location, whatever the YAML library or a check throws.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file: fileName, line: 1, column: 1, path: '', message: `could not read the policy file: ${message}` }] };
  }
}

function parseChecked(text: string, fileName: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        file: fileName,
        ...at(error.pos[0]),
        path: error.code === 'DUPLICATE_KEY' ? keyPathAt(doc, error.pos[0]) : '',
        message: yamlMessage(error.code, error.message),
      })),
    };
  }

  const converted = toValue(doc, fileName, at);
  if (!converted.ok) return converted;
  const value = converted.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    return {
      ok: false,
      errors: [{ file: fileName, line: 1, column: 1, path: '', message: `must be a mapping of keys (like \`extends: default\`), got ${describeValue(value)}` }],
    };
  }

  const errors: PolicyError[] = [];
  const locate = (path: readonly PathPart[], key?: string): { line: number; column: number } => {
    const offset = nodeOffset(doc, path, key);
    return offset === null ? { line: 1, column: 1 } : at(offset);
  };

  const parsed = PolicyFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const reported of parsed.error.issues) {
      const { issue, path } = narrowUnionIssue(reported, value);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          errors.push({ file: fileName, ...locate(path, key), path: formatPath([...path, key]), message: unknownKeyMessage(key, knownKeysAt(path)) });
        }
        continue;
      }
      errors.push({ file: fileName, ...locate(path), path: formatPath(path), message: issueMessage(issue, valueAt(value, path)) });
    }
  } else {
    // Semantic checks zod cannot express in the schema that generates the JSON Schema.
    for (const check of collectPatternsAndGlobs(parsed.data)) {
      const problem = check.kind === 'glob' ? checkGlob(check.value) : checkPattern(check.value);
      if (problem) errors.push({ file: fileName, ...locate(check.path), path: formatPath(check.path), message: problem });
    }
    for (const problem of crossFieldProblems(parsed.data)) {
      errors.push({ file: fileName, ...locate(problem.path), path: formatPath(problem.path), message: problem.message });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: parsed.data as PolicyFile };
}

/**
 * The document as plain data. Expanding aliases is where the library throws (too many
 * expansions, an alias with no anchor before it): each becomes a located error at the alias.
 */
function toValue(
  doc: Document,
  fileName: string,
  at: (offset: number) => { line: number; column: number },
): { ok: true; value: unknown } | { ok: false; errors: PolicyError[] } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    const aliases = findAliases(doc);
    if (aliases.unresolved) {
      const { offset, name } = aliases.unresolved;
      const message = `YAML alias \`*${name}\` names no anchor (\`&${name}\`) set before it`;
      return { ok: false, errors: [{ file: fileName, ...at(offset), path: '', message }] };
    }
    if (aliases.first !== null) {
      const message =
        `YAML aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb, or aliases of aliases): ` + 'write the values out instead of `*alias` references';
      return { ok: false, errors: [{ file: fileName, ...at(aliases.first), path: '', message }] };
    }
    throw error;
  }
}

function crossFieldProblems(file: PolicyFile): Array<{ path: PathPart[]; message: string }> {
  const problems: Array<{ path: PathPart[]; message: string }> = [];
  const names = new Set<string>();
  file.permissions?.custom?.forEach((rule, index) => {
    if (!rule.paths?.length && !rule['added-lines']?.length) {
      problems.push({ path: ['permissions', 'custom', index], message: 'needs `paths` or `added-lines`: a rule without either never matches' });
    }
    if (names.has(rule.name)) problems.push({ path: ['permissions', 'custom', index, 'name'], message: `duplicate rule name \`${rule.name}\`` });
    names.add(rule.name);
  });
  const ids = new Set<string>();
  file.agents?.forEach((agent, index) => {
    if (ids.has(agent.id)) problems.push({ path: ['agents', index, 'id'], message: `duplicate agent id \`${agent.id}\`` });
    ids.add(agent.id);
  });
  return problems;
}

interface Check {
  kind: 'glob' | 'pattern';
  value: string;
  path: PathPart[];
}

function collectPatternsAndGlobs(file: PolicyFile): Check[] {
  const checks: Check[] = [];
  const add = (kind: Check['kind'], values: readonly string[] | undefined, path: PathPart[]): void => {
    values?.forEach((value, index) => checks.push({ kind, value, path: [...path, index] }));
  };
  const permissions = file.permissions ?? {};
  for (const [name, rule] of Object.entries(permissions)) {
    if (name === 'custom' || rule === undefined || typeof rule === 'string' || Array.isArray(rule)) continue;
    const object = rule as { paths?: string[]; 'added-lines'?: string[] };
    add('glob', object.paths, ['permissions', name, 'paths']);
    add('pattern', object['added-lines'], ['permissions', name, 'added-lines']);
  }
  permissions.custom?.forEach((rule, index) => {
    add('glob', rule.paths, ['permissions', 'custom', index, 'paths']);
    add('pattern', rule['added-lines'], ['permissions', 'custom', index, 'added-lines']);
  });
  file.agents?.forEach((agent, index) => {
    add('glob', agent.branches, ['agents', index, 'branches']);
    add('pattern', agent.body, ['agents', index, 'body']);
    add('pattern', agent.trailers, ['agents', index, 'trailers']);
  });
  return checks;
}
