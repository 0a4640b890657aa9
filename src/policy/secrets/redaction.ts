import { redactSecret } from '../redact-secret.js';
import type { LineSecrets } from './spans.js';

/** How found secrets are hidden wherever the gate writes (docs/secrets.md, "Redaction"). */

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
