import { lowerBaseName } from '../file-kinds.js';
import type { ManifestContent } from '../policy-category.js';
import { diffEntries, type DependencyChange } from './dependency-change.js';
import { normalizePythonName } from './parse-requirements.js';
import { readCargoToml } from './whole-cargo.js';
import { readGemfile, readGoMod } from './whole-line-manifests.js';
import type { ManifestEntries, ManifestReader } from './whole-manifest-types.js';
import { readPackageJson } from './whole-package-json.js';
import { readPipfile, readPyproject, readRequirementsText } from './whole-python.js';

/**
 * Manifests judged whole (docs/dependencies.md): both versions of a touched manifest, parsed by a
 * real parser, and their dependency entries compared, so no hunk boundary, key order, duplicate
 * key or line continuation decides what is seen. A version that cannot be read or parsed makes
 * the comparison fail with a reason, which the category reports: never "no change".
 */

/** Larger manifests are not parsed (no real one is; it bounds the work a crafted file can cause). */
export const MAX_MANIFEST_CHARS = 4_000_000;

export interface WholeNote {
  text: string;
  line: number | null;
}

export type WholeComparison = { ok: true; changes: DependencyChange[]; notes: WholeNote[] } | { ok: false; reason: string };

/** Requirements files by name: `requirements.txt`, `dev-requirements.txt`, `requirements/*.txt`, `constraints.txt`. */
export function isRequirementsPath(path: string): boolean {
  const name = lowerBaseName(path);
  if (!/\.(?:txt|in)$/.test(name)) return false;
  return name.includes('requirements') || name.startsWith('constraints') || /(?:^|\/)requirements\/[^/]+$/.test(path.toLowerCase());
}

/** The whole-file reader of a manifest path, or null when only its hunks can be read. */
export function wholeReaderFor(path: string): ManifestReader | null {
  const name = lowerBaseName(path);
  if (name === 'package.json' || name === 'composer.json') return readPackageJson;
  if (name === 'pyproject.toml') return readPyproject;
  if (name === 'pipfile') return readPipfile;
  if (name === 'cargo.toml') return readCargoToml;
  if (name === 'go.mod') return readGoMod;
  if (name === 'gemfile') return readGemfile;
  if (isRequirementsPath(path)) return readRequirementsText;
  return null;
}

function read(reader: ManifestReader, text: string | null, side: string): ManifestEntries {
  if (text === null) return { entries: [] };
  if (text.length > MAX_MANIFEST_CHARS) throw new Error(`the ${side} version is larger than ${MAX_MANIFEST_CHARS} characters`);
  try {
    return reader(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new Error(`the ${side} version does not parse: ${reason}`, { cause: error });
  }
}

/** A word without the quotes, parentheses and commas around it; index loops, so linear on any word. */
function unwrap(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && '("\''.includes(word.charAt(start))) start += 1;
  while (end > start && ')"\','.includes(word.charAt(end - 1))) end -= 1;
  return word.slice(start, end);
}

/**
 * First line of each name a line starts with, for changes whose reader gave no line: the leading
 * key (`serde.workspace = …` → `serde`), a leading quoted name (`"requests>=2",`), and the first
 * two words (`require a.io/b v1`, `gem "rails"`, a go.mod block line).
 */
function nameLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const add = (token: string, line: number): void => {
    const key = normalizePythonName(token);
    if (key !== '' && !lines.has(key)) lines.set(key, line);
  };
  const all = text.split('\n');
  for (let index = 0; index < all.length; index += 1) {
    const line = (all[index] ?? '').trimStart();
    const bare = /^[A-Za-z0-9_.@/-]+/.exec(line);
    if (bare) add(bare[0].split('.')[0] ?? '', index + 1);
    const quoted = /^["']([A-Za-z0-9_.@/-]+)/.exec(line);
    if (quoted) add(quoted[1] ?? '', index + 1);
    for (const word of line.split(/\s+/, 2)) add(unwrap(word), index + 1);
  }
  return lines;
}

function locate(changes: DependencyChange[], head: string | null): DependencyChange[] {
  if (head === null || changes.every((change) => change.to === null || change.line !== undefined)) return changes;
  const lines = nameLines(head);
  return changes.map((change) => {
    if (change.to === null || change.line !== undefined) return change;
    const line = lines.get(normalizePythonName(change.name));
    return line === undefined ? change : { ...change, line };
  });
}

function duplicateNotes(base: ManifestEntries, head: ManifestEntries): WholeNote[] {
  const before = new Set((base.duplicates ?? []).map((d) => d.name));
  return (head.duplicates ?? [])
    .filter((d) => !before.has(d.name))
    .map((d) => ({ text: `duplicates the key "${d.name}" (a JSON reader keeps only the last one)`, line: d.line }));
}

/** Compares the base and head versions of one manifest; see the module comment. */
export function compareWholeManifest(content: ManifestContent): WholeComparison {
  if (content.error !== undefined) return { ok: false, reason: content.error };
  const reader = wholeReaderFor(content.path);
  if (reader === null) return { ok: false, reason: 'no whole-file reader for this manifest' };
  try {
    const base = read(reader, content.base, 'base');
    const head = read(reader, content.head, 'head');
    const changes = diffEntries(base.entries, head.entries);
    return { ok: true, changes: locate(changes, content.head), notes: duplicateNotes(base, head) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
