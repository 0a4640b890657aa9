import { describe, expect, it } from 'vitest';
import { headSeenAt } from '../src/main.js';

describe('headSeenAt', () => {
  const HEAD = 'a'.repeat(40);
  const STARTED = new Date('2026-03-02T10:00:00.000Z');
  const sync = { action: 'synchronize', headSha: HEAD };

  it('is the run start for the first attempt of the run the push triggered', () => {
    expect(headSeenAt(null, sync, HEAD, 1, STARTED)).toBe('2026-03-02T10:00:00.000Z');
  });

  it('takes the later of the run start and the statuses', () => {
    expect(headSeenAt('2026-03-02T09:00:00Z', sync, HEAD, 1, STARTED)).toBe('2026-03-02T10:00:00.000Z');
    expect(headSeenAt('2026-03-02T10:05:00Z', sync, HEAD, 1, STARTED)).toBe('2026-03-02T10:05:00Z');
  });

  it('uses only the statuses for other events, re-runs, and a head that moved after the event', () => {
    expect(headSeenAt('2026-03-02T09:00:00Z', { action: 'labeled', headSha: HEAD }, HEAD, 1, STARTED)).toBe('2026-03-02T09:00:00Z');
    expect(headSeenAt('2026-03-02T09:00:00Z', sync, HEAD, 2, STARTED)).toBe('2026-03-02T09:00:00Z');
    expect(headSeenAt(undefined, sync, 'b'.repeat(40), 1, STARTED)).toBeNull();
    expect(headSeenAt(null, { action: null, headSha: HEAD }, HEAD, 1, STARTED)).toBeNull();
  });
});
