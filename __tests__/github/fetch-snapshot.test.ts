import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';
import { fetchSnapshot } from '../../src/github/fetch-snapshot.js';
import { largeScenario } from '../fake-github/large-pr.js';
import {
  ALICE,
  BASE_SHA,
  BOB,
  COPILOT,
  GITHUB_ACTIONS,
  at,
  typicalScenario,
  type FakeActor,
  type FakeScenario,
} from '../fake-github/scenario.js';
import { snapshotHandler } from '../fake-github/graphql-gate.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type GraphqlHandler } from '../fake-github/server.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function snapshotOf(scenario: FakeScenario, options: FakeGitHubOptions = {}, configPath = '.github/agent-pr-gate.yml') {
  fake = await startFakeGitHub(scenario, options);
  const client = createGitHubClient({ token: 't0ken', apiUrl: fake.url, graphqlUrl: fake.graphqlUrl, ...TEST_PACING });
  const snapshot = await fetchSnapshot(client, {
    owner: scenario.repo.owner,
    name: scenario.repo.name,
    number: scenario.pr.number,
    baseSha: scenario.pr.base.sha,
    configPath,
  });
  return { snapshot, fake };
}

const CLAUDE: FakeActor = { login: 'claude[bot]', id: 209825114, type: 'Bot' };

describe('fetchSnapshot', () => {
  it('reads a typical PR in two requests: one GraphQL query and one files page, sent with the token', async () => {
    const { fake } = await snapshotOf(typicalScenario());
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.operation ?? ''}`.trim()).sort()).toEqual([
      'GET /repos/acme/widgets/pulls/42/files',
      'POST /graphql AgentPrGateSnapshot',
    ]);
    expect(fake.requests.every((r) => r.authorization === 'token t0ken')).toBe(true);
  });

  it('maps the PR, with REST spellings for bot logins and numeric ids kept', async () => {
    const { snapshot } = await snapshotOf(typicalScenario());
    expect(snapshot.author).toEqual({ login: 'Copilot', id: 198982749, type: 'Bot' });
    expect(snapshot.viewer).toEqual({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    expect(snapshot.repo).toEqual({ owner: 'acme', name: 'widgets' });
    expect(snapshot.number).toBe(42);
    expect(snapshot.state).toBe('open');
    expect(snapshot.headRef).toBe('copilot/fix-widget');
    expect(snapshot.baseSha).toBe(BASE_SHA);
    expect(snapshot.assignees).toEqual([{ login: 'alice', id: 101, type: 'User' }]);
    expect(snapshot.totals).toEqual({ files: 3, additions: 7, deletions: 1, commits: 2 });
    expect(snapshot.incomplete).toEqual([]);
    expect(snapshot.lookups).toEqual({ permissions: {}, teams: {} });
  });

  it('keeps file patches from the REST list', async () => {
    const { snapshot } = await snapshotOf(typicalScenario());
    expect(snapshot.files[0]).toEqual({
      path: 'src/widget.ts',
      previousPath: null,
      status: 'added',
      additions: 3,
      deletions: 0,
      patch: '@@ -0,0 +1,3 @@\n+export function widget() {\n+  return 42;\n+}',
    });
  });

  it('maps commits; a bot author has no linked user in GraphQL, so the git email is what identifies it', async () => {
    const { snapshot } = await snapshotOf(typicalScenario());
    expect(snapshot.commits[1]).toEqual({
      sha: '0000000000000000000000000000000000000002',
      message: 'Fix the widget rendering',
      author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com', user: null },
      committer: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com', user: null },
      authoredAt: at(20),
      committedAt: at(20),
      parents: 1,
    });
  });

  it('links a human commit author to the account with its id', async () => {
    const scenario = typicalScenario();
    scenario.commits[0] = { ...scenario.commits[0]!, author: { name: 'Bob', email: 'bob@acme.dev', date: at(3), user: BOB } };
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.commits[0]?.author).toEqual({ name: 'Bob', email: 'bob@acme.dev', user: { login: 'bob', id: 102, type: 'User' } });
  });

  it('maps reviews, inline review comments and conversation comments', async () => {
    const { snapshot } = await snapshotOf(typicalScenario());
    expect(snapshot.reviews).toEqual([
      {
        id: 501,
        author: { login: 'bob', id: 102, type: 'User' },
        state: 'APPROVED',
        dismissed: false,
        submittedAt: at(60),
        commitSha: '0000000000000000000000000000000000000002',
        body: 'LGTM',
        authorAssociation: 'MEMBER',
      },
    ]);
    expect(snapshot.reviewComments).toEqual([{ id: 601, author: { login: 'bob', id: 102, type: 'User' }, createdAt: at(59), path: 'src/widget.ts', line: 2 }]);
    expect(snapshot.comments).toEqual([
      {
        id: 701,
        author: { login: 'alice', id: 101, type: 'User' },
        body: 'Thanks!',
        createdAt: at(30),
        updatedAt: at(30),
        url: 'https://github.com/acme/widgets/pull/42#issuecomment-701',
      },
    ]);
  });

  it('keeps each reviewer’s relation to the repository as GitHub reports it', async () => {
    const scenario = typicalScenario();
    scenario.reviews = [
      { id: 811, user: BOB, state: 'APPROVED', submitted_at: at(40), commit_id: null, body: '', author_association: 'CONTRIBUTOR' },
      { id: 812, user: ALICE, state: 'COMMENTED', submitted_at: at(41), commit_id: null, body: '', author_association: 'OWNER' },
    ];
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.reviews.map((r) => [r.id, r.authorAssociation])).toEqual([
      [811, 'CONTRIBUTOR'],
      [812, 'OWNER'],
    ]);
  });

  it('recovers the state a dismissed review had from its ReviewDismissedEvent', async () => {
    const scenario = typicalScenario();
    scenario.reviews = [
      { id: 801, user: BOB, state: 'DISMISSED', submitted_at: at(40), commit_id: null, body: 'Please change' },
      { id: 802, user: ALICE, state: 'DISMISSED', submitted_at: at(41), commit_id: null, body: 'ok' },
    ];
    scenario.timeline.push(
      { event: 'review_dismissed', actor: ALICE, created_at: at(50), previous_review_state: 'CHANGES_REQUESTED', review_id: 801 },
      { event: 'review_dismissed', actor: GITHUB_ACTIONS, created_at: at(51), previous_review_state: 'APPROVED', review_id: 802 },
    );
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.reviews.map((r) => [r.id, r.state, r.dismissed])).toEqual([
      [801, 'CHANGES_REQUESTED', true],
      [802, 'APPROVED', true],
    ]);
    expect(snapshot.timeline.filter((e) => e.type === 'review_dismissed').map((e) => e.actor?.login)).toEqual(['alice', 'github-actions[bot]']);
  });

  it('maps timeline events to REST names, with labels and subjects; REST-only Copilot events are not fetched', async () => {
    const scenario = typicalScenario();
    scenario.timeline.push(
      { event: 'labeled', actor: ALICE, created_at: at(2), label: 'ai-generated' },
      { event: 'unlabeled', actor: BOB, created_at: at(3), label: 'ai-generated' },
      { event: 'head_ref_force_pushed', actor: COPILOT, created_at: at(4) },
      { event: 'ready_for_review', actor: COPILOT, created_at: at(5) },
      { event: 'review_requested', actor: ALICE, created_at: at(6), requested_reviewer: { team: 'acme/platform' } },
      { event: 'assigned', actor: ALICE, created_at: at(7), assignee: CLAUDE },
    );
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.timeline).toEqual([
      { type: 'assigned', actor: { login: 'alice', id: 101, type: 'User' }, createdAt: at(-5), subject: { login: 'Copilot', id: 198982749, type: 'Bot' } },
      { type: 'review_requested', actor: { login: 'Copilot', id: 198982749, type: 'Bot' }, createdAt: at(25), subject: { login: 'alice', id: 101, type: 'User' } },
      { type: 'labeled', actor: { login: 'alice', id: 101, type: 'User' }, createdAt: at(2), label: 'ai-generated' },
      { type: 'unlabeled', actor: { login: 'bob', id: 102, type: 'User' }, createdAt: at(3), label: 'ai-generated' },
      { type: 'head_ref_force_pushed', actor: { login: 'Copilot', id: 198982749, type: 'Bot' }, createdAt: at(4) },
      { type: 'ready_for_review', actor: { login: 'Copilot', id: 198982749, type: 'Bot' }, createdAt: at(5) },
      { type: 'review_requested', actor: { login: 'alice', id: 101, type: 'User' }, createdAt: at(6), subject: { login: '@acme/platform', id: null, type: 'Unknown' } },
      { type: 'assigned', actor: { login: 'alice', id: 101, type: 'User' }, createdAt: at(7), subject: { login: 'claude[bot]', id: 209825114, type: 'Bot' } },
    ]);
  });

  it('spells comment authors as REST does: `github-actions[bot]`, `claude[bot]`, `Copilot`', async () => {
    const scenario = typicalScenario();
    scenario.comments = [
      { id: 1, user: GITHUB_ACTIONS, body: 'a', created_at: at(1), updated_at: at(1) },
      { id: 2, user: CLAUDE, body: 'b', created_at: at(2), updated_at: at(2) },
      { id: 3, user: COPILOT, body: 'c', created_at: at(3), updated_at: at(3) },
      { id: 4, user: null, body: 'ghost', created_at: at(4), updated_at: at(4) },
    ];
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.comments.map((c) => c.author)).toEqual([
      { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      { login: 'claude[bot]', id: 209825114, type: 'Bot' },
      { login: 'Copilot', id: 198982749, type: 'Bot' },
      null,
    ]);
  });

  it('reads the policy file and CODEOWNERS at the base commit, never the head', async () => {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = {
      '.github/agent-pr-gate.yml': 'extends: strict\n',
      CODEOWNERS: '* @acme/root\n',
      'docs/CODEOWNERS': '* @acme/docs\n',
    };
    scenario.trees[scenario.pr.head.sha] = { '.github/agent-pr-gate.yml': 'extends: none\n', '.github/CODEOWNERS': '* @mallory\n' };
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.base).toEqual({
      policy: { path: '.github/agent-pr-gate.yml', text: 'extends: strict\n' },
      codeowners: { path: 'CODEOWNERS', text: '* @acme/root\n' },
    });
  });

  it('prefers .github/CODEOWNERS, reads a custom config path, and says when the policy file is absent', async () => {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = { '.github/CODEOWNERS': '* @acme/gh\n', CODEOWNERS: '* @acme/root\n' };
    const { snapshot } = await snapshotOf(scenario, {}, 'config/gate.yml');
    expect(snapshot.base).toEqual({ policy: { path: 'config/gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: '* @acme/gh\n' } });
  });

  it('follows every connection to its end with one extra query per page round', async () => {
    const scenario = typicalScenario();
    scenario.comments = Array.from({ length: 250 }, (_, i) => ({ id: 10_000 + i, user: BOB, body: `c${i}`, created_at: at(i), updated_at: at(i) }));
    scenario.pr.labels = Array.from({ length: 130 }, (_, i) => `label-${i}`);
    const { snapshot, fake } = await snapshotOf(scenario);
    expect(snapshot.comments.map((c) => c.id)).toEqual(scenario.comments.map((c) => c.id));
    expect(snapshot.labels).toEqual(scenario.pr.labels);
    expect(fake.requests.filter((r) => r.operation === 'AgentPrGateMore')).toHaveLength(2);
    expect(fake.requests).toHaveLength(4);
  });

  it('reads the large PR in 35 requests (5 GraphQL, 30 file pages) and records the 3000-file cap as incomplete', async () => {
    const { snapshot, fake } = await snapshotOf(largeScenario());
    expect(snapshot.files).toHaveLength(3000);
    expect(snapshot.commits).toHaveLength(250);
    expect(snapshot.reviews).toHaveLength(300);
    expect(snapshot.reviewComments).toHaveLength(200);
    expect(snapshot.comments).toHaveLength(500);
    expect(snapshot.totals.files).toBe(3500);
    expect(snapshot.incomplete).toEqual(['files: 3000 of 3500 listed']);
    expect(fake.requests.filter((r) => r.path.endsWith('/files'))).toHaveLength(30);
    expect(fake.requests.filter((r) => r.path === '/graphql')).toHaveLength(5);
    expect(fake.requests).toHaveLength(35);
  });

  it('notes commits GitHub did not list', async () => {
    const scenario = typicalScenario({ totalCommits: 260 });
    const { snapshot } = await snapshotOf(scenario);
    expect(snapshot.incomplete).toEqual(['commits: 2 of 260 listed']);
  });

  it('falls back to the REST review comment list when a review has more than 100 inline comments', async () => {
    const scenario = typicalScenario();
    scenario.reviewComments = Array.from({ length: 130 }, (_, i) => ({ id: 20_000 + i, review_id: 501, user: BOB, created_at: at(i), path: 'src/widget.ts', line: i + 1 }));
    const { snapshot, fake } = await snapshotOf(scenario);
    expect(snapshot.reviewComments).toHaveLength(130);
    expect(snapshot.reviewComments[129]).toEqual({ id: 20_129, author: { login: 'bob', id: 102, type: 'User' }, createdAt: at(129), path: 'src/widget.ts', line: 130 });
    expect(fake.requests.filter((r) => r.path === '/repos/acme/widgets/pulls/42/comments')).toHaveLength(2);
  });

  it('reads when the head commit was seen from its statuses in the same query, without the gate’s own', async () => {
    const scenario = typicalScenario({
      headStatuses: [
        { context: 'ci/build', created_at: at(22) },
        { context: 'agent-pr-gate', created_at: at(21) },
      ],
    });
    const { snapshot, fake } = await snapshotOf(scenario);
    expect(snapshot.headSeenAt).toBe(at(22));
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps the answer when the token cannot read the head commit’s statuses', async () => {
    const forbidden: GraphqlHandler = (context) => {
      const answer = snapshotHandler(context) as { data: { repository: { pullRequest: { headCommit: { nodes: Array<{ commit: { status: unknown } }> } } } } };
      for (const node of answer.data.repository.pullRequest.headCommit.nodes) node.commit.status = null;
      const path = ['repository', 'pullRequest', 'headCommit', 'nodes', 0, 'commit', 'status'];
      return { data: answer.data, errors: [{ type: 'FORBIDDEN', path, message: 'Resource not accessible by integration' }] };
    };
    const scenario = typicalScenario({ headStatuses: [{ context: 'ci/build', created_at: at(22) }] });
    const { snapshot } = await snapshotOf(scenario, { graphql: { AgentPrGateSnapshot: forbidden } });
    expect([snapshot.headSeenAt, snapshot.headSha, snapshot.commits.length]).toEqual([null, scenario.pr.head.sha, 2]);
  });

  it('still fails on a forbidden field other than the head commit’s statuses', async () => {
    const forbidden: GraphqlHandler = (context) => {
      const answer = snapshotHandler(context) as { data: unknown };
      return { data: answer.data, errors: [{ type: 'FORBIDDEN', path: ['repository', 'pullRequest', 'reviews'], message: 'Resource not accessible by integration' }] };
    };
    await expect(snapshotOf(typicalScenario(), { graphql: { AgentPrGateSnapshot: forbidden } })).rejects.toThrow('Resource not accessible by integration');
  });

  it('has a null headSeenAt when the head commit has no status', async () => {
    const { snapshot } = await snapshotOf(typicalScenario());
    expect(snapshot.headSeenAt).toBeNull();
  });

  it('maps closed and merged PRs', async () => {
    const scenario = typicalScenario();
    scenario.pr = { ...scenario.pr, state: 'closed', merged: true, merged_at: at(500), closed_at: at(500) };
    const { snapshot } = await snapshotOf(scenario);
    expect([snapshot.state, snapshot.mergedAt, snapshot.closedAt]).toEqual(['merged', at(500), at(500)]);
  });

  it('fails with one line naming the field when GitHub answers an unexpected shape', async () => {
    const scenario = typicalScenario();
    const drift = snapshotOf(scenario, {
      graphql: {
        AgentPrGateSnapshot: () => ({ data: { viewer: null, repository: { policyFile: null, codeownersGithub: null, codeownersRoot: null, codeownersDocs: null, pullRequest: { number: '42' } } } }),
      },
    });
    await expect(drift).rejects.toThrow(
      "GitHub's answer to the pull request query has an unexpected shape at repository.pullRequest.number: Invalid input: expected number, received string",
    );
  });

  it('says which PR was not found', async () => {
    const scenario = typicalScenario();
    fake = await startFakeGitHub(scenario);
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, graphqlUrl: fake.graphqlUrl, ...TEST_PACING });
    await expect(fetchSnapshot(client, { owner: 'acme', name: 'widgets', number: 7, baseSha: BASE_SHA, configPath: 'x.yml' })).rejects.toThrow(
      'Could not resolve to a PullRequest with the number of 7.',
    );
  });
});
