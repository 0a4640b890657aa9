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

export interface ParsedPatch {
  hunks: DiffHunk[];
  /** Every added line, in order. */
  added: DiffLine[];
  /** Every removed line, in order. */
  removed: DiffLine[];
  /** The added lines' texts joined by `\n` (built on first access). */
  addedText: string;
  /** Where each added line starts in `addedText`. */
  addedStarts: number[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** Lines that start a new file section when a whole `git diff` is passed instead of a patch. */
function isFileHeader(line: string): boolean {
  return line.startsWith('diff --git ') || line.startsWith('--- a/') || line.startsWith('+++ b/') || line.startsWith('--- /dev/null') || line.startsWith('+++ /dev/null') || line.startsWith('index ');
}

/**
 * Parses a patch. Never throws: text before the first hunk header is ignored, `\ No newline at end
 * of file` markers are skipped, and lines beyond a hunk's counts are still read by their prefix
 * (seeing too much is safer than seeing too little) unless they look like file headers.
 *
 * On a large PR this runs on every line of every file, and almost every reader wants only the
 * added lines, so the eager pass builds just those (and the removed ones). `hunks`, with their
 * context lines, is built on first access by a second pass over the same patch that reuses the
 * same added/removed line objects (identity matters: secrets are cached by line).
 */
export function parsePatch(patch: string): ParsedPatch {
  return parsePatchWithOffsets(patch).parsed;
}

/**
 * Where each added line's text sits in the patch: `starts[i]` is the index just after its `+`,
 * `ends[i]` where its text ends (before the `\n`, or a `\r` that was cut off). (Plain arrays:
 * thousands of small typed arrays measured slower to allocate than they save the collector.)
 */
export interface AddedLineOffsets {
  starts: number[];
  ends: number[];
}

/**
 * parsePatch, plus where the added lines are in the patch: prefilters run over the patch itself
 * (see policy-context.ts) instead of over a joined copy of the added lines.
 */
export function parsePatchWithOffsets(patch: string): { parsed: ParsedPatch; offsets: AddedLineOffsets } {
  const added: DiffLine[] = [];
  const removed: DiffLine[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  readPatch(patch, added, removed, null, { starts, ends });
  let hunks: DiffHunk[] | null = null;
  let joined: { text: string; starts: number[] } | null = null;
  // Built on first access only: the policy context searches the patch instead (see above).
  const joinAdded = (): { text: string; starts: number[] } => {
    if (joined === null) {
      const lineStarts = new Array<number>(added.length);
      let offset = 0;
      for (let i = 0; i < added.length; i += 1) {
        lineStarts[i] = offset;
        offset += (added[i] as DiffLine).text.length + 1;
      }
      joined = { text: added.map((line) => line.text).join('\n'), starts: lineStarts };
    }
    return joined;
  };
  const parsed: ParsedPatch = {
    get hunks(): DiffHunk[] {
      if (hunks === null) {
        hunks = [];
        readPatch(patch, added, removed, hunks, null);
      }
      return hunks;
    },
    added,
    removed,
    get addedText(): string {
      return joinAdded().text;
    },
    get addedStarts(): number[] {
      return joinAdded().starts;
    },
  };
  return { parsed, offsets: { starts, ends } };
}

/**
 * The one pass over a patch. Without `hunks` it fills `added` and `removed`; with `hunks` (the
 * lazy second pass) it builds the hunks, taking the added and removed lines from the first pass.
 * `bounds`, when given, gets the start and end offset of each added line's text.
 */
function readPatch(patch: string, added: DiffLine[], removed: DiffLine[], hunks: DiffHunk[] | null, bounds: AddedLineOffsets | null): void {
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
        if (hunks !== null) {
          hunk = { oldStart: oldLine, newStart: newLine, header: (match[5] ?? '').trim(), lines: [] };
          hunks.push(hunk);
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
      if (hunk === null) {
        added.push({ kind: 'added', text: patch.slice(lineStart + 1, end), oldLine: null, newLine });
        bounds?.starts.push(lineStart + 1);
        bounds?.ends.push(end);
      }
      else hunk.lines.push(added[addedIndex++] as DiffLine);
      newLine += 1;
      newLeft -= 1;
    } else if (prefix === 45 /* - */) {
      if (hunk === null) removed.push({ kind: 'removed', text: patch.slice(lineStart + 1, end), oldLine, newLine: null });
      else hunk.lines.push(removed[removedIndex++] as DiffLine);
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
}
