import type { Policy } from '../config/policy.js';
import type { FindingLocation } from '../result.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { isChecksumPath } from './dependencies/manifests.js';
import { ParsedPatch, type DiffLine } from './diff.js';
import { makeExcerpt } from './excerpt.js';
import { hintCount, markLines, type LineHint, type LineMarks } from './line-hints.js';
import type { ChangedFile, PolicyContext } from './policy-category.js';
import { redactLine, scanSecretLines, type LineSecrets, type LineTexts, type SecretSpan } from './secret-scan.js';
import { SECRET_HINT } from './secrets/prefilter.js';
import { compareText } from './text.js';

/**
 * Text to search with where each added line lies in it: `text.slice(starts[i], ends[i])` is added
 * line `i`. Normally `text` is the patch itself (other lines sit between the added ones), so a
 * file's additions are searched without building a copy of them.
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
 * The added lines containing `needle`, one indexOf per line found: after a match the search
 * resumes at the next added line's start, so every line holding the needle is found once.
 */
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

const NO_LINES: readonly DiffLine[] = [];
const NO_INDEXES: readonly number[] = [];

/**
 * A changed file as the categories read it (see ChangedFile), with its patch to search and what
 * the context works out about it on first use (kept here rather than in maps keyed by file).
 */
class PreparedFile implements ChangedFile {
  /** The patch and where its added lines are in it. */
  readonly search: SearchText;
  /** Each added line's hints (see markLines). */
  marks: LineMarks | null = null;
  /** Secrets by line. */
  secrets: ReadonlyMap<DiffLine, LineSecrets> | null = null;
  /** The added lines lower-cased (see lowerTextOf). */
  lower: SearchText | null = null;

  constructor(
    readonly path: string,
    readonly previousPath: string | null,
    readonly status: ChangedFile['status'],
    readonly diff: ParsedPatch | null,
  ) {
    this.search = diff === null ? NO_TEXT : { text: diff.patch, starts: diff.addedOffsets.starts, ends: diff.addedOffsets.ends };
  }

  get addedCount(): number {
    return this.search.starts.length;
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
 * and per-file caches (each added line's hints, secrets by line, lower-cased text) filled on
 * first use.
 */
export function createPolicyContext(
  policy: Policy,
  snapshot: PrSnapshot,
  workflowPath: string | null,
  manifestContents?: ReadonlyMap<string, ManifestContent>,
): PolicyContext {
  const files: PreparedFile[] = [...snapshot.files]
    .sort((a, b) => compareText(a.path, b.path))
    .map((change) => new PreparedFile(change.path, change.previousPath, change.status, change.patch === null ? null : new ParsedPatch(change.patch)));
  // scanSecretLine results by line text, one memo per `checksums` value (see scanSecretLines).
  const lineScans = new Map<string, readonly SecretSpan[]>();
  const checksumScans = new Map<string, readonly SecretSpan[]>();
  // Line marks by line text (see markLines), shared by the files.
  let markMemo = { hints: hintCount(), marks: new Map<string, number>() };

  const prepared = (file: ChangedFile): PreparedFile => {
    if (file instanceof PreparedFile) return file;
    throw new Error(`${file.path} was not prepared by createPolicyContext`);
  };

  /**
   * The file's patch lower-cased. Lower-casing it in one call is much cheaper than line by line,
   * and keeps every offset when the length does not change (only a few characters, like `İ`,
   * grow when lower-cased); otherwise the lower-cased added lines are joined.
   */
  const lowerTextOf = (file: PreparedFile): SearchText => {
    if (file.lower !== null) return file.lower;
    const { search } = file;
    const text = search.text.toLowerCase();
    file.lower = text.length === search.text.length ? { text, starts: search.starts, ends: search.ends } : joinLines(file.added.map((line) => line.text.toLowerCase()));
    return file.lower;
  };

  /** The lines of the file that hold the hint's words (one pass marks every hint of every line). */
  const candidateLines = (changed: ChangedFile, hint: LineHint): readonly number[] => {
    const file = prepared(changed);
    const { search } = file;
    if (search.starts.length === 0) return NO_INDEXES;
    if (file.marks === null || file.marks.hints !== hintCount()) {
      // A hint made after the marks (a module loaded late) has no bit in them: mark again.
      if (markMemo.hints !== hintCount()) markMemo = { hints: hintCount(), marks: new Map() };
      file.marks = markLines(search.text, search.starts, search.ends, markMemo.marks);
    }
    const { marks, union } = file.marks;
    if ((union & hint.bit) === 0) return NO_INDEXES;
    const out: number[] = [];
    for (let line = 0; line < marks.length; line += 1) if (((marks[line] as number) & hint.bit) !== 0) out.push(line);
    return out;
  };

  const secretsOf = (changed: ChangedFile): ReadonlyMap<DiffLine, LineSecrets> => {
    const file = prepared(changed);
    if (file.secrets !== null) return file.secrets;
    const candidates = candidateLines(file, SECRET_HINT);
    // Almost every file has no secret: they all share one empty map (never written to).
    file.secrets = NO_SECRETS;
    if (candidates.length === 0) return NO_SECRETS;
    const checksums = isChecksumPath(file.path);
    const { search } = file;
    const lines: LineTexts = { count: search.starts.length, textAt: (index) => search.text.slice(search.starts[index], search.ends[index]) };
    const byIndex = scanSecretLines(lines, candidates, { checksums, memo: checksums ? checksumScans : lineScans, path: file.path });
    if (byIndex.size > 0) {
      const found = new Map<DiffLine, LineSecrets>();
      for (const [index, spans] of byIndex) {
        const line = file.addedAt(index);
        if (line) found.set(line, spans);
      }
      file.secrets = found;
    }
    return file.secrets;
  };

  return {
    policy,
    snapshot,
    workflowPath,
    files,
    ...(manifestContents !== undefined ? { manifestContents } : {}),
    secretsOf,
    candidateLines,
    linesContaining(file: ChangedFile, needle: string): number[] {
      if (file.addedCount === 0) return [];
      return linesWith(lowerTextOf(prepared(file)), needle);
    },
    locate(file: ChangedFile, line: DiffLine, at = 0): FindingLocation {
      const text = redactLine(line.text, secretsOf(file).get(line));
      return { file: file.path, line: line.newLine, excerpt: makeExcerpt(text, at) };
    },
  };
}
