/**
 * Reading API errors without trusting their shape: octokit throws RequestError (with `status`),
 * GraphqlResponseError (with `errors`), and plain Errors; anything else can be thrown too.
 */

/**
 * An HTML page came back where the API answers JSON: the configured URL is not the GitHub API
 * (github.com instead of api.github.com, a sign-in portal, a proxy's error page). Never repeated.
 */
export class NotGitHubApiError extends Error {
  constructor(what: string) {
    super(`${what}; check GITHUB_API_URL (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server)`);
    this.name = 'NotGitHubApiError';
  }
}

/**
 * A request that got no answer in time, as the fetch of a run reports it (docs/cli.md, "When a
 * request fails"): how long it waited, and what to check.
 */
export class RequestTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`timed out after ${seconds} s: check the network and GITHUB_API_URL`);
    this.name = 'RequestTimeoutError';
  }
}

interface ErrorLike {
  message?: unknown;
  status?: unknown;
  response?: unknown;
  request?: { method?: unknown; url?: unknown };
  errors?: unknown;
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

/** The HTTP status of an API error, or null. */
export function statusOf(error: unknown): number | null {
  const status = asErrorLike(error).status;
  return typeof status === 'number' ? status : null;
}

/** The one-line message of any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const message = asErrorLike(error).message;
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** The messages of a GraphQL error answer (GraphqlResponseError.errors), joined. */
function graphqlMessages(errors: unknown): string | null {
  if (!Array.isArray(errors)) return null;
  const messages = errors
    .map((item) => (typeof item === 'object' && item !== null ? (item as { message?: unknown }).message : null))
    .filter((message): message is string => typeof message === 'string' && message !== '');
  return messages.length > 0 ? `GitHub GraphQL: ${messages.join('; ')}` : null;
}

/**
 * One line: the message, and for API errors the status and the request that failed. octokit
 * gives a request that never got an answer (refused, reset, timed out) status 500 with no
 * response: that is said as such, not as an HTTP 500 GitHub never sent.
 */
export function describeError(error: unknown): string {
  const like = asErrorLike(error);
  const message = graphqlMessages(like.errors) ?? (firstLine(messageOf(error)) || 'unknown error');
  const status = statusOf(error);
  const method = typeof like.request?.method === 'string' ? like.request.method : null;
  const url = typeof like.request?.url === 'string' ? like.request.url : null;
  if (status === null || method === null || url === null) return message;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep the raw url
  }
  if (status === 500 && like.response === undefined) return `${message} (no answer to ${method} ${path})`;
  return `${message} (HTTP ${status} on ${method} ${path})`;
}

/**
 * True for the 403 GitHub answers when the token may read but not write — e.g. the read-only
 * token of a fork PR under `pull_request`.
 */
export function isReadOnlyError(error: unknown): boolean {
  return statusOf(error) === 403 && /resource not accessible by integration/i.test(messageOf(error));
}
