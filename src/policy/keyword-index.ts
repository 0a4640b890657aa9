/** A keyword's value for maskOf: its bit, its length, and a sticky check at its start (or null). */
export interface MaskValue {
  readonly bit: number;
  readonly length: number;
  readonly check: RegExp | null;
}

/**
 * Which of many keywords occur in a text, in one pass: an Aho–Corasick automaton turned into a
 * table (state × character → state) so each character costs one array read. Matching ignores
 * ASCII case (as in lower-cased text: `İ` counts as `i`, the Kelvin sign as `k`). The line hints
 * (line-hints.ts) use it to mark, in one pass over each added line, which readers the line is
 * for; the secret scanner, for one line, to find the generated rules whose keyword it holds
 * (docs/secrets.md). Linear in the text's length.
 */
export class KeywordIndex<T> {
  /**
   * DFA transitions, by row: from the state whose row starts at `row`, a character goes to
   * `table[row + column[code]]`, the next state's row start (state × width, so the scan never
   * multiplies), negated when a keyword ends in that state (the root is never one).
   */
  private readonly table: Int32Array;
  /** Each UTF-16 code unit's column: 0 for characters no keyword holds, else 1, 2, … */
  private readonly column: Uint8Array;
  private readonly width: number;
  /** What each state reports: the values of every keyword ending there, its suffixes' included. */
  private readonly out: T[][];

  constructor(entries: Iterable<readonly [keyword: string, value: T]>) {
    const list = [...entries];
    // Columns only for the characters keywords hold: a small table fills fast.
    const column = new Uint8Array(0x10000);
    let width = 1;
    let size = 1;
    for (const [keyword] of list) {
      if (!/^[\x20-\x40\x5b-\x7e]+$/.test(keyword)) throw new Error(`keyword ${JSON.stringify(keyword)} is not lower-case printable ASCII`);
      size += keyword.length;
      for (let i = 0; i < keyword.length; i += 1) if (column[keyword.charCodeAt(i)] === 0) column[keyword.charCodeAt(i)] = width++;
    }
    // The trie first: its edges by state (linked lists) and a lookup by state and column.
    const edge = new Int32Array(size * width);
    const edgeColumn = new Int32Array(size);
    const edgeTo = new Int32Array(size);
    const edgeNext = new Int32Array(size);
    const edgeHead = new Int32Array(size).fill(-1);
    const out: T[][] = [[]];
    let states = 1;
    for (const [keyword, value] of list) {
      let state = 0;
      for (let i = 0; i < keyword.length; i += 1) {
        const c = column[keyword.charCodeAt(i)] as number;
        const at = state * width + c;
        if (edge[at] === 0) {
          const e = states - 1;
          edgeColumn[e] = c;
          edgeTo[e] = states;
          edgeNext[e] = edgeHead[state] as number;
          edgeHead[state] = e;
          edge[at] = states;
          out.push([]);
          states += 1;
        }
        state = edge[at] as number;
      }
      (out[state] as T[]).push(value);
    }
    // Then the DFA breadth first: a state's row is its failure state's (the longest proper suffix
    // that is also a prefix; copied natively) with its own edges over it, and it reports its
    // failure state's keywords too. Entries are written as the scan reads them (see `table`):
    // whether a keyword ends in a state is known when its edge is written, from its own keywords
    // and its failure state's, which is shallower and so already done.
    const table = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const accepting = new Uint8Array(states);
    const queue = new Int32Array(states);
    const entry = (to: number): number => (accepting[to] === 1 ? -to * width : to * width);
    let tail = 0;
    for (let e = edgeHead[0] as number; e !== -1; e = edgeNext[e] as number) {
      const to = edgeTo[e] as number;
      accepting[to] = (out[to] as T[]).length > 0 ? 1 : 0;
      table[edgeColumn[e] as number] = entry(to);
      queue[tail++] = to;
    }
    for (let head = 0; head < tail; head += 1) {
      const state = queue[head] as number;
      const link = fail[state] as number;
      const inherited = out[link] as T[];
      if (inherited.length > 0) out[state] = [...(out[state] as T[]), ...inherited];
      const row = state * width;
      const linkRow = link * width;
      table.copyWithin(row, linkRow, linkRow + width);
      for (let e = edgeHead[state] as number; e !== -1; e = edgeNext[e] as number) {
        const c = edgeColumn[e] as number;
        const to = edgeTo[e] as number;
        const failTo = Math.abs(table[linkRow + c] as number) / width;
        fail[to] = failTo;
        accepting[to] = (out[to] as T[]).length > 0 || accepting[failTo] === 1 ? 1 : 0;
        table[row + c] = entry(to);
        queue[tail++] = to;
      }
    }
    for (let code = 0x41; code <= 0x5a; code += 1) column[code] = column[code + 0x20] as number;
    column[0x130] = column[0x69] as number;
    column[0x212a] = column[0x6b] as number;
    this.table = table;
    this.column = column;
    this.width = width;
    this.out = out;
  }

  /**
   * The bits of every keyword occurring wholly inside `text.slice(from, to)` whose value's check,
   * if it has one, matches (sticky) where the keyword starts; the check may read past `to`.
   */
  maskOf(this: KeywordIndex<MaskValue>, text: string, from: number, to: number): number {
    const { table, column, width, out } = this;
    let mask = 0;
    let row = 0;
    for (let i = from; i < to; i += 1) {
      row = table[row + (column[text.charCodeAt(i)] as number)] as number;
      if (row >= 0) continue;
      row = -row;
      const values = out[row / width] as MaskValue[];
      for (let v = 0; v < values.length; v += 1) {
        const value = values[v] as MaskValue;
        if ((mask & value.bit) !== 0) continue;
        if (value.check !== null) {
          value.check.lastIndex = i + 1 - value.length;
          if (!value.check.test(text)) continue;
        }
        mask |= value.bit;
      }
    }
    return mask;
  }

  /** The values of every keyword occurring in `text`, each once. */
  find(text: string): Set<T> {
    const { table, column, width, out } = this;
    const found = new Set<T>();
    let row = 0;
    for (let i = 0; i < text.length; i += 1) {
      row = table[row + (column[text.charCodeAt(i)] as number)] as number;
      if (row >= 0) continue;
      row = -row;
      for (const value of out[row / width] as T[]) found.add(value);
    }
    return found;
  }
}
