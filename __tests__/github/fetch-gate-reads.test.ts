import { afterEach, describe, expect, it } from 'vitest';
import { presetPolicy } from '../../src/config/load-policy.js';
import { runGatePipeline } from '../../src/gate/pipeline.js';
import { firstReads } from '../../src/gate/reads.js';
import { createGitHubClient } from '../../src/github/client.js';
import { gateFetch } from '../../src/github/fetch-gate-reads.js';
import { fetchManifests } from '../../src/github/fetch-manifests.js';
import { fetchSnapshotStaged } from '../../src/github/fetch-snapshot.js';
import { BASE_SHA, addedFile, typicalScenario, type FakeScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type Fault, type FakeGitHub } from '../fake-github/server.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario: FakeScenario, faults: Fault[] = []) {
  fake = await startFakeGitHub(scenario, { faults });
  return { client: createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING }), fake };
}

const BASE_PACKAGE = '{ "dependencies": { "left-pad": "1.3.0" } }\n';
const HEAD_PACKAGE = '{ "dependencies": { "left-pad": "1.3.0", "lodash": "^4.17.21" } }\n';

/** The typical agent PR, also changing package.json and adding requirements.txt. */
function withManifests(): FakeScenario {
  const scenario = typicalScenario();
  const head = scenario.pr.head.sha;
  scenario.files.push(
    { filename: 'package.json', status: 'modified', additions: 1, deletions: 1, patch: `@@ -1 +1 @@\n-${BASE_PACKAGE.trim()}\n+${HEAD_PACKAGE.trim()}` },
    addedFile('requirements.txt', ['requests==2.32.3']),
  );
  scenario.trees[BASE_SHA] = { ...scenario.trees[BASE_SHA], 'package.json': BASE_PACKAGE };
  scenario.trees[head] = { 'package.json': HEAD_PACKAGE, 'requirements.txt': 'requests==2.32.3\n' };
  return scenario;
}

const TARGET = { owner: 'acme', name: 'widgets', number: 42, baseSha: BASE_SHA, configPath: '.github/agent-pr-gate.yml' };

describe('gateFetch', () => {
  it('reads every touched manifest at base and head in one GraphQL request, one more than without', async () => {
    const { client, fake } = await start(withManifests());
    const staged = await fetchSnapshotStaged(client, TARGET);
    const run = await runGatePipeline(presetPolicy('default'), firstReads(staged.snapshot, { morePages: staged.moreFiles }), gateFetch(client, staged), { now: new Date() });
    expect(run.reads.manifests).toEqual([
      { path: 'package.json', base: BASE_PACKAGE, head: HEAD_PACKAGE },
      { path: 'requirements.txt', base: null, head: 'requests==2.32.3\n' },
    ]);
    expect(fake.requests.map((r) => r.operation ?? r.path).sort()).toEqual(['/repos/acme/widgets/pulls/42/files', 'AgentPrGateManifests', 'AgentPrGateSnapshot']);
    expect(run.result.incomplete).toEqual([]);
  });

  it('asks nothing more for the typical PR, which touches no manifest', async () => {
    const { client, fake } = await start(typicalScenario());
    const staged = await fetchSnapshotStaged(client, TARGET);
    await runGatePipeline(presetPolicy('default'), firstReads(staged.snapshot), gateFetch(client, staged), { now: new Date() });
    expect(fake.requests).toHaveLength(2);
  });

  it('fails closed when the manifests cannot be read: every one becomes a gap the approval must cover', async () => {
    const { client } = await start(withManifests(), [{ kind: 'status', status: 422, when: { operation: 'AgentPrGateManifests' }, times: Infinity }]);
    const staged = await fetchSnapshotStaged(client, TARGET);
    const run = await runGatePipeline(presetPolicy('default'), firstReads(staged.snapshot), gateFetch(client, staged), { now: new Date() });
    expect(run.reads.manifests?.every((manifest) => manifest.error !== undefined)).toBe(true);
    expect(run.result.incomplete.map((gap) => gap.kind)).toEqual(['manifests']);
    // Bob approved the head commit: his approval is what covers the gap, as for any gap.
    expect(run.result.reviews?.requirements.map((r) => r.description)).toContain('an approval covering what the gate could not check');
    expect(run.result.summary).toMatch(/^all checks passed: 1 approval \(bob\) \(\+1 more\)$/);
  });
});

describe('fetchManifests', () => {
  it('says which could not be read in full: too large, absent on both sides is null', async () => {
    const scenario = withManifests();
    scenario.trees[scenario.pr.head.sha] = { 'package.json': 'x'.repeat(1_000_001) };
    const { client } = await start(scenario);
    const target = { owner: 'acme', name: 'widgets', baseSha: BASE_SHA, headSha: scenario.pr.head.sha };
    const manifests = await fetchManifests(client, target, [
      { path: 'package.json', basePath: 'package.json' },
      { path: 'go.mod', basePath: 'go.mod' },
    ]);
    expect(manifests).toEqual([
      { path: 'package.json', base: BASE_PACKAGE, head: null, error: 'too large to read at the head commit' },
      { path: 'go.mod', base: null, head: null },
    ]);
  });
});
