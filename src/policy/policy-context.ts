import type { Policy } from '../config/policy.js';
import type { FindingLocation } from '../result.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { isChecksumPath } from './dependencies/manifests.js';
import { ParsedPatch, type DiffLine } from './diff.js';
import { makeExcerpt } from './excerpt.js';
import type { ChangedFile, PolicyContext } from './policy-category.js';
import { redactLine, scanSecretLines, secretCandidateLines, type LineSecrets, type LineTexts, type SecretSpan } from './secret-scan.js';
import { compareText } from './text.js';

/**
 * Text to search with where each added line lies in it: `text.slice(starts[i], ends[i])` is added
 * line `i`. Normally `text` is the patch itself (other lines sit between the added ones), so a
 * file's additions are searched without building a copy of them; see candidatesIn.
 */
interface SearchText {
  text: string;
  starts: readonly number[];
  ends: readonly number[];
}

const NO_TEXT: SearchText = { text: '', starts: [], ends: [] };
const NO_SECRETS: ReadonlyMap<DiffLine, LineSecrets> = new Map();

/** The lines joined by `\n`, for when a lower-cased patch does not keep the offsets. */
function joinLines(lines: readonly string[]): SearchText {
  const starts = new Array<number>(lines.length);
  const ends = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i += 1) {
    starts[i] = offset;
    offset += (lines[i] ?? '').length;
    ends[i] = offset;
    offset += 1;
  }
  return { text: lines.join('\n'), starts, ends };
}

/**
 * The first line, from `from` on, that a match at `offset` can belong to: the line holding it, or
 * the next added line when the offset falls between added lines (in a context or removed line,
 * or on a `+`). Lines are in text order.
 */
function lineFrom(search: SearchText, offset: number, from: number): number {
  let line = from;
  while (line < search.ends.length && (search.ends[line] ?? 0) < offset) line += 1;
  return line;
}

/**
 * The added lines where `pattern` matches, one exec per match over the whole text: after a match
 * in a line the search resumes at the next added line, after one elsewhere at the next added line.
 * Every line holding a match inside it is found, since each added line is searched from its start
 * unless it already matched; the characters around a line differ from the joined form (`+` and
 * other patch lines, not `\n`), but no prefilter depends on them (none uses ^ or $, and `+` and
 * `\n` are both non-word, non-alphanumeric characters), so a match running off a line can only
 * make that line a candidate, which its reader checks again.
 */
function candidatesIn(search: SearchText, pattern: RegExp): number[] {
  if (!pattern.global) throw new Error(`candidate patterns must be global: /${pattern.source}/`);
  const out: number[] = [];
  const { text, starts } = search;
  const count = starts.length;
  if (count === 0) return out;
  let line = 0;
  pattern.lastIndex = starts[0] ?? 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    line = lineFrom(search, match.index, line);
    if (line < count && (starts[line] ?? 0) <= match.index) {
      out.push(line);
      line += 1;
    }
    if (line >= count) break;
    pattern.lastIndex = starts[line] ?? 0;
  }
  pattern.lastIndex = 0;
  return out;
}

/** The added lines containing `needle`, found the same way as candidatesIn. */
function linesWith(search: SearchText, needle: string): number[] {
  const out: number[] = [];
  const { text, starts } = search;
  const count = starts.length;
  let line = 0;
  for (let at = count === 0 ? -1 : text.indexOf(needle, starts[0]); at !== -1; ) {
    line = lineFrom(search, at, line);
    if (line < count && (starts[line] ?? 0) <= at) {
      out.push(line);
      line += 1;
    }
    if (line >= count) break;
    at = text.indexOf(needle, starts[line]);
  }
  return out;
}

/**
 * Lower-case literal alternations (`curl|wget|invoke-`) none of whose words ends in `i`.
 * For these, /giu over the text finds every line the twin finds over the lower-cased text:
 * the only characters that lower-case into ASCII are ASCII, the Kelvin sign (folded to `k`
 * under /iu too) and `İ`, which becomes `i` plus a combining dot, so it can only end a match
 * of a word ending in `i`. (/iu also folds `ſ` to `s`: a few more lines, checked again.)
 */
const LOWER_WORD = /^[a-z0-9-]+$/;
const foldable = (source: string): boolean => source.split('|').every((word) => LOWER_WORD.test(word) && !word.endsWith('i'));
const foldedTwins = new Map<RegExp, RegExp | null>();

/**
 * The case-insensitive pattern to run over the text itself instead of lower-casing it (a copy of
 * each patch, which the collector then has to clear), or null when the twin must run as given.
 */
function foldedTwin(lowerPattern: RegExp): RegExp | null {
  let folded = foldedTwins.get(lowerPattern);
  if (folded === undefined) {
    folded = foldable(lowerPattern.source) ? new RegExp(lowerPattern.source, 'giu') : null;
    foldedTwins.set(lowerPattern, folded);
  }
  return folded;
}

const NO_LINES: readonly DiffLine[] = [];

/** A changed file as the categories read it (see ChangedFile), with its patch to search. */
class PreparedFile implements ChangedFile {
  /** The patch and where its added lines are in it (see candidatesIn). */
  readonly search: SearchText;

  constructor(
    readonly path: string,
    readonly previousPath: string | null,
    readonly status: ChangedFile['status'],
    readonly diff: ParsedPatch | null,
  ) {
    this.search = diff === null ? NO_TEXT : { text: diff.patch, starts: diff.addedOffsets.starts, ends: diff.addedOffsets.ends };
  }

  get addedCount(): number {
    return this.diff === null ? 0 : this.diff.addedCount;
  }

  addedAt(index: number): DiffLine | undefined {
    return this.diff?.addedAt(index);
  }

  get added(): readonly DiffLine[] {
    return this.diff === null ? NO_LINES : this.diff.added;
  }

  get removed(): readonly DiffLine[] {
    return this.diff === null ? NO_LINES : this.diff.removed;
  }
}

/**
 * Prepares a snapshot for the categories: files sorted by path with their patches parsed once,
 * and per-file caches (secrets by line, lower-cased text) filled on first use.
 */
export function createPolicyContext(
  policy: Policy,
  snapshot: PrSnapshot,
  workflowPath: string | null,
  manifestContents?: ReadonlyMap<string, ManifestContent>,
): PolicyContext {
  const files: ChangedFile[] = [...snapshot.files]
    .sort((a, b) => compareText(a.path, b.path))
    .map((change) => new PreparedFile(change.path, change.previousPath, change.status, change.patch === null ? null : new ParsedPatch(change.patch)));
  const secrets = new Map<ChangedFile, ReadonlyMap<DiffLine, LineSecrets>>();
  const lowerTexts = new Map<ChangedFile, SearchText>();
  // scanSecretLine results by line text, one memo per `checksums` value (see scanSecretLines).
  const lineScans = new Map<string, readonly SecretSpan[]>();
  const checksumScans = new Map<string, readonly SecretSpan[]>();
  const candidateMemo = new Map<string, boolean>();

  const textOf = (file: ChangedFile): SearchText => (file instanceof PreparedFile ? file.search : NO_TEXT);

  /**
   * The file's patch lower-cased. Lower-casing it in one call is much cheaper than line by line,
   * and keeps every offset when the length does not change (only a few characters, like `İ`,
   * grow when lower-cased); otherwise the lower-cased added lines are joined.
   */
  const lowerTextOf = (file: ChangedFile): SearchText => {
    let lower = lowerTexts.get(file);
    if (lower) return lower;
    const search = textOf(file);
    const text = search.text.toLowerCase();
    lower = text.length === search.text.length ? { text, starts: search.starts, ends: search.ends } : joinLines(file.added.map((line) => line.text.toLowerCase()));
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
  const candidatesFolded = (file: ChangedFile, lowerPattern: RegExp): number[] => {
    const folded = foldedTwin(lowerPattern);
    return folded === null ? candidatesIn(lowerTextOf(file), lowerPattern) : candidatesIn(textOf(file), folded);
  };

  const secretsOf = (file: ChangedFile): ReadonlyMap<DiffLine, LineSecrets> => {
    const cached = secrets.get(file);
    if (cached) return cached;
    const search = textOf(file);
    const candidates = file.addedCount === 0 ? [] : secretCandidateLines(search.text, search.starts, search.ends, candidateMemo);
    if (candidates.length === 0) {
      secrets.set(file, NO_SECRETS);
      return NO_SECRETS;
    }
    const checksums = isChecksumPath(file.path);
    const lines: LineTexts = { count: file.addedCount, textAt: (index) => search.text.slice(search.starts[index], search.ends[index]) };
    const byIndex = scanSecretLines(lines, candidates, { checksums, memo: checksums ? checksumScans : lineScans, path: file.path });
    // Almost every file has no secret: they all share one empty map (never written to).
    let byLine = NO_SECRETS;
    if (byIndex.size > 0) {
      const found = new Map<DiffLine, LineSecrets>();
      for (const [index, spans] of byIndex) {
        const line = file.addedAt(index);
        if (line) found.set(line, spans);
      }
      byLine = found;
    }
    secrets.set(file, byLine);
    return byLine;
  };

  return {
    policy,
    snapshot,
    workflowPath,
    files,
    ...(manifestContents !== undefined ? { manifestContents } : {}),
    secretsOf,
    candidateLines(file: ChangedFile, pattern: RegExp): number[] {
      if (file.addedCount === 0) return [];
      return candidatesIn(textOf(file), pattern);
    },
    candidateLinesFolded(file: ChangedFile, lowerPattern: RegExp): number[] {
      if (file.addedCount === 0) return [];
      return candidatesFolded(file, lowerPattern);
    },
    linesContaining(file: ChangedFile, needle: string): number[] {
      if (file.addedCount === 0) return [];
      return linesWith(lowerTextOf(file), needle);
    },
    locate(file: ChangedFile, line: DiffLine, at = 0): FindingLocation {
      const text = redactLine(line.text, secretsOf(file).get(line));
      return { file: file.path, line: line.newLine, excerpt: makeExcerpt(text, at) };
    },
  };
}
