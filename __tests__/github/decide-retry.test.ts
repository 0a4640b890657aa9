import { describe, expect, it } from 'vitest';
import { decideRetry, type FailedAttempt } from '../../src/github/decide-retry.js';

const LIMITS = { maxRetries: 3, maxTotalWaitSeconds: 60 };
const NOW = Date.parse('2026-03-02T09:00:00Z');

function failed(overrides: Partial<FailedAttempt>): FailedAttempt {
  return { status: 502, message: 'Bad Gateway', headers: {}, attempt: 0, repeatable: true, waitedSeconds: 0, nowMs: NOW, ...overrides };
}

describe('decideRetry', () => {
  it('backs off 1, 4, 9 seconds on server errors and no answer, then gives up', () => {
    expect([0, 1, 2].map((attempt) => decideRetry(failed({ attempt }), LIMITS))).toEqual([
      { retry: true, waitSeconds: 1, reason: 'HTTP 502' },
      { retry: true, waitSeconds: 4, reason: 'HTTP 502' },
      { retry: true, waitSeconds: 9, reason: 'HTTP 502' },
    ]);
    expect(decideRetry(failed({ attempt: 3 }), LIMITS)).toEqual({ retry: false, reason: 'HTTP 502', note: 'giving up after 3 retries' });
    expect(decideRetry(failed({ status: null, message: 'other side closed' }), LIMITS)).toEqual({ retry: true, waitSeconds: 1, reason: 'no answer' });
  });

  it('waits retry-after on a secondary rate limit, even for a write that must not be repeated', () => {
    const limited = failed({ status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '7' }, repeatable: false });
    expect(decideRetry(limited, LIMITS)).toEqual({ retry: true, waitSeconds: 7, reason: 'secondary rate limit' });
  });

  it('waits until the reset time on a primary rate limit', () => {
    const limited = failed({ status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 20) } });
    expect(decideRetry(limited, LIMITS)).toEqual({ retry: true, waitSeconds: 21, reason: 'rate limit' });
    expect(decideRetry(failed({ status: 200, message: 'limited', graphqlTypes: ['RATE_LIMITED'], headers: { 'x-ratelimit-reset': String(NOW / 1000 + 5) } }), LIMITS)).toEqual({
      retry: true,
      waitSeconds: 6,
      reason: 'rate limit',
    });
  });

  it('does not wait past the run’s limit', () => {
    const limited = failed({ status: 429, message: 'secondary rate limit', headers: { 'retry-after': '30' }, waitedSeconds: 40 });
    expect(decideRetry(limited, LIMITS)).toEqual({ retry: false, reason: 'secondary rate limit', note: "giving up (waiting 30s would pass the run's 60s limit)" });
  });

  it('does not repeat a non-repeatable write after an unclear failure', () => {
    expect(decideRetry(failed({ repeatable: false }), LIMITS)).toEqual({ retry: false, reason: 'HTTP 502', note: 'not repeated (the request may have taken effect)' });
  });

  it('does not retry client errors, including a read-only token’s 403', () => {
    expect(decideRetry(failed({ status: 403, message: 'Resource not accessible by integration' }), LIMITS)).toEqual({ retry: false, reason: null, note: null });
    expect(decideRetry(failed({ status: 404, message: 'Not Found' }), LIMITS)).toEqual({ retry: false, reason: null, note: null });
  });
});
