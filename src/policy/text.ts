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
  if (!Number.isInteger(value)) return String(value);
  // en-US, named: never the machine's locale. Counts are safe integers, grouped here by index:
  // toLocaleString's first call loads the locale data, ~17 ms of a cold run (docs/architecture.md,
  // "Start-up cost"), and a lookahead pattern for the separators rescans the digits from each
  // position.
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return sign + out;
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
