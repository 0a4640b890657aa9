import type { Octokit as CoreOctokit } from '@octokit/core';
import { messageOf, NotGitHubApiError } from './errors.js';

/**
 * How the client repeats, waits and paces (docs/development.md, "API client"): one request hook
 * of our own in place of @octokit/plugin-retry and @octokit/plugin-throttling, which schedule
 * every request through Bottleneck — a gate run makes a handful of requests and needs none of it.
 */

export const MAX_RETRIES = 3;
export const MAX_TOTAL_WAIT_SECONDS = 60;
/**
 * Statuses never repeated as failures: client errors, whose answer will not change. 403 and 429
 * are repeated only as rate limits (after their own wait).
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
/** Requests in flight at once, per client. */
export const MAX_CONCURRENT = 10;
/** A secondary rate limit without `retry-after`: GitHub asks to wait at least a minute. */
const SECONDARY_FALLBACK_SECONDS = 60;

export interface RequestPolicyOptions {
  log: (message: string) => void;
  /** Milliseconds per second of a wait (1000; tests pass 1). */
  msPerWaitSecond: number;
  /** Least time between the starts of two writes or GraphQL queries, in milliseconds. */
  writeSpacingMs: number;
}

type RequestOptions = Parameters<CoreOctokit['request']['endpoint']['parse']>[0];
type Request = (options: RequestOptions) => Promise<Response>;
interface Response {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}
interface ErrorShape {
  status?: unknown;
  message?: unknown;
  request?: unknown;
  response?: Response;
}

const GRAPHQL_HICCUP = /Something went wrong while executing your query/;

/** What one attempt's outcome asks for: a failure to repeat, a rate limit to wait out, or nothing. */
type Verdict = { kind: 'done' } | { kind: 'failure'; reason: string } | { kind: 'limit'; reason: string; seconds: number };

function headerOf(response: Response | undefined, name: string): string | undefined {
  const value = response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function graphqlErrors(data: unknown): Array<{ type?: unknown; message?: unknown }> {
  const errors = (data as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) ? (errors as Array<{ type?: unknown; message?: unknown }>) : [];
}

/** Seconds until the primary limit resets, plus one (GitHub: retry after the reset time). */
function untilReset(response: Response | undefined, now: number): number {
  const reset = Number(headerOf(response, 'x-ratelimit-reset') ?? 0) * 1000;
  return Math.max(Math.ceil((reset - now) / 1000) + 1, 0);
}

function rateLimitOf(status: number, message: string, response: Response | undefined, now: number): Verdict | null {
  if (status !== 403 && status !== 429) return null;
  if (/\bsecondary rate\b/i.test(message)) {
    return { kind: 'limit', reason: 'secondary rate limit', seconds: Number(headerOf(response, 'retry-after')) || SECONDARY_FALLBACK_SECONDS };
  }
  if (headerOf(response, 'x-ratelimit-remaining') === '0') return { kind: 'limit', reason: 'rate limit', seconds: untilReset(response, now) };
  return null;
}

/** Reads a thrown error: RequestErrors carry the request; anything else is not ours to repeat. */
function judgeError(error: unknown, now: number): Verdict {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  if (typeof shape.status !== 'number' || shape.request === undefined) return { kind: 'done' };
  const limit = rateLimitOf(shape.status, messageOf(error), shape.response, now);
  if (limit) return limit;
  if (shape.status < 400 || DO_NOT_RETRY.includes(shape.status)) return { kind: 'done' };
  return { kind: 'failure', reason: shape.response !== undefined ? `HTTP ${shape.status}` : messageOf(error) };
}

/** Reads a GraphQL answer: GitHub reports its rate limit and its own hiccups with status 200. */
function judgeAnswer(response: Response, now: number): Verdict {
  const errors = graphqlErrors(response.data);
  if (errors.some((item) => item.type === 'RATE_LIMITED')) return { kind: 'limit', reason: 'rate limit', seconds: untilReset(response, now) };
  const first = errors[0]?.message;
  if (typeof first === 'string' && GRAPHQL_HICCUP.test(first)) return { kind: 'failure', reason: 'GitHub GraphQL hiccup' };
  return { kind: 'done' };
}

/** `GET /repos/acme/widgets/pulls/42/files`: the request as a log line names it. */
export function describeRequest(octokit: Pick<CoreOctokit, 'request'>, options: RequestOptions): string {
  let path = options.url;
  try {
    path = new URL(octokit.request.endpoint.parse(options).url, 'http://github.invalid').pathname;
  } catch {
    // keep the route as it is
  }
  return `${options.method} ${path}`;
}

/**
 * An HTML page where JSON was expected: the URL is a web page (github.com, a login portal, a
 * proxy's error page), not the API. Said plainly instead of a schema or status error.
 */
function refuseHtml(response: Response | undefined, octokit: Pick<CoreOctokit, 'request'>, options: RequestOptions): void {
  if (!/^\s*text\/html\b/i.test(headerOf(response, 'content-type') ?? '')) return;
  let origin = String(options.baseUrl ?? '');
  try {
    origin = new URL(octokit.request.endpoint.parse(options).url).origin;
  } catch {
    // keep the base URL
  }
  throw new NotGitHubApiError(`${origin} answered ${describeRequest(octokit, options)} with an HTML page (HTTP ${response?.status}), not JSON: it is not the GitHub API`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** At most `limit` tasks at a time, in arrival order. */
function semaphore(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * The plugin: repeats 5xx answers, network errors, timeouts and GraphQL hiccups at most
 * MAX_RETRIES times, 1 s, 4 s, 9 s apart (never a request sent with `request: { retries: 0 }`:
 * a 502 can hide a comment that was made); waits out rate limits (`retry-after`, else 60 s;
 * primary ones until `x-ratelimit-reset`) at most MAX_RETRIES times per request and
 * MAX_TOTAL_WAIT_SECONDS per client — a rate-limited request was not processed, so even a
 * `retries: 0` write is sent again; spaces writes and GraphQL queries `writeSpacingMs` apart.
 */
export function requestPolicy({ log, msPerWaitSecond, writeSpacingMs }: RequestPolicyOptions) {
  return (octokit: CoreOctokit) => {
    let waitedSeconds = 0;
    let nextSlot = 0;
    const limit = semaphore(MAX_CONCURRENT);

    const pace = async (options: RequestOptions) => {
      const isGraphql = /\/graphql(?:[?#]|$)/.test(String(options.url));
      if (options.method === 'GET' && !isGraphql) return;
      const now = Date.now();
      const at = Math.max(now, nextSlot);
      nextSlot = at + writeSpacingMs;
      if (at > now) await sleep(at - now);
    };

    /** How long to wait before the next attempt, or null to stop (and say why). */
    const decide = (verdict: Verdict, options: RequestOptions, counts: { failures: number; limits: number }): number | null => {
      if (verdict.kind === 'done') return null;
      const what = `GitHub API: ${verdict.reason} on ${describeRequest(octokit, options)}`;
      if (verdict.kind === 'failure') {
        const retries = (options.request as { retries?: unknown } | undefined)?.retries;
        const allowed = typeof retries === 'number' ? retries : MAX_RETRIES;
        if (counts.failures >= allowed) {
          log(allowed === 0 ? `${what}: not repeated (the request may have taken effect)` : `${what}: giving up after ${counts.failures} retries`);
          return null;
        }
        counts.failures++;
        log(`${what}: retrying in ${counts.failures ** 2}s`);
        return counts.failures ** 2;
      }
      if (counts.limits >= MAX_RETRIES) {
        log(`${what}: giving up after ${counts.limits} retries`);
        return null;
      }
      if (waitedSeconds + verdict.seconds > MAX_TOTAL_WAIT_SECONDS) {
        log(`${what}: giving up (waiting ${verdict.seconds}s would pass the run's ${MAX_TOTAL_WAIT_SECONDS}s limit)`);
        return null;
      }
      counts.limits++;
      waitedSeconds += verdict.seconds;
      log(`${what}: retrying in ${verdict.seconds}s`);
      return verdict.seconds;
    };

    octokit.hook.wrap('request', async (request, options) => {
      await pace(options);
      const counts = { failures: 0, limits: 0 };
      for (;;) {
        let wait: number | null;
        try {
          const response = (await limit(() => (request as unknown as Request)(options))) as Response;
          refuseHtml(response, octokit, options);
          wait = decide(judgeAnswer(response, Date.now()), options, counts);
          if (wait === null) return response as Awaited<ReturnType<typeof request>>;
        } catch (error) {
          refuseHtml((error as ErrorShape | null)?.response, octokit, options);
          wait = decide(judgeError(error, Date.now()), options, counts);
          if (wait === null) throw error;
        }
        await sleep(wait * msPerWaitSecond);
      }
    });
    return {};
  };
}
