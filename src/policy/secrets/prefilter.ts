import { GENERATED_FRAGMENTS, GENERATED_KEYWORDS } from './generated-rules.js';
import { KeywordIndex } from './keyword-index.js';

/**
 * Which added lines any secret rule could match (docs/secrets.md, "How"): one pass of a keyword
 * automaton over each line's lower-cased text. Its keywords are the hand-written rules' triggers,
 * every generated rule's keywords, and the literal start of each generated rule's fragment; a few
 * triggers are checked further where they occur (`api` must be followed by `key`, a fragment
 * must match in full). A V8 alternation of these 270 literals ran several times slower.
 */

/** A trigger and, when the literal alone admits too much, a sticky check at its start. */
interface Trigger {
  length: number;
  check: RegExp | null;
}

/** The hand-written rules' triggers (secret-scan.ts, assignment.ts), lower-case. */
const BASE_LITERALS = [
  'akia', 'asia', 'abia', 'acca', 'a3t', 'aiza', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox', 'hooks.slack', '_live_', 'whsec_',
  'npm_', 'pypi-', 'sk-', 'eyj', 'earer', 'private key', 'secret', 'token', 'passw', 'pwd', 'credential',
];
const BASE_CHECKED: readonly [string, RegExp][] = [
  ['api', /api.?key/y],
  ['access', /access.?key/y],
  ['auth', /auth.?key/y],
  ['signing', /signing.?key/y],
  ['encryption', /encryption.?key/y],
  // A URL with user information: `scheme://user:password@host`.
  ['://', /:\/\/[^\s/]{1,200}@/y],
];

/** The literal start of a fragment (`s\.[a-z0-9]{24}` → `s.`). */
export function fragmentLiteral(fragment: string): string {
  const literal = /^(?:[a-z0-9_~-]|\\\.)+/.exec(fragment)?.[0] ?? '';
  if (literal === '') throw new Error(`fragment ${fragment} has no literal start`);
  return literal.replace(/\\\./g, '.');
}

let automaton: KeywordIndex<Trigger> | null = null;

function triggers(): KeywordIndex<Trigger> {
  if (automaton === null) {
    const entries: [string, Trigger][] = [];
    for (const literal of new Set([...BASE_LITERALS, ...GENERATED_KEYWORDS])) entries.push([literal, { length: literal.length, check: null }]);
    for (const [literal, check] of BASE_CHECKED) entries.push([literal, { length: literal.length, check }]);
    for (const fragment of GENERATED_FRAGMENTS) {
      const literal = fragmentLiteral(fragment);
      entries.push([literal, { length: literal.length, check: new RegExp(fragment, 'y') }]);
    }
    automaton = new KeywordIndex(entries);
  }
  return automaton;
}

/** Whether lower-cased `text.slice(from, to)` holds a trigger of some rule. */
export function mayHoldSecret(lower: string, from = 0, to = lower.length): boolean {
  return triggers().occursIn(lower, from, to, (trigger, last) => {
    if (trigger.check === null) return true;
    trigger.check.lastIndex = last + 1 - trigger.length;
    return trigger.check.test(lower);
  });
}

/** A file's lower-cased text with where each added line lies in it (see policy-context.ts). */
interface LowerText {
  text: string;
  starts: readonly number[];
  ends: readonly number[];
}

/** The added lines any secret rule could match, in order. */
export function secretCandidateLines(search: LowerText): number[] {
  const { text, starts, ends } = search;
  const out: number[] = [];
  for (let line = 0; line < starts.length; line += 1) if (mayHoldSecret(text, starts[line], ends[line])) out.push(line);
  return out;
}
