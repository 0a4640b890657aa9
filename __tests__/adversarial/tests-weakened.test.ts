import { describe, expect, it } from 'vitest';
import { findingsOf, gateOn } from './harness.js';
import { EVASIONS, NEAR_MISSES } from './tests-weakened-cases.js';

describe('adversarial: tests-weakened', () => {
  it.each(EVASIONS.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
    const result = gateOn(c);
    expect(findingsOf(result, 'tests-weakened').length).toBeGreaterThan(0);
    expect(result.verdict).toBe('fail');
  });

  it.each(NEAR_MISSES.map((c) => [c.name, c] as const))('no finding: %s', (_name, c) => {
    expect(findingsOf(gateOn(c), 'tests-weakened')).toEqual([]);
  });
});
