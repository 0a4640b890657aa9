import * as z from 'zod';
import { PolicyFileSchema } from './schema.js';
import { valueAt, type PathPart } from './yaml-position.js';

/**
 * The wording of policy errors (docs/policy-reference.md): one located error per problem, in words a
 * policy author can act on: the accepted values, the nearest known key, what was found instead.
 * Pure: takes zod issues and YAML error codes, returns sentences.
 */

export interface PolicyError {
  file: string;
  line: number;
  column: number;
  /** Dotted key path, e.g. `permissions.sensitive-paths.paths[0]`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPolicyError(error: PolicyError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  return error.path ? `${where}: ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

export function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear once in a mapping';
    case 'MULTIPLE_DOCS':
      return 'a policy file holds one YAML document, and a second one starts here (after `---`): merge them or remove one';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: tabs are not allowed for indentation, use spaces';
    default:
      return `YAML syntax error: ${first}`;
  }
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

type Issue = z.core.$ZodIssue;

function issuePath(issue: Issue): PathPart[] {
  return issue.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
}

/**
 * A category is `level` or `{ level, … }`. When the user wrote the object form, report the error
 * inside the object (`permissions.workflows.level`) rather than "must be a level".
 */
export function narrowUnionIssue(issue: Issue, root: unknown): { issue: Issue; path: PathPart[] } {
  const path = issuePath(issue);
  const actual = valueAt(root, path);
  if (issue.code !== 'invalid_union' || !actual || typeof actual !== 'object' || Array.isArray(actual)) return { issue, path };
  const objectBranch = issue.errors.find((branch) => branch.every((sub) => sub.path.length > 0 || sub.code === 'unrecognized_keys'));
  const nested = objectBranch?.[0];
  if (!nested) return { issue, path };
  return narrowUnionIssue({ ...nested, path: [...path, ...issuePath(nested)] } as Issue, root);
}

export function issueMessage(issue: Issue, actual: unknown): string {
  if (actual === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return issue.code === 'invalid_value'
      ? `is required: one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`
      : 'is required';
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') return `must be a whole number, got ${describeValue(actual)}`;
      if (issue.expected === 'array') return `must be a list, got ${describeValue(actual)}`;
      if (issue.expected === 'object') return `must be a mapping of keys, got ${describeValue(actual)}`;
      if (issue.expected === 'string') return `must be text, got ${describeValue(actual)}`;
      if (issue.expected === 'number') return `must be a number, got ${describeValue(actual)}`;
      if (issue.expected === 'boolean') return `must be true or false, got ${describeValue(actual)}`;
      return `must be ${issue.expected}, got ${describeValue(actual)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, got ${describeValue(actual)}${suggestValue(actual, issue.values)}`;
    case 'invalid_union': {
      // Category: a level or an object. Say which forms are accepted.
      if (typeof actual === 'string') return `must be one of \`allow\`, \`review\`, \`deny\`, got ${describeValue(actual)}${suggestValue(actual, ['allow', 'review', 'deny'])}`;
      return `must be a level (\`allow\`, \`review\`, \`deny\`) or a mapping with \`level\`, got ${describeValue(actual)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return 'must not be an empty list';
      return `must be at least ${String(issue.minimum)}, got ${describeValue(actual)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      return `must be at most ${String(issue.maximum)}, got ${describeValue(actual)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(actual)}`;
    default:
      return issue.message;
  }
}

function suggestValue(actual: unknown, values: readonly unknown[]): string {
  if (typeof actual !== 'string') return '';
  const best = nearest(actual, values.map(String));
  return best ? ` (did you mean \`${best}\`?)` : '';
}

export function unknownKeyMessage(key: string, known: string[]): string {
  const best = nearest(key, known);
  if (best) return `unknown key (did you mean \`${best}\`?)`;
  return known.length > 0 ? `unknown key; valid keys here: ${known.map((k) => `\`${k}\``).join(', ')}` : 'unknown key';
}

/** The closest candidate within a small edit distance, or null. */
export function nearest(input: string, candidates: readonly string[]): string | null {
  const target = input.toLowerCase().replace(/_/g, '-');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(target, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(target.length / 3));
  return best !== null && bestDistance <= limit ? best : null;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? previous : 1 + Math.min(previous, row[j]!, row[j - 1]!);
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The keys the schema accepts in the mapping at `path`. */
export function knownKeysAt(path: readonly PathPart[]): string[] {
  let schema: z.ZodType = PolicyFileSchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject && typeof part === 'string') {
      const next = (schema.shape as Record<string, z.ZodType>)[part];
      if (!next) return [];
      schema = next;
    } else if (schema instanceof z.ZodArray && typeof part === 'number') {
      schema = schema.element as z.ZodType;
    } else {
      return [];
    }
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodUnion) {
      const object = (current.options as z.ZodType[]).find((option) => unwrap(option) instanceof z.ZodObject);
      if (!object) return current;
      current = object;
    } else return current;
  }
}
