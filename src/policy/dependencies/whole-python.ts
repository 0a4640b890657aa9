import { parse as parseToml } from 'smol-toml';
import type { DependencyEntry } from './dependency-change.js';
import { joinContinuations } from '../install-commands.js';
import { normalizePythonName, parseRequirement, pythonSpecSeparator, readRequirementLine } from './parse-requirements.js';
import { tableAt, valueSpec, type ManifestEntries } from './whole-manifest-types.js';

/**
 * Whole Python manifests (docs/dependencies.md). Requirements files line by line after joining
 * `\` continuations, options (`-r`, `-c`, `--index-url`, `-e`) and URL lines as entries of their
 * own, any line that is none of these as an entry too (an unknown line is never nothing).
 * pyproject.toml and Pipfile through a TOML parser: PEP 621 dependencies and extras, PEP 735
 * dependency groups, build requirements, Poetry dependencies, groups and sources, uv and pdm dev
 * dependencies, uv sources and indexes, Pipfile packages, categories and sources.
 */

function rawEntry(text: string, group: string | null, line?: number): DependencyEntry {
  const normalized = text.replace(/\s+/g, ' ').trim();
  return { key: `${group ?? ''}\u0001${normalized}`, name: normalized, spec: '', group, separator: '', ...(line === undefined ? {} : { line }) };
}

export function readRequirementsText(text: string): ManifestEntries {
  const entries: DependencyEntry[] = [];
  let lineNumber = 1;
  for (const command of joinContinuations(text.split('\n'))) {
    const line = lineNumber;
    lineNumber += command.starts.length;
    const read = readRequirementLine(command.text.replace(/\r/g, ''));
    if (read === null) continue;
    entries.push(read === 'unclassified' ? rawEntry(command.text, null, line) : { ...read, line });
  }
  return { entries };
}

function requirementEntry(item: unknown, group: string | null): DependencyEntry {
  if (typeof item === 'string') return parseRequirement(item, group) ?? rawEntry(item, group);
  return rawEntry(valueSpec(item), group);
}

function requirementList(list: unknown, group: string | null, out: DependencyEntry[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    out.push(rawEntry(valueSpec(list), group));
    return;
  }
  for (const item of list) out.push(requirementEntry(item, group));
}

function namedEntry(name: string, value: unknown, group: string | null): DependencyEntry {
  const spec = typeof value === 'string' ? value : valueSpec(value);
  return { key: `${group ?? ''}\u0000${normalizePythonName(name)}`, name, spec, group, separator: pythonSpecSeparator(spec) };
}

function namedTable(table: Record<string, unknown> | undefined, group: string | null, out: DependencyEntry[], skip?: string): void {
  if (!table) return;
  for (const [name, value] of Object.entries(table)) if (name !== skip) out.push(namedEntry(name, value, group));
}

/** Sources and indexes: `[[tool.poetry.source]]`, `[[tool.uv.index]]`, Pipfile's `[[source]]`. */
function sourceList(list: unknown, group: string, out: DependencyEntry[]): void {
  if (!Array.isArray(list)) {
    if (list !== undefined) out.push(rawEntry(valueSpec(list), group));
    return;
  }
  for (const item of list) {
    const record = tableAt(item) ?? {};
    const name = typeof record.name === 'string' ? record.name : valueSpec(item);
    out.push({ key: `${group}\u0000${name}`, name, spec: valueSpec(item), group, separator: ' ' });
  }
}

export function readPyproject(text: string): ManifestEntries {
  const root = parseToml(text);
  const entries: DependencyEntry[] = [];
  const project = tableAt(root, 'project');
  requirementList(project?.dependencies, null, entries);
  for (const [extra, list] of Object.entries(tableAt(project, 'optional-dependencies') ?? {})) requirementList(list, extra, entries);
  for (const [group, list] of Object.entries(tableAt(root, 'dependency-groups') ?? {})) requirementList(list, group, entries);
  requirementList(tableAt(root, 'build-system')?.requires, 'build', entries);
  const poetry = tableAt(root, 'tool', 'poetry');
  namedTable(tableAt(poetry, 'dependencies'), null, entries, 'python');
  namedTable(tableAt(poetry, 'dev-dependencies'), 'dev', entries, 'python');
  for (const [group, table] of Object.entries(tableAt(poetry, 'group') ?? {})) namedTable(tableAt(table, 'dependencies'), group, entries, 'python');
  sourceList(poetry?.source, 'source', entries);
  const uv = tableAt(root, 'tool', 'uv');
  requirementList(uv?.['dev-dependencies'], 'dev', entries);
  requirementList(uv?.['constraint-dependencies'], 'override', entries);
  requirementList(uv?.['override-dependencies'], 'override', entries);
  namedTable(tableAt(uv, 'sources'), 'source', entries);
  sourceList(uv?.index, 'index', entries);
  for (const key of ['index-url', 'extra-index-url', 'find-links']) if (uv?.[key] !== undefined) entries.push(rawEntry(`${key} ${valueSpec(uv[key])}`, 'index'));
  const pdm = tableAt(root, 'tool', 'pdm');
  for (const [group, list] of Object.entries(tableAt(pdm, 'dev-dependencies') ?? {})) requirementList(list, group, entries);
  sourceList(pdm?.source, 'source', entries);
  return { entries };
}

const PIPFILE_NOT_PACKAGES = new Set(['source', 'requires', 'pipenv', 'scripts']);

export function readPipfile(text: string): ManifestEntries {
  const root = parseToml(text);
  const entries: DependencyEntry[] = [];
  for (const [table, value] of Object.entries(root)) {
    if (PIPFILE_NOT_PACKAGES.has(table)) continue;
    const group = table === 'packages' ? null : table === 'dev-packages' ? 'dev' : table;
    namedTable(tableAt(value), group, entries);
  }
  sourceList(root.source, 'source', entries);
  return { entries };
}
