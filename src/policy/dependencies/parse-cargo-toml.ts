import type { DiffHunk, ParsedPatch } from '../diff.js';
import { diffHunkSides, manifestLines, type DependencyEntry, type ManifestDiff, type Side } from './dependency-change.js';
import { dependencySpec, keyValue, looksLikeDependencyValue, tableHeader } from './toml-lines.js';

/**
 * Dependency changes in a Cargo.toml patch: `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, their `[target.'cfg(…)'.…]` forms, `[workspace.dependencies]`,
 * `[patch.*]` and `[replace]`, entries as `name = "1.0"`, `name = { version = … }`,
 * `name.workspace = true`, or a `[dependencies.name]` sub-table. When the hunk does not show its
 * table header, `name = "1.2"` lines whose key is not a known `[package]`/profile key count.
 */

const KNOWN_KEYS = new Set([
  'name', 'version', 'edition', 'authors', 'description', 'license', 'license-file', 'readme', 'homepage', 'repository',
  'documentation', 'keywords', 'categories', 'rust-version', 'publish', 'build', 'links', 'exclude', 'include', 'resolver',
  'members', 'default-members', 'opt-level', 'debug', 'lto', 'codegen-units', 'panic', 'incremental', 'strip',
  'default', 'autobins', 'autoexamples', 'autotests', 'autobenches', 'workspace', 'path', 'crate-type', 'harness',
]);

/** The group of a dependency table, or undefined when the table holds no dependencies. */
function tableGroup(table: string): { group: string | null; crate: string | null } | undefined {
  const parts = table.split('.');
  let rest = parts;
  if (parts[0] === 'target' && parts.length >= 3) rest = parts.slice(2);
  else if (parts[0] === 'workspace') rest = parts.slice(1);
  const kind = rest[0];
  const crate = rest[1] ?? null;
  if (rest.length > 2) return undefined;
  if (kind === 'dependencies') return { group: null, crate };
  if (kind === 'dev-dependencies') return { group: 'dev', crate };
  if (kind === 'build-dependencies') return { group: 'build', crate };
  if (parts[0] === 'patch' && parts.length === 2) return { group: 'patch', crate: null };
  if (parts[0] === 'patch' && parts.length === 3) return { group: 'patch', crate: parts[2] ?? null };
  if (table === 'replace') return { group: 'replace', crate: null };
  return undefined;
}

function entry(name: string, value: string, group: string | null): DependencyEntry {
  return { key: `${group ?? ''}\u0000${name}`, name, spec: dependencySpec(value), group, separator: '@' };
}

function readSide(hunk: DiffHunk, side: Side, entries: DependencyEntry[]): number {
  const { lines, tooLong } = manifestLines(hunk, side, '#');
  let unclassified = tooLong;
  let table: string | null = null;
  for (const { changed, text } of lines) {
    const header = text.startsWith('[') ? tableHeader(text) : null;
    if (header !== null) {
      table = header;
      continue;
    }
    if (!changed) continue;
    const pair = keyValue(text);
    if (!pair) {
      // Continuation lines of multi-line arrays (features lists): not dependencies.
      if (table === null && !/^["'\]]/.test(text)) unclassified += 1;
      continue;
    }
    if (table === null) {
      const name = pair.key[0] ?? '';
      if (pair.key.length === 2 && pair.key[1] === 'workspace') entries.push(entry(name, '{ workspace = true }', null));
      else if (pair.key.length === 1 && !KNOWN_KEYS.has(name) && looksLikeDependencyValue(pair.value)) entries.push(entry(name, pair.value, null));
      continue;
    }
    const place = tableGroup(table);
    if (!place) continue;
    if (place.crate !== null) {
      // `[dependencies.serde]` then `version = "1"`: the spec of that crate.
      const field = pair.key[0];
      if (field === 'version' || field === 'git' || field === 'path' || field === 'workspace') {
        entries.push(entry(place.crate, `{ ${field} = ${pair.value} }`, place.group));
      }
      continue;
    }
    const name = pair.key[0] ?? '';
    if (pair.key.length === 1) entries.push(entry(name, pair.value, place.group));
    else if (pair.key.length === 2) entries.push(entry(name, `{ ${pair.key[1]} = ${pair.value} }`, place.group));
  }
  return unclassified;
}

export function parseCargoToml(patch: ParsedPatch): ManifestDiff {
  return diffHunkSides(patch, readSide);
}
