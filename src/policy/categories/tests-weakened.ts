import type { Finding } from '../../result.js';
import { isCodePath, isTestPath, languageOf } from '../file-kinds.js';
import { createFinding, LocationList } from '../finding.js';
import type { DiffLine } from '../diff.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { markerName, SUPPRESSION_HINT, SUPPRESSIONS, TEST_MARKERS } from '../test-markers.js';
import { listWithMore, plural, uniqueSorted } from '../text.js';
import { deletedAssertions, silencedAssertions } from '../tests-weakened/assertions.js';
import { loweredThresholds } from '../tests-weakened/coverage-thresholds.js';
import { neutralisedCommands } from '../tests-weakened/test-commands.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `tests-weakened` (docs/categories.md): deleted test files (and test files renamed out of the
 * test naming, which stops them from running), added skip/only/focus markers of the common test
 * frameworks (module-level ones included), added lint and type-check suppressions, assertions
 * commented out, wrapped, made unreachable or deleted, test commands neutralised, and coverage
 * thresholds lowered or removed.
 */

const NAMES_SHOWN = 5;
const PATHS_SHOWN = 3;

interface LineHits {
  names: string[];
  files: ChangedFile[];
  locations: LocationList;
}

function emptyHits(context: PolicyContext): LineHits {
  return { names: [], files: [], locations: new LocationList(context) };
}

/** One hit of a per-line check: its name (if any), its location, its file once. */
function addHit(hits: LineHits, file: ChangedFile, line: DiffLine, at: number, name: string): void {
  if (name !== '') hits.names.push(name);
  hits.locations.add(file, line, at);
  if (hits.files.at(-1) !== file) hits.files.push(file);
}

/** Adds every match's marker name; returns the smallest index seen (or `first`). */
function collect(pattern: RegExp, text: string, hits: LineHits, first: number): number {
  let smallest = first;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    hits.names.push(markerName(match[0]));
    if (smallest === -1 || match.index < smallest) smallest = match.index;
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return smallest;
}

function scanMarkers(context: PolicyContext, file: ChangedFile, hits: LineHits): void {
  const language = languageOf(file.path);
  const markers = language ? TEST_MARKERS[language] : undefined;
  if (!markers) return;
  const testFile = isTestPath(file.path);
  // Only the lines that hold the language's hint (for test files, the hint that covers every marker).
  const hint = testFile ? (markers.testHint ?? markers.hint) : markers.hint;
  const indexes = hint ? context.candidateLines(file, hint) : null;
  const count = indexes ? indexes.length : file.addedCount;
  let found = false;
  for (let c = 0; c < count; c += 1) {
    const line = file.addedAt(indexes ? (indexes[c] ?? -1) : c);
    if (!line) continue;
    let first = -1;
    if (markers.anyFile) first = collect(markers.anyFile, line.text, hits, first);
    if (markers.testFileOnly && testFile) first = collect(markers.testFileOnly, line.text, hits, first);
    if (first !== -1) {
      hits.locations.add(file, line, first);
      found = true;
    }
  }
  if (found) hits.files.push(file);
}

function scanSuppressions(context: PolicyContext, file: ChangedFile, hits: LineHits): void {
  let found = false;
  const candidates = context.candidateLines(file, SUPPRESSION_HINT);
  for (let c = 0; c < candidates.length; c += 1) {
    const line = file.addedAt(candidates[c] ?? -1);
    if (!line) continue;
    let first = -1;
    for (let s = 0; s < SUPPRESSIONS.length; s += 1) {
      const { name, pattern } = SUPPRESSIONS[s] as (typeof SUPPRESSIONS)[number];
      const match = pattern.exec(line.text);
      if (!match) continue;
      hits.names.push(name);
      if (first === -1 || match.index < first) first = match.index;
    }
    if (first !== -1) {
      hits.locations.add(file, line, first);
      found = true;
    }
  }
  if (found) hits.files.push(file);
}

function where(files: readonly ChangedFile[], noun: string): string {
  if (files.length === 1) return files[0]?.path ?? '';
  return plural(files.length, noun);
}

export const testsWeakenedCategory: RuleCategory<'tests-weakened'> = ruleCategory({
  id: 'tests-weakened',
  description: 'deleted test files, skip/only markers, lint or type suppressions, silenced or deleted assertions, lowered coverage thresholds, neutralised test commands',
  evaluate(context) {
    const rule = context.policy.permissions['tests-weakened'];
    const base = { category: 'tests-weakened' as const, level: rule.level, reviewers: rule.reviewers };
    const findings: Finding[] = [];

    const deleted = context.files.filter((file) => file.status === 'removed' && isTestPath(file.path));
    const movedOut = context.files.filter(
      (file) => file.status === 'renamed' && file.previousPath !== null && isTestPath(file.previousPath) && !isTestPath(file.path),
    );
    if (deleted.length > 0 || movedOut.length > 0) {
      const parts: string[] = [];
      if (deleted.length > 0) parts.push(`deletes ${plural(deleted.length, 'test file')}: ${listWithMore(deleted.map((file) => file.path), PATHS_SHOWN)}`);
      if (movedOut.length > 0) {
        const moves = movedOut.map((file) => `${file.previousPath ?? ''} → ${file.path}`);
        parts.push(`renames ${plural(movedOut.length, 'test file')} out of the test naming: ${listWithMore(moves, PATHS_SHOWN)}`);
      }
      const files = [...deleted.map((file) => file.path), ...movedOut.flatMap((file) => [file.path, file.previousPath ?? file.path])];
      findings.push(createFinding({ ...base, files, message: parts.join('; ') }));
    }

    const markers = emptyHits(context);
    const suppressions = emptyHits(context);
    const silenced = emptyHits(context);
    const neutralised = emptyHits(context);
    const lowered = emptyHits(context);
    let silencedCount = 0;
    const weakened: { file: ChangedFile; removed: number }[] = [];
    // Index loops: this runs cold, over every file, where for…of allocates per step.
    for (let f = 0; f < context.files.length; f += 1) {
      const file = context.files[f] as ChangedFile;
      if (file.addedCount > 0) {
        scanMarkers(context, file, markers);
        if (isCodePath(file.path)) scanSuppressions(context, file, suppressions);
        const commands = neutralisedCommands(file);
        for (let c = 0; c < commands.length; c += 1) {
          const command = commands[c] as (typeof commands)[number];
          addHit(neutralised, file, command.line, command.at, command.name);
        }
      }
      const thresholds = loweredThresholds(file);
      for (let t = 0; t < thresholds.length; t += 1) {
        const threshold = thresholds[t] as (typeof thresholds)[number];
        addHit(lowered, file, threshold.line, threshold.at, threshold.change);
      }
      // A test file that changed in place: a new one weakens nothing, a deleted one is reported above.
      if ((file.status === 'modified' || file.status === 'renamed' || file.status === 'changed') && isTestPath(file.path) && isCodePath(file.path)) {
        const off = silencedAssertions(context, file);
        silencedCount += off.count;
        for (const line of off.lines) addHit(silenced, file, line, 0, '');
        const removed = deletedAssertions(file, off.commented);
        if (removed > 0) weakened.push({ file, removed });
      }
    }
    /** One finding for a kind of per-line hit, when there is any. */
    const hitFinding = (hits: LineHits, message: string): void => {
      if (hits.locations.count > 0) findings.push(createFinding({ ...base, files: hits.files.map((file) => file.path), message, locations: hits.locations.locations }));
    };
    /** The hits' names, each once, in code spans. */
    const namesOf = (hits: LineHits): string => listWithMore(uniqueSorted(hits.names).map((name) => `\`${name}\``), NAMES_SHOWN);
    const allTests = markers.files.every((file) => isTestPath(file.path));
    hitFinding(markers, `adds ${namesOf(markers)} in ${where(markers.files, allTests ? 'test file' : 'file')}`);
    hitFinding(suppressions, `adds ${namesOf(suppressions)} in ${where(suppressions.files, 'file')}`);
    hitFinding(silenced, `comments out or skips ${plural(silencedCount, 'assertion')} in ${where(silenced.files, 'test file')}`);
    hitFinding(neutralised, `lets tests fail without failing the run (${namesOf(neutralised)}) in ${where(neutralised.files, 'file')}`);
    hitFinding(lowered, `lowers coverage thresholds (${listWithMore(lowered.names, NAMES_SHOWN)}) in ${where(lowered.files, 'file')}`);
    if (weakened.length > 0) {
      const total = weakened.reduce((sum, entry) => sum + entry.removed, 0);
      const files = weakened.map((entry) => entry.file);
      findings.push(
        createFinding({ ...base, files: files.map((file) => file.path), message: `removes ${plural(total, 'assertion')} from ${where(files, 'test file')}` }),
      );
    }

    return findings;
  },
});
