import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import { largeScenario } from '../fake-github/large-pr.js';
import { ALICE, BASE_SHA, CAROL, COPILOT, GITHUB_ACTIONS, MALLORY, addedFile, at, commitBy, sha, typicalScenario, type FakeScenario } from '../fake-github/scenario.js';
import { pullRequestPayload, runAction, useGateRuns } from './run-action.js';

/** End to end: `node dist/index.js` against the fake API, as the runner starts it. */

const { gate } = useGateRuns();

function withoutApproval(scenario: FakeScenario): FakeScenario {
  scenario.reviews = [];
  scenario.reviewComments = [];
  return scenario;
}

const HEAD = typicalScenario().pr.head.sha;
const COMMENT_URL = 'https://github.com/acme/widgets/pull/42#issuecomment-9000001';

describe('gate run on a typical agent PR', () => {
  it('passes, writes one comment and a success status, sets the outputs, in at most 5 requests', async () => {
    const { run, fake } = await gate(typicalScenario());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.agent).toBe('copilot');
    expect(run.outputs['comment-url']).toBe(COMMENT_URL);
    const report = JSON.parse(run.outputs.report ?? '') as { version: number; verdict: string; pr: { number: number; headSha: string }; agent: { id: string; requester: string } };
    expect([report.version, report.verdict, report.pr.number, report.pr.headSha, report.agent.id, report.agent.requester]).toEqual([1, 'pass', 42, HEAD, 'copilot', 'alice']);
    expect(run.outputs.report).not.toContain('\n');

    expect(fake.writes.comments).toHaveLength(1);
    expect(fake.writes.comments[0]?.action).toBe('create');
    expect(fake.writes.comments[0]?.body).toContain(COMMENT_MARKER);
    expect(fake.writes.statuses).toEqual([
      { sha: HEAD, state: 'success', context: 'agent-pr-gate', description: '[copilot] all checks passed: 1 approval (bob)', target_url: COMMENT_URL },
    ]);
    expect(run.summary.trim()).toBe(fake.writes.comments[0]?.body.trim());
    expect(fake.requests.map((r) => `${r.method} ${r.path}${r.operation ? ` ${r.operation}` : ''}`).sort()).toEqual([
      'GET /repos/acme/widgets/issues/42/comments',
      'GET /repos/acme/widgets/pulls/42/files',
      'POST /graphql AgentPrGateSnapshot',
      'POST /repos/acme/widgets/issues/42/comments',
      `POST /repos/acme/widgets/statuses/${HEAD}`,
    ]);
  });

  it('reads a touched manifest at base and head in one more request (6 in all on a first run, within the budget of 6), and judges the dependency change', async () => {
    const scenario = typicalScenario();
    scenario.files.push({ filename: 'package.json', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-{ "dependencies": {} }\n+{ "dependencies": { "lodash": "^4.17.21" } }' });
    scenario.trees[BASE_SHA] = { ...scenario.trees[BASE_SHA], 'package.json': '{ "dependencies": {} }\n' };
    scenario.trees[HEAD] = { 'package.json': '{ "dependencies": { "lodash": "^4.17.21" } }\n' };
    const { run, fake } = await gate(scenario);
    expect(run.stderr).toBe('');
    const manifestReads = fake.requests.filter((request) => request.operation === 'AgentPrGateManifests');
    expect(manifestReads).toHaveLength(1);
    // The typical run's 5 (a first run lists the comments again after creating one) plus the manifests.
    expect(fake.requests).toHaveLength(6);
    const report = JSON.parse(run.outputs.report ?? '') as { findings: Array<{ category: string }>; incomplete: string[] };
    expect(report.findings.map((finding) => finding.category)).toContain('dependencies');
    expect(report.incomplete).toEqual([]);
  });

  it('needs review without a counted approval: pending status and exit 1 under the default fail-on', async () => {
    const { run, fake } = await gate(withoutApproval(typicalScenario()));
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('needs-review');
    expect(fake.writes.statuses.map((s) => s.state)).toEqual(['pending']);
    const description = fake.writes.statuses[0]?.description ?? '';
    expect(description).toMatch(/^\[copilot\] needs 1 more approval/);
    expect(run.stdout).toContain(`::error::agent-pr-gate: verdict needs-review (fail-on: needs-review): ${description.slice('[copilot] '.length)}`);
  });

  it('does not count an approval by a CONTRIBUTOR (no write access): needs review', async () => {
    const scenario = typicalScenario();
    scenario.reviews = scenario.reviews.map((review) => ({ ...review, author_association: 'CONTRIBUTOR' }));
    const { run, fake } = await gate(scenario);
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('needs-review');
    const report = JSON.parse(run.outputs.report ?? '') as { reviews: { counted: string[]; ignored: Array<{ login: string; reason: string }> } };
    expect(report.reviews.counted).toEqual([]);
    expect(report.reviews.ignored).toEqual([{ login: 'bob', reason: 'no-write-access' }]);
    expect(fake.writes.statuses.map((s) => s.state)).toEqual(['pending']);
    expect(fake.writes.comments[0]?.body).toContain('has no write access to the repository');
  });

  it.each([
    ['never', 0],
    ['fail', 0],
    ['needs-review', 1],
  ])('exits per fail-on %s on needs-review', async (failOn, code) => {
    const { run } = await gate(withoutApproval(typicalScenario()), { inputs: { 'fail-on': failOn } });
    expect([run.outputs.verdict, run.code]).toEqual(['needs-review', code]);
  });

  it('edits its comment on the second run instead of adding one', async () => {
    const scenario = withoutApproval(typicalScenario());
    const first = await gate(scenario);
    expect(first.run.outputs.verdict).toBe('needs-review');
    first.fake.resetLog();
    first.fake.scenario.reviews.push({ id: 990, user: { login: 'bob', id: 102, type: 'User' }, state: 'APPROVED', submitted_at: at(90), commit_id: HEAD, body: '' });
    const second = await runAction(first.fake, { event: 'pull_request_review', payload: { ...pullRequestPayload(scenario, 'submitted'), review: { id: 990 } } });
    expect(second.code).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    expect(first.fake.writes.comments.map((w) => [w.action, w.id])).toEqual([['update', 9_000_001]]);
    expect(first.fake.scenario.comments.filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(second.outputs['comment-url']).toBe(COMMENT_URL);
    expect(first.fake.writes.statuses.map((s) => [s.state, s.target_url])).toEqual([['success', COMMENT_URL]]);
  });

  it('leaves a marker comment planted by someone else alone and writes its own', async () => {
    const scenario = typicalScenario();
    scenario.comments.push({ id: 31337, user: MALLORY, body: `${COMMENT_MARKER}\n### ✅ Pass — approved`, created_at: at(5), updated_at: at(5) });
    const { run, fake } = await gate(scenario);
    expect(run.code).toBe(0);
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
    expect(fake.requests.some((r) => r.path.endsWith('/issues/comments/31337'))).toBe(false);
    expect(fake.scenario.comments.find((c) => c.id === 31337)?.body).toBe(`${COMMENT_MARKER}\n### ✅ Pass — approved`);
  });

  it('judges the PR by the base commit’s policy even when the PR changes it', async () => {
    const scenario = typicalScenario();
    scenario.files.push(addedFile('.github/workflows/ci.yml', ['on: push', 'jobs: {}']));
    scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': 'permissions:\n  workflows: deny\n' };
    scenario.trees[HEAD] = { '.github/agent-pr-gate.yml': 'extends: none\n' };
    const { run, fake } = await gate(scenario);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.code).toBe(1);
    expect(fake.writes.statuses[0]?.state).toBe('failure');
    expect(run.annotations.some((a) => a.level === 'error' && a.properties.includes('file=.github/workflows/ci.yml'))).toBe(true);
  });

  it('reads the large PR in at most 45 requests, notes the file cap and does not pass', async () => {
    const { run, fake } = await gate(largeScenario());
    const report = JSON.parse(run.outputs.report ?? '') as { verdict: string; incomplete: string[] };
    expect(report.incomplete).toContain('files: 3000 of 3500 listed');
    expect(report.verdict).not.toBe('pass');
    expect(run.outputs.verdict).toBe(report.verdict);
    expect(fake.requests.length).toBeLessThanOrEqual(45);
    expect(fake.writes.comments).toHaveLength(1);
    expect(fake.writes.statuses).toHaveLength(1);
  });

  it('evaluates a merged PR and records the final state', async () => {
    const scenario = typicalScenario();
    scenario.pr = { ...scenario.pr, state: 'closed', merged: true, merged_at: at(200), closed_at: at(200) };
    const { run, fake } = await gate(scenario, { payload: pullRequestPayload(scenario, 'closed') });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.outputs.report ?? '') as { metrics: { endToEnd: number } };
    expect(report.metrics.endToEnd).toBe(200 * 60);
    expect(fake.writes.comments).toHaveLength(1);
    expect(fake.writes.statuses[0]?.state).toBe('success');
  });

  it('comment: on-failure writes nothing on a pass, and status: false sets no status', async () => {
    const { run, fake } = await gate(typicalScenario(), { inputs: { comment: 'on-failure', status: 'false' } });
    expect([run.code, run.outputs.verdict, run.outputs['comment-url']]).toEqual([0, 'pass', '']);
    expect(fake.writes).toEqual({ comments: [], statuses: [] });
    expect(fake.requests).toHaveLength(2);
  });

  it('comment: on-failure still edits an existing comment to its resolved state', async () => {
    const scenario = typicalScenario();
    scenario.comments.push({ id: 4000, user: GITHUB_ACTIONS, body: `${COMMENT_MARKER}\n### 🟡 Needs review`, created_at: at(10), updated_at: at(10) });
    const { run, fake } = await gate(scenario, { inputs: { comment: 'on-failure' } });
    expect(run.outputs.verdict).toBe('pass');
    expect(fake.writes.comments.map((w) => [w.action, w.id])).toEqual([['update', 4000]]);
    expect(fake.writes.comments[0]?.body).toContain('Pass');
  });

  it('comment: never leaves even our own comment alone', async () => {
    const scenario = typicalScenario();
    scenario.comments.push({ id: 4000, user: GITHUB_ACTIONS, body: `${COMMENT_MARKER}\nold`, created_at: at(10), updated_at: at(10) });
    const { fake } = await gate(scenario, { inputs: { comment: 'never' } });
    expect(fake.writes.comments).toEqual([]);
    expect(fake.writes.statuses).toHaveLength(1);
  });
});

describe('gate run on a PR no agent opened', () => {
  function humanScenario(): FakeScenario {
    const scenario = typicalScenario();
    scenario.pr = { ...scenario.pr, user: ALICE, head: { ...scenario.pr.head, ref: 'fix-widget' }, body: 'Fixes #41', assignees: [ALICE] };
    scenario.commits = scenario.commits.map((commit) => ({
      ...commit,
      author: { ...commit.author, name: 'alice', email: 'alice@acme.dev', user: ALICE },
      committer: { ...commit.committer, name: 'alice', email: 'alice@acme.dev', user: ALICE },
    }));
    scenario.timeline = [];
    return scenario;
  }

  it('is skipped: success status “not an agent PR”, no comment, exit 0', async () => {
    const { run, fake } = await gate(humanScenario());
    expect([run.code, run.outputs.verdict, run.outputs.agent]).toEqual([0, 'skipped', '']);
    expect(fake.writes.comments).toEqual([]);
    expect(fake.writes.statuses.map((s) => [s.state, s.description])).toEqual([['success', 'not an agent PR']]);
  });

  it('reads only the first page of a large human PR’s files: its patches are never looked at', async () => {
    const scenario = humanScenario();
    const many = largeScenario();
    scenario.files = many.files;
    scenario.totalFiles = many.totalFiles;
    const { run, fake } = await gate(scenario);
    expect([run.code, run.outputs.verdict]).toEqual([0, 'skipped']);
    const fileRequests = fake.requests.filter((request) => request.path.endsWith('/pulls/42/files'));
    expect(fileRequests.map((request) => request.query)).toEqual(['?per_page=100&page=1']);
    expect(fake.requests).toHaveLength(3);
    expect(fake.writes.statuses.map((s) => s.description)).toEqual(['not an agent PR']);
  });

  it('edits an existing comment of ours to say the PR is no longer gated', async () => {
    const scenario = humanScenario();
    scenario.comments.push({ id: 4100, user: GITHUB_ACTIONS, body: `${COMMENT_MARKER}\n### 🟡 Needs review`, created_at: at(10), updated_at: at(10) });
    const { run, fake } = await gate(scenario);
    expect(run.outputs.verdict).toBe('skipped');
    expect(fake.writes.comments.map((w) => [w.action, w.id])).toEqual([['update', 4100]]);
    expect(fake.writes.comments[0]?.body).toContain('no longer gated');
  });
});

describe('the override label and the latest push', () => {
  it('a back-dated head commit pushed after a maintainer’s override ends it', async () => {
    const scenario = withoutApproval(typicalScenario());
    const label = 'agent-pr-gate/override';
    scenario.pr.labels = [label];
    // carol, a maintainer: not alice, the requester, whose own override never counts.
    scenario.permissions.carol = 'maintain';
    scenario.timeline.push({ event: 'labeled', actor: CAROL, created_at: at(40), label });
    const first = await gate(scenario, { payload: pullRequestPayload(scenario, 'labeled') });
    expect(first.run.outputs.verdict).toBe('pass');

    // The agent pushes a commit dated before the label; the push triggers `synchronize`.
    first.fake.resetLog();
    const backDated = commitBy(COPILOT, 30, 3, 'Sneak in a change');
    first.fake.scenario.commits.push(backDated);
    first.fake.scenario.pr.head.sha = sha(3);
    const second = await runAction(first.fake, { event: 'pull_request_target', payload: pullRequestPayload(first.fake.scenario, 'synchronize') });
    expect(second.outputs.verdict).toBe('needs-review');
    expect(second.code).toBe(1);
    expect(first.fake.writes.statuses.map((s) => [s.sha, s.state])).toEqual([[sha(3), 'pending']]);
    expect(first.fake.writes.comments[0]?.body).toContain('override label `agent-pr-gate/override` applied by carol at 2026-03-02T09:40:00Z ignored: it predates the latest push');
  });
});
