import { parse as parseToml } from 'smol-toml';
import type { DependencyEntry } from './dependency-change.js';
import { tableAt, valueSpec, type ManifestEntries } from './whole-manifest-types.js';

/**
 * A whole Cargo.toml through a TOML parser (docs/dependencies.md): `[dependencies]`,
 * `[dev-dependencies]`, `[build-dependencies]` (and the old `dev_dependencies` spellings), the same
 * under every `[target.'cfg(…)'.…]` and under `[workspace]`, `[patch.<registry>]` and `[replace]`.
 * A table entry's spec is its source (version, git with ref, path, registry, workspace) plus a
 * renamed `package`; feature lists are not a dependency change.
 */

const KINDS: Record<string, string | null> = {
  dependencies: null,
  'dev-dependencies': 'dev',
  dev_dependencies: 'dev',
  'build-dependencies': 'build',
  build_dependencies: 'build',
};

const SOURCE_KEYS = ['version', 'git', 'tag', 'branch', 'rev', 'path', 'registry', 'registry-index', 'workspace', 'package', 'artifact', 'target'];

function crateSpec(value: unknown): string {
  const table = tableAt(value);
  if (!table) return valueSpec(value);
  const picked: Record<string, unknown> = {};
  for (const key of SOURCE_KEYS) if (table[key] !== undefined) picked[key] = table[key];
  if (Object.keys(picked).length === 1 && typeof picked.version === 'string') return picked.version;
  return valueSpec(picked);
}

function crates(table: Record<string, unknown> | undefined, group: string | null, out: DependencyEntry[]): void {
  for (const [name, value] of Object.entries(table ?? {})) out.push({ key: `${group ?? ''}\u0000${name}`, name, spec: crateSpec(value), group, separator: '@' });
}

function withPrefix(prefix: string, group: string | null): string | null {
  if (prefix === '') return group;
  return group === null ? prefix : `${group}, ${prefix}`;
}

function dependencyTables(scope: Record<string, unknown> | undefined, prefix: string, out: DependencyEntry[]): void {
  for (const [kind, group] of Object.entries(KINDS)) crates(tableAt(scope, kind), withPrefix(prefix, group), out);
}

export function readCargoToml(text: string): ManifestEntries {
  const root = parseToml(text);
  const entries: DependencyEntry[] = [];
  dependencyTables(root, '', entries);
  for (const [platform, scope] of Object.entries(tableAt(root, 'target') ?? {})) dependencyTables(tableAt(scope), platform, entries);
  dependencyTables(tableAt(root, 'workspace'), 'workspace', entries);
  for (const [registry, table] of Object.entries(tableAt(root, 'patch') ?? {})) crates(tableAt(table), `patch ${registry}`, entries);
  crates(tableAt(root, 'replace'), 'replace', entries);
  return { entries };
}
