import type { DiffLine } from '../diff.js';
import { baseName, isCiConfigPath, isDocPath, isScriptPath } from '../file-kinds.js';
import type { ChangedFile } from '../policy-category.js';

/**
 * Test commands made unable to fail (docs/categories.md, "tests-weakened"): a test run followed by
 * `|| true`, `|| :`, `|| exit 0`, `|| echo …`, `; exit 0`, `; true`, or given `--passWithNoTests`
 * or `-k "not …"`; a package.json test script replaced by a no-op (`true`, `exit 0`, `echo …`);
 * `continue-on-error: true` on a workflow step or job that runs tests. Only what the change adds
 * counts: a line the change removes and adds back unchanged (a move) is not new.
 */

export interface NeutralisedCommand {
  line: DiffLine;
  /** Where the neutraliser starts in the line. */
  at: number;
  /** What neutralises it, as shown: `|| true`, `--passWithNoTests`, `continue-on-error`. */
  name: string;
}

/** A test runner in a command line (`vitest run`, `go test ./...`, `npm run test:unit`). All repeats bounded. */
export const TEST_RUNNER =
  /\b(?:pytest|py\.test|jest|vitest|mocha|ava|karma|jasmine|phpunit|pest|rspec|ctest|tox|nox|playwright\s{1,5}test|cypress\s{1,5}run|(?:go|cargo|npm|pnpm|yarn|bun|deno|dotnet|make|mvn|mvnw|gradle|gradlew|mix|swift|flutter|dart|sbt|zig|nx|turbo|rake)(?:\s{1,5}run)?\s{1,5}(?:test|tests|verify|check|spec)(?::[\w:-]{1,40})?|npm\s{1,5}t)\b/;
/** A package.json script named `test` or `test:…`: its value is a test command. */
export const TEST_SCRIPT = /^\s{0,40}"test(?::[\w:.-]{1,40})?"\s{0,5}:\s{0,5}"/;
export const NEUTRALISER = /\|\|\s{0,5}(?:true\b|:(?![\w:])|exit\s{1,5}0\b|echo\b)|;\s{0,5}(?:true|exit\s{1,5}0)\b|--passWithNoTests\b|--pass-with-no-tests\b|\s-k\s{1,5}["']?not\s/;
/** A test script that runs nothing: `"test": "true"`, `"exit 0"`, `"echo skipped"` (but not npm's `echo … && exit 1`). */
export const NO_OP_SCRIPT = /^(?:true|:|exit\s{1,5}0|echo\b)/;
export const FAILS_ANYWAY = /exit\s{1,5}[1-9]/;

export const CONTINUE_ON_ERROR = /^(\s{0,40}(?:-\s{1,5})?)continue-on-error:\s{0,5}["']?(?:true|\$\{\{\s{0,5}true\s{0,5}\}\})["']?\s{0,5}(?:#|$)/;
/** Words that make a step or job a test step: its name, id or command. */
export const TEST_WORDS =
  /\b(?:tests?|testing|pytest|jest|vitest|mocha|rspec|phpunit|specs?|e2e|coverage|ctest|tox|nox|playwright|cypress)\b|\b(?:go|cargo|npm|pnpm|yarn|bun|deno|dotnet|make|mvn|gradle)\s{1,5}(?:run\s{1,5})?(?:test|t)\b/i;
export const STEP_KEYS = /^\s{0,40}(?:-\s{1,5})?(?:name|run|uses):/;

/** The neutraliser on a test-command line, or null. */
function neutraliserOf(text: string, packageJson: boolean): { at: number; name: string } | null {
  let from = -1;
  if (packageJson) {
    const script = TEST_SCRIPT.exec(text);
    if (script) {
      const value = text.slice(script[0].length);
      if (NO_OP_SCRIPT.test(value) && !FAILS_ANYWAY.test(value)) return { at: script[0].length, name: 'a no-op test script' };
      from = script[0].length;
    }
  }
  if (from === -1) {
    const runner = TEST_RUNNER.exec(text);
    if (!runner) return null;
    from = runner.index;
  }
  const rest = text.slice(from);
  const found = NEUTRALISER.exec(rest);
  if (!found) return null;
  return { at: from + found.index, name: found[0].trim().replace(/\s+/g, ' ').replace(/^-k .*/, '-k "not …"') };
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
  return i;
}

/**
 * Whether the step or job holding a `continue-on-error` line (at `index` in the hunk) runs tests:
 * its sibling keys and its parent line are read from the hunk. When neither its parent nor any of
 * its `name`/`run`/`uses` keys is in the diff, it cannot be told apart: it counts (fail closed).
 */
function onTestStep(lines: readonly DiffLine[], index: number, indent: number): boolean {
  let sawParent = false;
  let sawKey = false;
  const read = (line: DiffLine): boolean => {
    if (STEP_KEYS.test(line.text)) sawKey = true;
    return TEST_WORDS.test(line.text);
  };
  for (let i = index - 1; i >= 0; i -= 1) {
    const line = lines[i];
    if (!line || line.kind === 'removed' || line.text.trim() === '') continue;
    const own = indentOf(line.text);
    if (own < indent || (own === indent && line.text.trimStart().startsWith('- '))) {
      sawParent = true;
      if (read(line)) return true;
      break;
    }
    if (read(line)) return true;
  }
  for (let i = index + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.kind === 'removed' || line.text.trim() === '') continue;
    const own = indentOf(line.text);
    if (own < indent || (own === indent && line.text.trimStart().startsWith('- '))) break;
    if (read(line)) return true;
  }
  return !sawParent && !sawKey;
}

function continueOnError(file: ChangedFile, out: NeutralisedCommand[]): void {
  if (file.diff === null || !file.added.some((line) => line.text.includes('continue-on-error'))) return;
  for (const hunk of file.diff.hunks) {
    hunk.lines.forEach((line, index) => {
      if (line.kind !== 'added') return;
      const match = CONTINUE_ON_ERROR.exec(line.text);
      if (!match) return;
      // The key's column: a `- continue-on-error` item line counts from after its dash.
      const lead = match[1] ?? '';
      const indent = lead.includes('-') ? lead.length : indentOf(line.text);
      if (onTestStep(hunk.lines, index, indent)) out.push({ line, at: lead.length, name: 'continue-on-error' });
    });
  }
}

/** Test commands a file's added lines neutralise. */
export function neutralisedCommands(file: ChangedFile): NeutralisedCommand[] {
  const out: NeutralisedCommand[] = [];
  // isScriptPath covers CI configs; the file kinds are asked cheapest-first, as most files are code.
  if (file.addedCount === 0 || !isScriptPath(file.path) || isDocPath(file.path)) return out;
  const ci = isCiConfigPath(file.path);
  const packageJson = baseName(file.path) === 'package.json';
  const before = new Set<string>();
  for (const line of file.removed) {
    const found = neutraliserOf(line.text, packageJson);
    if (found) before.add(line.text.trim());
  }
  for (const line of file.added) {
    const found = neutraliserOf(line.text, packageJson);
    if (found && !before.has(line.text.trim())) out.push({ line, at: found.at, name: found.name });
  }
  if (ci) continueOnError(file, out);
  return out;
}
