import { addAssignmentSpans, addUrlPasswordSpans, NAME_PREFILTER } from './secrets/assignment.js';
import { addGeneratedSpans, addPathRuleSpans, pathRulesFor } from './secrets/generated-rules.js';
import { mayHoldSecret } from './secrets/prefilter.js';
import { redactLine } from './secrets/redaction.js';
import { isPlaceholder, mergeSpans, NO_SPANS, type LineSecrets, type SecretSpan } from './secrets/spans.js';

export { looksLikeSecretValue } from './secrets/assignment.js';
export { hideKnownSecrets, redactLine, secretTexts } from './secrets/redaction.js';
export { shannonEntropy, type LineSecrets, type SecretSpan } from './secrets/spans.js';

/**
 * Finds text that looks like a credential in added lines: well-known token formats (cloud keys,
 * GitHub/Slack/Stripe/… tokens, JWTs, private-key blocks) and long random values assigned to names
 * like `secret`, `token`, `password`. Used twice: by the `secrets` category (what to report) and by
 * every excerpt (what to hide), so no category can echo a secret another one found.
 *
 * Three sets of rules (docs/secrets.md): the provider rules generated from gitleaks' rule set
 * (secrets/generated-rules.ts, RE2JS), the hand-written token formats below and the generic
 * assignment rule (secrets/assignment.ts), both native RegExps written to run in linear time: every
 * repetition is bounded or guarded by a look-behind so a match can only start at the beginning of
 * a run of token characters. One prefilter pass decides whether a line is looked at at all.
 */

interface TokenPattern {
  kind: string;
  /** A substring every match contains, checked before the pattern runs. */
  hint: string;
  pattern: RegExp;
  /** Redact this capture group instead of the whole match. */
  group?: number;
  /** A further check of the match. */
  verify?: (match: string) => boolean;
}

/** A base64 text that decodes to a private-key header (`-----BEGIN … PRIVATE KEY-----`). */
function decodesToKeyHeader(match: string): boolean {
  return KEY_HEADER.test(Buffer.from(match.slice(0, 96), 'base64').toString('latin1'));
}

const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'AWS access key ID', hint: 'A', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  { kind: 'GitHub token', hint: '_', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})/g },
  { kind: 'GitLab token', hint: 'glpat-', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,200}/g },
  { kind: 'Slack token', hint: 'xox', pattern: /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'Slack webhook URL', hint: 'hooks.slack.com', pattern: /hooks\.slack\.com\/services\/([A-Za-z0-9_/-]{20,200})/g, group: 1 },
  // A PEM block base64-encoded once more, as Kubernetes Secrets and Helm values hold it.
  { kind: 'private key (base64)', hint: 'LS0tLS1CRUdJTi', pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,20000}={0,2}/g, verify: decodesToKeyHeader },
  { kind: 'Stripe webhook secret', hint: 'whsec_', pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,200}/g },
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
 * What a hand-written rule needs in a line: a token prefix, a key header, a URL with
 * credentials, or a credential name. Not run: secrets/prefilter.ts holds the same triggers (a test
 * checks it admits every line this matches), with the generated rules' keywords.
 */
export const SECRET_PREFILTER =
  /AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|_live_|whsec_|AIza|npm_|pypi-|sk-|eyJ|earer|PRIVATE KEY|:\/\/[^\s/]{1,200}@|secret|token|passw|pwd|api.?key|access.?key|credential|auth.?key|signing.?key|encryption.?key/gi;
const TOKEN_PREFILTER = /LS0tLS1CRUdJTi|AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|_live_|whsec_|AIza|npm_|pypi-|sk-|eyJ|earer/;

const KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const KEY_FOOTER = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const KEY_BODY = /[A-Za-z0-9+/=]{16}/;

function addTokenSpans(text: string, spans: SecretSpan[]): void {
  for (const { kind, hint, pattern, group, verify } of TOKEN_PATTERNS) {
    if (!text.includes(hint)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const whole = match[0];
      if (verify && !verify(whole)) continue;
      const part = group === undefined ? whole : (match[group] ?? whole);
      const start = match.index + (group === undefined ? 0 : whole.lastIndexOf(part));
      spans.push({ start, end: start + part.length, kind, reported: !isPlaceholder(part) });
    }
  }
}

function addKeySpans(text: string, spans: SecretSpan[]): void {
  const header = KEY_HEADER.exec(text);
  if (!header) return;
  const bodyStart = header.index + header[0].length;
  const footer = KEY_FOOTER.exec(text.slice(bodyStart));
  const bodyEnd = footer ? bodyStart + footer.index : text.length;
  const hasBody = KEY_BODY.test(text.slice(bodyStart, bodyEnd));
  spans.push({ start: hasBody ? bodyStart : bodyEnd, end: bodyEnd, kind: 'private key', reported: true });
}

interface ScanOptions {
  /** The line comes from a lockfile or checksum file, whose hex values are hashes, not keys. */
  checksums?: boolean;
  /** The file's path: some generated rules apply to some files only (Terraform, NuGet config). */
  path?: string;
}

function scanWithoutPath(text: string, lower: string, checksums: boolean): readonly SecretSpan[] {
  if (!mayHoldSecret(text)) return NO_SPANS;
  const spans: SecretSpan[] = [];
  if (TOKEN_PREFILTER.test(text)) addTokenSpans(text, spans);
  if (text.includes('PRIVATE KEY')) addKeySpans(text, spans);
  if (text.includes('://') && text.includes('@')) addUrlPasswordSpans(text, spans);
  if (NAME_PREFILTER.test(text)) addAssignmentSpans(text, spans, checksums);
  addGeneratedSpans(text, lower, spans, checksums);
  return spans.length === 0 ? NO_SPANS : mergeSpans(spans);
}

function withPathRules(text: string, lower: string, spans: readonly SecretSpan[], rules: ReturnType<typeof pathRulesFor>, checksums: boolean): readonly SecretSpan[] {
  const extra: SecretSpan[] = [];
  addPathRuleSpans(text, lower, rules, extra, checksums);
  return extra.length === 0 ? spans : mergeSpans([...spans, ...extra]);
}

/**
 * Secrets in one line, without multi-line context (a private-key header is reported, its body on
 * later lines is not seen).
 */
export function scanSecretLine(text: string, options: ScanOptions = {}): readonly SecretSpan[] {
  const lower = text.toLowerCase();
  const checksums = options.checksums === true;
  const spans = scanWithoutPath(text, lower, checksums);
  const rules = options.path === undefined ? [] : pathRulesFor(options.path);
  return rules.length === 0 ? spans : withPathRules(text, lower, spans, rules, checksums);
}

/** A file's lines by index: `count` of them, line `i`'s text `textAt(i)` (read only when needed). */
export interface LineTexts {
  readonly count: number;
  textAt(index: number): string;
}

/**
 * Secrets in the added lines of one file, in order, so the body of a multi-line private key is
 * recognised. `candidates`: indexes of the lines the secrets' line hint gave (in order);
 * other lines are only looked at inside a key block. Returns only the lines that hold something.
 */
export function scanSecretLines(
  lines: LineTexts,
  candidates: readonly number[],
  options: ScanOptions & { memo?: Map<string, readonly SecretSpan[]> } = {},
): Map<number, LineSecrets> {
  const out = new Map<number, LineSecrets>();
  const memo = options.memo;
  const checksums = options.checksums === true;
  const pathRules = options.path === undefined ? [] : pathRulesFor(options.path);
  let done = -1;
  // An index loop: this runs cold, once per file of a large PR, where for…of allocates per step.
  for (let c = 0; c < candidates.length; c += 1) {
    const candidate = candidates[c] ?? -1;
    if (candidate <= done) continue;
    const text = lines.textAt(candidate);
    // Spans without path rules depend only on the text and `checksums`; large PRs repeat lines
    // (imports, config keys, generated code), so a caller may share one memo per `checksums`
    // value. The spans are never mutated once returned, so lines with the same text share them.
    let spans = memo?.get(text);
    if (spans === undefined) {
      spans = scanWithoutPath(text, text.toLowerCase(), checksums);
      memo?.set(text, spans);
    }
    if (pathRules.length > 0) spans = withPathRules(text, text.toLowerCase(), spans, pathRules, checksums);
    done = candidate;
    if (spans.length === 0) continue;
    out.set(candidate, { spans, inKeyBlock: false });
    const header = text.includes('PRIVATE KEY') ? KEY_HEADER.exec(text) : null;
    if (!header) continue;
    const rest = text.slice(header.index + header[0].length);
    if (KEY_FOOTER.test(rest) || KEY_BODY.test(rest)) continue;
    // A key block: every line up to the footer is key material.
    for (let index = candidate + 1; index < lines.count; index += 1) {
      done = index;
      const line = lines.textAt(index);
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
export function scanSecretText(lines: readonly { text: string }[], options: ScanOptions = {}): Map<number, LineSecrets> {
  const texts: LineTexts = { count: lines.length, textAt: (index) => lines[index]?.text ?? '' };
  return scanSecretLines(texts, lines.map((_, index) => index), options);
}

/** Redacts every secret a single line of text holds (for messages built from added lines). */
export function redactSecrets(text: string): string {
  const spans = scanSecretLine(text);
  return spans.length === 0 ? text : redactLine(text, { spans, inKeyBlock: false });
}
