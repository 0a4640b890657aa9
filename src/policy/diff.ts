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
  /** The added lines' texts joined by `\n` (for one-pass prefilters over a file's additions). */
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
 */
export function parsePatch(patch: string): ParsedPatch {
  const hunks: DiffHunk[] = [];
  const added: DiffLine[] = [];
  const removed: DiffLine[] = [];
  const addedStarts: number[] = [];
  let addedText = '';
  let hunk: DiffHunk | null = null;
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
    const prefix = end > lineStart ? patch.charAt(lineStart) : '';

    if (prefix === '@' && patch.startsWith('@@', lineStart)) {
      const match = HUNK_HEADER.exec(patch.slice(lineStart, end));
      if (match) {
        oldLine = Number(match[1]);
        newLine = Number(match[3]);
        oldLeft = match[2] === undefined ? 1 : Number(match[2]);
        newLeft = match[4] === undefined ? 1 : Number(match[4]);
        hunk = { oldStart: oldLine, newStart: newLine, header: (match[5] ?? '').trim(), lines: [] };
        hunks.push(hunk);
        skipping = false;
        continue;
      }
    }
    if (hunk === null || skipping) continue;
    const exhausted = oldLeft <= 0 && newLeft <= 0;
    if (exhausted && (prefix === 'd' || prefix === '-' || prefix === '+' || prefix === 'i') && isFileHeader(patch.slice(lineStart, end))) {
      skipping = true;
      continue;
    }
    // One slice per line: the text without its prefix.
    if (prefix === '+') {
      const line: DiffLine = { kind: 'added', text: patch.slice(lineStart + 1, end), oldLine: null, newLine };
      newLine += 1;
      newLeft -= 1;
      hunk.lines.push(line);
      if (added.length > 0) addedText += '\n';
      addedStarts.push(addedText.length);
      addedText += line.text;
      added.push(line);
    } else if (prefix === '-') {
      const line: DiffLine = { kind: 'removed', text: patch.slice(lineStart + 1, end), oldLine, newLine: null };
      oldLine += 1;
      oldLeft -= 1;
      hunk.lines.push(line);
      removed.push(line);
    } else if (prefix === ' ' || (prefix === '' && !exhausted)) {
      // Some tools strip the space of an empty context line; count it only while the hunk expects lines.
      hunk.lines.push({ kind: 'context', text: prefix === '' ? '' : patch.slice(lineStart + 1, end), oldLine, newLine });
      oldLine += 1;
      newLine += 1;
      oldLeft -= 1;
      newLeft -= 1;
    }
    // `\ No newline at end of file` and anything else: not a line of either file.
  }
  return { hunks, added, removed, addedText, addedStarts };
}
