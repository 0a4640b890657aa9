/**
 * Escaping for text that comes from the PR (paths, titles, logins, excerpts, API messages) before
 * it is written to the run log: `core.info`, the messages and titles of annotations, and failure
 * messages. The Actions runner reads every line of the step's output as a possible workflow
 * command (docs/security.md):
 * - a line whose first non-blank characters are `::` is a command (`::error title=…::…`,
 *   `::stop-commands::TOKEN`, `::add-mask::…`), so untrusted text must never start a line;
 * - the older form `##[command]` is recognised anywhere in a line;
 * - `%0A`, `%0D` and `%25` are decoded only inside a command's data and properties, which
 *   @actions/core escapes itself for `error`/`warning`/`notice`, so in our text they stay text.
 *
 * So every character that ends a line (LF, CR, and the Unicode separators some readers honour)
 * and every other control character becomes a visible `\n`, `\r` or `\u{…}` escape, a backslash
 * is doubled (so the escapes are unambiguous), a leading `::` (after any blanks) and every `##[`
 * are broken with an escaped character. The result is one line that reads as the original text.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\u{3a}`-style escape for one UTF-16 unit. */
function codeEscape(char: string): string {
  return `\\u{${char.charCodeAt(0).toString(16)}}`;
}

/** One line of log text that the runner cannot read as a workflow command. */
export function escapeForLog(text: string): string {
  let out = text.replace(UNSAFE, (char) => NAMED[char] ?? codeEscape(char));
  // The runner trims leading white space (Unicode's, .NET's char.IsWhiteSpace) before looking for `::`.
  out = out.replace(/^(\s*)::/, (_match, blanks: string) => `${blanks}${codeEscape(':')}:`);
  out = out.replace(/##\[/g, `#${codeEscape('#')}[`);
  return out;
}
