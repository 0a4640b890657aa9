/** What the secret scanner returns for a line, and the helpers its rules share (docs/secrets.md). */

export interface SecretSpan {
  /** The part of the line to hide (may be empty for a private-key header that opens a block). */
  start: number;
  end: number;
  /** What it looks like: "GitHub token", "AWS access key ID", "private key", a gitleaks rule id, … */
  kind: string;
  /** False for obvious placeholders and documentation examples: hidden in excerpts, not reported. */
  reported: boolean;
}

export interface LineSecrets {
  spans: readonly SecretSpan[];
  /** The line is inside a multi-line private-key block: hide all of it. */
  inKeyBlock: boolean;
}

export const NO_SPANS: readonly SecretSpan[] = Object.freeze([]);

export const GENERIC_KIND = 'secret assigned to a credential name';

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Template references and documentation fillers; case-sensitive words so random keys rarely trip them. */
const PLACEHOLDER =
  /\$\{|\{\{|\$\(|%\(|<[^<>]{0,40}>|process\.env|import\.meta\.env|os\.environ|getenv|environ\[|ENV\[|secrets\.|vars\.|xxxx|XXXX|\*\*\*|\.\.\.|changeme|change_me|example|placeholder|your[_-]|dummy|redacted|replace[_-]?me|CHANGEME|EXAMPLE|PLACEHOLDER|YOUR[_-]|DUMMY|REDACTED|Example|Placeholder|0{10}/;

export function isPlaceholder(text: string): boolean {
  if (PLACEHOLDER.test(text)) return true;
  // A run of one repeated character (`aaaaaaaa…`, `00000000…`) is filler, not a key.
  return /(.)\1{7}/.test(text);
}

/** Subresource-integrity and module-sum hashes: `sha512-…`, `sha256:…`, `h1:…`. */
export const HASH_VALUE = /^(?:sha\d{1,3}|md5)[-:]|^h1:/i;
const HASH_PREFIX = /(?:sha\d{1,3}|md5|h1)[:-]$/i;

function isTokenChar(code: number): boolean {
  // [A-Za-z0-9+/=_-]
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
}

/**
 * Whether `text.slice(start, end)` lies inside a checksum: a `sha512-…` integrity value, a
 * `sha256:…` digest, a go.sum `h1:…` hash. Such values are base64 or hex, where a provider rule
 * without word boundaries could otherwise find a key-shaped piece.
 */
export function insideChecksum(text: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && start - left < 200 && isTokenChar(text.charCodeAt(left - 1))) left -= 1;
  let right = end;
  while (right < text.length && right - end < 200 && isTokenChar(text.charCodeAt(right))) right += 1;
  if (HASH_VALUE.test(text.slice(left, right))) return true;
  return HASH_PREFIX.test(text.slice(Math.max(0, left - 7), left)) && text.charAt(left - 1) === ':';
}

/** How specific a kind is: a recognised token format names the secret better than its context. */
function specificity(kind: string): number {
  if (kind === GENERIC_KIND) return 0;
  if (kind === 'bearer token' || kind === 'password in URL') return 1;
  return 2;
}

/** Overlapping spans become one, named by the most specific kind among them. */
export function mergeSpans(spans: SecretSpan[]): SecretSpan[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (specificity(span.kind) > specificity(last.kind)) last.kind = span.kind;
      last.reported = last.reported || span.reported;
    } else if (last && span.start === last.end && span.start === span.end) {
      continue;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
