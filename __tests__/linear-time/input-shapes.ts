/** Adversarial inputs built from a pattern's own pieces (see ../linear-time.ts). */
import type { InputShape } from './types.js';

const CLASS_CANDIDATES = ['a', 'A', 'z', '1', '0', ' ', '-', '_', '.', '/', ':', '=', '"', "'", '@', '#', '$', '%', '&', '+', ',', ';', '<', '>', '(', ')', '[', ']', '{', '}', '\\', '|', '!', '?', '*', '~', '`', '^', '\t', '\n', 'é', '\u00a0', '\u0000'];

/**
 * Characters that match `[body]` under `flags`: a common one, then the class's own literal
 * characters (`[\s")]` gives ` `, `"` and `)`), at most six.
 */
function classMembers(body: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^[${body}]$`, flags.replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  const literal = [...body.replace(/\\[dDwWsSbB]/g, '').replace(/\\(.)/g, '$1')].filter((char) => re.test(char));
  const common = CLASS_CANDIDATES.find((char) => re.test(char)) ?? literal[0];
  return [...new Set([common, ...literal])].filter((char): char is string => char !== undefined).slice(0, 6);
}

const ESCAPES: Record<string, string | null> = { d: '1', D: 'a', w: 'a', W: '!', s: ' ', S: 'a', n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', b: null, B: null, '0': '\u0000' };

/** The pattern's pieces in order: its literal characters and one member of each class, escape or `.`. */
export function patternPieces(source: string, flags = ''): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i += 1;
      if (next === 'u' && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        pieces.push(String.fromCodePoint(Number.parseInt(source.slice(i + 2, close), 16)));
        i = close;
      } else if (next === 'u' || next === 'x') {
        const length = next === 'u' ? 4 : 2;
        pieces.push(String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 1 + length), 16)));
        i += length;
      } else if (next === 'p' || next === 'P') {
        const close = source.indexOf('}', i);
        pieces.push(...classMembers(source.slice(i - 1, close + 1), flags.includes('u') || flags.includes('v') ? flags : `${flags}u`).slice(0, 1));
        i = close;
      } else if (next === 'k' && source[i + 1] === '<') {
        i = source.indexOf('>', i);
      } else if (/[1-9]/.test(next) || next === 'c') {
        if (next === 'c') i += 1;
      } else {
        const mapped = next in ESCAPES ? ESCAPES[next] : next;
        if (mapped) pieces.push(mapped);
      }
    } else if (char === '[') {
      let j = i + 1;
      if (source[j] === '^') j += 1;
      if (source[j] === ']') j += 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      pieces.push(...classMembers(source.slice(i + 1, j), flags));
      i = j;
    } else if (char === '(') {
      if (source[i + 1] === '?') {
        const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
        i += named ? named[0].length - 1 : source[i + 2] === '<' ? 3 : 2;
      }
    } else if (char === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
    } else if (char === '.') {
      pieces.push('a');
    } else if (!'*+?|)^$'.includes(char)) {
      pieces.push(char);
    }
  }
  return pieces;
}

const MAX_UNITS = 20;
const PAIR_UNITS = 8;

/** Input shapes for one pattern: each piece repeated (bare and after the pieces before it), runs of 2–3 neighbours, pairs, the whole sequence. */
export function inputShapes(source: string, flags = ''): InputShape[] {
  const pieces = patternPieces(source, flags);
  const shapes: InputShape[] = [];
  const seen = new Set<string>();
  const add = (prefix: string, unit: string, tails = ['\u0000', '\n', '!']) => {
    if (unit === '') return;
    for (const tail of tails) {
      const key = `${prefix}\u0001${unit}\u0001${tail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      shapes.push({ prefix, unit, tail });
    }
  };
  const units = [...new Set(pieces)].slice(0, MAX_UNITS);
  for (const unit of units) {
    add('', unit);
    const first = pieces.indexOf(unit);
    if (first > 0) add(pieces.slice(0, first).join(''), unit);
  }
  for (let i = 0; i < pieces.length && i < 3 * MAX_UNITS; i++) {
    for (const width of [2, 3]) {
      const run = pieces.slice(i, i + width);
      if (run.length === width && new Set(run).size > 1) add(pieces.slice(0, i).join(''), run.join(''));
    }
  }
  // Any two of the first pieces, in both orders: an escape and the closing quote (`\"` in a
  // quoted string) need not be neighbours in the pattern.
  const firstUnits = units.slice(0, PAIR_UNITS);
  for (const one of firstUnits) for (const two of firstUnits) if (one !== two) add('', one + two, ['\u0000']);
  add('', pieces.join(''));
  return shapes;
}

