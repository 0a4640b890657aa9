import { findInstallCommands } from '../install-commands.js';
import { findPipedDownload } from '../piped-download.js';
import type { DependencyEntry } from './dependency-change.js';
import { effectiveMembers, memberOf, nodeText, parseJsonDocument, type JsonNode } from './json-document.js';
import type { ManifestEntries } from './whole-manifest-types.js';

/**
 * The dependency entries of a whole package.json (npm, yarn, pnpm, bun; docs/dependencies.md):
 * the four dependency sections, bundled dependencies, `overrides` (nested, flattened to
 * `parent > child`), `resolutions`, `pnpm.overrides` and `pnpm.patchedDependencies`, the
 * `workspaces` list (a changed list brings other manifests in), `packageManager` (Corepack fetches
 * it), and lifecycle scripts that install or fetch-and-run packages (they run on `npm install`).
 * Also composer.json's `require`, `require-dev` and `repositories`, which share the JSON shape.
 */

const SECTIONS: Record<string, string | null> = {
  dependencies: null,
  devDependencies: 'dev',
  peerDependencies: 'peer',
  optionalDependencies: 'optional',
};

/** Scripts npm, yarn and pnpm run by themselves around install, pack and publish. */
const LIFECYCLE = new Set(['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish', 'prepack', 'postpack', 'dependencies']);

function entry(name: string, spec: string, group: string | null, line: number, separator = '@'): DependencyEntry {
  return { key: `${group ?? ''}\u0000${name}`, name, spec, group, separator, line };
}

function sectionEntries(node: JsonNode | undefined, group: string | null, out: DependencyEntry[]): void {
  for (const member of effectiveMembers(node)) out.push(entry(member.key, nodeText(member.value), group, member.line));
}

/** npm `overrides` nest: `{ "a": { ".": "1", "b": "2" } }` is a@1 and a > b@2. */
function overrideEntries(node: JsonNode | undefined, prefix: string, out: DependencyEntry[]): void {
  for (const member of effectiveMembers(node)) {
    const name = member.key === '.' ? prefix : prefix === '' ? member.key : `${prefix} > ${member.key}`;
    if (member.value.kind === 'object') overrideEntries(member.value, name, out);
    else out.push(entry(name, nodeText(member.value), 'override', member.line));
  }
}

function listEntries(node: JsonNode | undefined, group: string, line: number, out: DependencyEntry[]): void {
  if (node === undefined) return;
  if (node.kind !== 'array') {
    out.push(entry(nodeText(node), '', group, line));
    return;
  }
  for (const item of node.items) out.push(entry(nodeText(item), '', group, item.line));
}

/** Whether a script installs or fetches packages, and the command that does. */
function packageCommand(script: string): string | null {
  const install = findInstallCommands(script)[0];
  if (install) return install.text;
  return findPipedDownload(script)?.text ?? null;
}

export function readPackageJson(text: string): ManifestEntries {
  const document = parseJsonDocument(text);
  const root = document.root;
  if (root.kind !== 'object') throw new Error('the top level is not an object');
  const entries: DependencyEntry[] = [];
  for (const [section, group] of Object.entries(SECTIONS)) sectionEntries(memberOf(root, section)?.value, group, entries);
  for (const section of ['bundleDependencies', 'bundledDependencies']) {
    const member = memberOf(root, section);
    if (member) listEntries(member.value, 'bundled', member.line, entries);
  }
  overrideEntries(memberOf(root, 'overrides')?.value, '', entries);
  sectionEntries(memberOf(root, 'resolutions')?.value, 'override', entries);
  const pnpm = memberOf(root, 'pnpm')?.value;
  sectionEntries(memberOf(pnpm, 'overrides')?.value, 'override', entries);
  sectionEntries(memberOf(pnpm, 'patchedDependencies')?.value, 'patch', entries);
  const workspaces = memberOf(root, 'workspaces');
  if (workspaces) {
    const list = workspaces.value.kind === 'object' ? memberOf(workspaces.value, 'packages')?.value : workspaces.value;
    listEntries(list, 'workspace', workspaces.line, entries);
  }
  const manager = memberOf(root, 'packageManager');
  if (manager) entries.push(entry('packageManager', nodeText(manager.value), null, manager.line, ' '));
  for (const script of effectiveMembers(memberOf(root, 'scripts')?.value)) {
    if (!LIFECYCLE.has(script.key) || script.value.kind !== 'string') continue;
    const command = packageCommand(script.value.value);
    if (command !== null) entries.push(entry(`${script.key} script`, command, null, script.line, ': '));
  }
  // composer.json
  sectionEntries(memberOf(root, 'require')?.value, null, entries);
  sectionEntries(memberOf(root, 'require-dev')?.value, 'dev', entries);
  const repositories = memberOf(root, 'repositories');
  if (repositories) {
    const items = repositories.value.kind === 'array' ? repositories.value.items : effectiveMembers(repositories.value).map((m) => m.value);
    for (const item of items) entries.push(entry(nodeText(item), '', 'repository', item.line));
  }
  return { entries, duplicates: document.duplicates.map((d) => ({ name: d.path, line: d.line })) };
}
