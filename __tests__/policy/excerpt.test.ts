import { describe, expect, it } from 'vitest';
import { makeExcerpt, MAX_EXCERPT_LENGTH } from '../../src/policy/excerpt.js';

describe('makeExcerpt', () => {
  it('trims and keeps short lines whole', () => {
    expect(makeExcerpt('\t  const a = 1;  ')).toBe('const a = 1;');
  });

  it('cuts long lines to 120 characters around the match', () => {
    const line = `${'a'.repeat(300)}MATCH${'b'.repeat(300)}`;
    const excerpt = makeExcerpt(line, 300);
    expect(excerpt.length).toBe(MAX_EXCERPT_LENGTH);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('MATCH');
  });

  it('keeps the start or the end of a long line when the match is there', () => {
    const line = `START${'x'.repeat(400)}END`;
    expect(makeExcerpt(line, 0)).toBe(`START${'x'.repeat(114)}…`);
    expect(makeExcerpt(line, 404)).toBe(`…${'x'.repeat(116)}END`);
  });
});
