import { describe, expect, it } from 'vitest';
import { addedPatch, file } from '../factories.js';
import { findingsOf, gateOn } from './harness.js';

describe('adversarial harness', () => {
  it('passes a harmless change: the approval in place is counted', () => {
    const result = gateOn({ files: [file('src/a.ts', addedPatch(['export const a = 1;']))] });
    expect(result.verdict).toBe('pass');
  });

  it('fails a plain denied change, so a pass elsewhere means an evasion got through', () => {
    const result = gateOn({ files: [file('.github/workflows/ci.yml', addedPatch(['on: push']))] });
    expect(result.verdict).toBe('fail');
    expect(findingsOf(result, 'workflows')).toHaveLength(1);
  });
});
