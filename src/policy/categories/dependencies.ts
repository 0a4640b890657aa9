import type { Finding, FindingLocation } from '../../result.js';
import { describeChanges, type DependencyChange } from '../dependencies/dependency-change.js';
import { dependencyFileOf, type DependencyFile } from '../dependencies/manifests.js';
import { dirName, isScriptPath } from '../file-kinds.js';
import { createFinding, describeFileChange, LocationList } from '../finding.js';
import { findInstallCommands } from '../install-commands.js';
import { findPipedDownload } from '../piped-download.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { compareText, listWithMore, plural } from '../text.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `dependencies`: manifests, lockfiles and registry configs of the common ecosystems (see
 * dependencies/manifests.ts), and install commands added to scripts, Dockerfiles, package scripts
 * and CI. One finding per folder holding changed dependency files, naming the added, bumped and
 * removed dependencies where the manifest can be parsed (package.json, requirements*.txt,
 * pyproject.toml, go.mod, Cargo.toml); a folder's lockfiles join its manifest's finding. Edits
 * that change no dependency (the package's own `version`, `scripts`, reformatting) are not
 * findings, and a package-lock.json that only follows the package's own version bump is neither.
 */

const COMMANDS_SHOWN = 3;

interface Described {
  file: ChangedFile;
  dependencyFile: DependencyFile;
  /** What changed, for the message; null when the file changes no dependency. */
  description: string | null;
  changes: DependencyChange[];
}

const OWN_VERSION_LINE = /^\s*"version"\s*:\s*"[^"]*"\s*,?\s*$/;

/** A package-lock.json whose only change is the root package's `"version"` (twice, in v2/v3 locks). */
function onlyOwnVersion(file: ChangedFile): boolean {
  if (file.diff === null || !/(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$/.test(file.path)) return false;
  const { added, removed } = file;
  return added.length > 0 && added.length <= 2 && removed.length === added.length && [...added, ...removed].every((line) => OWN_VERSION_LINE.test(line.text));
}

function describeFile(file: ChangedFile, dependencyFile: DependencyFile): Described {
  const result: Described = { file, dependencyFile, description: describeFileChange(file), changes: [] };
  if (dependencyFile.kind === 'lockfile') {
    if (onlyOwnVersion(file)) result.description = null;
    else if (file.status === 'modified' || file.status === 'changed') result.description = `updates ${file.path}`;
    return result;
  }
  if (dependencyFile.parse === null || file.diff === null) return result;
  const parsed = dependencyFile.parse(file.diff);
  result.changes = parsed.changes;
  if (parsed.changes.length > 0) result.description = describeChanges(parsed.changes);
  else if (parsed.unclassified === 0) result.description = null;
  return result;
}

/** Where each added or changed dependency is declared: the first added line naming it. */
function changeLocations(context: PolicyContext, described: Described): FindingLocation[] {
  const locations: FindingLocation[] = [];
  for (const change of described.changes) {
    if (change.to === null) continue;
    const line = described.file.added.find((candidate) => candidate.text.includes(change.name));
    if (line) locations.push(context.locate(described.file, line, line.text.indexOf(change.name)));
  }
  return locations;
}

function manifestFindings(context: PolicyContext): Finding[] {
  const rule = context.policy.permissions.dependencies;
  const byFolder = new Map<string, Described[]>();
  for (const file of context.files) {
    const dependencyFile = dependencyFileOf(file.path) ?? (file.previousPath ? dependencyFileOf(file.previousPath) : null);
    if (!dependencyFile) continue;
    const folder = dirName(file.path);
    const list = byFolder.get(folder) ?? [];
    list.push(describeFile(file, dependencyFile));
    byFolder.set(folder, list);
  }
  const findings: Finding[] = [];
  for (const folder of [...byFolder.keys()].sort(compareText)) {
    const described = (byFolder.get(folder) ?? []).filter((entry) => entry.description !== null);
    if (described.length === 0) continue;
    const declared = described.filter((entry) => entry.dependencyFile.kind !== 'lockfile');
    // A folder's lockfiles are listed with its manifest; alone, they are the message.
    const messageFrom = declared.length > 0 ? declared : described;
    findings.push(
      createFinding({
        category: 'dependencies',
        level: rule.level,
        reviewers: rule.reviewers,
        files: described.map((entry) => entry.file.path),
        message: messageFrom.map((entry) => entry.description ?? '').join('; '),
        locations: declared.flatMap((entry) => changeLocations(context, entry)),
      }),
    );
  }
  return findings;
}

function quote(command: string): string {
  return `\`${command.replace(/`/g, "'")}\``;
}

function installFinding(context: PolicyContext): Finding | null {
  const rule = context.policy.permissions.dependencies;
  const commands: string[] = [];
  const files: string[] = [];
  const locations = new LocationList(context);
  for (const file of context.files) {
    if (file.added.length === 0 || !isScriptPath(file.path)) continue;
    let found = false;
    for (const line of file.added) {
      const installs = findInstallCommands(line.text);
      const piped = findPipedDownload(line.text);
      for (const install of installs) commands.push(quote(install.text));
      if (piped !== null) commands.push(quote(piped.text));
      if (installs.length === 0 && piped === null) continue;
      const at = Math.min(installs[0]?.index ?? Number.MAX_SAFE_INTEGER, piped?.index ?? Number.MAX_SAFE_INTEGER);
      locations.add(file, line, at);
      found = true;
    }
    if (found) files.push(file.path);
  }
  if (commands.length === 0) return null;
  const unique = [...new Set(commands)];
  const where = files.length === 1 ? (files[0] ?? '') : plural(files.length, 'file');
  return createFinding({
    category: 'dependencies',
    level: rule.level,
    reviewers: rule.reviewers,
    files,
    message: `adds ${unique.length === 1 ? 'install command' : 'install commands'} ${listWithMore(unique, COMMANDS_SHOWN)} in ${where}`,
    locations: locations.locations,
  });
}

export const dependenciesCategory: RuleCategory<'dependencies'> = ruleCategory({
  id: 'dependencies',
  description: 'manifests and lockfiles of the common ecosystems, install commands added to scripts and Dockerfiles',
  evaluate(context) {
    const findings = manifestFindings(context);
    const install = installFinding(context);
    if (install) findings.push(install);
    return findings;
  },
});
