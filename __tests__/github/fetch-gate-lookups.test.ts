import { afterEach, describe, expect, it } from 'vitest';
import { presetPolicy } from '../../src/config/load-policy.js';
import { evaluateGate } from '../../src/evaluate.js';
import { createGitHubClient } from '../../src/github/client.js';
import { fetchGateLookups } from '../../src/github/fetch-gate-lookups.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { addedPatch, at, copilotSnapshot, createSnapshot, event, file, policyFrom, review, user } from '../factories.js';
import { typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function client(overrides: Parameters<typeof typicalScenario>[0] = {}) {
  fake = await startFakeGitHub(typicalScenario(overrides));
  return createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
}

const WORKFLOW = '.github/workflows/agent-pr-gate.yml';
const BOB = user('bob', 102);

describe('fetchGateLookups', () => {
  it('asks nothing for a PR no agent opened, and returns no findings', async () => {
    const api = await client();
    const snapshot = createSnapshot({ files: [file('src/a.ts', addedPatch(['x']))] });
    const gate = await fetchGateLookups(api, presetPolicy('default'), snapshot, WORKFLOW);
    expect(gate).toEqual({ lookups: { permissions: {}, teams: {} }, findings: null });
    expect(fake?.requests).toEqual([]);
  });

  it('looks up who removed an agent label, even when the PR may turn out not to be an agent’s', async () => {
    const api = await client({ permissions: { maya: 'admin' } });
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['ai-generated'] }] });
    const snapshot = createSnapshot({
      timeline: [event('labeled', user('alice', 1), 0, { label: 'ai-generated' }), event('unlabeled', user('maya', 7), 5, { label: 'ai-generated' })],
    });
    const gate = await fetchGateLookups(api, policy, snapshot, WORKFLOW);
    expect(gate.lookups).toEqual({ permissions: { maya: 'admin' }, teams: {} });
    expect(fake?.requests.map((r) => r.path)).toEqual(['/repos/acme/widgets/collaborators/maya/permission']);
    // With the answer, the removal by an admin counts: not an agent PR.
    expect(evaluateGate(policy, { ...snapshot, lookups: gate.lookups }, { now: new Date(at(60)), findings: gate.findings }).verdict).toBe('skipped');
  });

  it('returns the permission findings it planned with, and the reviewer team members an approval needs', async () => {
    const api = await client({ teams: { 'acme/platform': ['bob'] } });
    const policy = policyFrom({ permissions: { 'sensitive-paths': { level: 'review', paths: ['infra/**'], reviewers: ['@acme/platform'] } } });
    const snapshot = copilotSnapshot({ files: [file('infra/main.tf', addedPatch(['resource "x" "y" {}']))] });
    snapshot.reviews = [review(BOB, 'APPROVED', 30, { commitSha: snapshot.headSha })];
    const gate = await fetchGateLookups(api, policy, snapshot, WORKFLOW);
    expect(gate.findings).toEqual(evaluatePolicy(policy, snapshot, { workflowPath: WORKFLOW }));
    expect(gate.findings?.map((finding) => finding.category)).toEqual(['sensitive-paths']);
    expect(gate.lookups).toEqual({ permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } });
    const result = evaluateGate(policy, { ...snapshot, lookups: gate.lookups }, { now: new Date(at(60)), workflowPath: WORKFLOW, findings: gate.findings });
    expect(result.verdict).toBe('pass');
  });
});
