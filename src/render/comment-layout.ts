import { formatCount } from '../policy/text.js';
import { COMMENT_MARKER } from './marker.js';

/**
 * The comment's length-fitting layout: fixed sections keep their text, list sections shrink to
 * share what is left, and `finish` puts the marker first and guards GitHub's limit. Knows nothing
 * of gate results; src/render/render-comment.ts builds the sections.
 */

/** GitHub rejects comment bodies longer than this (characters). */
export const MAX_COMMENT_LENGTH = 65536;

/**
 * What the layout aims at. JavaScript counts UTF-16 units, which are never fewer than the
 * characters GitHub counts, and the margin leaves room for the truncation notes.
 */
const TARGET_LENGTH = 60_000;

export interface Fixed {
  kind: 'fixed';
  text: string;
}

export interface Elastic {
  kind: 'elastic';
  /** The whole section, or null when it cannot fit in the target length whatever happens. */
  full: string | null;
  /** Length of `full` (a number above the target when `full` is null), for sharing the budget. */
  size: number;
  /** The section in at most `budget` characters (or its bare truncation note when even that does not fit). */
  fit(budget: number): string;
}

export type Section = Fixed | Elastic;

export function fixed(text: string): Fixed {
  return { kind: 'fixed', text };
}

/**
 * A list section that can drop its tail: `frame(shown, omitted)` renders the section with the
 * items shown and a note about the omitted ones. Items are rendered lazily and only as many as
 * could ever fit, so 3000 findings cost no more than the few hundred the comment can hold.
 */
export function elastic<T>(sources: readonly T[], render: (source: T) => string, frame: (shown: string[], omitted: number) => string): Elastic {
  const items: string[] = [];
  let length = 0;
  for (const source of sources) {
    if (length > TARGET_LENGTH) break;
    const item = render(source);
    items.push(item);
    length += item.length + 1;
  }
  const complete = items.length === sources.length;
  const full = complete ? frame(items, 0) : null;
  return {
    kind: 'elastic',
    full,
    size: full === null ? TARGET_LENGTH + length : full.length,
    fit(budget) {
      if (full !== null && full.length <= budget) return full;
      let used = frame([], sources.length).length + 8; // the note's count may grow by a few digits
      const shown: string[] = [];
      for (const item of items) {
        if (used + item.length + 1 > budget) break;
        shown.push(item);
        used += item.length + 1;
      }
      return frame(shown, sources.length - shown.length);
    },
  };
}

const SEPARATOR = '\n\n';

/** The sections joined, within TARGET_LENGTH: the lists share what the fixed sections leave. */
export function layout(sections: readonly Section[]): string {
  if (sections.every((section) => section.kind === 'fixed' || section.full !== null)) {
    const whole = joinSections(sections.map((section) => (section.kind === 'fixed' ? section.text : (section.full ?? ''))));
    if (whole.length <= TARGET_LENGTH) return whole;
  }
  // Fixed sections keep their text; the lists share what is left, smallest first, so a short list
  // is never cut to make room for a long one.
  const fixedLength = sections.reduce((sum, section) => sum + (section.kind === 'fixed' ? section.text.length + SEPARATOR.length : SEPARATOR.length), 0);
  let remaining = Math.max(0, TARGET_LENGTH - fixedLength - COMMENT_MARKER.length - 1);
  const elastics = sections
    .map((section, index) => ({ section, index }))
    .filter((entry): entry is { section: Elastic; index: number } => entry.section.kind === 'elastic')
    .sort((a, b) => a.section.size - b.section.size);
  const texts = sections.map((section) => (section.kind === 'fixed' ? section.text : ''));
  let left = elastics.length;
  for (const { section, index } of elastics) {
    const share = Math.floor(remaining / left);
    const text = section.fit(Math.min(section.size, share));
    texts[index] = text;
    remaining = Math.max(0, remaining - text.length);
    left -= 1;
  }
  return joinSections(texts);
}

function joinSections(texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(SEPARATOR);
}

/**
 * The marker first, exactly once; then a last guard on the length that should never fire (the
 * layout keeps under TARGET_LENGTH) but makes the limit a property of this function, not of the
 * layout's arithmetic.
 */
export function finish(body: string): string {
  const safe = body.split(COMMENT_MARKER).join('<!-\u200B- agent-pr-gate -->');
  let text = `${COMMENT_MARKER}\n${safe}`;
  if (text.length < MAX_COMMENT_LENGTH) return text;
  const note = `\n\n_✂️ The rest of this comment was cut to stay under GitHub's ${formatCount(MAX_COMMENT_LENGTH)}-character limit; the \`report\` output has everything._`;
  const cut = text.lastIndexOf('\n', MAX_COMMENT_LENGTH - 2_000);
  text = text.slice(0, cut > 0 ? cut : MAX_COMMENT_LENGTH - 2_000);
  const open = count(text, '<details>') - count(text, '</details>');
  return `${text}${'\n\n</details>'.repeat(Math.max(0, open))}${note}`;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

export function truncationNote(omitted: number, noun: string): string {
  return `_✂️ ${omitted} more ${noun} not shown: the comment is limited to ${formatCount(MAX_COMMENT_LENGTH)} characters; the \`report\` output lists them all._`;
}
