import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';

/**
 * Where a policy key or value sits in the YAML source, for `file:line:column` errors
 * (docs/policy-reference.md). Pure: takes the parsed document, returns source offsets and key paths.
 */

export type PathPart = string | number;

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** The key path of the mapping key that starts at `offset` (a duplicate key), or ''. */
export function keyPathAt(doc: Document, offset: number): string {
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
export function nodeOffset(doc: Document, path: readonly PathPart[], key?: string): number | null {
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

/**
 * The first alias (`*name`) in the document, and the first one that names no anchor set before
 * it: where to point when expanding aliases fails (the library's own error has no position).
 */
export function findAliases(doc: Document): { first: number | null; unresolved: { offset: number; name: string } | null } {
  let first: number | null = null;
  let unresolved: { offset: number; name: string } | null = null;
  visit(doc, {
    Alias(_key, node) {
      const offset = rangeStart(node) ?? 0;
      first ??= offset;
      if (unresolved === null && isAlias(node) && node.resolve(doc) === undefined) {
        unresolved = { offset, name: node.source };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return { first, unresolved };
}

function rangeStart(node: unknown): number | null {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : null;
}

/** The plain value at `path` inside the document's JavaScript value. */
export function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}
