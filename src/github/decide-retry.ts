/**
 * Whether (and after how long) to retry a failed GitHub API request. Pure: the client
 * (client.ts) passes what it saw and keeps the run's wait budget.
 *
 * - Secondary rate limit (403/429 "secondary rate limit"): wait `retry-after` (else 60 s). The
 *   request was not processed, so even a non-repeatable write may be sent again.
 * - Primary rate limit (403/429 with `x-ratelimit-remaining: 0`, or GraphQL RATE_LIMITED): wait
 *   until `x-ratelimit-reset`.
 * - 5xx, network errors, timeouts, GraphQL "Something went wrong while executing your query":
 *   back off 1 s, 4 s, 9 s — unless the request may not be repeated (a comment creation: a 502
 *   can hide a comment that was made).
 * - Anything else (4xx): no retry.
 * Every retry is bounded: at most `maxRetries` per request, at most `maxTotalWaitSeconds` of
 * waiting per run.
 */

export interface FailedAttempt {
  /** HTTP status; null when no answer came back (connection reset, timeout). */
  status: number | null;
  message: string;
  headers: Record<string, string | number | undefined>;
  /** GraphQL error types in a 200 answer (e.g. RATE_LIMITED). */
  graphqlTypes?: string[];
  /** Retries already made for this request. */
  attempt: number;
  /** False for writes that must not be sent twice after an unclear failure. */
  repeatable: boolean;
  /** Seconds already waited in this run. */
  waitedSeconds: number;
  nowMs: number;
}

export interface RetryLimits {
  maxRetries: number;
  maxTotalWaitSeconds: number;
}

/** `reason`: what went wrong (null for a plain client error); `note`: why it is not retried. */
export type RetryDecision =
  | { retry: false; reason: string | null; note: string | null }
  | { retry: true; waitSeconds: number; reason: string };

const SECONDARY = /secondary rate limit/i;
const GRAPHQL_HICCUP = /something went wrong while executing your query/i;

function header(headers: FailedAttempt['headers'], name: string): string | null {
  const value = headers[name];
  return value === undefined ? null : String(value);
}

function bounded(failed: FailedAttempt, limits: RetryLimits, waitSeconds: number, reason: string): RetryDecision {
  if (failed.attempt >= limits.maxRetries) return { retry: false, reason, note: `giving up after ${failed.attempt} retries` };
  if (failed.waitedSeconds + waitSeconds > limits.maxTotalWaitSeconds) {
    return { retry: false, reason, note: `giving up (waiting ${waitSeconds}s would pass the run's ${limits.maxTotalWaitSeconds}s limit)` };
  }
  return { retry: true, waitSeconds, reason };
}

export function decideRetry(failed: FailedAttempt, limits: RetryLimits): RetryDecision {
  const { status, message, headers } = failed;
  const rateLimited = status === 403 || status === 429;
  if (rateLimited && SECONDARY.test(message)) {
    const after = Number(header(headers, 'retry-after'));
    return bounded(failed, limits, Number.isFinite(after) && after >= 0 ? after : 60, 'secondary rate limit');
  }
  const primary = (rateLimited && header(headers, 'x-ratelimit-remaining') === '0') || (failed.graphqlTypes ?? []).includes('RATE_LIMITED');
  if (primary) {
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    const wait = Number.isFinite(reset) && reset > 0 ? Math.max(Math.ceil(reset - failed.nowMs / 1000) + 1, 0) : 60;
    return bounded(failed, limits, wait, 'rate limit');
  }
  if (status === 429) {
    const after = Number(header(headers, 'retry-after'));
    return bounded(failed, limits, Number.isFinite(after) && after >= 0 ? after : 60, 'too many requests');
  }
  const transient = status === null || status >= 500 || GRAPHQL_HICCUP.test(message);
  if (!transient) return { retry: false, reason: null, note: null };
  const reason = status === null ? 'no answer' : `HTTP ${status}`;
  if (!failed.repeatable) return { retry: false, reason, note: 'not repeated (the request may have taken effect)' };
  return bounded(failed, limits, (failed.attempt + 1) ** 2, reason);
}
