import type { DiffLine } from '../diff.js';
import { lineHint } from '../line-hints.js';
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
/** Hunk lines read after an opener or a `return` before giving up. */
const LOOKAHEAD = 40;

/** The first non-blank character of a line (-1 for a blank line): a cheap test before any pattern. */
function leadOf(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return code;
  }
  return -1;
}

/** Whether a line whose first non-blank character is `lead` may open a block comment or string, or be a bare `return`. */
function mayTurnOff(text: string, lead: number): boolean {
  if (text.includes('/*')) return true;
  // `"`, `'`, `r`
  return lead === 34 || lead === 39 ? OPENS_STRING.test(text) : lead === 114 && BARE_RETURN.test(text);
}

/** Whether a line may start with a comment marker: `/`, `#`, `*`, `-`, `<`. */
function mayBeComment(lead: number): boolean {
  return lead === 47 || lead === 35 || lead === 42 || lead === 45 || lead === 60;
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

/**
 * Every comment lead and every opener holds one of these: the lines worth a closer look (their
 * line hint, docs/architecture.md).
 */
export const SILENCING_HINT = lineHint('comments and openers', ['//', '/*', '#', '*', '--', '<!--', '"""', "'''", 'return']);

/**
 * The added lines the hint finds: the comment lines that hold an assertion, and whether any line
 * may open a block comment or string or be a bare `return` (each line's first character decides
 * which tests it needs).
 */
function scanAdded(context: PolicyContext, file: ChangedFile): { commented: DiffLine[]; opener: boolean } {
  let removed: Set<string> | null = null;
  const commented: DiffLine[] = [];
  let opener = false;
  const candidates = context.candidateLines(file, SILENCING_HINT);
  for (let c = 0; c < candidates.length; c += 1) {
    const line = file.addedAt(candidates[c] ?? -1);
    if (!line) continue;
    const lead = leadOf(line.text);
    if (!opener) opener = mayTurnOff(line.text, lead);
    if (!mayBeComment(lead)) continue;
    const body = commentBody(line.text);
    if (body === null || body === '') continue;
    if (removed === null) {
      removed = new Set<string>();
      for (const old of file.removed) if (ASSERTION.test(old.text)) removed.add(old.text.trim());
    }
    if (ASSERTION_CALL.test(body) || (removed.has(body) && ASSERTION.test(body))) commented.push(line);
  }
  return { commented, opener };
}

/**
 * Unchanged assertions an added line turns off: a block comment or string opened before them (a
 * `"""` string only when an added `"""` closes it, so a docstring's closing line is not read as
 * an opener), or a bare `return`.
 */
function turnedOff(file: ChangedFile, into: SilencedAssertions): void {
  if (file.diff === null) return;
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
  const { commented, opener } = scanAdded(context, file);
  const result: SilencedAssertions = { lines: commented, count: commented.length, commented: commented.length };
  // The hunks (with their context lines) are built on first access: only when an opener was added.
  if (opener) turnedOff(file, result);
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
