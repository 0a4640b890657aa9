import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { describeError } from '../../src/github/errors.js';
import { typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub, type Fault } from '../fake-github/server.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const PARAMS = { owner: 'acme', repo: 'widgets', pull_number: 42 };

async function withFaults(faults: Fault[]) {
  fake = await startFakeGitHub(typicalScenario(), { faults });
  const logs: string[] = [];
  const client = createGitHubClient({ token: 't', apiUrl: fake.url, log: (message) => logs.push(message) });
  return { fake, client, logs };
}

describe('createGitHubClient', () => {
  it('retries a 502 and returns the answer', async () => {
    const { fake, client } = await withFaults([{ kind: 'status', status: 502 }]);
    const answer = await client.request(FILES, PARAMS);
    expect((answer.data as unknown[]).length).toBe(3);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('retries a reset connection', async () => {
    const { fake, client } = await withFaults([{ kind: 'reset' }]);
    const answer = await client.request(FILES, PARAMS);
    expect(answer.status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual(['reset', null]);
  });

  it('waits out a secondary rate limit as long as retry-after says, then retries', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'secondary-rate-limit', retryAfter: 1 }]);
    const started = Date.now();
    const answer = await client.request(FILES, PARAMS);
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(logs).toEqual(['GitHub API: secondary rate limit on GET /repos/acme/widgets/pulls/42/files: retrying in 1s']);
  });

  it('gives up at once when a rate limit asks for a longer wait than the run allows', async () => {
    const { fake, client, logs } = await withFaults([{ kind: 'secondary-rate-limit', retryAfter: 120 }]);
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(1);
    expect(logs).toEqual(["GitHub API: secondary rate limit on GET /repos/acme/widgets/pulls/42/files: giving up (waiting 120s would pass the run's 60s limit)"]);
  });

  it('does not retry a 404', async () => {
    const { fake, client } = await withFaults([]);
    const error = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...PARAMS, pull_number: 7 }).catch((e: unknown) => e);
    expect(describeError(error)).toBe('Not Found - https://docs.github.com/rest (HTTP 404 on GET /repos/acme/widgets/pulls/7/files)');
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
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'status', status: 503, times: Infinity }] });
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, sleep: async (seconds) => void waits.push(seconds) });
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 503 });
    expect(waits).toEqual([1, 4, 9]);
    expect(fake.requests).toHaveLength(4);
  });

  it('does not repeat a write marked retries: 0 after a 502, but does after a secondary rate limit', async () => {
    fake = await startFakeGitHub(typicalScenario(), {
      faults: [
        { kind: 'status', status: 502, when: { method: 'POST' } },
        { kind: 'secondary-rate-limit', retryAfter: 2, when: { method: 'POST' } },
      ],
    });
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, sleep: async (seconds) => void waits.push(seconds) });
    const comment = { owner: 'acme', repo: 'widgets', issue_number: 42, body: 'x', request: { retries: 0 } };
    await expect(client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', comment)).rejects.toMatchObject({ status: 502 });
    const created = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', comment);
    expect(created.status).toBe(201);
    expect(waits).toEqual([2]);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 403, 201]);
  });

  it('caps the total wait of a run at 60 s', async () => {
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'secondary-rate-limit', retryAfter: 25, times: Infinity }] });
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, sleep: async (seconds) => void waits.push(seconds) });
    await expect(client.request(FILES, PARAMS)).rejects.toMatchObject({ status: 403 });
    expect(waits).toEqual([25, 25]);
  });

  it('retries GraphQL answers that report GitHub’s own hiccup', async () => {
    let calls = 0;
    fake = await startFakeGitHub(typicalScenario(), {
      graphql: { Probe: () => (++calls === 1 ? { errors: [{ message: 'Something went wrong while executing your query. Please try again.' }] } : { data: { ok: true } }) },
    });
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, sleep: async (seconds) => void waits.push(seconds) });
    expect(await client.graphql('query Probe { ok }', {})).toEqual({ ok: true });
    expect(waits).toEqual([1]);
  });

  it('raises other GraphQL errors without retrying', async () => {
    fake = await startFakeGitHub(typicalScenario(), { graphql: { Probe: () => ({ errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a thing.' }] }) } });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, sleep: async () => undefined });
    const error = await client.graphql('query Probe { ok }', {}).catch((e: unknown) => e);
    expect(describeError(error)).toBe('GitHub GraphQL: Could not resolve to a thing.');
    expect(fake.requests).toHaveLength(1);
  });
});
