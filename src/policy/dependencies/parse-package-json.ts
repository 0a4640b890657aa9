import type { ParsedPatch } from '../diff.js';
import {
  diffEntries,
  MAX_MANIFEST_LINE,
  sideLines,
  startsAtTop,
  type DependencyEntry,
  type ManifestDiff,
  type Side,
} from './dependency-change.js';

/**
 * Dependency changes in a package.json patch (npm, yarn, pnpm, bun). The enclosing object of each
 * line is tracked from the hunk's context lines (`"devDependencies": {` … `}`); when a hunk starts
 * inside an object whose opening line is not shown, an entry counts as a dependency when its key is
 * a package name, not a known top-level field, and its value is a version spec. `version`,
 * `scripts` and the other fields are not dependencies.
 */

const SECTION_GROUPS: Record<string, string | null> = {
  dependencies: null,
  devDependencies: 'dev',
  peerDependencies: 'peer',
  optionalDependencies: 'optional',
  bundledDependencies: 'bundled',
  bundleDependencies: 'bundled',
};
const OVERRIDE_SECTIONS = new Set(['overrides', 'resolutions']);

/** Top-level fields that are not dependency lists. */
const KNOWN_FIELDS = new Set([
  'name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'license', 'author', 'contributors', 'maintainers',
  'funding', 'files', 'main', 'browser', 'bin', 'man', 'directories', 'repository', 'scripts', 'config', 'engines', 'os',
  'cpu', 'libc', 'private', 'publishConfig', 'workspaces', 'type', 'types', 'typings', 'module', 'exports', 'imports',
  'packageManager', 'sideEffects', 'unpkg', 'jsdelivr', 'source', 'style', 'prettier', 'eslintConfig', 'jest', 'browserslist',
  'volta', 'husky', 'lint-staged', 'release', 'displayName', 'icon', 'publisher', 'categories', 'activationEvents',
  'contributes', 'gypfile', 'node', 'npm', 'yarn', 'pnpm', 'bun', 'vscode', 'default', 'import', 'require', 'development',
  'production', 'test', 'build', 'start', 'dev', 'lint', 'preinstall', 'install', 'postinstall', 'prepare', 'prepublishOnly',
]);

const UNKNOWN = '\u0000';
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const OPEN_KEYED = new RegExp(`^${QUOTED}\\s*:\\s*([{[])$`);
const ENTRY = new RegExp(`^${QUOTED}\\s*:\\s*([\\s\\S]*)$`);
const ITEM = new RegExp(`^${QUOTED}$`);
const STRING_VALUE = new RegExp(`^${QUOTED}$`);
const NPM_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;
const VERSION_SPEC =
  /^(?:[\^~<>=v\s]*\d|[*xX]$|latest$|next$|beta$|canary$|rc$|workspace:|catalog:|npm:|file:|link:|portal:|patch:|jsr:|git\+|git:|github:|gitlab:|bitbucket:|https?:\/\/|[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*(?:#\S*)?$)/;

/** `dist/server.js` is a path (a script or an entry point), not the `user/repo` GitHub shorthand. */
const FILE_PATH = /^[\w.-]+\/[\w./-]*\.(?:js|mjs|cjs|ts|mts|cts|tsx|jsx|json|sh|py|css|html|md|node)$/;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

type Classified = { entries: DependencyEntry[] } | 'other' | 'unclassified';

function entry(name: string, spec: string, group: string | null): DependencyEntry {
  return { key: `${group ?? ''}\u0000${name}`, name, spec, group, separator: '@' };
}

/** The group of a section's entries: a dependency section, an override section, the workspaces list. */
function sectionGroup(key: string): string | null | undefined {
  if (key in SECTION_GROUPS) return SECTION_GROUPS[key] ?? null;
  if (OVERRIDE_SECTIONS.has(key)) return 'override';
  if (key === 'workspaces') return 'workspace';
  return undefined;
}

/** A whole section on one line (`"optionalDependencies": { "x": "1" }`): its entries, or null when it does not parse. */
function inlineSection(key: string, rawValue: string): DependencyEntry[] | null {
  const group = sectionGroup(key);
  if (group === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(rawValue);
  } catch {
    return null;
  }
  if (Array.isArray(value)) return value.map((item) => entry(typeof item === 'string' ? item : JSON.stringify(item), '', group === null ? 'bundled' : group));
  if (value === null || typeof value !== 'object') return null;
  return Object.entries(value as Record<string, unknown>).map(([name, spec]) => entry(name, typeof spec === 'string' ? spec : JSON.stringify(spec), group));
}

function classifyEntry(stack: readonly string[], key: string, rawValue: string): Classified {
  const parent = stack.at(-1);
  const stringValue = STRING_VALUE.exec(rawValue);
  const value = stringValue ? unescape(stringValue[1] ?? '') : null;
  if (stack.some((name) => OVERRIDE_SECTIONS.has(name))) {
    return value === null ? 'other' : { entries: [entry(key, value, 'override')] };
  }
  if (parent !== undefined && parent in SECTION_GROUPS) {
    if (value !== null) return { entries: [entry(key, value, SECTION_GROUPS[parent] ?? null)] };
    return rawValue === '{}' || rawValue === '[]' ? 'other' : 'unclassified';
  }
  // A section written on one line, wherever the hunk is.
  if ((parent === undefined || parent === UNKNOWN) && value === null && sectionGroup(key) !== undefined && rawValue !== '{}' && rawValue !== '[]') {
    return { entries: inlineSection(key, rawValue) ?? [] } ;
  }
  if (parent === UNKNOWN) {
    if (KNOWN_FIELDS.has(key) || value === null) return 'other';
    if (NPM_NAME.test(key) && VERSION_SPEC.test(value) && !FILE_PATH.test(value)) return { entries: [entry(key, value, null)] };
    return 'other';
  }
  return 'other';
}

/**
 * An entry whose key is also a package.json field (`"version"`, `"main"`), in an object the hunk
 * does not show the opening of: a dependency when a sibling at the same indentation is one.
 */
interface Pending {
  indent: number;
  entry: DependencyEntry;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function readSide(patch: ParsedPatch, side: Side): { entries: DependencyEntry[]; unclassified: number } {
  const entries: DependencyEntry[] = [];
  let unclassified = 0;
  for (const hunk of patch.hunks) {
    let stack: string[] = [UNKNOWN];
    let first = true;
    // A key whose `{` or `[` is on the next line: `"optionalDependencies":` then `{`.
    let pendingKey: string | null = null;
    // In the unseen object: indentations of dependency-looking entries, and field-named ones waiting on them.
    const dependencyIndents = new Set<number>();
    let pending: Pending[] = [];
    const settle = (): void => {
      for (const wait of pending) if (dependencyIndents.has(wait.indent)) entries.push(wait.entry);
      pending = [];
      dependencyIndents.clear();
    };
    for (const line of sideLines(hunk, side)) {
      const changed = line.kind !== 'context';
      let text = line.text.trim();
      if (text.length > MAX_MANIFEST_LINE) {
        if (changed) unclassified += 1;
        continue;
      }
      if (text.endsWith(',')) text = text.slice(0, -1).trimEnd();
      const atTop = first && startsAtTop(hunk, side);
      first = false;
      if (text === '') continue;
      const key = pendingKey;
      pendingKey = null;
      if (text === '{' || text === '[') {
        if (key !== null) stack.push(key);
        else if (atTop) stack = [];
        else stack.push('');
        continue;
      }
      if (/^[}\]]$/.test(text)) {
        const popped = stack.pop();
        // Leaving an object we never saw open: assume its parent is the top level.
        if (popped === UNKNOWN) {
          settle();
          stack = [];
        }
        continue;
      }
      const opener = OPEN_KEYED.exec(text);
      if (opener) {
        stack.push(unescape(opener[1] ?? ''));
        continue;
      }
      const keyed = ENTRY.exec(text);
      if (keyed) {
        const name = unescape(keyed[1] ?? '');
        const rawValue = (keyed[2] ?? '').trim();
        if (rawValue === '') {
          pendingKey = name;
          continue;
        }
        const inUnknown = stack.length === 1 && stack[0] === UNKNOWN;
        const result = classifyEntry(stack, name, rawValue);
        if (inUnknown && typeof result === 'object' && result.entries.length === 1) dependencyIndents.add(indentOf(line.text));
        if (!changed) continue;
        if (result === 'unclassified') unclassified += 1;
        else if (result !== 'other') entries.push(...result.entries);
        else if (inUnknown && KNOWN_FIELDS.has(name)) {
          const value = STRING_VALUE.exec(rawValue);
          if (value && NPM_NAME.test(name) && VERSION_SPEC.test(unescape(value[1] ?? ''))) pending.push({ indent: indentOf(line.text), entry: entry(name, unescape(value[1] ?? ''), null) });
        }
        continue;
      }
      const item = ITEM.exec(text);
      if (item) {
        if (!changed) continue;
        const parent = stack.at(-1);
        if (parent === 'bundledDependencies' || parent === 'bundleDependencies') entries.push(entry(unescape(item[1] ?? ''), '', 'bundled'));
        else if (parent === 'workspaces' || (parent === 'packages' && stack.at(-2) === 'workspaces')) entries.push(entry(unescape(item[1] ?? ''), '', 'workspace'));
        continue;
      }
      if (changed) unclassified += 1;
    }
    settle();
  }
  return { entries, unclassified };
}

export function parsePackageJson(patch: ParsedPatch): ManifestDiff {
  const before = readSide(patch, 'old');
  const after = readSide(patch, 'new');
  return { changes: diffEntries(before.entries, after.entries), unclassified: before.unclassified + after.unclassified };
}
