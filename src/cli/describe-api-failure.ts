import { describeError, messageOf, statusOf } from '../github/errors.js';

/**
 * One line for a failed API call, with what to do about the common cases: a rejected token, a
 * repository or PR the token cannot see, an unreachable API URL.
 */
export function describeApiFailure(error: unknown, what: string, apiUrl: string): string {
  const status = statusOf(error);
  const detail = describeError(error);
  if (status === 401) return `GitHub rejected the token while reading ${what}: check GITHUB_TOKEN or GH_TOKEN (${detail})`;
  if (status === 404) return `${what} was not found, or the token cannot read it (${detail})`;
  if ((status === 403 || status === 429) && /rate limit/i.test(detail)) return `GitHub's rate limit stopped reading ${what}: try again later (${detail})`;
  if (status === 403) return `the token may not read ${what} (${detail})`;
  // octokit reports a connection that never got an answer as HTTP 500 with the socket error's text.
  const message = firstLine(messageOf(error));
  const timedOut = /^timed out after ([\d.]+) s\b/.exec(message);
  if (timedOut) return `the GitHub API at ${apiUrl} did not answer within ${timedOut[1]} s while reading ${what}: check the network and GITHUB_API_URL`;
  const network = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|fetch failed|bad port|certificate/i.exec(message);
  if (network) return `cannot reach the GitHub API at ${apiUrl} (${message}): check GITHUB_API_URL and the network`;
  return `reading ${what} failed: ${detail}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
