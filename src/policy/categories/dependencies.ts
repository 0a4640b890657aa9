import type { Finding, FindingLocation } from '../../result.js';
import { describeChanges, type DependencyChange } from '../dependencies/dependency-change.js';
import { dependencyFileOf, type DependencyFile } from '../dependencies/manifests.js';
import { commandFinding } from '../dependencies/command-finding.js';
import { compareWholeManifest, wholeReaderFor } from '../dependencies/whole-manifest.js';
import { dirName } from '../file-kinds.js';
import { createFinding, describeFileChange } from '../finding.js';
import { makeExcerpt } from '../excerpt.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { compareText } from '../text.js';
import { redactSecrets } from '../secret-scan.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `dependencies`: manifests, lockfiles and registry configs of the common ecosystems (see
 * dependencies/manifests.ts), and install commands added to scripts, Dockerfiles, package scripts
 * and CI (docs/dependencies.md). One finding per folder holding changed dependency files, naming
 * the added, bumped and removed dependencies where the manifest can be parsed; a manifest whose
 * base and head texts were fetched is judged whole, else from its hunks. A folder's lockfiles join
 * its manifest's finding; a manifest whose only changes are removals is not a finding. Edits
 * that change no dependency (the package's own `version`, `scripts`, reformatting) are not
 * findings, and a package-lock.json that only follows the package's own version bump is neither.
 */

interface Described {
  file: ChangedFile;
  dependencyFile: DependencyFile;
  /** What changed, for the message; null when the file changes no dependency. */
  description: string | null;
  changes: DependencyChange[];
  /** Where the whole-manifest comparison placed what it found (head-file lines). */
  wholeLocations: FindingLocation[] | null;
}

/**
 * Whether a set of changes is worth a finding. Removing a dependency brings no new code in, so a
 * manifest whose only changes are removals is not a finding; removing an override, a patch, a
 * replacement or a constraint changes what the remaining dependencies resolve to, so it is.
 */
function worthReporting(path: string, changes: readonly DependencyChange[]): boolean {
  const constraints = /(?:^|\/)constraints[^/]*$/i.test(path);
  return changes.some((change) => change.to !== null || constraints || /^(?:override|patch|replace)\b/.test(change.group ?? '') || /^(?:-c|--constraint)\b/.test(change.name));
}

/** Lines pointed at per manifest judged whole (the message names every change). */
const WHOLE_LOCATIONS_SHOWN = 10;

const OWN_VERSION_LINE = /^\s*"version"\s*:\s*"[^"]*"\s*,?\s*$/;

/** A package-lock.json whose only change is the root package's `"version"` (twice, in v2/v3 locks). */
function onlyOwnVersion(file: ChangedFile): boolean {
  if (file.diff === null || !/(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$/.test(file.path)) return false;
  const { added, removed } = file;
  return added.length > 0 && added.length <= 2 && removed.length === added.length && [...added, ...removed].every((line) => OWN_VERSION_LINE.test(line.text));
}

/**
 * A manifest judged whole when its base and head texts were fetched (docs/dependencies.md): the
 * parsed dependency sets compared, plus keys written twice. A manifest that could not be read or
 * parsed fails closed: the finding says so, beside whatever its hunks show.
 */
function describeWhole(context: PolicyContext, file: ChangedFile, dependencyFile: DependencyFile): Described | null {
  const content = context.manifestContents?.get(file.path);
  if (content === undefined || dependencyFile.kind !== 'manifest' || wholeReaderFor(file.path) === null) return null;
  // A listed, not removed file that the head commit does not hold is data that does not add up:
  // it is judged as unread, never as a manifest that declares nothing.
  const compared =
    content.head === null && file.status !== 'removed' && content.error === undefined
      ? { ok: false as const, reason: 'the head commit has no such file' }
      : compareWholeManifest(content);
  if (!compared.ok) {
    const fromHunks = describeFile(file, dependencyFile);
    const unread = `could not read ${file.path} whole (${compared.reason.slice(0, 160)})`;
    return { ...fromHunks, description: fromHunks.description ? `${unread}; ${fromHunks.description}` : unread };
  }
  const phrases = [...(worthReporting(file.path, compared.changes) ? [describeChanges(compared.changes)] : []), ...compared.notes.map((note) => note.text)];
  const headLines = content.head?.split('\n') ?? [];
  const addedAt = new Map(file.added.map((line) => [line.newLine, line]));
  const lines = [...compared.changes.map((change) => change.line), ...compared.notes.map((note) => note.line)];
  const wholeLocations: FindingLocation[] = [];
  const numbered = [...new Set(lines)].filter((line): line is number => typeof line === 'number').sort((a, b) => a - b);
  for (const line of numbered.slice(0, WHOLE_LOCATIONS_SHOWN)) {
    const added = addedAt.get(line);
    wholeLocations.push(added ? context.locate(file, added) : { file: file.path, line, excerpt: makeExcerpt(redactSecrets(headLines[line - 1] ?? '')) });
  }
  return { file, dependencyFile, description: phrases.length > 0 ? phrases.join(', ') : null, changes: compared.changes, wholeLocations };
}

function describeFile(file: ChangedFile, dependencyFile: DependencyFile): Described {
  const result: Described = { file, dependencyFile, description: describeFileChange(file), changes: [], wholeLocations: null };
  if (dependencyFile.kind === 'lockfile') {
    if (onlyOwnVersion(file)) result.description = null;
    else if (file.status === 'modified' || file.status === 'changed') result.description = `updates ${file.path}`;
    return result;
  }
  if (dependencyFile.parse === null || file.diff === null) return result;
  const parsed = dependencyFile.parse(file.diff);
  result.changes = parsed.changes;
  if (worthReporting(file.path, parsed.changes)) result.description = describeChanges(parsed.changes);
  else if (parsed.unclassified === 0) result.description = null;
  return result;
}

/** Where each added or changed dependency is declared: the first added line naming it. */
function changeLocations(context: PolicyContext, described: Described): FindingLocation[] {
  if (described.wholeLocations !== null) return described.wholeLocations;
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
    list.push(describeWhole(context, file, dependencyFile) ?? describeFile(file, dependencyFile));
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

export const dependenciesCategory: RuleCategory<'dependencies'> = ruleCategory({
  id: 'dependencies',
  description: 'manifests and lockfiles of the common ecosystems, install commands added to scripts and Dockerfiles',
  evaluate(context) {
    const findings = manifestFindings(context);
    const install = commandFinding(context);
    if (install) findings.push(install);
    return findings;
  },
});
