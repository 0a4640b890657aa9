import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/policy/text.js';

describe('formatCount', () => {
  it('groups the digits of integers by three, en-US, whatever the machine locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(65536)).toBe('65,536');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });

  it('reads like en-US toLocaleString for every safe integer, and leaves other numbers as String does', () => {
    const values = [-0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60];
    for (let digits = 1; digits <= 16; digits += 1) values.push(10 ** digits - 1, 10 ** digits, -(10 ** digits) + 7, 3 * 10 ** (digits - 1) + 41);
    for (const value of values) {
      expect(formatCount(value)).toBe(Number.isInteger(value) ? value.toLocaleString('en-US') : String(value));
    }
  });
});
