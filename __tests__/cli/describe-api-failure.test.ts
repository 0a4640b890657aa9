import { describe, expect, it } from 'vitest';
import { describeApiFailure } from '../../src/cli/describe-api-failure.js';

function apiError(message: string, status: number, path = '/repos/a/b/pulls/1'): Error {
  return Object.assign(new Error(message), { status, request: { method: 'GET', url: `https://api.github.com${path}` } });
}

describe('describeApiFailure', () => {
  it('says the API cannot be reached when the connection fails (octokit reports it as HTTP 500)', () => {
    expect(describeApiFailure(apiError('connect ECONNREFUSED 127.0.0.1:45999', 500), 'a/b#1', 'http://127.0.0.1:45999')).toBe(
      'cannot reach the GitHub API at http://127.0.0.1:45999 (connect ECONNREFUSED 127.0.0.1:45999): check GITHUB_API_URL and the network',
    );
  });

  it('names the token for 401, visibility for 404 and permission for 403', () => {
    expect(describeApiFailure(apiError('Bad credentials', 401), 'a/b#1', 'https://api.github.com')).toBe(
      'GitHub rejected the token while reading a/b#1: check GITHUB_TOKEN or GH_TOKEN (Bad credentials (HTTP 401 on GET /repos/a/b/pulls/1))',
    );
    expect(describeApiFailure(apiError('Not Found', 404), 'a/b#1', 'https://api.github.com')).toBe(
      'a/b#1 was not found, or the token cannot read it (Not Found (HTTP 404 on GET /repos/a/b/pulls/1))',
    );
    expect(describeApiFailure(apiError('Resource not accessible by integration', 403), 'a/b#1', 'https://api.github.com')).toBe(
      'the token may not read a/b#1 (Resource not accessible by integration (HTTP 403 on GET /repos/a/b/pulls/1))',
    );
  });

  it('says when the rate limit stopped it', () => {
    expect(describeApiFailure(apiError('API rate limit exceeded for installation ID 1.', 403), 'a/b#1', 'https://api.github.com')).toBe(
      "GitHub's rate limit stopped reading a/b#1: try again later (API rate limit exceeded for installation ID 1. (HTTP 403 on GET /repos/a/b/pulls/1))",
    );
  });

  it('keeps other failures to their first line', () => {
    expect(describeApiFailure(new Error('boom\n    at somewhere'), 'a/b#1', 'https://api.github.com')).toBe('reading a/b#1 failed: boom');
    expect(describeApiFailure('a string', 'a/b#1', 'https://api.github.com')).toBe('reading a/b#1 failed: a string');
  });
});
