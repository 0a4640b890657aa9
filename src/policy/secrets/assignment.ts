import { GENERIC_KIND, HASH_VALUE, isPlaceholder, shannonEntropy, type SecretSpan } from './spans.js';

/**
 * The gate's own generic rules (docs/secrets.md): a long random value assigned to a name like
 * `secret`, `token`, `password`, and a password inside a URL. Native RegExps, each linear: every
 * repetition is bounded or a single class, and the name is widened by a bounded character loop.
 */

const URL_PASSWORD = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,15}:\/\/[^\s/:@'"`]{1,100}:([^\s/@'"`]{1,200})@/g;

/** Names whose value is a credential. Matched case-insensitively anywhere in an identifier. */
const SECRET_NAME =
  /secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|signing[_-]?key|encryption[_-]?key/gi;
export const NAME_PREFILTER = /secret|token|passw|pwd|api.?key|access.?key|private.?key|credential|auth.?key|signing.?key|encryption.?key/i;
/** Names that hold something next to a credential, not the credential itself. */
const NOT_SECRET_NAME =
  /sha\d*|hash|checksum|digest|integrity|fingerprint|url|uri|endpoint|path|file|name|type|expir|length|count|size|header|field|prefix|format|label|placeholder|regex|pattern|policy|event|metric|usage|limit|ttl|timeout|key_?id|keyid/i;
const HEX = /^[0-9a-f]+$/i;
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const FILE_LIKE = /\.[A-Za-z]{1,5}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `[A-Za-z0-9_.-]` by character code (called per character, so no RegExp). */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

function isValueEnd(code: number): boolean {
  // whitespace , ; ( ) { } [ ] " ' `
  return code <= 32 || code === 44 || code === 59 || code === 40 || code === 41 || code === 123 || code === 125 || code === 91 || code === 93 || code === 34 || code === 39 || code === 96;
}

/** A value assigned to a secret-like name that looks random enough to be a real credential. */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 20 || value.length > 500) return false;
  if (/\s/.test(value) || value.startsWith('$') || value.includes('://')) return false;
  if (isPlaceholder(value) || DOTTED_IDENTIFIER.test(value) || FILE_LIKE.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= 3.3;
}

export function addUrlPasswordSpans(text: string, spans: SecretSpan[]): void {
  URL_PASSWORD.lastIndex = 0;
  for (let match = URL_PASSWORD.exec(text); match !== null; match = URL_PASSWORD.exec(text)) {
    const password = match[1] ?? '';
    if (password.length < 8 || isPlaceholder(password) || password.startsWith('$') || /^(?:postgres|password|passw0rd|root|admin|secret|guest|test)$/i.test(password)) continue;
    const start = match.index + match[0].length - 1 - password.length;
    spans.push({ start, end: start + password.length, kind: 'password in URL', reported: true });
  }
}

/**
 * `name = "value"`, `name: value`, `"name": "value"`, `NAME=value`, `name := "value"`,
 * `name => 'value'`. `checksums`: a lockfile or checksum file, where hex values are hashes.
 */
export function addAssignmentSpans(text: string, spans: SecretSpan[], checksums: boolean): void {
  SECRET_NAME.lastIndex = 0;
  for (let match = SECRET_NAME.exec(text); match !== null; match = SECRET_NAME.exec(text)) {
    let left = match.index;
    while (left > 0 && match.index - left < 64 && isNameChar(text.charCodeAt(left - 1))) left -= 1;
    let right = match.index + match[0].length;
    while (right < text.length && right - match.index < 64 && isNameChar(text.charCodeAt(right))) right += 1;
    SECRET_NAME.lastIndex = Math.max(SECRET_NAME.lastIndex, right);
    const name = text.slice(left, right);
    if (NOT_SECRET_NAME.test(name)) continue;
    let at = right;
    if (text.charAt(at) === '"' || text.charAt(at) === "'") at += 1;
    while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at += 1;
    const operator = /^(?::=|=>|=(?!=)|:(?!:))/.exec(text.slice(at, at + 2));
    if (!operator) continue;
    at += operator[0].length;
    while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at += 1;
    const quote = text.charAt(at);
    let end: number;
    if (quote === '"' || quote === "'" || quote === '`') {
      at += 1;
      end = text.indexOf(quote, at);
      if (end === -1) end = text.length;
    } else {
      end = at;
      while (end < text.length && end - at <= 500 && !isValueEnd(text.charCodeAt(end))) end += 1;
    }
    const value = text.slice(at, end);
    if (!looksLikeSecretValue(value) || HASH_VALUE.test(value) || (checksums && HEX.test(value))) continue;
    spans.push({ start: at, end, kind: GENERIC_KIND, reported: !UUID.test(value) });
  }
}
