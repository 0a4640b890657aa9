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
const ENTRY = new RegExp(`^${QUOTED}\\s*:\\s*(.*)$`);
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

type Classified = { entry: DependencyEntry } | 'other' | 'unclassified';

function entry(name: string, spec: string, group: string | null): { entry: DependencyEntry } {
  return { entry: { key: `${group ?? ''}\u0000${name}`, name, spec, group, separator: '@' } };
}

function classifyEntry(stack: readonly string[], key: string, rawValue: string): Classified {
  const parent = stack.at(-1);
  const stringValue = STRING_VALUE.exec(rawValue);
  const value = stringValue ? unescape(stringValue[1] ?? '') : null;
  if (stack.some((name) => OVERRIDE_SECTIONS.has(name))) {
    return value === null ? 'other' : entry(key, value, 'override');
  }
  if (parent !== undefined && parent in SECTION_GROUPS) {
    if (value !== null) return entry(key, value, SECTION_GROUPS[parent] ?? null);
    return rawValue === '{}' || rawValue === '[]' ? 'other' : 'unclassified';
  }
  if (parent === UNKNOWN) {
    if (KNOWN_FIELDS.has(key) || value === null) return 'other';
    if (NPM_NAME.test(key) && VERSION_SPEC.test(value) && !FILE_PATH.test(value)) return entry(key, value, null);
    return 'other';
  }
  // Top level, or a known non-dependency object (scripts, engines, exports, …).
  if (parent === undefined && key in SECTION_GROUPS && rawValue !== '{}' && rawValue !== '[]' && value === null) return 'unclassified';
  return 'other';
}

function readSide(patch: ParsedPatch, side: Side): { entries: DependencyEntry[]; unclassified: number } {
  const entries: DependencyEntry[] = [];
  let unclassified = 0;
  for (const hunk of patch.hunks) {
    let stack: string[] = [UNKNOWN];
    let first = true;
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
      if (text === '{' || text === '[') {
        if (atTop) stack = [];
        else stack.push('');
        continue;
      }
      if (/^[}\]]$/.test(text)) {
        const popped = stack.pop();
        // Leaving an object we never saw open: assume its parent is the top level.
        if (popped === UNKNOWN) stack = [];
        continue;
      }
      const opener = OPEN_KEYED.exec(text);
      if (opener) {
        stack.push(unescape(opener[1] ?? ''));
        continue;
      }
      const keyed = ENTRY.exec(text);
      if (keyed) {
        if (!changed) continue;
        const result = classifyEntry(stack, unescape(keyed[1] ?? ''), (keyed[2] ?? '').trim());
        if (result === 'unclassified') unclassified += 1;
        else if (result !== 'other') entries.push(result.entry);
        continue;
      }
      const item = ITEM.exec(text);
      if (item) {
        if (!changed) continue;
        const parent = stack.at(-1);
        if (parent === 'bundledDependencies' || parent === 'bundleDependencies') entries.push(entry(unescape(item[1] ?? ''), '', 'bundled').entry);
        continue;
      }
      if (changed) unclassified += 1;
    }
  }
  return { entries, unclassified };
}

export function parsePackageJson(patch: ParsedPatch): ManifestDiff {
  const before = readSide(patch, 'old');
  const after = readSide(patch, 'new');
  return { changes: diffEntries(before.entries, after.entries), unclassified: before.unclassified + after.unclassified };
}
