import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { Octokit as CoreOctokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { messageOf } from './errors.js';
import { defaultGraphqlUrl } from './runner-env.js';

/**
 * The one GitHub API client of a run: @octokit/core (the octokit of @actions/github, without the
 * REST method and pagination plugins we do not use) with @octokit/plugin-retry and
 * @octokit/plugin-throttling, bounded in time:
 *
 * - plugin-retry repeats 5xx answers, network errors, timeouts and GraphQL's "Something went
 *   wrong while executing your query" at most MAX_RETRIES times, 1 s, 4 s, 9 s apart; never client
 *   errors (DO_NOT_RETRY), and never a request sent with `request: { retries: 0 }` (a comment
 *   creation: a 502 can hide a comment that was made);
 * - plugin-throttling waits out secondary rate limits (`retry-after`, else 60 s) and primary ones
 *   (until `x-ratelimit-reset`, also GraphQL's RATE_LIMITED) — at most MAX_RETRIES times per
 *   request and MAX_TOTAL_WAIT_SECONDS of such waiting per client (per run). The request was not
 *   processed, so even a `retries: 0` write is sent again. It also paces requests: at most 10 at a
 *   time, writes and GraphQL queries one at a time, and (unless `writeSpacingMs` says otherwise)
 *   1 s apart, 3 s between writes that notify — GitHub's advice for clients that make many writes;
 * - every request times out after REQUEST_TIMEOUT_MS (a timeout is retried like a 5xx);
 * - requests go through Node's built-in fetch; when a proxy applies to the API URL (https_proxy,
 *   HTTPS_PROXY… and no_proxy, read as @actions/http-client reads them), through the proxy-aware
 *   fetch of @actions/github instead, started only then (it brings undici, a third of the bundle).
 *
 * Created by main.ts (and the CLI) with URLs from the environment; nothing here runs at import time.
 */

export const MAX_RETRIES = 3;
export const MAX_TOTAL_WAIT_SECONDS = 60;
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Statuses plugin-retry never repeats: client errors, whose answer will not change. 403 and 429
 * are rate limits or refusals; the throttling plugin handles the rate limits (with their own wait).
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

export interface GitHubClient {
  /**
   * REST: `client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { … })`.
   * Pass `request: { retries: 0 }` for a write that must not be repeated after an unclear failure.
   */
  request: CoreOctokit['request'];
  /** GraphQL against the run's GraphQL URL; rejects with GraphqlResponseError when `errors` is set. */
  graphql: (query: string, variables: Record<string, unknown>) => Promise<unknown>;
}

/**
 * How the client spends time waiting. Production uses the defaults; in-process tests, which make
 * many clients and queries, shorten them — rate-limit and retry decisions stay the same.
 */
export interface ClientPacing {
  /**
   * Milliseconds per second of a retry wait (both plugins' `retryAfterBaseValue`); default 1000.
   * Tests pass 1, so a 9 s back-off takes 9 ms; logged waits and the run's cap stay in seconds.
   */
  msPerWaitSecond?: number;
  /**
   * Least time between two writes (and GraphQL queries) of this client, in milliseconds; they go
   * one at a time either way. Default: the throttling plugin's own pacing (1 s, 3 s between writes
   * that notify), for clients that make many requests (report mode). A gate run makes two or
   * three writes and a few queries, and passes GATE_WRITE_SPACING_MS.
   */
  writeSpacingMs?: number;
  /** How long one attempt may take, in milliseconds; default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

export interface ClientOptions extends ClientPacing {
  token: string;
  /** REST base URL (GITHUB_API_URL). */
  apiUrl: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL, else derived from apiUrl). */
  graphqlUrl?: string;
  /** Where retry and rate-limit notes go (core.info in the action). */
  log?: (message: string) => void;
}

/**
 * A gate run's write spacing: none. Its two or three writes and few GraphQL queries still go one at
 * a time; GitHub's 1 s advice is for clients making many writes, and a rate-limit answer is still
 * waited out with its `retry-after`.
 */
export const GATE_WRITE_SPACING_MS = 0;

type FetchLike = (url: string, init: { signal?: AbortSignal | null } & Record<string, unknown>) => Promise<unknown>;

/** True when https_proxy/HTTPS_PROXY (http_… for http URLs) applies to `apiUrl` under no_proxy. */
export function proxyApplies(apiUrl: string): boolean {
  try {
    return getProxyUrl(new URL(apiUrl)) !== undefined;
  } catch {
    return false;
  }
}

/** The fetch of a run, with a timeout per request (a timeout is retried like a 5xx). */
function fetchWithTimeout(apiUrl: string, timeoutMs: number): FetchLike {
  let base: FetchLike | Promise<FetchLike> = fetch as FetchLike;
  if (proxyApplies(apiUrl)) {
    base = import('./proxy-fetch.js').then((module) => module.proxyFetch as FetchLike);
  }
  return async (url, init) => (await base)(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
}

/** The user agent, tagged with the runner's orchestration id as @actions/github tags it. */
function userAgent(): string {
  const base = 'agent-pr-gate';
  const orchestration = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return orchestration ? `${base} actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}

type RequestOptions = Parameters<CoreOctokit['request']['endpoint']['parse']>[0];
type LimitHandler = NonNullable<ThrottlingOptions['onRateLimit']>;

/** `GET /repos/acme/widgets/pulls/42/files`: the request as a log line names it. */
function describeRequest(octokit: Pick<CoreOctokit, 'request'>, options: RequestOptions): string {
  let path = options.url;
  try {
    path = new URL(octokit.request.endpoint.parse(options).url, 'http://github.invalid').pathname;
  } catch {
    // keep the route as it is
  }
  return `${options.method} ${path}`;
}

/** A number the plugins keep in `options.request` (`retries`, `retryCount`), if set. */
function requestNumber(options: RequestOptions, name: 'retries' | 'retryCount'): number | null {
  const value = (options.request as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'number' ? value : null;
}

const GRAPHQL_HICCUP = /Something went wrong while executing your query/;

/**
 * A plugin that only logs: each failed attempt plugin-retry will repeat, with the wait it will
 * take (plugin-retry has no callback of its own). Registered before plugin-retry, so it sees
 * every attempt, not just the last.
 */
function retryNotes(log: (message: string) => void) {
  return (octokit: CoreOctokit) => {
    const note = (options: RequestOptions, reason: string, status: number) => {
      if (status < 400 || DO_NOT_RETRY.includes(status)) return;
      const attempt = requestNumber(options, 'retryCount') ?? 0;
      const retries = requestNumber(options, 'retries') ?? MAX_RETRIES;
      const what = describeRequest(octokit, options);
      if (attempt < retries) log(`GitHub API: ${reason} on ${what}: retrying in ${(attempt + 1) ** 2}s`);
      else if (retries === 0) log(`GitHub API: ${reason} on ${what}: not repeated (the request may have taken effect)`);
      else log(`GitHub API: ${reason} on ${what}: giving up after ${attempt} retries`);
    };
    octokit.hook.error('request', (error, options) => {
      // What plugin-retry repeats: RequestErrors (they carry the request), by status.
      const { status, request, response } = error as { status?: unknown; request?: unknown; response?: unknown };
      if (typeof status === 'number' && request !== undefined) note(options, response !== undefined ? `HTTP ${status}` : messageOf(error), status);
      throw error;
    });
    octokit.hook.after('request', (response, options) => {
      const errors = (response.data as { errors?: Array<{ message?: unknown }> } | null)?.errors;
      const message = Array.isArray(errors) ? errors[0]?.message : undefined;
      if (typeof message === 'string' && GRAPHQL_HICCUP.test(message)) note(options, 'GitHub GraphQL hiccup', 500);
    });
    return {};
  };
}

/** The throttling plugin's rate-limit handlers: retry within the per-request and per-run bounds. */
function rateLimitHandlers(log: (message: string) => void): { onRateLimit: LimitHandler; onSecondaryRateLimit: LimitHandler } {
  let waitedSeconds = 0;
  const handler =
    (reason: string): LimitHandler =>
    (retryAfter, options, octokit, retryCount) => {
      const what = `GitHub API: ${reason} on ${describeRequest(octokit, options)}`;
      if (retryCount >= MAX_RETRIES) {
        log(`${what}: giving up after ${retryCount} retries`);
        return false;
      }
      if (waitedSeconds + retryAfter > MAX_TOTAL_WAIT_SECONDS) {
        log(`${what}: giving up (waiting ${retryAfter}s would pass the run's ${MAX_TOTAL_WAIT_SECONDS}s limit)`);
        return false;
      }
      waitedSeconds += retryAfter;
      log(`${what}: retrying in ${retryAfter}s`);
      return true;
    };
  return { onRateLimit: handler('rate limit'), onSecondaryRateLimit: handler('secondary rate limit') };
}

/**
 * Bottleneck (both plugins' scheduler) yields to the event loop with `setTimeout(resolve, 0)` at
 * each step of every job — about three steps per job, three or four jobs per request — and Node
 * clamps such a timeout to 1 ms: some 10–15 ms of waiting per request that is neither network
 * nor work. `setImmediate` yields to the event loop just the same, without the clamp. Waits with
 * a duration (pacing, back-off) are untouched. Bottleneck 2.19.5 is pinned; its store keeps the
 * method on the prototype (a test checks that this still applies); it is patched once per process.
 */
export function yieldWithoutTimerClamp(): boolean {
  yieldPatched ??= patchYieldLoop();
  return yieldPatched;
}

let yieldPatched: boolean | null = null;

function patchYieldLoop(): boolean {
  const store = (new Bottleneck() as unknown as { _store?: object })._store;
  const proto = store ? (Object.getPrototypeOf(store) as { yieldLoop?: unknown }) : null;
  if (!proto || typeof proto.yieldLoop !== 'function') return false;
  const original = proto.yieldLoop as (t?: number) => Promise<void>;
  proto.yieldLoop = function (this: { Promise: PromiseConstructor }, t = 0): Promise<void> {
    if (t > 0) return original.call(this, t);
    return new this.Promise<void>((resolve) => setImmediate(resolve));
  };
  return true;
}

/** Our own write pacing (tests): the groups plugin-throttling takes in place of its shared ones. */
function writeGroups(spacingMs: number | undefined): { write?: Bottleneck.Group; notifications?: Bottleneck.Group } {
  if (spacingMs === undefined) return {};
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacingMs }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacingMs }),
  };
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? (() => undefined);
  const msPerWaitSecond = options.msPerWaitSecond ?? 1000;
  yieldWithoutTimerClamp();
  const apiUrl = options.apiUrl.replace(/(?<!\/)\/+$/, '');
  const Octokit = CoreOctokit.plugin(retryNotes(log), retry, throttling);
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: userAgent(),
    request: { fetch: fetchWithTimeout(apiUrl, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
    retry: { retries: MAX_RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: msPerWaitSecond },
    throttle: { ...rateLimitHandlers(log), ...writeGroups(options.writeSpacingMs), retryAfterBaseValue: msPerWaitSecond },
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
  });
  const graphqlUrl = options.graphqlUrl ?? defaultGraphqlUrl(apiUrl);
  const graphql = octokit.graphql.defaults({ url: graphqlUrl });
  return {
    request: octokit.request,
    graphql: (query, variables) => graphql(query, variables),
  };
}
