import { describe, expect, it } from 'vitest';
import { typicalScenario } from '../fake-github/scenario.js';
import type { Fault } from '../fake-github/server.js';
import { pullRequestPayload, runAction, useGateRuns } from './run-action.js';

/** End to end under API faults: the run still comes out right, with one comment and one status. */

const { startFake } = useGateRuns();

const HEAD = typicalScenario().pr.head.sha;

const FAULTS: Array<[string, Fault[]]> = [
  ['a 502 on the GraphQL query, then success', [{ kind: 'status', status: 502, when: { operation: 'AgentPrGateSnapshot' } }]],
  ['a 500 on the files list', [{ kind: 'status', status: 500, when: { path: '/files' } }]],
  ['a secondary rate limit (retry-after: 1) on the status write', [{ kind: 'secondary-rate-limit', retryAfter: 1, when: { path: '/statuses/' } }]],
  ['a secondary rate limit on the comment write', [{ kind: 'secondary-rate-limit', retryAfter: 1, when: { method: 'POST', path: '/comments' } }]],
  ['a connection reset on the files list', [{ kind: 'reset', when: { path: '/files' } }]],
  ['a 502 after the comment was created', [{ kind: 'status', status: 502, afterHandling: true, when: { method: 'POST', path: '/comments' } }]],
  ['slow answers everywhere', [{ kind: 'slow', delayMs: 250, times: Infinity }]],
];

describe('gate run under API faults', () => {
  it.each(FAULTS)('comes out right with %s', async (_name, faults) => {
    const scenario = typicalScenario();
    const fake = await startFake(scenario, { faults });
    const run = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(scenario) });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['comment-url']).toBe('https://github.com/acme/widgets/pull/42#issuecomment-9000001');
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
    expect(fake.scenario.comments.filter((c) => c.user?.login === 'github-actions[bot]')).toHaveLength(1);
    expect(fake.writes.statuses.map((s) => [s.sha, s.state])).toEqual([[HEAD, 'success']]);
    expect(fake.requests.some((r) => r.fault !== null)).toBe(true);
  });

  it('stops at once on bad credentials, with one clear line', async () => {
    const scenario = typicalScenario();
    const fake = await startFake(scenario, { faults: [{ kind: 'status', status: 401, message: 'Bad credentials', times: Infinity }] });
    const run = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(scenario) });
    expect(run.code).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'agent-pr-gate: Bad credentials (HTTP 401 on POST /graphql)',
    ]);
    expect(fake.requests.length).toBe(2);
  });
});
