import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import { readRequestedBy } from '../../src/detect/find-requester.js';
import { COPILOT, DEVIN, bot, commit, copilotSnapshot, createSnapshot, event, identity, policyFrom, user } from '../factories.js';

const policy = policyFrom();
const ALICE = user('alice', 1);
const BOB = user('bob', 2);

function requesterOf(snapshot: Parameters<typeof detectAgent>[1]): [string | null, string | null] {
  const detection = detectAgent(policy, snapshot);
  return [detection.requester, detection.requesterSource];
}

describe('requester', () => {
  it('is the PR author when a human opened the PR', () => {
    expect(requesterOf(createSnapshot({ author: BOB, headRef: 'codex/x' }))).toEqual(['bob', 'PR author']);
  });

  it('is the human named by a noreply co-author trailer, skipping agents and suggestions', () => {
    const message = [
      'Initial plan',
      '',
      'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>',
      'Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
      'Co-authored-by: Claude <noreply@anthropic.com>',
      'Co-authored-by: bob <2+bob@users.noreply.github.com>',
    ].join('\n');
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1, { message })], timeline: [] });
    expect(requesterOf(snapshot)).toEqual(['bob', 'co-author trailer']);
  });

  it('reads the old noreply form without an id', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1, { message: 'x\n\nCo-authored-by: Bob B <bob@users.noreply.github.com>' })], timeline: [] });
    expect(requesterOf(snapshot)).toEqual(['bob', 'co-author trailer']);
  });

  it('is the human who assigned Copilot', () => {
    expect(requesterOf(copilotSnapshot())).toEqual(['alice', 'assigned the agent']);
  });

  it('skips Copilot assigning itself and takes the human who assigned it', () => {
    const snapshot = copilotSnapshot({
      timeline: [event('assigned', COPILOT, -6, { subject: COPILOT }), event('assigned', BOB, -5, { subject: COPILOT })],
    });
    expect(requesterOf(snapshot)).toEqual(['bob', 'assigned the agent']);
  });

  it('prefers the recorded assignment over a Requested by line in the body', () => {
    const snapshot = copilotSnapshot({ body: 'From the issue:\nRequested by: @mallory' });
    expect(requesterOf(snapshot)).toEqual(['alice', 'assigned the agent']);
  });

  it('prefers the recorded assignment over a co-author trailer the agent wrote', () => {
    const message = 'Fix\n\nCo-authored-by: mallory <66+mallory@users.noreply.github.com>';
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1, { message })] });
    expect(requesterOf(snapshot)).toEqual(['alice', 'assigned the agent']);
  });

  it('ignores assignments of other people', () => {
    const snapshot = copilotSnapshot({ timeline: [event('assigned', BOB, -5, { subject: ALICE })] });
    expect(requesterOf(snapshot)).toEqual([null, null]);
  });

  it.each([
    ['Requested by: Joe Moura (@joaomdmoura)', 'joaomdmoura'],
    ['**Requested by:** Joe Moura (@joaomdmoura)', 'joaomdmoura'],
    ['Requested by: @joaomdmoura', 'joaomdmoura'],
    ['Requested by: Joe Moura', 'Joe Moura'],
    ['**Requested by:** Joe Moura (joao@crewai.com)', 'Joe Moura'],
  ])('reads Devin %j', (line, expected) => {
    const snapshot = createSnapshot({ author: DEVIN, body: `Link to Devin run: https://app.devin.ai/sessions/abc\n${line}\n` });
    expect(requesterOf(snapshot)).toEqual([expected, 'Requested by: line']);
  });

  it('prefers a login from a noreply trailer over a Requested by name', () => {
    const snapshot = createSnapshot({
      author: DEVIN,
      body: 'Requested by: Joe Moura',
      commits: [commit(DEVIN, 1, { message: 'x\n\nCo-Authored-By: joe <5+joaomdmoura@users.noreply.github.com>' })],
    });
    expect(requesterOf(snapshot)).toEqual(['joaomdmoura', 'co-author trailer']);
  });

  it('maps a plain-email co-author to the login GitHub linked to that email on the PR', () => {
    const joe = user('joaomdmoura', 5);
    const snapshot = createSnapshot({
      author: DEVIN,
      body: 'Requested by: Joe Moura',
      commits: [
        commit(DEVIN, 1, { message: 'x\n\nCo-Authored-By: Joe Moura <joao@crewai.com>' }),
        commit(identity(joe, 'joao@crewai.com'), 2),
      ],
    });
    expect(requesterOf(snapshot)).toEqual(['joaomdmoura', 'co-author trailer']);
  });

  it('falls back to the co-author name when nothing gives a login', () => {
    const snapshot = createSnapshot({ author: DEVIN, commits: [commit(DEVIN, 1, { message: 'x\n\nCo-Authored-By: Joe Moura <joao@crewai.com>' })] });
    expect(requesterOf(snapshot)).toEqual(['Joe Moura', 'co-author trailer']);
  });

  it('never takes a bot co-author or a policy bot for the requester', () => {
    const custom = policyFrom({ bots: ['robobun'] });
    const message = 'x\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nCo-authored-by: robobun <9+robobun@users.noreply.github.com>\nCo-authored-by: GitHub <noreply@github.com>';
    const detection = detectAgent(custom, createSnapshot({ author: DEVIN, commits: [commit(DEVIN, 1, { message })] }));
    expect(detection.agent).toBe('devin');
    expect(detection.requester).toBeNull();
  });

  it('never takes a bot PR author for the requester', () => {
    const custom = policyFrom({ agents: [{ id: 'release-bot', authors: ['acme-release[bot]'] }] });
    const detection = detectAgent(custom, createSnapshot({ author: bot('acme-release') }));
    expect(detection.requester).toBeNull();
  });

  it('keeps the PR gated when the trailer-named requester removed the generic label', () => {
    const custom = policyFrom({ agents: [{ id: 'agent', labels: ['agent'] }] });
    const snapshot = createSnapshot({
      author: bot('acme-helper'),
      commits: [commit(bot('acme-helper'), 1, { message: 'x\n\nCo-authored-by: bob <2+bob@users.noreply.github.com>' })],
      timeline: [event('labeled', BOB, 0, { label: 'agent' }), event('unlabeled', BOB, 3, { label: 'agent' })],
      lookups: { permissions: { bob: 'admin' }, teams: {} },
    });
    const detection = detectAgent(custom, snapshot);
    expect(detection.agent).toBe('agent');
    expect(detection.requester).toBe('bob');
    expect(detection.reason).toContain('label agent was removed by bob, the requester; it still counts');
  });
});

describe('readRequestedBy', () => {
  it('returns null without a Requested by line, or for prose without a colon', () => {
    expect(readRequestedBy('Fixes the bug')).toBeNull();
    expect(readRequestedBy('Requested by the product team last week')).toBeNull();
  });

  it('reads name and login', () => {
    expect(readRequestedBy('Requested by: Jane Doe (@jane-doe)\r\n')).toEqual({ name: 'Jane Doe', login: 'jane-doe' });
  });
});
