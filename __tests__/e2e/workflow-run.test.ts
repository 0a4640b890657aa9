import { describe, expect, it } from 'vitest';
import { sha, typicalScenario, type FakeScenario } from '../fake-github/scenario.js';
import type { RestRoute } from '../fake-github/server.js';
import { runAction, useGateRuns } from './run-action.js';

/**
 * End to end: review events relayed through `workflow_run` (docs/security.md, "Review events").
 * The payload is the relay run's; the action finds the PR from the run's head commit and branch
 * and gates it as on `pull_request_target`. None or several PRs: a notice and exit 0.
 */

const { startFake } = useGateRuns();

/** A `workflow_run` payload as GitHub sends it for a relay run on a review (`pull_requests` empty, as for forks). */
function workflowRunPayload(scenario: FakeScenario, overrides: { headSha?: string; headBranch?: string | null; headRepository?: string } = {}) {
  const headRepository = overrides.headRepository ?? scenario.headRepository ?? `${scenario.repo.owner}/${scenario.repo.name}`;
  const [headOwner = '', headName = ''] = headRepository.split('/');
  return {
    action: 'completed',
    workflow_run: {
      id: 9001,
      name: 'agent-pr-gate-review',
      event: 'pull_request_review',
      status: 'completed',
      conclusion: 'success',
      head_branch: overrides.headBranch === undefined ? scenario.pr.head.ref : overrides.headBranch,
      head_sha: overrides.headSha ?? scenario.pr.head.sha,
      path: '.github/workflows/agent-pr-gate-review.yml',
      pull_requests: [],
      head_repository: { full_name: headRepository, name: headName, owner: { login: headOwner } },
      repository: { full_name: `${scenario.repo.owner}/${scenario.repo.name}` },
    },
    workflow: { name: 'agent-pr-gate-review', path: '.github/workflows/agent-pr-gate-review.yml' },
    repository: { name: scenario.repo.name, owner: { login: scenario.repo.owner } },
  };
}

describe('workflow_run (review events, relayed)', () => {
  it('gates the PR whose head is the run’s head commit: comment, status and outputs as on pull_request_target', async () => {
    const scenario = typicalScenario();
    const fake = await startFake(scenario);
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario) });
    expect(run.code).toBe(0);
    expect([run.outputs.verdict, run.outputs.agent]).toEqual(['pass', 'copilot']);
    expect(fake.writes.statuses.map((s) => [s.sha, s.state])).toEqual([[scenario.pr.head.sha, 'success']]);
    expect(fake.writes.comments.map((c) => c.action)).toEqual(['create']);
    const lookup = fake.requests.find((r) => r.path === '/repos/acme/widgets/pulls');
    expect(new URLSearchParams(lookup?.query).get('head')).toBe('acme:copilot/fix-widget');
  });

  it('finds a fork’s PR by the fork owner’s branch (its payload lists no pull request)', async () => {
    const scenario = typicalScenario({ headRepository: 'mallory/widgets' });
    scenario.pr.from_fork = true;
    scenario.reviews = [];
    const fake = await startFake(scenario);
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario) });
    expect([run.code, run.outputs.verdict]).toEqual([1, 'needs-review']);
    expect(fake.writes.statuses.map((s) => s.state)).toEqual(['pending']);
    const lookup = fake.requests.find((r) => r.path === '/repos/acme/widgets/pulls');
    expect(new URLSearchParams(lookup?.query).get('head')).toBe('mallory:copilot/fix-widget');
  });

  it('no PR has the run’s head commit (the branch moved on): a notice, exit 0, nothing written', async () => {
    const scenario = typicalScenario();
    const fake = await startFake(scenario);
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario, { headSha: sha(99) }) });
    expect(run.code).toBe(0);
    expect(run.annotations.map((a) => a.level)).toEqual(['notice']);
    expect(run.annotations[0]?.message).toContain('no pull request has the pull_request_review run on acme/widgets:copilot/fix-widget at 0000000');
    expect(fake.writes).toEqual({ comments: [], statuses: [] });
    expect(fake.requests.map((r) => r.operation ?? r.path)).toEqual(['/repos/acme/widgets/pulls']);
  });

  it('a run without a branch: a notice, exit 0, no API call', async () => {
    const scenario = typicalScenario();
    const fake = await startFake(scenario);
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario, { headBranch: null }) });
    expect(run.code).toBe(0);
    expect(run.annotations.map((a) => a.level)).toEqual(['notice']);
    expect(fake.requests).toEqual([]);
  });

  it('several open PRs with the run’s head: a notice naming them, exit 0, nothing written', async () => {
    const scenario = typicalScenario();
    const pull = (number: number) => ({
      number,
      state: 'open',
      head: { ref: scenario.pr.head.ref, sha: scenario.pr.head.sha, repo: { full_name: 'acme/widgets' } },
      base: { ref: number === 42 ? 'main' : 'release', sha: scenario.pr.base.sha },
    });
    const twoPulls: RestRoute = { method: 'GET', path: /^\/repos\/acme\/widgets\/pulls$/, handle: () => ({ status: 200, body: [pull(42), pull(43)] }) };
    const fake = await startFake(scenario, { rest: [twoPulls] });
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario) });
    expect(run.code).toBe(0);
    expect(run.annotations.map((a) => a.level)).toEqual(['notice']);
    expect(run.annotations[0]?.message).toContain('is the head of several pull requests (#42, #43)');
    expect(fake.writes).toEqual({ comments: [], statuses: [] });
  });

  it('a branch that headed a closed PR and now heads an open one: the open one is gated', async () => {
    const scenario = typicalScenario();
    const pull = (number: number, state: string) => ({
      number,
      state,
      head: { ref: scenario.pr.head.ref, sha: scenario.pr.head.sha, repo: { full_name: 'acme/widgets' } },
      base: { ref: 'main', sha: scenario.pr.base.sha },
    });
    const pulls: RestRoute = { method: 'GET', path: /^\/repos\/acme\/widgets\/pulls$/, handle: () => ({ status: 200, body: [pull(41, 'closed'), pull(42, 'open')] }) };
    const fake = await startFake(scenario, { rest: [pulls] });
    const run = await runAction(fake, { event: 'workflow_run', payload: workflowRunPayload(scenario) });
    expect([run.code, run.outputs.verdict]).toEqual([0, 'pass']);
    expect(fake.writes.comments.map((c) => c.action)).toEqual(['create']);
  });

  it('a payload that is not a workflow_run: one clear error line', async () => {
    const fake = await startFake(typicalScenario());
    const run = await runAction(fake, { event: 'workflow_run', payload: { action: 'completed', workflow_run: { head_sha: 'not-a-sha' } } });
    expect(run.code).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'agent-pr-gate: the workflow_run event payload has an unexpected shape at workflow_run.head_sha: expected a commit SHA',
    ]);
  });
});
