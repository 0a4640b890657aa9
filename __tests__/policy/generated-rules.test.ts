import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATED_KEYWORDS, rulesWithKeywordIn } from '../../src/policy/secrets/generated-rules.js';

/**
 * A run's first lines find their generated rules by searching for each keyword; later ones with
 * the keyword automaton (src/policy/secrets/generated-rules.ts). Both must give the same rules in
 * the same order: rules that match one span are merged in that order, and the first names it.
 */
describe('rulesWithKeywordIn', () => {
  const ids = (lower: string, via: 'search' | 'automaton'): string[] => [...rulesWithKeywordIn(lower, via)].map((rule) => rule.data.id);

  // Keywords, pieces of keywords (suffixes and prefixes make the automaton's overlaps), noise.
  const piece = fc.oneof(
    fc.constantFrom(...GENERATED_KEYWORDS),
    fc.constantFrom(...GENERATED_KEYWORDS).chain((keyword) => fc.integer({ min: 0, max: keyword.length }).map((cut) => keyword.slice(cut))),
    fc.constantFrom(...GENERATED_KEYWORDS).chain((keyword) => fc.integer({ min: 0, max: keyword.length }).map((cut) => keyword.slice(0, cut))),
    fc.constantFrom(' ', '=', '"', '_', '-', 'x', '0', ':', '.'),
  );
  const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('search and automaton agree on which rules and in which order', () => {
    fc.assert(
      fc.property(line, (lower) => {
        expect(ids(lower, 'search')).toEqual(ids(lower, 'automaton'));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a keyword anywhere in the line, and nothing in a line without one', () => {
    const keyword = GENERATED_KEYWORDS[0] ?? '';
    expect(ids(`const x = "${keyword}";`, 'search').length).toBeGreaterThan(0);
    expect(ids('const x = 1;', 'search')).toEqual([]);
  });
});
