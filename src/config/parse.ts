import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import * as z from 'zod';
import { checkPattern } from '../patterns.js';
import { checkGlob } from './globs.js';
import { PolicyFileSchema, type PolicyFile } from './schema.js';

/**
 * parsePolicy(text, fileName): YAML → the policy file shape, or errors that each name
 * `file:line:column`, the key path and what is wrong. Pure: the caller reads the file.
 */

export interface PolicyError {
  file: string;
  line: number;
  column: number;
  /** Dotted key path, e.g. `permissions.sensitive-paths.paths[0]`; empty for the whole file. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; file: PolicyFile } | { ok: false; errors: PolicyError[] };

export function formatPolicyError(error: PolicyError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  return error.path ? `${where}: ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

type PathPart = string | number;

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

export function parsePolicy(text: string, fileName: string): ParseResult {
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
        path: error.code === 'DUPLICATE_KEY' ? duplicateKeyPath(doc, error.pos[0]) : '',
        message: yamlMessage(error.code, error.message),
      })),
    };
  }

  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
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
          const keyPath = [...path, key];
          errors.push({
            file: fileName,
            ...locate(path, key),
            path: formatPath(keyPath),
            message: unknownKeyMessage(key, knownKeysAt(path)),
          });
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

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear once in a mapping';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: tabs are not allowed for indentation, use spaces';
    default:
      return `YAML syntax error: ${first}`;
  }
}

function duplicateKeyPath(doc: Document, offset: number): string {
  // Find the pair whose key starts at the offset, recording the path down to it.
  const search = (node: unknown, path: PathPart[]): PathPart[] | null => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (isScalar(pair.key) && pair.key.range && pair.key.range[0] === offset) return [...path, key];
        const found = search(pair.value, [...path, key]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = search(node.items[i], [...path, i]);
        if (found) return found;
      }
    }
    return null;
  };
  return formatPath(search(doc.contents, []) ?? []);
}

/** Source offset of the value at `path` (or of the key `key` inside the mapping at `path`). */
function nodeOffset(doc: Document, path: readonly PathPart[], key?: string): number | null {
  let node: unknown = doc.contents;
  let lastGood: number | null = rangeStart(node);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      node = pair.value ?? pair.key;
      lastGood = rangeStart(node) ?? rangeStart(pair.key) ?? lastGood;
      if (pair.value === null || pair.value === undefined) {
        lastGood = rangeStart(pair.key) ?? lastGood;
      }
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      lastGood = rangeStart(node) ?? lastGood;
    } else {
      break;
    }
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
    if (pair) return rangeStart(pair.key) ?? lastGood;
  }
  return lastGood;
}

function rangeStart(node: unknown): number | null {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : null;
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function describeValue(value: unknown): string {
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
function narrowUnionIssue(issue: Issue, root: unknown): { issue: Issue; path: PathPart[] } {
  const path = issuePath(issue);
  const actual = valueAt(root, path);
  if (issue.code !== 'invalid_union' || !actual || typeof actual !== 'object' || Array.isArray(actual)) return { issue, path };
  const objectBranch = issue.errors.find((branch) => branch.every((sub) => sub.path.length > 0 || sub.code === 'unrecognized_keys'));
  const nested = objectBranch?.[0];
  if (!nested) return { issue, path };
  return narrowUnionIssue({ ...nested, path: [...path, ...issuePath(nested)] } as Issue, root);
}

function issueMessage(issue: Issue, actual: unknown): string {
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

function unknownKeyMessage(key: string, known: string[]): string {
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
function knownKeysAt(path: readonly PathPart[]): string[] {
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
