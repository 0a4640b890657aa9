/**
 * Escaping for text that comes from the PR (titles, paths, bodies, logins, excerpts, labels,
 * branch names) before it goes into the GitHub-flavoured markdown of the comment and the job
 * summary. Attackers write that text, so after escaping it must render as the same characters and
 * nothing more:
 * - no HTML: `<`, `>`, `&`, `"` become entities, so no tag (`<img onerror>`, `</details>`) and no
 *   HTML comment (the marker `<!-- agent-pr-gate -->`) can be written;
 * - no markdown structure: every ASCII punctuation character with a markdown meaning is
 *   backslash-escaped (links, images, emphasis, code, table pipes), line starts that would open a
 *   block (`#`, `-`, `1.`, `>`) are escaped, and line breaks become spaces, so the text stays in
 *   its table cell or list item;
 * - no notifications or cross-links: `@name` and `#123` get a zero-width joiner after the sign
 *   (GitHub then neither pings the account or team nor links the issue), and bare URLs are broken
 *   with a zero-width space so a PR title cannot become a link in a comment the gate signs;
 * - no invisible tricks: control characters and bidirectional overrides are replaced with U+FFFD.
 *
 * Inside code spans nothing can be escaped (backslashes and entities show literally), so
 * `inlineCode` picks a fence longer than any backtick run inside and breaks `<` before a tag or a
 * comment with a zero-width space: the source then never holds the marker or a `</details>`.
 */

const ZWJ = '\u200D';
const ZWSP = '\u200B';
const REPLACEMENT = '\uFFFD';

/** C0/C1 controls (but tab and line breaks), bidi embeddings/overrides/isolates, line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** Cuts `text` to at most `max` UTF-16 units (an ellipsis included), never inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Keeps both ends of a long path: `src/very/…/deep/file.ts`. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 8) return truncateText(text, max);
  const tail = Math.floor((max - 1) * 0.65);
  let head = max - 1 - tail;
  let tailStart = text.length - tail;
  const headEnd = text.charCodeAt(head - 1);
  if (headEnd >= 0xd800 && headEnd <= 0xdbff) head -= 1;
  const tailFirst = text.charCodeAt(tailStart);
  if (tailFirst >= 0xdc00 && tailFirst <= 0xdfff) tailStart += 1;
  return `${text.slice(0, head)}…${text.slice(tailStart)}`;
}

/** One line of plain text: controls and bidi overrides replaced, every line break a space. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE_CHARS, REPLACEMENT);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For text inside HTML (a `<summary>`): entities only, on one line. */
export function escapeHtml(text: string, maxLength = 500): string {
  return oneLine(truncateText(text, maxLength)).replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * For markdown text anywhere inline: a paragraph, a heading, a list item or a table cell. The
 * result is one line and renders as exactly the characters of `text` (cut to `maxLength`), apart
 * from the invisible joiners described above.
 */
export function escapeMarkdown(text: string, maxLength = 500): string {
  let out = oneLine(truncateText(text, maxLength));
  out = out.replace(/[\\`*_[\]()!|~${}#]/g, '\\$&');
  out = out.replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
  out = out.replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, `@${ZWJ}`);
  out = out.replace(/#(?=\d)/g, `#${ZWJ}`);
  out = out.replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZWSP}.`);
  // Block openers only matter at the start of a line; the text may start one (a list item's content).
  out = out.replace(/^(\s*)([#+=-]|\d+[.)])/, (_match, space: string, opener: string) => `${space}${opener.replace(/[#+=\-.)]/, '\\$&')}`);
  return out;
}

/**
 * An inline code span showing `text` literally (cut to `maxLength`, on one line). The fence is one
 * backtick longer than the longest run inside. In a table cell (`table: true`) a `|` would end the
 * cell even inside code, so it is written `\|`: GitHub's tables split cells before they read code
 * spans and take `\|` for a literal pipe in any cell content, code included, so the reader sees
 * the real `|`. A backslash already before a pipe would escape the escape, so an invisible space
 * goes between them.
 */
export function inlineCode(text: string, options: { maxLength?: number; table?: boolean } = {}): string {
  let content = oneLine(truncateText(text, options.maxLength ?? 200));
  content = content.replace(/<(?=[!/?A-Za-z])/g, `<${ZWSP}`);
  if (options.table) content = content.replace(/\\(?=\|)/g, `\\${ZWSP}`).replace(/\|/g, '\\|');
  if (content === '') return '` `';
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content.startsWith(' ') || content.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A path for a URL: every segment percent-encoded, parentheses included (they end markdown links). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * A markdown link with escaped text. `url` must be built by us (origin + encoded parts): it is
 * only checked to be http(s) and stripped of characters that could end the link.
 */
export function markdownLink(text: string, url: string, maxLength = 200): string {
  const label = escapeMarkdown(text, maxLength);
  if (!/^https?:\/\//i.test(url)) return label;
  const safeUrl = url.replace(/[\s<>()"'`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${safeUrl})`;
}

/**
 * For the core's own sentences (summaries, finding messages, notes), which quote names in
 * backticks but also carry PR text: each `…` pair becomes a code span (through `inlineCode`), the
 * rest is escaped as by `escapeMarkdown`. Safe for any input; an unpaired backtick stays a backtick.
 */
export function escapeMessage(text: string, maxLength = 500, options: { table?: boolean } = {}): string {
  const source = truncateText(text, maxLength);
  const parts: string[] = [];
  let last = 0;
  for (const match of source.matchAll(/`([^`\r\n]+)`/g)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(escapeMarkdown(source.slice(last, index), Number.MAX_SAFE_INTEGER));
    parts.push(inlineCode(match[1] ?? '', { maxLength: Number.MAX_SAFE_INTEGER, table: options.table }));
    last = index + match[0].length;
  }
  if (last < source.length) parts.push(escapeMarkdown(source.slice(last), Number.MAX_SAFE_INTEGER));
  return parts.join('');
}
