import { lineHint, markOf, type HintWord } from '../line-hints.js';
import { GENERATED_FRAGMENTS, GENERATED_KEYWORDS } from './generated-rules.js';

/**
 * Which added lines any secret rule could match (docs/secrets.md, "How"): the lines that hold, in
 * any case, a trigger of some rule. Its words are the hand-written rules' triggers, every
 * generated rule's keywords, and the literal start of each generated rule's fragment; a few
 * triggers are checked further where they occur (`api` must be followed by `key`, a fragment
 * must match in full). A V8 alternation of these 270 literals ran several times slower than a
 * keyword automaton, so they are the secrets' line hint (line-hints.ts), found in the same pass
 * as every other reader's words.
 */

/** The hand-written rules' triggers (secret-scan.ts, assignment.ts), lower-case. */
const BASE_LITERALS = [
  'akia', 'asia', 'abia', 'acca', 'a3t', 'aiza', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox', 'hooks.slack', '_live_', 'whsec_',
  'npm_', 'pypi-', 'sk-', 'eyj', 'ls0tls1crudjti', 'earer', 'private key', 'secret', 'token', 'passw', 'pwd', 'credential',
];
const BASE_CHECKED: readonly [string, RegExp][] = [
  ['api', /api.?key/iy],
  ['access', /access.?key/iy],
  ['auth', /auth.?key/iy],
  ['signing', /signing.?key/iy],
  ['encryption', /encryption.?key/iy],
  // A URL with user information: `scheme://user:password@host`.
  ['://', /:\/\/[^\s/]{1,200}@/y],
];

/** The literal start of a fragment (`s\.[a-z0-9]{24}` → `s.`). */
export function fragmentLiteral(fragment: string): string {
  const literal = /^(?:[a-z0-9_~-]|\\\.)+/.exec(fragment)?.[0] ?? '';
  if (literal === '') throw new Error(`fragment ${fragment} has no literal start`);
  return literal.replace(/\\\./g, '.');
}

/** Every trigger, as hint words. */
function secretWords(): HintWord[] {
  const words: HintWord[] = [...new Set([...BASE_LITERALS, ...GENERATED_KEYWORDS])];
  for (const [word, check] of BASE_CHECKED) words.push({ word, check });
  // Fragments are lower-case sources written for lower-cased text: `i` reads any case the same.
  for (const fragment of GENERATED_FRAGMENTS) words.push({ word: fragmentLiteral(fragment), check: new RegExp(fragment, 'iy') });
  return words;
}

/** The added lines a secret rule could match (docs/architecture.md, "Line hints"). */
export const SECRET_HINT = lineHint('secrets', secretWords());

/** Whether `text` holds a trigger of some rule (in any case): the check before scanning one line. */
export function mayHoldSecret(text: string): boolean {
  return (markOf(text) & SECRET_HINT.bit) !== 0;
}
