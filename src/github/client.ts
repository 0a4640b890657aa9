import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { Octokit as CoreOctokit } from '@octokit/core';
import { RequestTimeoutError } from './errors.js';
import { requestPolicy } from './request-policy.js';
import { defaultGraphqlUrl } from './runner-env.js';

export { DO_NOT_RETRY, MAX_RETRIES, MAX_TOTAL_WAIT_SECONDS } from './request-policy.js';

/**
 * The one GitHub API client of a run: @octokit/core (the octokit of @actions/github, without the
 * REST method and pagination plugins we do not use) with one request hook of our own
 * (request-policy.ts), bounded in time:
 *
 * - 5xx answers, network errors, timeouts and GraphQL's "Something went wrong while executing
 *   your query" are repeated at most MAX_RETRIES times, 1 s, 4 s, 9 s apart; never client errors
 *   (DO_NOT_RETRY), and never a request sent with `request: { retries: 0 }` (a comment creation:
 *   a 502 can hide a comment that was made);
 * - rate limits are waited out (`retry-after`, else 60 s; primary ones until `x-ratelimit-reset`,
 *   also GraphQL's RATE_LIMITED) at most MAX_RETRIES times per request and MAX_TOTAL_WAIT_SECONDS
 *   per client (per run). The request was not processed, so even a `retries: 0` write is sent
 *   again. At most 10 requests are in flight; writes and GraphQL queries start `writeSpacingMs`
 *   apart (1 s unless set: GitHub's advice for clients that make many writes);
 * - every request times out after REQUEST_TIMEOUT_MS (a timeout is retried like a 5xx, and said
 *   as a timeout); an HTML page where JSON was expected says the URL is not the GitHub API;
 * - requests go through Node's built-in fetch; when a proxy applies to the API URL (https_proxy,
 *   HTTPS_PROXY… and no_proxy, read as @actions/http-client reads them), through the proxy-aware
 *   fetch of @actions/github instead, loaded only then from its own chunk (dist/, built by
 *   scripts/build.mjs): it brings undici and the REST methods, which no other run parses.
 *
 * Created by main.ts (and the CLI) with URLs from the environment; nothing here runs at import time.
 */

export const REQUEST_TIMEOUT_MS = 30_000;
/** GitHub's advice for clients that make many writes: one a second. */
export const DEFAULT_WRITE_SPACING_MS = 1000;

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
   * Milliseconds per second of a retry wait; default 1000. Tests pass 1, so a 9 s back-off takes
   * 9 ms; logged waits and the run's cap stay in seconds.
   */
  msPerWaitSecond?: number;
  /**
   * Least time between the starts of two writes (or GraphQL queries) of this client, in
   * milliseconds. Default DEFAULT_WRITE_SPACING_MS, for clients that make many requests (report
   * mode). A gate run makes two or three writes and a few queries, and passes GATE_WRITE_SPACING_MS.
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
 * A gate run's write spacing: none. GitHub's 1 s advice is for clients making many writes; a
 * rate-limit answer is still waited out with its `retry-after`.
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

/**
 * The fetch of a run, with a timeout per request: a request that gets no answer in time fails
 * with RequestTimeoutError (retried like a 5xx), not with the abort's own words.
 */
function fetchWithTimeout(apiUrl: string, timeoutMs: number): FetchLike {
  let base: FetchLike | Promise<FetchLike> = fetch as FetchLike;
  if (proxyApplies(apiUrl)) {
    base = import('./proxy-fetch.js').then((module) => module.proxyFetch as FetchLike);
  }
  return async (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await (await base)(url, { ...init, signal });
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) throw new RequestTimeoutError(Math.round(timeoutMs / 100) / 10);
      throw error;
    }
  };
}

/** The user agent, tagged with the runner's orchestration id as @actions/github tags it. */
function userAgent(): string {
  const base = 'agent-pr-gate';
  const orchestration = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return orchestration ? `${base} actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const apiUrl = options.apiUrl.replace(/(?<!\/)\/+$/, '');
  const policy = requestPolicy({
    log: options.log ?? (() => undefined),
    msPerWaitSecond: options.msPerWaitSecond ?? 1000,
    writeSpacingMs: options.writeSpacingMs ?? DEFAULT_WRITE_SPACING_MS,
  });
  const Octokit = CoreOctokit.plugin(policy);
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: userAgent(),
    request: { fetch: fetchWithTimeout(apiUrl, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
    log: { debug: () => undefined, info: () => undefined, warn: options.log ?? (() => undefined), error: options.log ?? (() => undefined) },
  });
  const graphqlUrl = options.graphqlUrl ?? defaultGraphqlUrl(apiUrl);
  const graphql = octokit.graphql.defaults({ url: graphqlUrl });
  return {
    request: octokit.request,
    graphql: (query, variables) => graphql(query, variables),
  };
}
