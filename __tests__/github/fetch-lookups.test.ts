import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';
import { fetchLookups, permissionFrom } from '../../src/github/fetch-lookups.js';
import { typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('permissionFrom', () => {
  it('uses the role name for built-in roles (maintain and triage are only there)', () => {
    expect(permissionFrom({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
    expect(permissionFrom({ permission: 'read', role_name: 'triage' })).toBe('triage');
    expect(permissionFrom({ permission: 'admin', role_name: 'admin' })).toBe('admin');
  });

  it('falls back to the base permission for custom roles', () => {
    expect(permissionFrom({ permission: 'write', role_name: 'security-engineer' })).toBe('write');
    expect(permissionFrom({ permission: 'none' })).toBe('none');
  });
});

describe('fetchLookups', () => {
  it('reads permissions and team members in parallel requests, one each', async () => {
    const scenario = typicalScenario({ permissions: { alice: 'admin', bob: 'maintain' }, teams: { 'acme/platform': ['bob', 'carol'] } });
    fake = await startFakeGitHub(scenario);
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const lookups = await fetchLookups(client, { owner: 'acme', name: 'widgets' }, { permissions: ['alice', 'bob', 'alice'], teams: ['@acme/platform'] });
    expect(lookups).toEqual({ permissions: { alice: 'admin', bob: 'maintain' }, teams: { '@acme/platform': { members: ['bob', 'carol'] } } });
    expect(fake.requests.map((r) => r.path).sort()).toEqual([
      '/orgs/acme/teams/platform/members',
      '/repos/acme/widgets/collaborators/alice/permission',
      '/repos/acme/widgets/collaborators/bob/permission',
    ]);
  });

  it('answers a team the token cannot read with the permission to add', async () => {
    fake = await startFakeGitHub(typicalScenario());
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const lookups = await fetchLookups(client, { owner: 'acme', name: 'widgets' }, { permissions: [], teams: ['acme/secret'] });
    expect(lookups.teams['acme/secret']).toEqual({
      error:
        'the token cannot read the members of @acme/secret (HTTP 404): give it the `members: read` organization permission (the default GITHUB_TOKEN cannot have it; use a GitHub App token or a token with `read:org`)',
    });
  });

  it('answers a forbidden permission lookup with one sentence instead of failing', async () => {
    fake = await startFakeGitHub(typicalScenario(), { faults: [{ kind: 'status', status: 403, message: 'Resource not accessible by integration', when: { path: '/collaborators/' } }] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const lookups = await fetchLookups(client, { owner: 'acme', name: 'widgets' }, { permissions: ['zed'], teams: [] });
    expect(lookups.permissions.zed).toEqual({
      error: "could not read zed's repository permission (HTTP 403): the token needs the `metadata: read` repository permission, and zed must be an existing account",
    });
  });

  it('makes no request when nothing is asked', async () => {
    fake = await startFakeGitHub(typicalScenario());
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    expect(await fetchLookups(client, { owner: 'acme', name: 'widgets' }, { permissions: [], teams: [] })).toEqual({ permissions: {}, teams: {} });
    expect(fake.requests).toHaveLength(0);
  });
});
