import { GENERATED_FRAGMENTS, GENERATED_KEYWORDS } from './generated-rules.js';
import { KeywordIndex } from './keyword-index.js';

/**
 * Which added lines any secret rule could match (docs/secrets.md, "How"): one pass of a keyword
 * automaton over each line, ignoring case. Its keywords are the hand-written rules' triggers,
 * every generated rule's keywords, and the literal start of each generated rule's fragment; a few
 * triggers are checked further where they occur (`api` must be followed by `key`, a fragment
 * must match in full). A V8 alternation of these 270 literals ran several times slower, and lines
 * repeat in large PRs, so a caller may share a memo of the answer by line text.
 */

/** A trigger and, when the literal alone admits too much, a sticky check at its start. */
interface Trigger {
  length: number;
  check: RegExp | null;
}

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

let automaton: KeywordIndex<Trigger> | null = null;

function triggers(): KeywordIndex<Trigger> {
  if (automaton === null) {
    const entries: [string, Trigger][] = [];
    for (const literal of new Set([...BASE_LITERALS, ...GENERATED_KEYWORDS])) entries.push([literal, { length: literal.length, check: null }]);
    for (const [literal, check] of BASE_CHECKED) entries.push([literal, { length: literal.length, check }]);
    // Fragments are lower-case sources written for lower-cased text: `i` reads any case the same.
    for (const fragment of GENERATED_FRAGMENTS) {
      const literal = fragmentLiteral(fragment);
      entries.push([literal, { length: literal.length, check: new RegExp(fragment, 'iy') }]);
    }
    automaton = new KeywordIndex(entries);
  }
  return automaton;
}

function accept(trigger: Trigger, text: string, last: number): boolean {
  if (trigger.check === null) return true;
  trigger.check.lastIndex = last + 1 - trigger.length;
  return trigger.check.test(text);
}

/** Whether `text.slice(from, to)` holds a trigger of some rule (in any case). */
export function mayHoldSecret(text: string, from = 0, to = text.length): boolean {
  return triggers().occursIn(text, from, to, accept);
}

/** Lines shorter than this are read again rather than remembered: storing costs more than reading. */
const MEMO_FROM = 48;

/**
 * The indexes of the lines any secret rule could match, in order: line `i` is
 * `text.slice(starts[i], ends[i])` (a file's added lines in its patch, so no line is copied out
 * unless it is long enough to remember). `memo`: answers by line text, shared by the files of one
 * PR. (A trigger's check may read past a line's end; no check matches a line break, so a line's
 * answer is the same as for the line alone.)
 */
export function secretCandidateLines(text: string, starts: readonly number[], ends: readonly number[], memo?: Map<string, boolean>): number[] {
  const out: number[] = [];
  // An index loop: this runs cold, once per file of a large PR.
  for (let index = 0; index < starts.length; index += 1) {
    const start = starts[index] ?? 0;
    const end = ends[index] ?? start;
    let candidate: boolean | undefined;
    if (memo === undefined || end - start < MEMO_FROM) candidate = mayHoldSecret(text, start, end);
    else {
      const line = text.slice(start, end);
      candidate = memo.get(line);
      if (candidate === undefined) {
        candidate = mayHoldSecret(line);
        memo.set(line, candidate);
      }
    }
    if (candidate) out.push(index);
  }
  return out;
}
