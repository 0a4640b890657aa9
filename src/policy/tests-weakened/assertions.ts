import type { DiffLine } from '../diff.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { ASSERTION, ASSERTION_CALL } from '../test-markers.js';

/**
 * Assertions a test file stops running (docs/categories.md, "tests-weakened"):
 *
 * - commented out: an added comment line holding an assertion call (`// expect(x).toBe(1)`,
 *   `# self.assertEqual(a, b)`), or any assertion re-added behind a comment marker the same change
 *   removed (`# assert total == 10`);
 * - wrapped: an added `/*` or bare `"""` line that turns the unchanged assertions after it into a
 *   comment or a string, up to its close;
 * - made unreachable: an added bare `return` right before unchanged assertions of the same block;
 * - deleted: more assertions removed than added (commented-out ones do not count as added).
 */

export interface SilencedAssertions {
  /** Lines where assertions stop running: the comment, the opener, the `return`. */
  lines: DiffLine[];
  /** How many assertions they silence. */
  count: number;
  /** How many of them are commented out in place (each one line). */
  commented: number;
}

/** A line-comment or block-comment lead: `//`, `#`, `/*`, `*`, `--`, `<!--`. */
export const COMMENT_LEAD = /^\s{0,40}(?:\/\/|#|\/\*|\*|--|<!--)/;
export const OPENS_STRING = /^\s{0,40}(?:"""|''')\s{0,5}$/;
export const BARE_RETURN = /^(\s{0,40})return\s{0,5};?\s{0,5}$/;
/** Every assertion call contains one of these: the lines worth reading for a commented-out one. */
export const ASSERTION_HINT = /expect|assert|Assert|should|require\.|t\.(?:Error|Fatal|Fail)/g;
/** Every opener (`/*`, a bare `"""` or `'''`, a bare `return`) contains one of these. */
export const OPENER_HINT = /\/\*|"""|'''|return/g;
/** Hunk lines read after an opener or a `return` before giving up. */
const LOOKAHEAD = 40;

function mayTurnOff(text: string): boolean {
  return text.includes('/*') || OPENS_STRING.test(text) || BARE_RETURN.test(text);
}

/** The text behind a comment lead, without a closing marker; null when the line is no comment. */
function commentBody(text: string): string | null {
  const lead = COMMENT_LEAD.exec(text);
  if (!lead) return null;
  let body = text.slice(lead[0].length).replace(/^[/#*\s]{0,10}/, '');
  const trimmed = body.trimEnd();
  if (trimmed.endsWith('*/')) body = trimmed.slice(0, -2);
  else if (trimmed.endsWith('-->')) body = trimmed.slice(0, -3);
  return body.trim();
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
  return i;
}

/** Added comment lines that hold an assertion. */
function commentedOut(context: PolicyContext, file: ChangedFile): DiffLine[] {
  const candidates = context.candidateLines(file, ASSERTION_HINT);
  if (candidates.length === 0) return [];
  const removed = new Set<string>();
  for (const line of file.removed) if (ASSERTION.test(line.text)) removed.add(line.text.trim());
  const out: DiffLine[] = [];
  for (const index of candidates) {
    const line = file.added[index];
    const body = line ? commentBody(line.text) : null;
    if (!line || body === null || body === '') continue;
    if (ASSERTION_CALL.test(body) || (removed.has(body) && ASSERTION.test(body))) out.push(line);
  }
  return out;
}

/**
 * Unchanged assertions an added line turns off: a block comment or string opened before them (a
 * `"""` string only when an added `"""` closes it, so a docstring's closing line is not read as
 * an opener), or a bare `return`.
 */
function turnedOff(context: PolicyContext, file: ChangedFile, into: SilencedAssertions): void {
  // The hunks (with their context lines) are built on first access: only when an opener was added.
  if (file.diff === null || !context.candidateLines(file, OPENER_HINT).some((index) => mayTurnOff(file.added[index]?.text ?? ''))) return;
  for (const hunk of file.diff.hunks) {
    const lines = hunk.lines;
    for (let i = 0; i < lines.length; i += 1) {
      const opener = lines[i];
      if (opener?.kind !== 'added') continue;
      const text = opener.text;
      const block = text.lastIndexOf('/*');
      const string = OPENS_STRING.test(text);
      const ret = BARE_RETURN.exec(text);
      if ((block === -1 || text.indexOf('*/', block) !== -1) && !string && !ret) continue;
      const close = string ? text.trim() : '*/';
      const indent = ret ? (ret[1] ?? '').length : -1;
      let silenced = 0;
      let closedAt = -1;
      let j = i + 1;
      for (; j < lines.length && j <= i + LOOKAHEAD; j += 1) {
        const line = lines[j];
        if (!line || line.kind === 'removed') continue;
        if (ret) {
          // The rest of the block: lines indented as deep as the `return` (or deeper).
          if (line.text.trim() === '') continue;
          if (indentOf(line.text) < indent) break;
        } else if (line.text.includes(close)) {
          closedAt = line.kind === 'added' ? j : -2;
          break;
        }
        if (line.kind === 'context' && ASSERTION.test(line.text)) silenced += 1;
      }
      if (string && closedAt < 0) continue;
      if (closedAt >= 0) i = closedAt;
      if (silenced > 0) {
        into.lines.push(opener);
        into.count += silenced;
      }
    }
  }
}

/** Assertions a modified test file comments out, wraps or makes unreachable. */
export function silencedAssertions(context: PolicyContext, file: ChangedFile): SilencedAssertions {
  const lines = commentedOut(context, file);
  const result: SilencedAssertions = { lines, count: lines.length, commented: lines.length };
  turnedOff(context, file, result);
  return result;
}

/**
 * Live assertions removed minus those added, at least 0. Added comment lines do not count as
 * added, and `commented` (the assertions commented out in place) are not counted again here.
 */
export function deletedAssertions(file: ChangedFile, commented: number): number {
  let removed = 0;
  for (const line of file.removed) if (ASSERTION.test(line.text)) removed += 1;
  if (removed === 0) return 0;
  let added = 0;
  for (const line of file.added) if (commentBody(line.text) === null && ASSERTION.test(line.text)) added += 1;
  return Math.max(0, removed - added - commented);
}
