import type { DiffHunk, ParsedPatch } from '../diff.js';
import { diffHunkSides, manifestLines, type DependencyEntry, type ManifestDiff, type Side } from './dependency-change.js';
import { normalizePythonName, parseRequirement, pythonSpecSeparator } from './parse-requirements.js';
import { dependencySpec, keyValue, looksLikeDependencyValue, opensArray, stringsIn, tableHeader } from './toml-lines.js';

/**
 * Dependency changes in a pyproject.toml patch: PEP 621 (`[project] dependencies = [...]`,
 * `[project.optional-dependencies]`), PEP 735 `[dependency-groups]`, `[build-system] requires`,
 * uv/pdm dev dependencies, and Poetry tables (`[tool.poetry.dependencies]`, groups, sub-tables).
 * The table is tracked from headers in the hunk; a hunk that starts inside an array uses git's
 * hunk-header line (`@@ … @@ dependencies = [`) to know which array it is in.
 */

/** Arrays of PEP 508 strings, by table and key. A null key means any key of the table (the group is the key). */
function arrayGroup(table: string | null, key: string): string | null | undefined {
  if (table === 'project' && key === 'dependencies') return null;
  if (table === 'project.optional-dependencies' || table === 'dependency-groups' || table === 'tool.pdm.dev-dependencies') return key;
  if (table === 'build-system' && key === 'requires') return 'build';
  if (table === 'tool.uv' && key === 'dev-dependencies') return 'dev';
  if (table === 'tool.uv' && (key === 'constraint-dependencies' || key === 'override-dependencies')) return 'override';
  if (table === null) {
    if (key === 'dependencies') return null;
    if (key === 'requires') return 'build';
    if (key === 'dev-dependencies') return 'dev';
  }
  return undefined;
}

/** Poetry tables of `name = spec` entries: the group, or undefined when the table is not one. */
function poetryGroup(table: string): string | null | undefined {
  if (table === 'tool.poetry.dependencies') return null;
  if (table === 'tool.poetry.dev-dependencies') return 'dev';
  const group = /^tool\.poetry\.group\.([^.]+)\.dependencies$/.exec(table);
  return group ? (group[1] ?? null) : undefined;
}

/** Poetry's one-dependency sub-tables: `[tool.poetry.dependencies.requests]`. */
function poetrySubTable(table: string): { name: string; group: string | null } | null {
  const match = /^tool\.poetry\.(?:(dev-)dependencies|group\.([^.]+)\.dependencies|dependencies)\.([^.]+)$/.exec(table);
  if (!match) return null;
  return { name: match[3] ?? '', group: match[1] ? 'dev' : (match[2] ?? null) };
}

/** Tables whose entries say where packages come from: uv sources; uv, Poetry and pdm indexes. */
const SOURCE_TABLES = new Set(['tool.uv.sources', 'tool.uv.index', 'tool.poetry.source', 'tool.pdm.source', 'tool.uv']);
const SOURCE_KEYS_OF_TOOL_UV = new Set(['index-url', 'extra-index-url', 'find-links', 'index', 'sources']);

/** Array keys outside dependency tables whose strings are not requirements (metadata, linters, pytest). */
const KNOWN_ARRAY_KEYS = new Set([
  'keywords', 'classifiers', 'authors', 'maintainers', 'license-files', 'dynamic', 'packages', 'include', 'exclude', 'select',
  'ignore', 'extend-select', 'extend-ignore', 'fixable', 'unfixable', 'per-file-ignores', 'testpaths', 'addopts', 'markers',
  'filterwarnings', 'python_files', 'python_classes', 'python_functions', 'norecursedirs', 'src', 'known-first-party',
  'known-third-party', 'omit', 'source', 'plugins', 'files', 'paths', 'env', 'targets', 'members', 'extend-exclude', 'skip',
]);

const KNOWN_KEYS = new Set([
  'name', 'version', 'description', 'readme', 'requires-python', 'license', 'license-files', 'authors', 'maintainers',
  'keywords', 'classifiers', 'urls', 'scripts', 'gui-scripts', 'entry-points', 'dynamic', 'python', 'packages', 'include',
  'exclude', 'homepage', 'repository', 'documentation', 'build-backend', 'line-length', 'target-version', 'select',
  'ignore', 'extend-select', 'testpaths', 'addopts', 'minversion', 'strict', 'source', 'branch',
]);

function poetryEntry(name: string, value: string, group: string | null): DependencyEntry {
  const spec = dependencySpec(value);
  return { key: `${group ?? ''}\u0000${normalizePythonName(name)}`, name, spec, group, separator: pythonSpecSeparator(spec) };
}

/** Tables every array of which lists requirements, with the group their entries get when the key is unseen. */
const REQUIREMENT_TABLES: Record<string, string> = { 'project.optional-dependencies': 'extra', 'dependency-groups': 'group', 'tool.pdm.dev-dependencies': 'dev' };

/**
 * Strings of an array whose key the hunk does not show, in a table only the hunk header names:
 * requirements in a table of requirement lists; pinned requirements (else unknown lines) in the
 * tables that hold one (`[project]`, `[build-system]`, `[tool.uv]`, `[tool.pdm]`). Returns the
 * unclassified count.
 */
function readUnnamedArrayItems(table: string | null, text: string, entries: DependencyEntry[]): number {
  let unclassified = 0;
  const group = table === null ? undefined : REQUIREMENT_TABLES[table];
  const mixed = table === 'project' || table === 'build-system' || table === 'tool.uv' || table === 'tool.pdm';
  for (const item of stringsIn(text)) {
    const requirement = parseRequirement(item, group ?? null);
    if (group !== undefined && requirement) entries.push(requirement);
    else if (mixed && requirement && /[<>=~!@]/.test(requirement.spec)) entries.push(requirement);
    else if (mixed || group !== undefined) unclassified += 1;
  }
  return unclassified;
}

function readSide(hunk: DiffHunk, side: Side, entries: DependencyEntry[]): number {
  const { lines, tooLong } = manifestLines(hunk, side, '#');
  let unclassified = tooLong;
  // git may name the enclosing table in the hunk header (`@@ … @@ [project.optional-dependencies]`).
  const headerTable = hunk.header.startsWith('[') ? tableHeader(hunk.header.trim()) : null;
  let table: string | null = headerTable;
  let knownTable = headerTable !== null;
  const hint = /^([A-Za-z0-9_-]+)\s*=\s*\[\s*$/.exec(hunk.header);
  let arrayKey: string | null = null;
  // Until a header or closing bracket says otherwise, lines may be inside the header's array.
  let maybeInHintArray = hint !== null;
  // Only the hunk header names the table: string lines before any key may be inside one of its arrays.
  let headerOnly = headerTable !== null && hint === null;
  for (const { changed, text } of lines) {
    const header = text.startsWith('[') && !text.startsWith('["') && !text.startsWith("['") ? tableHeader(text) : null;
    if (header !== null) {
      table = header;
      knownTable = true;
      arrayKey = null;
      maybeInHintArray = false;
      headerOnly = false;
      continue;
    }
    if (headerOnly && (text.startsWith('"') || text.startsWith("'"))) {
      if (changed) unclassified += readUnnamedArrayItems(table, text, entries);
      continue;
    }
    if (headerOnly && !text.startsWith('#')) headerOnly = false;
    const inArray = arrayKey !== null || maybeInHintArray;
    if (inArray && text.startsWith(']')) {
      arrayKey = null;
      maybeInHintArray = false;
      continue;
    }
    if (inArray && (text.startsWith('"') || text.startsWith("'"))) {
      if (!changed) continue;
      const key = arrayKey ?? hint?.[1] ?? null;
      const group = key === null ? undefined : arrayGroup(knownTable ? table : null, key);
      for (const item of stringsIn(text)) {
        const requirement = parseRequirement(item, group ?? null);
        if (group !== undefined) {
          if (requirement) entries.push(requirement);
        } else if (!knownTable) {
          // An array in a table we cannot see: a requirement is a dependency unless the key is a
          // known non-dependency list (`classifiers`, ruff's `select`, …); an unnamed array's
          // unpinned strings are unknown.
          if (requirement && key !== null && !KNOWN_ARRAY_KEYS.has(key)) entries.push(parseRequirement(item, key) ?? requirement);
          else if (requirement && /[<>=~!@]/.test(requirement.spec)) entries.push(requirement);
          else if (key === null) unclassified += 1;
        }
      }
      continue;
    }
    const pair = keyValue(text);
    if (pair) {
      maybeInHintArray = false;
      const key = pair.key.join('.');
      if (opensArray(pair.value)) {
        arrayKey = key;
        if (changed) {
          const group = arrayGroup(knownTable ? table : null, key);
          for (const item of stringsIn(pair.value)) {
            const requirement = parseRequirement(item, group ?? null);
            if (group !== undefined && requirement) entries.push(requirement);
          }
        }
        continue;
      }
      if (!changed) continue;
      if (pair.value.startsWith('[')) {
        const group = arrayGroup(knownTable ? table : null, key);
        if (group === undefined) continue;
        for (const item of stringsIn(pair.value)) {
          const requirement = parseRequirement(item, group);
          if (requirement) entries.push(requirement);
        }
        continue;
      }
      if (table !== null && SOURCE_TABLES.has(table) && (table !== 'tool.uv' || SOURCE_KEYS_OF_TOOL_UV.has(key))) {
        entries.push({ key: `source\u0000${table}.${key}\u0000${pair.value}`, name: `${table}.${key}`, spec: pair.value, group: 'source', separator: ' = ' });
        continue;
      }
      const sub = table ? poetrySubTable(table) : null;
      if (sub) {
        if (key === 'version' || key === 'git' || key === 'path' || key === 'url') entries.push(poetryEntry(sub.name, `{ ${key} = ${pair.value} }`, sub.group));
        continue;
      }
      const group = table ? poetryGroup(table) : undefined;
      if (group !== undefined) {
        if (key !== 'python') entries.push(poetryEntry(key, pair.value, group));
        continue;
      }
      if (!knownTable && !KNOWN_KEYS.has(key) && looksLikeDependencyValue(pair.value)) entries.push(poetryEntry(key, pair.value, null));
      continue;
    }
    if (changed && !knownTable) unclassified += 1;
  }
  return unclassified;
}

export function parsePyproject(patch: ParsedPatch): ManifestDiff {
  return diffHunkSides(patch, readSide);
}
