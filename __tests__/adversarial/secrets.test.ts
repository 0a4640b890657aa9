import { describe, expect, it } from 'vitest';
import { findingsOf, gateOn } from './harness.js';
import { EVASIONS, NEAR_MISSES } from './secrets-cases.js';

describe('adversarial: secrets', () => {
  it.each(EVASIONS.map((c) => [c.name, c] as const))('catches %s', (_name, c) => {
    const result = gateOn(c);
    expect(findingsOf(result, 'secrets').length, JSON.stringify(result.findings.map((f) => f.message))).toBeGreaterThan(0);
    expect(result.verdict).toBe('fail');
  });

  it.each(NEAR_MISSES.map((c) => [c.name, c] as const))('lets through %s', (_name, c) => {
    const result = gateOn(c);
    expect(findingsOf(result, 'secrets'), JSON.stringify(findingsOf(result, 'secrets').map((f) => [f.message, f.locations]))).toEqual([]);
  });

  it('never echoes the secret: messages and excerpts hold at most its first 4 characters', () => {
    for (const c of EVASIONS) {
      const written = JSON.stringify(gateOn(c).findings);
      for (let at = 4; at + 8 <= c.secret.length; at += 8) expect(written, c.name).not.toContain(c.secret.slice(at, at + 8));
    }
  });
});
