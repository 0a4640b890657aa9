import { redactSecret } from './redact-secret.js';

/**
 * Finds text that looks like a credential in added lines: well-known token formats (cloud keys,
 * GitHub/Slack/Stripe/… tokens, JWTs, private-key blocks) and long random values assigned to names
 * like `secret`, `token`, `password`. Used twice: by the `secrets` category (what to report) and by
 * every excerpt (what to hide), so no category can echo a secret another one found.
 *
 * All patterns are native RegExps written to run in linear time: every repetition is bounded or
 * guarded by a look-behind so a match can only start at the beginning of a run of token characters.
 * A cheap substring prefilter decides whether a line is looked at at all.
 */

export interface SecretSpan {
  /** The part of the line to hide (may be empty for a private-key header that opens a block). */
  start: number;
  end: number;
  /** What it looks like: "GitHub token", "AWS access key ID", "private key", … */
  kind: string;
  /** False for obvious placeholders and documentation examples: hidden in excerpts, not reported. */
  reported: boolean;
}

export interface LineSecrets {
  spans: readonly SecretSpan[];
  /** The line is inside a multi-line private-key block: hide all of it. */
  inKeyBlock: boolean;
}

interface TokenPattern {
  kind: string;
  /** A substring every match contains, checked before the pattern runs. */
  hint: string;
  pattern: RegExp;
  /** Redact this capture group instead of the whole match. */
  group?: number;
}

const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'AWS access key ID', hint: 'A', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  { kind: 'GitHub token', hint: '_', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})/g },
  { kind: 'GitLab token', hint: 'glpat-', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,200}/g },
  { kind: 'Slack token', hint: 'xox', pattern: /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'Slack webhook URL', hint: 'hooks.slack.com', pattern: /hooks\.slack\.com\/services\/([A-Za-z0-9_/-]{20,200})/g, group: 1 },
  { kind: 'Stripe live key', hint: '_live_', pattern: /(?<![A-Za-z0-9])(?:sk|rk)_live_[A-Za-z0-9]{16,247}/g },
  { kind: 'Google API key', hint: 'AIza', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g },
  { kind: 'npm token', hint: 'npm_', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  { kind: 'PyPI token', hint: 'pypi-AgE', pattern: /(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,500}/g },
  { kind: 'AI provider API key', hint: 'sk-', pattern: /(?<![A-Za-z0-9_-])sk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,300}/g },
  {
    kind: 'JWT',
    hint: 'eyJ',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}/g,
  },
  { kind: 'bearer token', hint: 'earer', pattern: /(?<![A-Za-z0-9])[Bb]earer[ \t]{1,5}([A-Za-z0-9._~+/-]{20,1000}={0,2})/g, group: 1 },
];

/**
 * One pass over the line decides whether any rule can match: a token prefix, a key header, a URL
 * with credentials, or a credential name (case-insensitive, so it also admits more token lines).
 */
export const SECRET_PREFILTER =
  /AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|_live_|AIza|npm_|pypi-|sk-|eyJ|earer|PRIVATE KEY|:\/\/[^\s/]{1,200}@|secret|token|passw|pwd|api.?key|access.?key|credential|auth.?key|signing.?key|encryption.?key/gi;
const PREFILTER = new RegExp(SECRET_PREFILTER.source, 'i');
/**
 * SECRET_PREFILTER in lower case, case-sensitive, for the lower-cased text of a file (see
 * candidateLinesFolded in policy-context.ts): it admits every line SECRET_PREFILTER admits. The
 * alternatives are grouped by their first letter, which V8 scans a large PR's text with faster; a
 * test checks it matches exactly where the plain lower-cased SECRET_PREFILTER does.
 */
export const SECRET_PREFILTER_LOWER =
  /a(?:kia|sia|bia|cca|3t|iza|pi.?key|ccess.?key|uth.?key)|g(?:h[pousr]_|ithub_pat_|lpat-)|xox|hooks\.slack|_live_|npm_|p(?:ypi-|rivate key|assw|wd)|s(?:k-|ecret|igning.?key)|e(?:yj|arer|ncryption.?key)|:\/\/[^\s/]{1,200}@|token|credential/g;
const TOKEN_PREFILTER = /AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|_live_|AIza|npm_|pypi-|sk-|eyJ|earer/;

const KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const KEY_FOOTER = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const KEY_BODY = /[A-Za-z0-9+/=]{16}/;

const URL_PASSWORD = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,15}:\/\/[^\s/:@'"`]{1,100}:([^\s/@'"`]{1,200})@/g;

/** Names whose value is a credential. Matched case-insensitively anywhere in an identifier. */
const SECRET_NAME =
  /secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|signing[_-]?key|encryption[_-]?key/gi;
const NAME_PREFILTER = /secret|token|passw|pwd|api.?key|access.?key|private.?key|credential|auth.?key|signing.?key|encryption.?key/i;
/** Names that hold something next to a credential, not the credential itself. */
const NOT_SECRET_NAME =
  /sha\d*|hash|checksum|digest|integrity|fingerprint|url|uri|endpoint|path|file|name|type|expir|length|count|size|header|field|prefix|format|label|placeholder|regex|pattern|policy|event|metric|usage|limit|ttl|timeout|key_?id|keyid/i;
/** Template references and documentation fillers; case-sensitive words so random keys rarely trip them. */
const PLACEHOLDER =
  /\$\{|\{\{|\$\(|%\(|<[^<>]{0,40}>|process\.env|import\.meta\.env|os\.environ|getenv|environ\[|ENV\[|secrets\.|vars\.|xxxx|XXXX|\*\*\*|\.\.\.|changeme|change_me|example|placeholder|your[_-]|dummy|redacted|replace[_-]?me|CHANGEME|EXAMPLE|PLACEHOLDER|YOUR[_-]|DUMMY|REDACTED|Example|Placeholder|0{10}/;
/** Subresource-integrity and module-sum hashes: `sha512-…`, `sha256:…`, `h1:…`. */
const HASH_VALUE = /^(?:sha\d{1,3}|md5)[-:]|^h1:/i;
const HEX = /^[0-9a-f]+$/i;
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const FILE_LIKE = /\.[A-Za-z]{1,5}$/;

/** `[A-Za-z0-9_.-]` by character code (called per character, so no RegExp). */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

function isValueEnd(code: number): boolean {
  // whitespace , ; ( ) { } [ ] " ' `
  return code <= 32 || code === 44 || code === 59 || code === 40 || code === 41 || code === 123 || code === 125 || code === 91 || code === 93 || code === 34 || code === 39 || code === 96;
}

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

function isPlaceholder(text: string): boolean {
  if (PLACEHOLDER.test(text)) return true;
  // A run of one repeated character (`aaaaaaaa…`, `00000000…`) is filler, not a key.
  return /(.)\1{7}/.test(text);
}

/** A value assigned to a secret-like name that looks random enough to be a real credential. */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 20 || value.length > 500) return false;
  if (/\s/.test(value) || value.startsWith('$') || value.includes('://')) return false;
  if (isPlaceholder(value) || DOTTED_IDENTIFIER.test(value) || FILE_LIKE.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= 3.3;
}

function addTokenSpans(text: string, spans: SecretSpan[]): void {
  for (const { kind, hint, pattern, group } of TOKEN_PATTERNS) {
    if (!text.includes(hint)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const whole = match[0];
      const part = group === undefined ? whole : (match[group] ?? whole);
      const start = match.index + (group === undefined ? 0 : whole.lastIndexOf(part));
      spans.push({ start, end: start + part.length, kind, reported: !isPlaceholder(part) });
    }
  }
}

function addUrlPasswordSpans(text: string, spans: SecretSpan[]): void {
  URL_PASSWORD.lastIndex = 0;
  for (let match = URL_PASSWORD.exec(text); match !== null; match = URL_PASSWORD.exec(text)) {
    const password = match[1] ?? '';
    if (password.length < 8 || isPlaceholder(password) || password.startsWith('$') || /^(?:postgres|password|passw0rd|root|admin|secret|guest|test)$/i.test(password)) continue;
    const start = match.index + match[0].length - 1 - password.length;
    spans.push({ start, end: start + password.length, kind: 'password in URL', reported: true });
  }
}

/** `name = "value"`, `name: value`, `"name": "value"`, `NAME=value`, `name := "value"`, `name => 'value'`. */
function addAssignmentSpans(text: string, spans: SecretSpan[], checksums: boolean): void {
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
    spans.push({ start: at, end, kind: 'secret assigned to a credential name', reported: true });
  }
}

/** How specific a kind is: a recognised token format names the secret better than its context. */
function specificity(kind: string): number {
  if (kind === 'secret assigned to a credential name') return 0;
  if (kind === 'bearer token' || kind === 'password in URL') return 1;
  return 2;
}

/** Overlapping spans become one, named by the most specific kind among them. */
function mergeSpans(spans: SecretSpan[]): SecretSpan[] {
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

const NO_SPANS: readonly SecretSpan[] = Object.freeze([]);

/**
 * Secrets in one line, without multi-line context (a private-key header is reported, its body on
 * later lines is not seen). `checksums`: the line comes from a lockfile or checksum file, whose
 * hashes are never credentials, so a hex value assigned to a credential-like name is not one there.
 */
export function scanSecretLine(text: string, options: { checksums?: boolean } = {}): readonly SecretSpan[] {
  if (!PREFILTER.test(text)) return NO_SPANS;
  const spans: SecretSpan[] = [];
  if (TOKEN_PREFILTER.test(text)) addTokenSpans(text, spans);
  if (text.includes('PRIVATE KEY')) {
    const header = KEY_HEADER.exec(text);
    if (header) {
      const bodyStart = header.index + header[0].length;
      const footer = KEY_FOOTER.exec(text.slice(bodyStart));
      const bodyEnd = footer ? bodyStart + footer.index : text.length;
      const body = text.slice(bodyStart, bodyEnd);
      const hasBody = KEY_BODY.test(body);
      spans.push({ start: hasBody ? bodyStart : bodyEnd, end: bodyEnd, kind: 'private key', reported: true });
    }
  }
  if (text.includes('://') && text.includes('@')) addUrlPasswordSpans(text, spans);
  if (NAME_PREFILTER.test(text)) addAssignmentSpans(text, spans, options.checksums === true);
  return mergeSpans(spans);
}

/**
 * Secrets in the added lines of one file, in order, so the body of a multi-line private key is
 * recognised. `candidates`: indexes of the lines that passed SECRET_PREFILTER (in order); other
 * lines are only looked at inside a key block. Returns only the lines that hold something.
 */
export function scanSecretLines(
  lines: readonly { text: string }[],
  candidates: readonly number[],
  options: { checksums?: boolean; memo?: Map<string, readonly SecretSpan[]> } = {},
): Map<number, LineSecrets> {
  const out = new Map<number, LineSecrets>();
  const memo = options.memo;
  let done = -1;
  // An index loop: this runs cold, once per file of a large PR, where for…of allocates per step.
  for (let c = 0; c < candidates.length; c += 1) {
    const candidate = candidates[c] ?? -1;
    if (candidate <= done) continue;
    const text = lines[candidate]?.text ?? '';
    // A line's spans depend only on its text and `checksums`; large PRs repeat lines (imports,
    // config keys, generated code), so a caller may share one memo per `checksums` value. The
    // spans are never mutated once returned, so lines with the same text can share them.
    let spans = memo?.get(text);
    if (spans === undefined) {
      spans = scanSecretLine(text, options);
      memo?.set(text, spans);
    }
    done = candidate;
    if (spans.length === 0) continue;
    out.set(candidate, { spans, inKeyBlock: false });
    const header = text.includes('PRIVATE KEY') ? KEY_HEADER.exec(text) : null;
    if (!header) continue;
    const rest = text.slice(header.index + header[0].length);
    if (KEY_FOOTER.test(rest) || KEY_BODY.test(rest)) continue;
    // A key block: every line up to the footer is key material.
    for (let index = candidate + 1; index < lines.length; index += 1) {
      done = index;
      const line = lines[index]?.text ?? '';
      const footer = KEY_FOOTER.exec(line);
      if (!footer) {
        out.set(index, { spans: NO_SPANS, inKeyBlock: true });
        continue;
      }
      out.set(index, { spans: footer.index > 0 ? [{ start: 0, end: footer.index, kind: 'private key', reported: false }] : NO_SPANS, inKeyBlock: false });
      break;
    }
  }
  return out;
}

/** Secrets in every line of a text, in order (all lines are candidates). */
export function scanSecretText(lines: readonly { text: string }[], options: { checksums?: boolean } = {}): Map<number, LineSecrets> {
  return scanSecretLines(lines, lines.map((_, index) => index), options);
}

/** The line with every secret span replaced by its redaction (the whole line inside a key block). */
export function redactLine(text: string, secrets: LineSecrets | undefined): string {
  if (!secrets) return text;
  if (secrets.inKeyBlock) {
    const trimmed = text.trim();
    return trimmed === '' ? '' : redactSecret(trimmed);
  }
  let out = text;
  for (let i = secrets.spans.length - 1; i >= 0; i -= 1) {
    const span = secrets.spans[i];
    if (!span || span.end <= span.start) continue;
    out = out.slice(0, span.start) + redactSecret(text.slice(span.start, span.end)) + out.slice(span.end);
  }
  return out;
}

/** The secret texts a file's scan found: every span, and whole lines inside key blocks. */
export function secretTexts(lines: ReadonlyMap<{ text: string }, LineSecrets>): string[] {
  const out: string[] = [];
  for (const [line, secrets] of lines) {
    if (secrets.inKeyBlock) {
      const trimmed = line.text.trim();
      if (trimmed !== '') out.push(trimmed);
      continue;
    }
    for (const span of secrets.spans) if (span.end > span.start) out.push(line.text.slice(span.start, span.end));
  }
  return out;
}

/** Overlaps shorter than this are not treated as an echo of a secret. */
const ECHO_WINDOW = 12;
const SHORTEST_KNOWN = 8;

/**
 * Hides any piece of a known secret (12 characters or more; a shorter secret whole) that made its
 * way into `text` — through a parsed manifest entry, a truncated command, anything built from
 * added lines — replacing the whole overlap with its redaction.
 */
export function hideKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const size = Math.min(ECHO_WINDOW, secret.length);
    if (size < SHORTEST_KNOWN) continue;
    for (let i = 0; i + size <= secret.length; i += 1) {
      const piece = secret.slice(i, i + size);
      for (let at = out.indexOf(piece); at !== -1; at = out.indexOf(piece, at)) {
        let start = at;
        let end = at + size;
        let from = i;
        let to = i + size;
        while (start > 0 && from > 0 && out.charAt(start - 1) === secret.charAt(from - 1)) {
          start -= 1;
          from -= 1;
        }
        while (end < out.length && to < secret.length && out.charAt(end) === secret.charAt(to)) {
          end += 1;
          to += 1;
        }
        const hidden = redactSecret(out.slice(start, end));
        out = out.slice(0, start) + hidden + out.slice(end);
        at = start + hidden.length;
      }
    }
  }
  return out;
}

/** Redacts every secret a single line of text holds (for messages built from added lines). */
export function redactSecrets(text: string): string {
  const spans = scanSecretLine(text);
  return spans.length === 0 ? text : redactLine(text, { spans, inKeyBlock: false });
}
