import { describe, expect, it } from 'vitest';
import { BASE_SHA, typicalScenario, type FakeScenario } from '../fake-github/scenario.js';
import { pullRequestPayload, runAction, useGateRuns } from './run-action.js';

/** End to end: policy errors, read-only tokens, merge queues, other events, unexpected errors. */

const { startFake, gate } = useGateRuns();

const HEAD = typicalScenario().pr.head.sha;
const STACK_LINE = /^\s+at .+[:(]/m;

describe('a policy file that does not validate', () => {
  function brokenPolicy(): FakeScenario {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': 'extends: default\npermissions:\n  workflow: deny\n' };
    return scenario;
  }

  it('fails the job with a located annotation, an error status and an empty verdict, without a stack trace', async () => {
    const { run, fake } = await gate(brokenPolicy());
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('');
    const located = run.annotations.filter((a) => a.level === 'error' && a.properties.includes('file=.github/agent-pr-gate.yml'));
    expect(located).toHaveLength(1);
    expect(located[0]?.properties).toContain('line=3');
    expect(located[0]?.properties).toContain('col=3');
    expect(fake.writes.statuses).toHaveLength(1);
    expect(fake.writes.statuses[0]?.state).toBe('error');
    expect(fake.writes.statuses[0]?.sha).toBe(HEAD);
    expect(fake.writes.statuses[0]?.description).toMatch(/^policy error: \.github\/agent-pr-gate\.yml:3:3: /);
    expect(fake.writes.comments).toEqual([]);
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('a read-only token (fork PR under pull_request)', () => {
  it('still gives the verdict, summary, annotations, outputs and exit code, and explains pull_request_target once', async () => {
    const scenario = typicalScenario();
    scenario.reviews = [];
    scenario.pr.from_fork = true;
    const { run, fake } = await gate(scenario, { event: 'pull_request' }, { readOnly: true });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('needs-review');
    expect(run.outputs.agent).toBe('copilot');
    expect(run.outputs['comment-url']).toBe('');
    expect(JSON.parse(run.outputs.report ?? '{}')).toMatchObject({ verdict: 'needs-review' });
    expect(run.summary).toContain('Needs review');
    expect(fake.writes).toEqual({ comments: [], statuses: [] });
    const hints = run.annotations.filter((a) => a.message.includes('pull_request_target'));
    expect(hints).toHaveLength(1);
    expect(hints[0]?.level).toBe('warning');
    expect(run.stdout).not.toMatch(STACK_LINE);
  });

  it('exits 0 on a read-only token when the verdict passes', async () => {
    const { run } = await gate(typicalScenario(), { event: 'pull_request' }, { readOnly: true });
    expect([run.code, run.outputs.verdict]).toEqual([0, 'pass']);
  });
});

describe('other events', () => {
  it('merge_group: sets success on the group head commit and exits 0 without reading any PR', async () => {
    const fake = await startFake(typicalScenario());
    const groupHead = 'c'.repeat(40);
    const run = await runAction(fake, {
      event: 'merge_group',
      payload: { action: 'checks_requested', merge_group: { head_sha: groupHead, head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-abc', base_sha: BASE_SHA, base_ref: 'refs/heads/main' } },
    });
    expect(run.code).toBe(0);
    expect(fake.writes.statuses).toEqual([
      { sha: groupHead, state: 'success', context: 'agent-pr-gate', description: 'merge queue: every PR in this group passed agent-pr-gate', target_url: 'https://github.com/acme/widgets/actions/runs/4242' },
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['push', 'issue_comment', 'workflow_dispatch'])('%s: one notice, exit 0, no API call', async (event) => {
    const fake = await startFake(typicalScenario());
    const run = await runAction(fake, { event, payload: {} });
    expect(run.code).toBe(0);
    expect(run.annotations.map((a) => a.level)).toEqual(['notice']);
    expect(run.annotations[0]?.message).toContain(`the ${event} event has no pull request to gate`);
    expect(fake.requests).toEqual([]);
  });
});

describe('unexpected errors', () => {
  it('fails with one clear line and no stack trace when the PR does not exist', async () => {
    const scenario = typicalScenario();
    const payload = pullRequestPayload(scenario);
    payload.pull_request.number = 7;
    const { run } = await gate(scenario, { payload });
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('agent-pr-gate: GitHub GraphQL: Could not resolve to a PullRequest with the number of 7.');
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('prints the stack trace when step debug logging is on', async () => {
    const scenario = typicalScenario();
    const payload = pullRequestPayload(scenario);
    payload.pull_request.number = 7;
    const { run } = await gate(scenario, { payload, env: { RUNNER_DEBUG: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(STACK_LINE);
  });

  it('names a bad input in one line', async () => {
    const { run, fake } = await gate(typicalScenario(), { inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::agent-pr-gate: input fail-on must be one of needs-review, fail, never; got "sometimes"');
    expect(fake.requests).toEqual([]);
  });
});
