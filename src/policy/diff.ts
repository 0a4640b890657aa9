/**
 * Unified-diff patches as the REST files list returns them: hunks only (`@@ -a,b +c,d @@ …`), no
 * `diff --git` / `---` / `+++` file headers. Parsed into lines with their numbers in the old and
 * the new file, so findings can point at the new-file line an annotation belongs on.
 */

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line's text without the leading `+`/`-`/` ` (and without a trailing `\r`). */
  text: string;
  /** Line number in the old file; null for added lines. */
  oldLine: number | null;
  /** Line number in the new file; null for removed lines. */
  newLine: number | null;
}

export interface DiffHunk {
  oldStart: number;
  newStart: number;
  /** The text git printed after the closing `@@` (the enclosing "function" line), or ''. */
  header: string;
  lines: DiffLine[];
}

/**
 * Where each added (or removed) line sits in the patch: `starts[i]` is the index just after its
 * `+` (`-`), `ends[i]` where its text ends (before the `\n`, or a `\r` that was cut off), and
 * `numbers[i]` its line number in the new (old) file. (Plain arrays: thousands of small typed
 * arrays measured slower to allocate than they save the collector.)
 */
export interface LineOffsets {
  readonly starts: number[];
  readonly ends: number[];
  readonly numbers: number[];
}

const newOffsets = (): LineOffsets => ({ starts: [], ends: [], numbers: [] });
const NO_LINES: readonly DiffLine[] = [];

/**
 * A parsed patch. On a large PR this is built for every file, and most of its lines are never
 * looked at one by one: the line hints read the added lines in the patch itself, by their offsets
 * (docs/architecture.md, "Line hints"), and only the lines they admit are read. So the one eager
 * pass records where the added and removed lines are; each line object is made on first use and
 * kept (identity matters: secrets are cached by line), and `hunks`, with their context lines, is
 * built on first access by a second pass that reuses the same line objects.
 */
export class ParsedPatch {
  /** Where the added lines are. */
  readonly addedOffsets: LineOffsets = newOffsets();
  /** Where the removed lines are (null for a patch that only adds: most of a large PR's). */
  private removedOffsets: LineOffsets | null = null;
  /** Added lines made so far, by index (sparse until `added` fills it). */
  private addedLines: (DiffLine | undefined)[] | null = null;
  private allAdded: DiffLine[] | null = null;
  private allRemoved: DiffLine[] | null = null;
  private hunkList: DiffHunk[] | null = null;

  constructor(readonly patch: string) {
    this.removedOffsets = readPatch(patch, null, this.addedOffsets);
  }

  /** How many lines the patch adds. */
  get addedCount(): number {
    return this.addedOffsets.starts.length;
  }

  /** Added line `index` (0-based, in order), the same object on every call; undefined past the end. */
  addedAt(index: number): DiffLine | undefined {
    const { starts, ends, numbers } = this.addedOffsets;
    if (index < 0 || index >= starts.length) return undefined;
    this.addedLines ??= new Array<DiffLine | undefined>(starts.length);
    let line = this.addedLines[index];
    if (line === undefined) {
      line = { kind: 'added', text: this.patch.slice(starts[index], ends[index]), oldLine: null, newLine: numbers[index] ?? 0 };
      this.addedLines[index] = line;
    }
    return line;
  }

  /** Every added line, in order. */
  get added(): DiffLine[] {
    if (this.allAdded === null) {
      const all = new Array<DiffLine>(this.addedCount);
      for (let index = 0; index < all.length; index += 1) all[index] = this.addedAt(index) as DiffLine;
      this.allAdded = all;
    }
    return this.allAdded;
  }

  /** Every removed line, in order. */
  get removed(): readonly DiffLine[] {
    if (this.allRemoved === null) {
      // Most files of a large PR only add: they share one empty list.
      if (this.removedOffsets === null) return NO_LINES;
      const { starts, ends, numbers } = this.removedOffsets;
      this.allRemoved = starts.map((start, index) => ({ kind: 'removed', text: this.patch.slice(start, ends[index]), oldLine: numbers[index] ?? 0, newLine: null }));
    }
    return this.allRemoved;
  }

  /** The hunks with every line (context lines included). */
  get hunks(): DiffHunk[] {
    if (this.hunkList === null) {
      const hunks: DiffHunk[] = [];
      readPatch(this.patch, { hunks, added: (index) => this.addedAt(index) as DiffLine, removed: this.removed }, null);
      this.hunkList = hunks;
    }
    return this.hunkList;
  }
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** Lines that start a new file section when a whole `git diff` is passed instead of a patch. */
function isFileHeader(line: string): boolean {
  return line.startsWith('diff --git ') || line.startsWith('--- a/') || line.startsWith('+++ b/') || line.startsWith('--- /dev/null') || line.startsWith('+++ /dev/null') || line.startsWith('index ');
}

/** Parses a patch: never throws (see readPatch). */
export function parsePatch(patch: string): ParsedPatch {
  return new ParsedPatch(patch);
}

/** What the second pass over a patch builds the hunks from. */
interface HunkBuild {
  hunks: DiffHunk[];
  added: (index: number) => DiffLine;
  removed: readonly DiffLine[];
}

/**
 * The one pass over a patch. Text before the first hunk header is ignored, `\ No newline at end
 * of file` markers are skipped, and lines beyond a hunk's counts are still read by their prefix
 * (seeing too much is safer than seeing too little) unless they look like file headers. The first
 * pass (`build` null) records where the added lines are in `added` and returns where the removed
 * ones are (null for none); the second (the lazy `hunks`) builds the hunks from the first pass's
 * lines.
 */
function readPatch(patch: string, build: HunkBuild | null, added: LineOffsets | null): LineOffsets | null {
  let removed: LineOffsets | null = null;
  let hunk: DiffHunk | null = null;
  let inHunk = false;
  let addedIndex = 0;
  let removedIndex = 0;
  let oldLine = 0;
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;
  let skipping = false;

  let start = 0;
  const length = patch.length;
  while (start <= length) {
    let end = patch.indexOf('\n', start);
    if (end === -1) end = length;
    const lineStart = start;
    start = end + 1;
    if (end > lineStart && patch.charCodeAt(end - 1) === 13) end -= 1;
    // First character code of the line, or -1 for an empty line.
    const prefix = end > lineStart ? patch.charCodeAt(lineStart) : -1;

    if (prefix === 64 /* @ */ && patch.startsWith('@@', lineStart)) {
      const match = HUNK_HEADER.exec(patch.slice(lineStart, end));
      if (match) {
        oldLine = Number(match[1]);
        newLine = Number(match[3]);
        oldLeft = match[2] === undefined ? 1 : Number(match[2]);
        newLeft = match[4] === undefined ? 1 : Number(match[4]);
        if (build !== null) {
          hunk = { oldStart: oldLine, newStart: newLine, header: (match[5] ?? '').trim(), lines: [] };
          build.hunks.push(hunk);
        }
        inHunk = true;
        skipping = false;
        continue;
      }
    }
    if (!inHunk || skipping) continue;
    const exhausted = oldLeft <= 0 && newLeft <= 0;
    // d - + i: the first letters of the file headers.
    if (exhausted && (prefix === 100 || prefix === 45 || prefix === 43 || prefix === 105) && isFileHeader(patch.slice(lineStart, end))) {
      skipping = true;
      continue;
    }
    if (prefix === 43 /* + */) {
      if (added !== null) {
        added.starts.push(lineStart + 1);
        added.ends.push(end);
        added.numbers.push(newLine);
      } else if (hunk !== null && build !== null) hunk.lines.push(build.added(addedIndex++));
      newLine += 1;
      newLeft -= 1;
    } else if (prefix === 45 /* - */) {
      if (added !== null) {
        removed ??= newOffsets();
        removed.starts.push(lineStart + 1);
        removed.ends.push(end);
        removed.numbers.push(oldLine);
      } else if (hunk !== null && build !== null) hunk.lines.push(build.removed[removedIndex++] as DiffLine);
      oldLine += 1;
      oldLeft -= 1;
    } else if (prefix === 32 /* space */ || (prefix === -1 && !exhausted)) {
      // Some tools strip the space of an empty context line; count it only while the hunk expects lines.
      if (hunk !== null) hunk.lines.push({ kind: 'context', text: prefix === -1 ? '' : patch.slice(lineStart + 1, end), oldLine, newLine });
      oldLine += 1;
      newLine += 1;
      oldLeft -= 1;
      newLeft -= 1;
    }
    // `\ No newline at end of file` and anything else: not a line of either file.
  }
  return removed;
}
