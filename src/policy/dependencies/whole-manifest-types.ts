import type { DependencyEntry } from './dependency-change.js';

/**
 * What a whole-manifest reader returns (docs/dependencies.md): every dependency entry of one
 * version of the file, and the keys it holds twice (JSON only). A reader throws when the text is
 * not a valid manifest; the caller reports that as a gap, never as "no change".
 */
export interface ManifestEntries {
  entries: DependencyEntry[];
  duplicates?: { name: string; line: number }[];
}

export type ManifestReader = (text: string) => ManifestEntries;

/** A TOML (or JSON) value as a short, stable spec: strings as they are, tables with sorted keys. */
export function valueSpec(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(valueSpec).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{ ${keys.map((key) => `${key} = ${valueSpec(record[key])}`).join(', ')} }`;
  }
  return String(value);
}

/** The record at `path` in a parsed TOML document, or undefined when any step is not a table. */
export function tableAt(root: unknown, ...path: string[]): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
