/**
 * A JSON reader for whole manifests (docs/dependencies.md) that keeps what `JSON.parse` throws
 * away: the line of every key, and every key an object holds twice. `JSON.parse` keeps only the
 * last of two equal keys, so a second `"dependencies"` hides the first from anyone reading the
 * parsed value, while a human reading the file sees both: a duplicate is a finding of its own.
 * One pass over the text, no regular expressions; nesting deeper than MAX_DEPTH is an error.
 */

export type JsonNode =
  | { kind: 'object'; members: JsonMember[]; line: number }
  | { kind: 'array'; items: JsonNode[]; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'literal'; text: string; line: number };

export interface JsonMember {
  key: string;
  value: JsonNode;
  /** 1-based line of the key. */
  line: number;
}

export interface JsonDuplicate {
  /** The key's path from the root, dot-joined: `optionalDependencies`, `pnpm.overrides`. */
  path: string;
  /** Line of the later (winning) occurrence. */
  line: number;
}

export interface JsonDocument {
  root: JsonNode;
  duplicates: JsonDuplicate[];
}

export class JsonSyntaxError extends Error {}

const MAX_DEPTH = 256;

/** Parses `text` (an optional BOM, then one JSON value); throws JsonSyntaxError naming the line. */
export function parseJsonDocument(text: string): JsonDocument {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const duplicates: JsonDuplicate[] = [];

  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at line ${line}`);
  };
  const skipSpace = (): void => {
    for (; at < text.length; at += 1) {
      const char = text.charCodeAt(at);
      if (char === 10) line += 1;
      else if (char !== 32 && char !== 9 && char !== 13) return;
    }
  };
  const readString = (): string => {
    const start = at;
    for (at += 1; at < text.length; at += 1) {
      const char = text.charCodeAt(at);
      if (char === 92) at += 1;
      else if (char === 34) break;
      else if (char < 32) fail('unterminated string');
    }
    if (at >= text.length) fail('unterminated string');
    at += 1;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail('invalid string escape');
    }
  };
  const readLiteral = (): string => {
    const start = at;
    while (at < text.length && /[\w.+-]/.test(text.charAt(at))) at += 1;
    const token = text.slice(start, at);
    try {
      JSON.parse(token);
    } catch {
      fail(`unexpected ${token === '' ? `character ${JSON.stringify(text.charAt(at))}` : `"${token.slice(0, 20)}"`}`);
    }
    return token;
  };

  const readValue = (path: string, depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const startLine = line;
    const char = text.charAt(at);
    if (char === '"') return { kind: 'string', value: readString(), line: startLine };
    if (char === '[') {
      at += 1;
      const items: JsonNode[] = [];
      skipSpace();
      if (text.charAt(at) === ']') {
        at += 1;
        return { kind: 'array', items, line: startLine };
      }
      for (;;) {
        items.push(readValue(path, depth + 1));
        skipSpace();
        const next = text.charAt(at);
        at += 1;
        if (next === ']') return { kind: 'array', items, line: startLine };
        if (next !== ',') fail('expected , or ]');
      }
    }
    if (char === '{') {
      at += 1;
      const members: JsonMember[] = [];
      const seen = new Set<string>();
      skipSpace();
      if (text.charAt(at) === '}') {
        at += 1;
        return { kind: 'object', members, line: startLine };
      }
      for (;;) {
        skipSpace();
        if (text.charAt(at) !== '"') fail('expected a key');
        const keyLine = line;
        const key = readString();
        const keyPath = path === '' ? key : `${path}.${key}`;
        if (seen.has(key)) duplicates.push({ path: keyPath, line: keyLine });
        seen.add(key);
        skipSpace();
        if (text.charAt(at) !== ':') fail('expected :');
        at += 1;
        members.push({ key, value: readValue(keyPath, depth + 1), line: keyLine });
        skipSpace();
        const next = text.charAt(at);
        at += 1;
        if (next === '}') return { kind: 'object', members, line: startLine };
        if (next !== ',') fail('expected , or }');
      }
    }
    return { kind: 'literal', text: readLiteral(), line: startLine };
  };

  const root = readValue('', 0);
  skipSpace();
  if (at < text.length) fail('unexpected text after the end');
  return { root, duplicates };
}

/** The member `key` of an object node as `JSON.parse` would see it (the last one), or undefined. */
export function memberOf(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i -= 1) {
    const member = node.members[i];
    if (member?.key === key) return member;
  }
  return undefined;
}

/** An object's members with later duplicates winning, in order of their last occurrence. */
export function effectiveMembers(node: JsonNode | undefined): JsonMember[] {
  if (node?.kind !== 'object') return [];
  const last = new Map<string, JsonMember>();
  for (const member of node.members) {
    last.delete(member.key);
    last.set(member.key, member);
  }
  return [...last.values()];
}

/** A node as compact text: strings as their value, anything else as JSON-like text. */
export function nodeText(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'literal':
      return node.text;
    case 'array':
      return `[${node.items.map((item) => (item.kind === 'string' ? JSON.stringify(item.value) : nodeText(item))).join(',')}]`;
    case 'object':
      return `{${effectiveMembers(node).map((m) => `${JSON.stringify(m.key)}:${m.value.kind === 'string' ? JSON.stringify(m.value.value) : nodeText(m.value)}`).join(',')}}`;
  }
}
