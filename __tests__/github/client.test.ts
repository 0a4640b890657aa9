import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGitHubClient, GATE_WRITE_SPACING_MS, proxyApplies } from '../../src/github/client.js';
import { describeApiFailure } from '../../src/cli/describe-api-failure.js';
import { describeError } from '../../src/github/errors.js';
import { typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub, type Fault, type FakeGitHubOptions } from '../fake-github/server.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const PARAMS = { owner: 'acme', repo: 'widgets', pull_number: 42 };
const FILES_PATH = 'GET /repos/acme/widgets/pulls/42/files';

/**
 * The production client against the fake API; `fast` (the default) with the tests' pacing: retry
 * waits in ms instead of seconds and no write spacing. Everything else is the real config.
 */
async function withFaults(faults: Fault[], { fast = true, ...options }: FakeGitHubOptions & { fast?: boolean } = {}) {
  fake = await startFakeGitHub(typicalScenario(), { faults, ...options });
  const logs: string[] = [];
  const client = createGitHubClient({ token: 't', apiUrl: fake.url, log: (message) => logs.push(message), ...(fast ? TEST_PACING : {}) });
  return { fake, client, logs };
}

describe('createGitHubClient', () => {
  it('retries a 502 and returns the answer', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'status', status: 502 }]);
    const answer = await client.request(FILES, PARAMS);
    expect((answer.data as unknown[]).length).toBe(3);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
    expect(logs).toEqual([`GitHub API: HTTP 502 on ${FILES_PATH}: retrying in 1s`]);
  });

  it('retries a reset connection', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'reset' }]);
    const answer = await client.request(FILES, PARAMS);
    expect(answer.status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual(['reset', null]);
    expect(logs).toEqual([`GitHub API: other side closed on ${FILES_PATH}: retrying in 1s`]);
  });

  it('retries an answer that does not come within the request timeout', async () => {
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'slow', delayMs: 300 }] });
    const logs: string[] = [];
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, log: (m) => logs.push(m), ...TEST_PACING, requestTimeoutMs: 100 });
    const answer = await client.request(FILES, PARAMS);
    expect(answer.status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual(['slow', null]);
    expect(logs).toEqual([`GitHub API: timed out after 0.1 s: check the network and GITHUB_API_URL on ${FILES_PATH}: retrying in 1s`]);
  });

  it('says a request that never answers timed out, and after how long (not an HTTP 500)', async () => {
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'slow', delayMs: 400, times: Infinity }] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING, requestTimeoutMs: 50 });
    const error = await client.request(FILES, PARAMS).catch((e: unknown) => e);
    expect(describeError(error)).toBe(`timed out after 0.1 s: check the network and GITHUB_API_URL (no answer to ${FILES_PATH})`);
    expect(describeApiFailure(error, 'acme/widgets#42', fake.url)).toBe(
      `the GitHub API at ${fake.url} did not answer within 0.1 s while reading acme/widgets#42: check the network and GITHUB_API_URL`,
    );
    expect(fake.requests).toHaveLength(4);
  });

  it('says an HTML answer comes from a URL that is not the GitHub API, and does not repeat it', async () => {
    const page = { status: 200, body: '<!DOCTYPE html><html><body>Sign in</body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } };
    for (const status of [200, 404]) {
      const { fake, client, logs } = await withFaults([], { rest: [{ method: 'GET', path: /\/files$/, handle: () => ({ ...page, status }) }] });
      const error = await client.request(FILES, PARAMS).catch((e: unknown) => e);
      expect(describeError(error)).toBe(
        `${fake.url} answered ${FILES_PATH} with an HTML page (HTTP ${status}), not JSON: it is not the GitHub API; check GITHUB_API_URL (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server)`,
      );
      expect(fake.requests).toHaveLength(1);
      expect(logs).toEqual([]);
      await fake.close();
    }
    fake = null;
  });

  it('waits out a secondary rate limit as long as retry-after says (in real seconds), then retries', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'secondary-rate-limit', retryAfter: 1 }], { fast: false });
    const started = Date.now();
    const answer = await client.request(FILES, PARAMS);
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(logs).toEqual([`GitHub API: secondary rate limit on ${FILES_PATH}: retrying in 1s`]);
  });

  it('gives up at once when a rate limit asks for a longer wait than the run allows', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'secondary-rate-limit', retryAfter: 120 }]);
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(1);
    expect(logs).toEqual([`GitHub API: secondary rate limit on ${FILES_PATH}: giving up (waiting 120s would pass the run's 60s limit)`]);
  });

  it('waits until the reset time on a primary rate limit, then retries', async () => {
    // Resets 9 to 10 s from now: the plugin waits until then, plus one second.
    const reset = String(Math.floor(Date.now() / 1000) + 10);
    const limited = {
      method: 'GET',
      path: /\/files$/,
      handle: () => ({ status: 403, body: { message: 'API rate limit exceeded for installation.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } }),
    };
    const { fake, client, logs } = await withFaults([], { rest: [limited] });
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 403 });
    // 4 attempts: the first and MAX_RETRIES (3) retries (waits scaled to ms in this test).
    expect(fake.requests).toHaveLength(4);
    expect(logs.slice(0, 3).every((line) => /^GitHub API: rate limit on GET \/repos\/acme\/widgets\/pulls\/42\/files: retrying in 1[01]s$/.test(line))).toBe(true);
    expect(logs[3]).toBe(`GitHub API: rate limit on ${FILES_PATH}: giving up after 3 retries`);
  });

  it('does not retry a 404', async () => {
    const { fake, client, logs } = await withFaults([]);
    const error = await client.request(FILES, { ...PARAMS, pull_number: 7 }).catch((e: unknown) => e);
    expect(describeError(error)).toBe('Not Found - https://docs.github.com/rest (HTTP 404 on GET /repos/acme/widgets/pulls/7/files)');
    expect(fake.requests).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  it('does not retry a read-only token’s 403', async () => {
    const { fake, client } = await withFaults([], { readOnly: true });
    const comment = { owner: 'acme', repo: 'widgets', issue_number: 42, body: 'x' };
    const error = await client.request(CREATE_COMMENT, comment).catch((e: unknown) => e);
    expect(describeError(error)).toBe('Resource not accessible by integration - https://docs.github.com/rest (HTTP 403 on POST /repos/acme/widgets/issues/42/comments)');
    expect(fake.requests).toHaveLength(1);
  });

  it('retries GraphQL on a 500 too', async () => {
    const { fake, client } = await withFaults([{ kind: 'status', status: 500, when: { path: '/graphql' } }]);
    const data = await client.graphql('query AgentPrGateSnapshot { viewer { login } }', {
      owner: 'acme', name: 'widgets', number: 42, policyExpression: 'x:y', codeownersGithub: 'x:a', codeownersRoot: 'x:b', codeownersDocs: 'x:c',
    });
    expect((data as { viewer: { login: string } }).viewer.login).toBe('github-actions[bot]');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('stops after 3 retries (1 s, 4 s, 9 s apart) on a server that keeps failing', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'status', status: 503, times: Infinity }]);
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(4);
    expect(logs).toEqual([
      `GitHub API: HTTP 503 on ${FILES_PATH}: retrying in 1s`,
      `GitHub API: HTTP 503 on ${FILES_PATH}: retrying in 4s`,
      `GitHub API: HTTP 503 on ${FILES_PATH}: retrying in 9s`,
      `GitHub API: HTTP 503 on ${FILES_PATH}: giving up after 3 retries`,
    ]);
  });

  it('does not repeat a write marked retries: 0 after a 502, but does after a secondary rate limit', async () => {
    const { fake, client, logs } = await withFaults([
      { kind: 'status', status: 502, afterHandling: true, when: { method: 'POST' } },
      { kind: 'secondary-rate-limit', retryAfter: 2, when: { method: 'POST' } },
    ]);
    const comment = { owner: 'acme', repo: 'widgets', issue_number: 42, body: 'x', request: { retries: 0 } };
    await expect(client.request(CREATE_COMMENT, comment)).rejects.toMatchObject({ status: 502 });
    const created = await client.request(CREATE_COMMENT, comment);
    expect(created.status).toBe(201);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 403, 201]);
    expect(fake.writes.comments.map((write) => write.action)).toEqual(['create', 'create']);
    expect(logs).toEqual([
      'GitHub API: HTTP 502 on POST /repos/acme/widgets/issues/42/comments: not repeated (the request may have taken effect)',
      'GitHub API: secondary rate limit on POST /repos/acme/widgets/issues/42/comments: retrying in 2s',
    ]);
  });

  it('caps the total rate-limit wait of a run at 60 s', async () => {
    const { client, logs } = await withFaults([{ kind: 'secondary-rate-limit', retryAfter: 25, times: Infinity }]);
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 403 });
    expect(logs).toEqual([
      `GitHub API: secondary rate limit on ${FILES_PATH}: retrying in 25s`,
      `GitHub API: secondary rate limit on ${FILES_PATH}: retrying in 25s`,
      `GitHub API: secondary rate limit on ${FILES_PATH}: giving up (waiting 25s would pass the run's 60s limit)`,
    ]);
  });

  it('retries GraphQL answers that report GitHub’s own hiccup', async () => {
    let calls = 0;
    const { client, logs } = await withFaults([], {
      graphql: { Probe: () => (++calls === 1 ? { errors: [{ message: 'Something went wrong while executing your query. Please try again.' }] } : { data: { ok: true } }) },
    });
    expect(await client.graphql('query Probe { ok }', {})).toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(logs).toEqual(['GitHub API: GitHub GraphQL hiccup on POST /graphql: retrying in 1s']);
  });

  it('treats GraphQL’s RATE_LIMITED answer as a rate limit', async () => {
    let calls = 0;
    const { client, logs } = await withFaults([], {
      graphql: { Probe: () => (++calls === 1 ? { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] } : { data: { ok: true } }) },
    });
    expect(await client.graphql('query Probe { ok }', {})).toEqual({ ok: true });
    expect(calls).toBe(2);
    // Without an x-ratelimit-reset header the plugin knows no reset time, and retries at once.
    expect(logs).toEqual(['GitHub API: rate limit on POST /graphql: retrying in 0s']);
  });

  it('gives up on GraphQL after 3 retries when the connection keeps resetting', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'reset', times: Infinity, when: { path: '/graphql' } }]);
    const error = await client.graphql('query Probe { ok }', {}).catch((e: unknown) => e);
    expect(describeError(error)).toBe('other side closed (no answer to POST /graphql)');
    expect(fake.requests).toHaveLength(4);
    expect(logs.at(-1)).toBe('GitHub API: other side closed on POST /graphql: giving up after 3 retries');
  });

  it('raises other GraphQL errors without retrying', async () => {
    const { fake, client, logs } = await withFaults([], { graphql: { Probe: () => ({ errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a thing.' }] }) } });
    const error = await client.graphql('query Probe { ok }', {}).catch((e: unknown) => e);
    expect(describeError(error)).toBe('GitHub GraphQL: Could not resolve to a thing.');
    expect(fake.requests).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  it('spaces writes 1 s apart by default (GitHub’s advice for many writes)', async () => {
    const { fake, client } = await withFaults([], { fast: false });
    const status = { owner: 'acme', repo: 'widgets', sha: 'a'.repeat(40), state: 'success' as const, context: 'agent-pr-gate' };
    const started = Date.now();
    await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', status);
    await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', status);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.writes.statuses).toHaveLength(2);
  });

  it('spaces GraphQL queries like writes by default, and keeps at most 10 requests in flight', async () => {
    const { client } = await withFaults([], { fast: false, graphql: { Probe: () => ({ data: { ok: true } }) } });
    const started = Date.now();
    await Promise.all([client.graphql('query Probe { ok }', {}), client.graphql('query Probe { ok }', {})]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    await fake?.close();
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'slow', delayMs: 200, times: Infinity }] });
    const reads = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const readsStarted = Date.now();
    await Promise.all(Array.from({ length: 11 }, () => reads.request(FILES, PARAMS)));
    // Eleven 200 ms answers, ten at a time: two rounds.
    expect(Date.now() - readsStarted).toBeGreaterThanOrEqual(390);
    expect(fake.requests).toHaveLength(11);
  });

  it('sends writes one at a time but not spaced with the gate’s pacing', async () => {
    fake = await startFakeGitHub(typicalScenario());
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, writeSpacingMs: GATE_WRITE_SPACING_MS });
    const status = { owner: 'acme', repo: 'widgets', sha: 'a'.repeat(40), state: 'success' as const, context: 'agent-pr-gate' };
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => client.request('POST /repos/{owner}/{repo}/statuses/{sha}', status)));
    expect(Date.now() - started).toBeLessThan(900);
    expect(fake.writes.statuses).toHaveLength(3);
  });

  it('sends the token and a user agent naming the action and the runner’s orchestration id', async () => {
    vi.stubEnv('ACTIONS_ORCHESTRATION_ID', 'run 7/a');
    try {
      fake = await startFakeGitHub(typicalScenario());
      const client = createGitHubClient({ token: 'ghs_x', apiUrl: `${fake.url}/`, ...TEST_PACING });
      const answer = await client.request(FILES, PARAMS);
      expect(answer.url).toBe(`${fake.url}/repos/acme/widgets/pulls/42/files`);
      expect(fake.requests.map((r) => r.authorization)).toEqual(['token ghs_x']);
      expect(fake.requests.map((r) => r.userAgent)).toEqual([expect.stringMatching(/^agent-pr-gate actions_orchestration_id\/run_7_a /)]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('proxyApplies', () => {
  afterEach(() => vi.unstubAllEnvs());
  const clear = () => {
    for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']) vi.stubEnv(name, '');
  };

  it('is false without proxy variables: requests use Node’s own fetch', () => {
    clear();
    expect(proxyApplies('https://api.github.com')).toBe(false);
  });

  it('follows https_proxy for an https API and http_proxy for an http one', () => {
    clear();
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128');
    expect(proxyApplies('https://api.github.com')).toBe(true);
    expect(proxyApplies('http://ghe.corp/api/v3')).toBe(false);
    vi.stubEnv('http_proxy', 'proxy.corp:3128');
    expect(proxyApplies('http://ghe.corp/api/v3')).toBe(true);
  });

  it('honours no_proxy', () => {
    clear();
    vi.stubEnv('https_proxy', 'http://proxy.corp:3128');
    vi.stubEnv('no_proxy', 'ghe.corp,.internal');
    expect(proxyApplies('https://api.github.com')).toBe(true);
    expect(proxyApplies('https://ghe.corp/api/v3')).toBe(false);
    expect(proxyApplies('https://git.ghe.internal/api/v3')).toBe(false);
    vi.stubEnv('no_proxy', 'github.com');
    expect(proxyApplies('https://api.github.com')).toBe(false);
  });

  it('is false for a URL it cannot read (the request itself will say so)', () => {
    clear();
    vi.stubEnv('https_proxy', 'http://proxy.corp:3128');
    expect(proxyApplies('not a url')).toBe(false);
  });
});
