import { KeywordIndex, type MaskValue } from './keyword-index.js';

/**
 * Line hints (docs/architecture.md, "Line hints"): the words a reader of added lines needs a line
 * to hold before it looks closer — `://` or `http:` for the host reader, `.skip` or `xit` for the
 * test markers, the secret rules' keywords. Every hint's words go into one keyword automaton, and
 * one pass over each file's added lines marks which hints each line holds, instead of one search
 * of the patch per reader. A hint is a superset: words match ignoring ASCII case (`İ` counts as
 * `i`, the Kelvin sign as `k`), and a reader checks each line it gets with its own patterns.
 * Hints are made when their module loads; at most 30 (a line's mark stays a small integer).
 */

export interface LineHint {
  /** The hint's bit in a line's mark. */
  readonly bit: number;
  readonly name: string;
}

/** A hint's word; `check`, when the word alone admits too much, is a sticky pattern run where it starts. */
export type HintWord = string | { word: string; check: RegExp };

const ENTRIES: [string, MaskValue][] = [];
const NAMES: string[] = [];
let automaton: KeywordIndex<MaskValue> | null = null;

/** A new hint over `words` (any case; checks must be sticky). */
export function lineHint(name: string, words: readonly HintWord[]): LineHint {
  if (NAMES.length === 30) throw new Error(`line hint ${name}: at most 30 hints`);
  if (words.length === 0) throw new Error(`line hint ${name} has no words`);
  const bit = 1 << NAMES.length;
  NAMES.push(name);
  for (const entry of words) {
    const { word, check } = typeof entry === 'string' ? { word: entry, check: null } : entry;
    if (check !== null && !check.sticky) throw new Error(`line hint ${name}: the check of ${word} must be sticky`);
    ENTRIES.push([word.toLowerCase(), { bit, length: word.length, check }]);
  }
  automaton = null;
  return { bit, name };
}

function hints(): KeywordIndex<MaskValue> {
  automaton ??= new KeywordIndex(ENTRIES);
  return automaton;
}

/** The hints `text` holds, as a mark (one bit per hint). */
export function markOf(text: string): number {
  return hints().maskOf(text, 0, text.length);
}

/** Lines shorter than this are read again rather than remembered: storing costs more than reading. */
const MEMO_FROM = 48;

/** What markLines finds: each line's mark, and all of them or-ed together. */
export interface LineMarks {
  readonly marks: readonly number[];
  readonly union: number;
  /** How many hints there were (marks made before a later hint lack its bit). */
  readonly hints: number;
}

/** How many hints there are. */
export function hintCount(): number {
  return NAMES.length;
}

/**
 * The mark of each line `text.slice(starts[i], ends[i])` (a file's added lines in its patch, so no
 * line is copied out unless it is long enough to remember). `memo`: marks by line text, shared by
 * the files of one PR (large PRs repeat lines), made with as many hints as there are now. A check
 * may read past a line's end; no check matches a line break, so a line's mark is the same as for
 * the line alone.
 */
export function markLines(text: string, starts: readonly number[], ends: readonly number[], memo?: Map<string, number>): LineMarks {
  const index = hints();
  const marks: number[] = [];
  let union = 0;
  // An index loop: this runs cold, once per file of a large PR.
  for (let line = 0; line < starts.length; line += 1) {
    const start = starts[line] ?? 0;
    const end = ends[line] ?? start;
    let mark: number | undefined;
    if (memo === undefined || end - start < MEMO_FROM) mark = index.maskOf(text, start, end);
    else {
      const key = text.slice(start, end);
      mark = memo.get(key);
      if (mark === undefined) {
        mark = index.maskOf(key, 0, key.length);
        memo.set(key, mark);
      }
    }
    marks.push(mark);
    union |= mark;
  }
  return { marks, union, hints: NAMES.length };
}
