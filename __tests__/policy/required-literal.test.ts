import { describe, expect, it } from 'vitest';
import { requiredLiteral } from '../../src/policy/required-literal.js';

describe('requiredLiteral', () => {
  it.each([
    ['\\bstripe\\.', 'tripe.'],
    ['charge\\(', 'charge('],
    ['api\\.example\\.com', 'api.example.com'],
    ['ab*cdef', 'cdef'],
    ['TODO:?\\s+fix', 'todo'],
    ['[abc]defg(h)ijkl', 'defg'],
    ['x{2}yz', 'yz'],
    ['\\x{41}BC', 'bc'],
  ])('%s must contain %s', (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });

  it.each(['foo|bar', '(a+)+$', '.*', '[a-z]+', '\\Qa.b\\E', 'a', '(unclosed'])('gives up on %s', (pattern) => {
    expect(requiredLiteral(pattern)).toBeNull();
  });

  it('splits at s, which RE2 also matches as ſ when case-insensitive', () => {
    expect(requiredLiteral('password')).toBe('word');
  });
});
