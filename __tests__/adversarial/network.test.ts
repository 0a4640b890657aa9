import { describe, expect, it } from 'vitest';
import { addedPatch, file } from '../factories.js';
import { findingsOf, gateOn } from './harness.js';
import { EVASIONS, NEAR_MISSES } from './network-cases.js';

describe('adversarial: network', () => {
  it.each(EVASIONS.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
    const result = gateOn(c);
    expect(findingsOf(result, 'network').length).toBeGreaterThan(0);
    expect(result.verdict).toBe('fail');
  });

  it.each(NEAR_MISSES.map((c) => [c.name, c] as const))('no finding: %s', (_name, c) => {
    expect(findingsOf(gateOn(c), 'network')).toEqual([]);
  });

  it('names each host as the parser reads it, with its line', () => {
    const result = gateOn({ files: [file('src/a.ts', addedPatch(["fetch('https://g\u0456thub.com/');", "fetch('http://3405803783/');"]))] });
    const [finding] = findingsOf(result, 'network');
    expect(finding?.message).toBe('references 2 hosts outside network.allowed-hosts: 203.0.113.7, xn--gthub-n2e.com');
    expect(finding?.locations.map((l) => l.line)).toEqual([1, 2]);
  });
});
