import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { decideRetry, type FailedAttempt } from './decide-retry.js';
import { messageOf } from './errors.js';
import { defaultGraphqlUrl } from './runner-env.js';

/**
 * The one GitHub API client of a run: octokit from @actions/github (proxy-aware fetch), with
 * retries and rate-limit handling in one hook around every request (decide-retry.ts): 5xx and
 * network errors back off, secondary rate limits wait `retry-after`, all bounded (at most
 * MAX_RETRIES per request, MAX_TOTAL_WAIT_SECONDS of waiting per run, a timeout per request).
 *
 * Why not @octokit/plugin-retry and plugin-throttling: they schedule every request through
 * Bottleneck queues that yield to the event loop several times per request, which cost ~15 ms per
 * sequential request here, capped parallel requests at 10, and spaced writes 1 s apart — too
 * slow for the SPEC §9 budget (see scripts/bench.ts) for no benefit at two or three writes a run.
 *
 * Created by main.ts with URLs from the runner environment; nothing here runs at import time.
 */

export const MAX_RETRIES = 3;
export const MAX_TOTAL_WAIT_SECONDS = 60;
export const REQUEST_TIMEOUT_MS = 30_000;

type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClient {
  /**
   * REST: `client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { … })`.
   * Pass `request: { retries: 0 }` for a write that must not be repeated after an unclear failure.
   */
  request: Octokit['request'];
  /** GraphQL against the run's GraphQL URL; rejects with GraphqlResponseError when `errors` is set. */
  graphql: (query: string, variables: Record<string, unknown>) => Promise<unknown>;
}

export interface ClientOptions {
  token: string;
  /** REST base URL (GITHUB_API_URL). */
  apiUrl: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL, else derived from apiUrl). */
  graphqlUrl?: string;
  /** Where retry notes go (core.info in the action). */
  log?: (message: string) => void;
  /** Waits between retries (tests may shorten it). */
  sleep?: (seconds: number) => Promise<void>;
}

type FetchLike = (url: string, init: { signal?: AbortSignal | null } & Record<string, unknown>) => Promise<unknown>;

/** The proxy-aware fetch of @actions/github, with a timeout per request (a timeout is retried). */
function fetchWithTimeout(): FetchLike {
  const base = (actionsDefaults.request?.fetch ?? fetch) as FetchLike;
  return (url, init) => base(url, { ...init, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

const defaultSleep = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

interface ErrorShape {
  status?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** What a thrown request error tells about the failure. */
function failureOf(error: unknown): Pick<FailedAttempt, 'status' | 'message' | 'headers'> {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const answered = shape.response !== undefined && typeof shape.status === 'number';
  return { status: answered ? (shape.status as number) : null, message: messageOf(error), headers: shape.response?.headers ?? {} };
}

interface GraphqlBody {
  errors?: Array<{ type?: unknown; message?: unknown }>;
}

/** A 200 GraphQL answer that is really a transient failure (rate limited, or GitHub's hiccup). */
function graphqlFailure(data: unknown): { message: string; types: string[] } | null {
  const errors = (typeof data === 'object' && data !== null ? (data as GraphqlBody).errors : undefined) ?? [];
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const types = errors.map((error) => (typeof error.type === 'string' ? error.type : '')).filter(Boolean);
  const message = errors.map((error) => (typeof error.message === 'string' ? error.message : '')).join('; ');
  if (types.includes('RATE_LIMITED') || /something went wrong while executing your query/i.test(message)) return { message, types };
  return null;
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? (() => undefined);
  const sleep = options.sleep ?? defaultSleep;
  let waitedSeconds = 0;
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    request: { fetch: fetchWithTimeout() },
  });

  const limits = { maxRetries: MAX_RETRIES, maxTotalWaitSeconds: MAX_TOTAL_WAIT_SECONDS };
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const repeatable = (requestOptions.request as { retries?: unknown } | undefined)?.retries !== 0;
    const what = `${requestOptions.method} ${new URL(octokit.request.endpoint.parse(requestOptions).url, 'http://github.invalid').pathname}`;
    for (let attempt = 0; ; attempt++) {
      let outcome: { response: Awaited<ReturnType<typeof request>> } | { error: unknown };
      try {
        outcome = { response: await request(requestOptions) };
      } catch (error) {
        outcome = { error };
      }
      let failed: Pick<FailedAttempt, 'status' | 'message' | 'headers' | 'graphqlTypes'>;
      if ('response' in outcome) {
        const hiccup = graphqlFailure(outcome.response.data);
        if (!hiccup) return outcome.response;
        failed = { status: outcome.response.status, message: hiccup.message, headers: outcome.response.headers, graphqlTypes: hiccup.types };
      } else {
        failed = failureOf(outcome.error);
      }
      const decision = decideRetry({ ...failed, attempt, repeatable, waitedSeconds, nowMs: Date.now() }, limits);
      if (!decision.retry) {
        if (decision.reason) log(`GitHub API: ${decision.reason} on ${what}: ${decision.note ?? 'giving up'}`);
        // A GraphQL answer with errors goes back as it is: octokit's graphql() raises them.
        if ('response' in outcome) return outcome.response;
        throw outcome.error;
      }
      waitedSeconds += decision.waitSeconds;
      log(`GitHub API: ${decision.reason} on ${what}: retrying in ${decision.waitSeconds}s`);
      await sleep(decision.waitSeconds);
    }
  });

  const graphqlUrl = options.graphqlUrl ?? defaultGraphqlUrl(options.apiUrl.replace(/\/+$/, ''));
  const graphql = octokit.graphql.defaults({ url: graphqlUrl });
  return {
    request: octokit.request,
    graphql: (query, variables) => graphql(query, variables),
  };
}
