import type { Policy } from '../config/policy.js';
import type { FindingLocation } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { isChecksumPath } from './dependencies/manifests.js';
import { parsePatch, type DiffLine } from './diff.js';
import { makeExcerpt } from './excerpt.js';
import type { ChangedFile, PolicyContext } from './policy-category.js';
import { redactLine, scanSecretLines, SECRET_PREFILTER_LOWER, type LineSecrets } from './secret-scan.js';
import { compareText } from './text.js';

/** A file's added lines joined by `\n`, with the offset where each line starts. */
interface JoinedText {
  text: string;
  starts: number[];
}

const NO_TEXT: JoinedText = { text: '', starts: [] };

function joinLines(lines: readonly string[]): JoinedText {
  const starts: number[] = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i += 1) {
    starts[i] = offset;
    offset += (lines[i] ?? '').length + 1;
  }
  return { text: lines.join('\n'), starts };
}

/** The line holding `offset`, searching forward from `from`. */
function lineAt(starts: readonly number[], offset: number, from: number): number {
  let line = from;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line += 1;
  return line;
}

function candidatesIn(joined: JoinedText, pattern: RegExp): number[] {
  if (!pattern.global) throw new Error(`candidate patterns must be global: /${pattern.source}/`);
  const out: number[] = [];
  const { text, starts } = joined;
  let line = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    line = lineAt(starts, match.index, line);
    out.push(line);
    const next = starts[line + 1];
    if (next === undefined) break;
    pattern.lastIndex = next;
  }
  pattern.lastIndex = 0;
  return out;
}

function linesWith(joined: JoinedText, needle: string): number[] {
  const out: number[] = [];
  const { text, starts } = joined;
  let line = 0;
  for (let at = text.indexOf(needle); at !== -1; ) {
    line = lineAt(starts, at, line);
    out.push(line);
    const next = starts[line + 1];
    if (next === undefined) break;
    at = text.indexOf(needle, next);
  }
  return out;
}

/**
 * Prepares a snapshot for the categories: files sorted by path with their patches parsed once,
 * and per-file caches (secrets by line, lower-cased text) filled on first use.
 */
export function createPolicyContext(policy: Policy, snapshot: PrSnapshot, workflowPath: string | null): PolicyContext {
  const files: ChangedFile[] = [...snapshot.files]
    .sort((a, b) => compareText(a.path, b.path))
    .map((change) => {
      const diff = change.patch === null ? null : parsePatch(change.patch);
      return {
        path: change.path,
        previousPath: change.previousPath,
        status: change.status,
        diff,
        added: diff?.added ?? [],
        removed: diff?.removed ?? [],
      };
    });
  const secrets = new Map<ChangedFile, Map<DiffLine, LineSecrets>>();
  const lowerTexts = new Map<ChangedFile, JoinedText>();

  const textOf = (file: ChangedFile): JoinedText => (file.diff ? { text: file.diff.addedText, starts: file.diff.addedStarts } : NO_TEXT);

  /**
   * The file's added text lower-cased. Lower-casing the joined text in one call is much cheaper
   * than line by line, and keeps every offset when the length does not change (only a few
   * characters, like `İ`, grow when lower-cased); otherwise it is done line by line.
   */
  const lowerTextOf = (file: ChangedFile): JoinedText => {
    let lower = lowerTexts.get(file);
    if (lower) return lower;
    const joined = textOf(file);
    const text = joined.text.toLowerCase();
    lower = text.length === joined.text.length ? { text, starts: joined.starts } : joinLines(file.added.map((line) => line.text.toLowerCase()));
    lowerTexts.set(file, lower);
    return lower;
  };

  /**
   * Candidate lines of a case-insensitive prefilter, found by its lower-case, case-sensitive twin
   * over the lower-cased text: V8 runs a case-insensitive alternation of many literals several
   * times slower. Every line the /i pattern matches, the twin matches too (no non-ASCII character
   * folds to ASCII under /i); the twin may admit a few more (the Kelvin sign lower-cases to `k`),
   * which is fine for a prefilter whose lines are checked again.
   */
  const candidatesFolded = (file: ChangedFile, lowerPattern: RegExp): number[] => candidatesIn(lowerTextOf(file), lowerPattern);

  const secretsOf = (file: ChangedFile): Map<DiffLine, LineSecrets> => {
    const cached = secrets.get(file);
    if (cached) return cached;
    const candidates = file.added.length === 0 ? [] : candidatesFolded(file, SECRET_PREFILTER_LOWER);
    const byIndex = scanSecretLines(file.added, candidates, { checksums: isChecksumPath(file.path) });
    const byLine = new Map<DiffLine, LineSecrets>();
    for (const [index, found] of byIndex) {
      const line = file.added[index];
      if (line) byLine.set(line, found);
    }
    secrets.set(file, byLine);
    return byLine;
  };

  return {
    policy,
    snapshot,
    workflowPath,
    files,
    secretsOf,
    candidateLines(file: ChangedFile, pattern: RegExp): number[] {
      if (file.added.length === 0) return [];
      return candidatesIn(textOf(file), pattern);
    },
    candidateLinesFolded(file: ChangedFile, lowerPattern: RegExp): number[] {
      if (file.added.length === 0) return [];
      return candidatesFolded(file, lowerPattern);
    },
    linesContaining(file: ChangedFile, needle: string): number[] {
      if (file.added.length === 0) return [];
      return linesWith(lowerTextOf(file), needle);
    },
    locate(file: ChangedFile, line: DiffLine, at = 0): FindingLocation {
      const text = redactLine(line.text, secretsOf(file).get(line));
      return { file: file.path, line: line.newLine, excerpt: makeExcerpt(text, at) };
    },
  };
}
