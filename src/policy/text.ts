/** Small text helpers shared by the categories, so every message reads the same way. */

/** Code-unit order, independent of the machine's locale (output must be deterministic). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** `a, b, c` or `a, b, c and 4 more`. */
export function listWithMore(items: readonly string[], shown: number): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** Sorted, without duplicates. */
export function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareText);
}

/** `1234567` → `1,234,567` (fixed format, not the machine's locale). */
export function formatCount(value: number): string {
  // en-US, named: never the machine's locale. (A lookahead pattern for the separators rescans the
  // digits from each position.)
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

const BLANK = /\s/;

/**
 * `text` without its trailing characters that `trimmed` accepts (`\s` included when asked), read
 * by index: a `[…]+$` pattern retries from every character of a long run that does not reach the end.
 */
export function trimEndWhere(text: string, trimmed: string, blanks = true): string {
  let end = text.length;
  while (end > 0) {
    const char = text.charAt(end - 1);
    if (!trimmed.includes(char) && !(blanks && BLANK.test(char))) break;
    end -= 1;
  }
  return text.slice(0, end);
}
