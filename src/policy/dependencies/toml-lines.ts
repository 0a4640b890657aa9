/**
 * Just enough TOML, one line at a time, for reading dependency sections out of a patch of
 * pyproject.toml or Cargo.toml: table headers, `key = value` lines, array items, inline tables.
 */

const BARE_OR_QUOTED = String.raw`(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')`;
const TABLE = /^\[\[?([^\]]*)\]\]?\s*(?:#[\s\S]*)?$/;
const KEY_VALUE = new RegExp(String.raw`^(${BARE_OR_QUOTED}(?:\s*\.\s*${BARE_OR_QUOTED})*)\s*=\s*([\s\S]*)$`);

function unquote(part: string): string {
  const trimmed = part.trim();
  if ((trimmed.startsWith('"') && trimmed.endsWith('"')) || (trimmed.startsWith("'") && trimmed.endsWith("'"))) return trimmed.slice(1, -1);
  return trimmed;
}

/** Splits a dotted key on dots outside quotes: `target.'cfg(unix)'.dependencies` → 3 parts. */
export function splitDottedKey(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const char of key) {
    if (quote) {
      current += char;
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      current += char;
      quote = char;
    } else if (char === '.') {
      parts.push(unquote(current));
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(unquote(current));
  return parts;
}

/** The table name of a `[table]` / `[[array.of.tables]]` header (dotted, unquoted), or null. */
export function tableHeader(line: string): string | null {
  const match = TABLE.exec(line);
  return match ? splitDottedKey(match[1] ?? '').join('.') : null;
}

/** `key = value` with the key split into its dotted parts and the value without a trailing comment. */
export function keyValue(line: string): { key: string[]; value: string } | null {
  const match = KEY_VALUE.exec(line);
  if (!match) return null;
  return { key: splitDottedKey(match[1] ?? ''), value: stripComment(match[2] ?? '') };
}

/**
 * Calls `visit` with each character of `value` that is outside TOML strings (basic `"…"` with
 * backslash escapes, literal `'…'`; the quotes themselves are not visited), until `visit` returns
 * true. Returns the index it stopped at, or -1.
 */
function scanOutsideStrings(value: string, visit: (char: string) => boolean): number {
  let quote = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value.charAt(i);
    if (quote) {
      if (char === '\\' && quote === '"') i += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (visit(char)) {
      return i;
    }
  }
  return -1;
}

/** Removes a `# comment` that is outside strings. */
export function stripComment(value: string): string {
  const at = scanOutsideStrings(value, (char) => char === '#');
  return (at < 0 ? value : value.slice(0, at)).trim();
}

/** Every string literal on the line, in order. */
export function stringsIn(line: string): string[] {
  // Read by index: a pattern for strings retries from every quote of an unterminated string.
  const out: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const quote = line.charAt(i);
    if (quote !== '"' && quote !== "'") continue;
    let end = i + 1;
    while (end < line.length && line.charAt(end) !== quote) end += quote === '"' && line.charAt(end) === '\\' ? 2 : 1;
    if (end >= line.length) break;
    out.push(line.slice(i + 1, end));
    i = end;
  }
  return out;
}

/** The value of a one-line string (`"1.0"`), or null. */
export function stringValue(value: string): string | null {
  const match = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(value.trim());
  return match ? (match[1] ?? match[2] ?? '') : null;
}

/** Whether an array value opened on this line is still open at its end (`[` without `]`). */
export function opensArray(value: string): boolean {
  if (!value.startsWith('[')) return false;
  let depth = 0;
  scanOutsideStrings(value, (char) => {
    if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    return false;
  });
  return depth > 0;
}

/**
 * The version a dependency value pins, for display: `"1.0"` → `1.0`; an inline table →
 * its `version`, else `git+URL` (with `#tag`/`#branch`/`#rev`), `path:…`, `workspace`, or the table text.
 */
/** The inline-table fields a dependency spec is read from, each as its own pattern (checked for linear time). */
export const INLINE_FIELD_NAMES = ['version', 'git', 'tag', 'branch', 'rev', 'path', 'url', 'workspace'] as const;
type InlineField = (typeof INLINE_FIELD_NAMES)[number];
export function inlineFieldPattern(name: string): RegExp {
  return new RegExp(`(?:^|[{,\\s])${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|'([^']*)'|(true|false))`);
}
const INLINE_FIELD = Object.fromEntries(INLINE_FIELD_NAMES.map((name) => [name, inlineFieldPattern(name)])) as Record<InlineField, RegExp>;

export function dependencySpec(value: string): string {
  const plain = stringValue(value);
  if (plain !== null) return plain;
  if (!value.startsWith('{')) return value;
  const field = (name: InlineField): string | null => {
    const match = INLINE_FIELD[name].exec(value);
    return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
  };
  const version = field('version');
  if (version !== null) return version;
  const git = field('git');
  if (git !== null) {
    const ref = field('tag') ?? field('branch') ?? field('rev');
    return `git+${git}${ref ? `#${ref}` : ''}`;
  }
  const path = field('path');
  if (path !== null) return `path:${path}`;
  const url = field('url');
  if (url !== null) return url;
  if (field('workspace') === 'true') return 'workspace';
  return value.replace(/\s+/g, ' ');
}

/** Whether a value looks like a dependency's version: `"^1.2"`, `">=1,<2"`, `"*"`, or an inline table naming a source. */
export function looksLikeDependencyValue(value: string): boolean {
  const plain = stringValue(value);
  if (plain !== null) return /^(?:[\^~<>=!\s]*v?\d[\w.*+-]*(?:\s*,\s*[\^~<>=!]*\s*v?\d[\w.*+-]*)*|\*)$/.test(plain.trim());
  return /^\{.*\b(?:version|git|path|workspace)\s*=/.test(value);
}
