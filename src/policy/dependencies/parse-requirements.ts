import type { ParsedPatch } from '../diff.js';
import { diffEntries, MAX_MANIFEST_LINE, type DependencyEntry, type ManifestDiff } from './dependency-change.js';

/**
 * Dependency changes in a pip requirements file (`requirements*.txt`, `constraints*.txt`,
 * `requirements.in`). Every line stands alone: a PEP 508 requirement (`requests[socks]>=2.31 ;
 * python_version > "3.8"`), an option (`-r base.txt`, `--extra-index-url …`, `-e git+…`), a
 * comment or a blank line. Names are compared in PEP 503 normalized form.
 */

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*([\s\S]*)$/;

/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * What goes between a Python name and its spec when shown: nothing before a PEP 440 operator
 * (`requests>=2.31`), a space before a direct reference (`pkg @ https://…`), else `@`
 * (Poetry's `^2.32` and bare versions: `requests@^2.32`).
 */
export function pythonSpecSeparator(spec: string): string {
  if (/^(?:[<>=!]|~=|\[)/.test(spec)) return '';
  return spec.startsWith('@') || spec.startsWith(';') ? ' ' : '@';
}

/** Parses one requirement string (`name[extra]>=1,<2; marker`), or null when it is not one. */
export function parseRequirement(text: string, group: string | null): DependencyEntry | null {
  const match = REQUIREMENT.exec(text.trim());
  if (!match) return null;
  const name = match[1] ?? '';
  const rest = (match[3] ?? '').trim();
  if (rest !== '' && !/^[<>=!~@;(]/.test(rest)) return null;
  const version = (rest.split(';')[0] ?? '').trim().replace(/^\((.*)\)$/, '$1');
  const spec = `${match[2] ?? ''}${version.startsWith('@') ? `@ ${version.slice(1).trim()}` : version.replace(/\s+/g, '')}`;
  return { key: `${group ?? ''}\u0000${normalizePythonName(name)}`, name, spec, group, separator: pythonSpecSeparator(spec) };
}

/** One requirements line: a requirement, an option or URL line (whole text as the entry), or neither. */
export function readRequirementLine(text: string): DependencyEntry | 'unclassified' | null {
  // A line too long to be a real requirement is never read as nothing (padding must not hide one).
  if (text.length > MAX_MANIFEST_LINE) return 'unclassified';
  let line = text;
  const comment = line.search(/(?:^|\s)#/);
  if (comment !== -1) line = line.slice(0, comment);
  line = line.replace(/\\$/, '').replace(/\s--hash[= ]\S+/g, '').trim();
  if (line === '' || line.startsWith('--hash')) return null;
  const requirement = line.startsWith('-') ? null : parseRequirement(line, null);
  if (requirement) return requirement;
  // Options, URLs and local paths: the whole line is the entry. Anything else is not a requirement.
  if (!/^(?:-|[.~/]|[a-z][a-z0-9+.-]*:\/\/|git\+)/i.test(line)) return 'unclassified';
  const normalized = line.replace(/\s+/g, ' ');
  return { key: `\u0001${normalized}`, name: normalized, spec: '', group: null, separator: '' };
}

export function parseRequirements(patch: ParsedPatch): ManifestDiff {
  const removed: DependencyEntry[] = [];
  const added: DependencyEntry[] = [];
  let unclassified = 0;
  for (const [lines, entries] of [[patch.removed, removed], [patch.added, added]] as const) {
    for (const line of lines) {
      const entry = readRequirementLine(line.text);
      if (entry === 'unclassified') unclassified += 1;
      else if (entry !== null) entries.push(entry);
    }
  }
  return { changes: diffEntries(removed, added), unclassified };
}
