/**
 * Which of many keywords occur in a text, in one pass: an Aho–Corasick automaton turned into a
 * table (state × character → state) so each character costs one array read. The secret scanner
 * uses it to find the lines of a file holding any provider rule's keyword, then, for one such
 * line, the rules whose keyword it holds (docs/secrets.md). Linear in the text's length.
 *
 * Keywords are ASCII (the generator lower-cases them); any other character leads back to the
 * start, which no keyword can span.
 */
const ASCII = 128;

export class KeywordIndex<T> {
  /** DFA transitions: `table[state * width + symbol[code]]`. */
  private readonly table: Int32Array;
  /** Each ASCII character's column: 0 for characters no keyword holds, else 1, 2, … */
  private readonly symbol: Uint8Array;
  private readonly width: number;
  /** 1 where a keyword ends in the state. */
  private readonly accepts: Uint8Array;
  /** What each state reports: the values of every keyword ending here, its suffixes' included. */
  private readonly out: T[][];

  constructor(entries: Iterable<readonly [keyword: string, value: T]>) {
    const next: Map<number, number>[] = [new Map()];
    const out: T[][] = [[]];
    for (const [keyword, value] of entries) {
      if (keyword === '' || !/^[\x20-\x7e]+$/.test(keyword)) throw new Error(`keyword ${JSON.stringify(keyword)} is not printable ASCII`);
      let state = 0;
      for (let i = 0; i < keyword.length; i += 1) {
        const code = keyword.charCodeAt(i);
        const transitions = next[state] as Map<number, number>;
        let to = transitions.get(code);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          out.push([]);
          transitions.set(code, to);
        }
        state = to;
      }
      (out[state] as T[]).push(value);
    }
    // Columns only for the characters keywords hold: a smaller table is quicker to fill.
    const symbol = new Uint8Array(ASCII);
    let width = 1;
    for (const transitions of next) for (const code of transitions.keys()) if (symbol[code] === 0) symbol[code] = width++;
    const table = new Int32Array(next.length * width);
    const fail = new Array<number>(next.length).fill(0);
    // Breadth first, so a state's failure link (longest proper suffix that is also a prefix) and
    // its row of the table are complete before its children's.
    const queue: number[] = [];
    for (const [code, to] of next[0] as Map<number, number>) {
      table[symbol[code] as number] = to;
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] as number;
      const link = fail[state] as number;
      const inherited = out[link] as T[];
      if (inherited.length > 0) out[state] = [...(out[state] as T[]), ...inherited];
      const row = state * width;
      const linkRow = link * width;
      table.copyWithin(row, linkRow, linkRow + width);
      for (const [code, to] of next[state] as Map<number, number>) {
        const column = symbol[code] as number;
        fail[to] = table[linkRow + column] as number;
        table[row + column] = to;
        queue.push(to);
      }
    }
    this.table = table;
    this.symbol = symbol;
    this.width = width;
    this.out = out;
    this.accepts = Uint8Array.from(out, (values) => (values.length > 0 ? 1 : 0));
  }

  /**
   * Whether some keyword ends inside `text.slice(from, to)` and starts there too, and `check`
   * (when given) accepts one of its values; `check` gets the value and the keyword's last index.
   */
  occursIn(text: string, from: number, to: number, check?: (value: T, last: number) => boolean): boolean {
    const { table, symbol, width, accepts, out } = this;
    let state = 0;
    for (let i = from; i < to; i += 1) {
      const code = text.charCodeAt(i);
      state = code < ASCII ? (table[state * width + (symbol[code] as number)] as number) : 0;
      if (accepts[state] !== 1) continue;
      if (check === undefined) return true;
      const values = out[state] as T[];
      for (let v = 0; v < values.length; v += 1) if (check(values[v] as T, i)) return true;
    }
    return false;
  }

  /** The values of every keyword occurring in `text`, each once. */
  find(text: string): Set<T> {
    const { table, symbol, width, out } = this;
    const found = new Set<T>();
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      state = code < ASCII ? (table[state * width + (symbol[code] as number)] as number) : 0;
      const values = out[state] as T[];
      for (let v = 0; v < values.length; v += 1) found.add(values[v] as T);
    }
    return found;
  }
}
