import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../src/config/load-policy.js';
import { evaluateGate } from '../../src/evaluate.js';
import { MAX_MANIFESTS, plan } from '../../src/gate/plan.js';
import { runGatePipeline, runOffline, type GateFetch } from '../../src/gate/pipeline.js';
import { firstReads, type ReadRequest } from '../../src/gate/reads.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import type { ManifestContent, PrSnapshot } from '../../src/snapshot.js';
import { addedPatch, at, copilotSnapshot, createSnapshot, event, file, policyFrom, review, user } from '../factories.js';

const WORKFLOW = '.github/workflows/agent-pr-gate.yml';
const BOB = user('bob', 102);
const options = { now: new Date(at(60)), workflowPath: WORKFLOW };

/** A fetch that records each request and answers from fixed data, like the adapter would. */
function scripted(answers: { complete?: PrSnapshot; permissions?: Record<string, 'admin' | 'write' | 'read'>; teams?: Record<string, string[]>; manifests?: ManifestContent[] }) {
  const requests: ReadRequest[] = [];
  const fetch: GateFetch = async (request) => {
    requests.push(request);
    const permissions = Object.fromEntries(request.permissions.map((login) => [login, answers.permissions?.[login] ?? { error: 'not found' }]));
    const teams = Object.fromEntries(request.teams.map((team) => [team, answers.teams?.[team] ? { members: answers.teams[team] } : { error: 'not found' }]));
    return {
      ...(request.filePages && answers.complete ? { snapshot: answers.complete } : {}),
      lookups: { permissions, teams },
      ...(request.manifests.length > 0 ? { manifests: request.manifests.map((m) => answers.manifests?.find((a) => a.path === m.path) ?? { path: m.path, base: null, head: null, error: 'not read' }) } : {}),
    };
  };
  return { fetch, requests };
}

/** Freezes the snapshot all the way down: a write anywhere in it throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('the gate pipeline', () => {
  it('reads nothing more for a PR no agent opened, not even its other file pages', async () => {
    const snapshot = deepFreeze(createSnapshot({ files: [file('src/a.ts', addedPatch(['x']))], totals: { files: 250, additions: 1, deletions: 0, commits: 0 } }));
    const { fetch, requests } = scripted({});
    const run = await runGatePipeline(presetPolicy('default'), firstReads(snapshot, { morePages: true }), fetch, options);
    expect(requests).toEqual([]);
    expect(run.result.verdict).toBe('skipped');
  });

  it('reads an agent PR’s other file pages first, then decides on all of them', async () => {
    const first = copilotSnapshot({ files: [file('src/a.ts', addedPatch(['x']))], totals: { files: 2, additions: 2, deletions: 0, commits: 1 } });
    const complete = { ...first, files: [...first.files, file('.github/workflows/ci.yml', addedPatch(['on: push']))] };
    const { fetch, requests } = scripted({ complete });
    const run = await runGatePipeline(presetPolicy('default'), firstReads(deepFreeze(first), { morePages: true }), fetch, options);
    expect(requests[0]).toEqual({ filePages: true, manifests: [], permissions: [], teams: [] });
    expect(run.reads.snapshot).toBe(complete);
    expect(run.result.findings.map((finding) => finding.category)).toContain('workflows');
  });

  it('looks up who removed an agent label, and settles detection with the answer', async () => {
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['ai-generated'] }] });
    const snapshot = createSnapshot({
      timeline: [event('labeled', user('alice', 1), 0, { label: 'ai-generated' }), event('unlabeled', user('maya', 7), 5, { label: 'ai-generated' })],
    });
    const { fetch, requests } = scripted({ permissions: { maya: 'admin' } });
    const run = await runGatePipeline(policy, firstReads(deepFreeze(snapshot)), fetch, options);
    expect(requests.map((request) => request.permissions)).toEqual([['maya']]);
    // The removal by an admin counts: not an agent PR.
    expect(run.result.verdict).toBe('skipped');
  });

  it('asks the reviewer teams an approval needs, with the findings computed once and carried', async () => {
    const policy = policyFrom({ permissions: { 'sensitive-paths': { level: 'review', paths: ['infra/**'], reviewers: ['@acme/platform'] } } });
    const snapshot = copilotSnapshot({ files: [file('infra/main.tf', addedPatch(['resource "x" "y" {}']))] });
    const approved = deepFreeze({ ...snapshot, reviews: [review(BOB, 'APPROVED', 30, { commitSha: snapshot.headSha })] });
    const { fetch, requests } = scripted({ teams: { 'acme/platform': ['bob'] } });
    const run = await runGatePipeline(policy, firstReads(approved), fetch, options);
    expect(requests).toEqual([{ filePages: false, manifests: [], permissions: [], teams: ['acme/platform'] }]);
    expect(run.reads.lookups.teams).toEqual({ 'acme/platform': { members: ['bob'] } });
    expect(run.result.verdict).toBe('pass');
    expect(run.result.findings.map((finding) => finding.category)).toEqual(['sensitive-paths']);
    expect(approved.lookups).toEqual({ permissions: {}, teams: {} });
  });

  it('reads the touched manifests (renamed ones at their old path) before the policy, and hands them to the categories', async () => {
    const files = [
      file('package.json', '@@ -1 +1 @@\n-{"dependencies":{}}\n+{"dependencies":{"lodash":"^4.17.21"}}'),
      file('api/pyproject.toml', '', { previousPath: 'pyproject.toml', status: 'renamed' }),
      file('src/a.ts', addedPatch(['x'])),
    ];
    const snapshot = deepFreeze(copilotSnapshot({ files }));
    const manifests: ManifestContent[] = [{ path: 'package.json', base: '{"dependencies":{}}', head: '{"dependencies":{"lodash":"^4.17.21"}}' }];
    const { fetch, requests } = scripted({ manifests });
    const run = await runGatePipeline(presetPolicy('default'), firstReads(snapshot), fetch, options);
    expect(requests[0]?.manifests).toEqual([
      { path: 'package.json', basePath: 'package.json' },
      { path: 'api/pyproject.toml', basePath: 'pyproject.toml' },
    ]);
    expect(run.reads.manifests?.map((m) => m.path)).toEqual(['package.json', 'api/pyproject.toml']);
    // The manifest that could not be read is a gap, so the PR cannot pass on it.
    expect(run.result.incomplete).toContainEqual({ kind: 'manifests', text: 'manifest content not read for 1 file: api/pyproject.toml (not read)' });
    expect(run.result.verdict).not.toBe('pass');
  });

  it('asks a label remover’s permission in the same round as the manifests, not a round of its own', async () => {
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['ai-generated'] }] });
    const snapshot = createSnapshot({
      files: [file('package.json', addedPatch(['{}']))],
      timeline: [event('labeled', user('alice', 1), 0, { label: 'ai-generated' }), event('unlabeled', user('maya', 7), 5, { label: 'ai-generated' })],
    });
    // maya cannot write: her removal does not count, the label still makes it an agent PR.
    const { fetch, requests } = scripted({ permissions: { maya: 'read' }, manifests: [{ path: 'package.json', base: null, head: '{}' }] });
    const run = await runGatePipeline(policy, firstReads(snapshot), fetch, options);
    expect(requests[0]).toEqual({ filePages: false, manifests: [{ path: 'package.json', basePath: 'package.json' }], permissions: ['maya'], teams: [] });
    expect(requests).toHaveLength(1);
    expect(run.result.detection.agent).toBe('agent');
  });

  it('reads at most MAX_MANIFESTS manifests and says how many were left out', async () => {
    const files = Array.from({ length: MAX_MANIFESTS + 3 }, (_, i) => file(`pkg${i}/package.json`, addedPatch(['{}'])));
    const snapshot = copilotSnapshot({ files });
    const step = plan(presetPolicy('default'), firstReads(snapshot), null, options);
    expect(step.request.manifests).toHaveLength(MAX_MANIFESTS);
    const contents = step.request.manifests.map((m) => ({ path: m.path, base: null, head: '{}' }));
    const result = evaluateGate(presetPolicy('default'), snapshot, { ...options, manifests: contents });
    expect(result.incomplete.map((gap) => gap.text)).toContain(`manifests: ${MAX_MANIFESTS} of ${MAX_MANIFESTS + 3} read in full`);
  });

  it('replays a saved run offline exactly: same reads, same result, nothing asked', async () => {
    const policy = policyFrom({ permissions: { 'sensitive-paths': { level: 'review', paths: ['infra/**'], reviewers: ['@acme/platform'] }, dependencies: 'review' } });
    const base = copilotSnapshot({ files: [file('infra/main.tf', addedPatch(['x'])), file('package.json', addedPatch(['{}']))] });
    const snapshot = { ...base, reviews: [review(BOB, 'APPROVED', 30, { commitSha: base.headSha })] };
    const manifests: ManifestContent[] = [{ path: 'package.json', base: null, head: '{}' }];
    const { fetch } = scripted({ teams: { 'acme/platform': ['bob'] }, manifests });
    const live = await runGatePipeline(policy, firstReads(snapshot), fetch, options);
    // What `check --save` writes, read back the way `evaluate --snapshot` reads it.
    const saved = JSON.parse(JSON.stringify({ ...live.reads.snapshot, lookups: live.reads.lookups })) as PrSnapshot;
    const replay = runOffline(policy, firstReads(saved, { manifests: live.reads.manifests }), options);
    expect(replay.result).toEqual(live.result);
    expect(replay.reads.lookups).toEqual(live.reads.lookups);
  });

  it('gives the policy the manifests it read, and none offline without them', () => {
    const head = '{ "dependencies": { "lodash": "4.17.21" } }';
    const snapshot = copilotSnapshot({ files: [file('package.json', addedPatch([head]), { status: 'added' })] });
    const manifests: ManifestContent[] = [{ path: 'package.json', base: null, head }];
    const withContents = evaluatePolicy(presetPolicy('default'), snapshot, { workflowPath: null, manifestContents: new Map(manifests.map((m) => [m.path, m])) });
    const withoutContents = evaluatePolicy(presetPolicy('default'), snapshot, { workflowPath: null });
    expect(withContents.map((finding) => finding.category)).toEqual(withoutContents.map((finding) => finding.category));
    // Offline without saved contents, the run asks and gets nothing, and decides on the patches.
    const offline = runOffline(presetPolicy('default'), firstReads(snapshot), options);
    expect(offline.reads.manifests).toBeNull();
    expect(offline.reads.asked.manifests).toBe(true);
    expect(offline.result.incomplete).toEqual([]);
  });

  it('takes headSeenAt as an input and never writes it into the snapshot', () => {
    const snapshot = deepFreeze(copilotSnapshot({ headSeenAt: null }));
    const result = runOffline(presetPolicy('default'), firstReads(snapshot), { ...options, headSeenAt: at(59) });
    expect(result.reads.snapshot.headSeenAt).toBeNull();
  });
});
