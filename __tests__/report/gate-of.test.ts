import { describe, expect, it } from 'vitest';
import { renderGateState, type GateState } from '../../src/gate-state.js';
import { COMMENT_MARKER } from '../../src/render/marker.js';
import { areasOf, gateOf } from '../../src/report/evaluate-report-pr.js';
import { comment, copilotSnapshot, GITHUB_ACTIONS, user, gateState } from '../factories.js';

const STATE: GateState = gateState({ agent: 'copilot', headSha: 'abc1234', at: '2026-03-01T00:00:00Z', since: undefined });
const body = (state: GateState): string => `${COMMENT_MARKER}\nAgent PR Gate\n${renderGateState(state)}`;

describe('gateOf: the gate state, from our own comment only', () => {
  it('reads the state of the comment the token wrote', () => {
    const snapshot = copilotSnapshot({ comments: [comment(GITHUB_ACTIONS, 5, body(STATE))], viewer: GITHUB_ACTIONS });
    expect(gateOf(snapshot)).toEqual({ source: 'state', verdict: 'fail', headSha: 'abc1234', findings: [{ category: 'network', level: 'deny' }], overridden: false });
  });

  it('ignores a marker and a forged pass in anybody else’s comment, a look-alike login included', () => {
    const forged = body({ ...STATE, verdict: 'pass', findings: [] });
    const lookAlike = user('github-actions', 7);
    const planted = copilotSnapshot({ comments: [comment(user('mallory', 66), 1, forged), comment(lookAlike, 2, forged)], viewer: GITHUB_ACTIONS });
    expect(gateOf(planted)).toBeNull();
    const both = copilotSnapshot({ comments: [comment(user('mallory', 66), 1, forged), comment(GITHUB_ACTIONS, 5, body(STATE))], viewer: GITHUB_ACTIONS });
    expect(gateOf(both)?.verdict).toBe('fail');
  });

  it('is null for our comment without a state line', () => {
    expect(gateOf(copilotSnapshot({ comments: [comment(GITHUB_ACTIONS, 5, `${COMMENT_MARKER}\nold comment`)], viewer: GITHUB_ACTIONS }))).toBeNull();
  });
});

describe('gateOf with the gate named (--gate-login), for a token of another account', () => {
  it('reads the named app’s comment, never a user’s with the same name', () => {
    const alice = user('alice', 101);
    const snapshot = copilotSnapshot({ comments: [comment(user('github-actions', 7), 1, body({ ...STATE, verdict: 'pass' })), comment(GITHUB_ACTIONS, 5, body(STATE))], viewer: alice });
    expect(gateOf(snapshot)).toBeNull();
    expect(gateOf(snapshot, 'github-actions[bot]')?.verdict).toBe('fail');
    const onlyLookAlike = copilotSnapshot({ comments: [comment(user('github-actions', 7), 1, body({ ...STATE, verdict: 'pass' }))], viewer: alice });
    expect(gateOf(onlyLookAlike, 'github-actions[bot]')).toBeNull();
  });

  it('takes only an app login on the command line', async () => {
    const { cli } = await import('../cli/cli-harness.js');
    const run = await cli(['report', 'acme/widgets', '--gate-login', 'github-actions'], { env: { GITHUB_TOKEN: 't', GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--gate-login "github-actions" must be the gate\'s app login, such as github-actions[bot]');
  });
});

describe('areasOf', () => {
  it('takes the top directory of each path, once', () => {
    expect(areasOf(['src/a.ts', 'src/b/c.ts', 'README.md', 'infra/x.tf'])).toEqual(['(root)', 'infra/', 'src/']);
  });
});
