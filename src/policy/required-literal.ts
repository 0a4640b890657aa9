/**
 * The longest piece of plain text every match of an RE2 pattern must contain, lower-cased, or null.
 * User patterns run with RE2JS (linear time, but slower than a substring search), so a file or
 * line that does not contain this text is skipped without running the pattern at all.
 *
 * Conservative by construction: anything not understood ends the current piece, groups and
 * classes are skipped whole, a quantified character is dropped, and a top-level `|` gives up.
 * Only ASCII characters whose case folding stays in ASCII are kept (RE2 folds `s` with `ſ`, so
 * `s` ends a piece), because matching is case-insensitive.
 */

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

function skipClass(source: string, from: number): number {
  // `from` is at `[`; a `]` right after `[` or `[^` is a literal.
  let i = from + 1;
  if (source.charAt(i) === '^') i += 1;
  if (source.charAt(i) === ']') i += 1;
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === '\\') i += 2;
    else if (char === '[' && source.charAt(i + 1) === ':') {
      const close = source.indexOf(':]', i + 2);
      i = close === -1 ? source.length : close + 2;
    } else if (char === ']') return i + 1;
    else i += 1;
  }
  return -1;
}

function skipGroup(source: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '[') {
      const end = skipClass(source, i);
      if (end === -1) return -1;
      i = end;
      continue;
    }
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return -1;
}

/** Length of an escape sequence starting at `from` (the backslash). */
function escapeLength(source: string, from: number): number {
  const next = source.charAt(from + 1);
  if ((next === 'p' || next === 'P' || next === 'x') && source.charAt(from + 2) === '{') {
    const close = source.indexOf('}', from + 3);
    return close === -1 ? -1 : close + 1 - from;
  }
  if (next === 'p' || next === 'P') return 3;
  if (next === 'x') return 4;
  return 2;
}

function isFoldSafe(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 && code < 0x7f && char !== 's' && char !== 'S';
}

export function requiredLiteral(source: string): string | null {
  if (source.includes('\\Q')) return null;
  const pieces: string[] = [];
  let piece = '';
  const end = (): void => {
    if (piece !== '') pieces.push(piece);
    piece = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === '|') return null;
    if (char === '(' || char === '[') {
      const next = char === '(' ? skipGroup(source, i) : skipClass(source, i);
      if (next === -1) return null;
      end();
      i = next;
      const quantifier = QUANTIFIER.exec(source.slice(i, i + 20));
      if (quantifier) i += quantifier[0].length;
      continue;
    }
    const stray = QUANTIFIER.exec(source.slice(i, i + 20));
    if (stray) {
      end();
      i += stray[0].length;
      continue;
    }
    let literal: string | null = null;
    let length = 1;
    if (char === '\\') {
      const next = source.charAt(i + 1);
      if (next === '') return null;
      if (/[A-Za-z0-9]/.test(next)) {
        length = escapeLength(source, i);
        if (length === -1) return null;
      } else {
        literal = next;
        length = 2;
      }
    } else if (char !== '.' && char !== '^' && char !== '$' && char !== ')') {
      literal = char;
    }
    i += length;
    const quantifier = QUANTIFIER.exec(source.slice(i, i + 20));
    if (quantifier) {
      i += quantifier[0].length;
      end();
      continue;
    }
    if (literal !== null && isFoldSafe(literal)) piece += literal.toLowerCase();
    else end();
  }
  end();
  let best: string | null = null;
  for (const candidate of pieces) if (candidate.length >= 2 && (best === null || candidate.length > best.length)) best = candidate;
  return best;
}
