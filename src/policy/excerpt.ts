/** The longest excerpt a finding location carries. */
export const MAX_EXCERPT_LENGTH = 120;

/**
 * A short, single-line excerpt of `text`: trimmed, and when longer than 120 characters cut to a
 * window around `at` (the match) with `…` where text was left out.
 */
export function makeExcerpt(text: string, at = 0): string {
  const leading = text.length - text.trimStart().length;
  const trimmed = text.trim().replace(/[\t\r\n\v\f]/g, ' ');
  if (trimmed.length <= MAX_EXCERPT_LENGTH) return trimmed;
  const position = Math.max(0, Math.min(trimmed.length, at - leading));
  const start = Math.max(0, position - 40);
  if (start === 0) return `${trimmed.slice(0, MAX_EXCERPT_LENGTH - 1)}…`;
  if (start + MAX_EXCERPT_LENGTH - 1 >= trimmed.length) return `…${trimmed.slice(trimmed.length - (MAX_EXCERPT_LENGTH - 1))}`;
  return `…${trimmed.slice(start, start + MAX_EXCERPT_LENGTH - 2)}…`;
}
