import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import { detectionLookups } from '../../src/detect/detection-lookups.js';
import type { PrSnapshot } from '../../src/snapshot.js';
import { GITHUB_ACTIONS, createSnapshot, event, policyFrom, user } from '../factories.js';

const policy = policyFrom();
const ALICE = user('alice', 1);
const MAINTAINER = user('maya', 7);
const CAROL = user('carol', 8);

/** A human PR by alice that was labeled codex and then had the label removed by `remover`. */
function unlabeledBy(remover: PrSnapshot['author'], permissions: PrSnapshot['lookups']['permissions'] = {}): PrSnapshot {
  return createSnapshot({
    labels: [],
    timeline: [event('labeled', ALICE, 0, { label: 'codex' }), event('unlabeled', remover, 30, { label: 'codex' })],
    lookups: { permissions, teams: {} },
  });
}

describe('sticky agent labels', () => {
  it('keeps the PR gated when the requester removed the label', () => {
    const detection = detectAgent(policy, unlabeledBy(ALICE, { alice: 'admin' }));
    expect(detection.agent).toBe('codex');
    expect(detection.signals).toEqual([{ kind: 'label', agent: 'codex', value: 'codex' }]);
    expect(detection.reason).toBe(
      'OpenAI Codex (codex): label codex (weak signals only); label codex was removed by alice, the requester; it still counts',
    );
  });

  it('ungates the PR when a maintainer who is not the requester removed the label', () => {
    const detection = detectAgent(policy, unlabeledBy(MAINTAINER, { maya: 'maintain' }));
    expect(detection.agent).toBeNull();
    expect(detection.signals).toEqual([]);
    expect(detection.reason).toBe(
      'no agent signal: author alice, branch fix-widget; label codex was removed by maya (maintain permission), who is not the requester',
    );
  });

  it.each(['write', 'admin'] as const)('ungates the PR when someone with %s permission removed it', (permission) => {
    expect(detectAgent(policy, unlabeledBy(MAINTAINER, { maya: permission })).agent).toBeNull();
  });

  it('keeps the PR gated when the remover has only triage permission', () => {
    const detection = detectAgent(policy, unlabeledBy(CAROL, { carol: 'triage' }));
    expect(detection.agent).toBe('codex');
    expect(detection.reason).toContain('label codex was removed by carol, who has triage permission (write needed); it still counts');
  });

  it('keeps the PR gated when the remover permission was not looked up', () => {
    const detection = detectAgent(policy, unlabeledBy(CAROL));
    expect(detection.agent).toBe('codex');
    expect(detection.reason).toContain('removed by carol, whose permission was not looked up; it still counts');
  });

  it('keeps the PR gated when the permission lookup failed', () => {
    const detection = detectAgent(policy, unlabeledBy(CAROL, { carol: { error: 'Resource not accessible by integration' } }));
    expect(detection.agent).toBe('codex');
    expect(detection.reason).toContain('whose permission could not be checked (Resource not accessible by integration); it still counts');
  });

  it('keeps the PR gated when automation removed the label', () => {
    const detection = detectAgent(policy, unlabeledBy(GITHUB_ACTIONS, { 'github-actions[bot]': 'write' }));
    expect(detection.agent).toBe('codex');
    expect(detection.reason).toContain('removed by github-actions[bot], which is automation; it still counts');
  });

  it('finds the permission under another spelling of the login', () => {
    expect(detectAgent(policy, unlabeledBy(MAINTAINER, { Maya: 'admin' })).agent).toBeNull();
  });

  it('counts a label that was put back after a maintainer removed it', () => {
    const snapshot = createSnapshot({
      labels: ['codex'],
      timeline: [
        event('labeled', ALICE, 0, { label: 'codex' }),
        event('unlabeled', MAINTAINER, 5, { label: 'codex' }),
        event('labeled', ALICE, 9, { label: 'codex' }),
      ],
      lookups: { permissions: { maya: 'admin' }, teams: {} },
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('codex');
    expect(detection.reason).toBe('OpenAI Codex (codex): label codex (weak signals only)');
  });

  it('judges only the last removal after the label was put back', () => {
    const snapshot = createSnapshot({
      timeline: [
        event('labeled', ALICE, 0, { label: 'codex' }),
        event('unlabeled', MAINTAINER, 5, { label: 'codex' }),
        event('labeled', ALICE, 9, { label: 'codex' }),
        event('unlabeled', ALICE, 12, { label: 'codex' }),
      ],
      lookups: { permissions: { maya: 'admin', alice: 'write' }, teams: {} },
    });
    expect(detectAgent(policy, snapshot).agent).toBe('codex');
  });

  it('keeps a generic label sticky for a custom agent', () => {
    const custom = policyFrom({ agents: [{ id: 'agent', labels: ['ai-generated'] }] });
    const snapshot = createSnapshot({
      timeline: [event('labeled', CAROL, 0, { label: 'ai-generated' }), event('unlabeled', CAROL, 5, { label: 'ai-generated' })],
      lookups: { permissions: { carol: 'read' }, teams: {} },
    });
    expect(detectAgent(custom, snapshot).agent).toBe('agent');
  });

  it('does not care about unrelated labels being removed', () => {
    const snapshot = createSnapshot({
      timeline: [event('labeled', ALICE, 0, { label: 'bug' }), event('unlabeled', ALICE, 5, { label: 'bug' })],
    });
    expect(detectAgent(policy, snapshot).agent).toBeNull();
    expect(detectionLookups(policy, snapshot)).toEqual([]);
  });
});

describe('detectionLookups', () => {
  it('asks for the permission of humans who removed an agent label', () => {
    expect(detectionLookups(policy, unlabeledBy(MAINTAINER))).toEqual(['maya']);
  });

  it('does not ask about the requester, bots, or labels still on the PR', () => {
    expect(detectionLookups(policy, unlabeledBy(ALICE))).toEqual([]);
    expect(detectionLookups(policy, unlabeledBy(GITHUB_ACTIONS))).toEqual([]);
    const relabeled = createSnapshot({
      labels: ['codex'],
      timeline: [event('labeled', ALICE, 0, { label: 'codex' }), event('unlabeled', MAINTAINER, 5, { label: 'codex' })],
    });
    expect(detectionLookups(policy, relabeled)).toEqual([]);
  });

  it('lists each remover once across labels and agents', () => {
    const custom = policyFrom({ agents: [{ id: 'agent', labels: ['agent', 'ai-generated'] }] });
    const snapshot = createSnapshot({
      timeline: [
        event('labeled', ALICE, 0, { label: 'codex' }),
        event('labeled', ALICE, 0, { label: 'agent' }),
        event('labeled', ALICE, 0, { label: 'ai-generated' }),
        event('unlabeled', MAINTAINER, 5, { label: 'codex' }),
        event('unlabeled', user('Maya', 7), 6, { label: 'agent' }),
        event('unlabeled', CAROL, 7, { label: 'ai-generated' }),
      ],
    });
    expect(detectionLookups(custom, snapshot)).toEqual(['maya', 'carol']);
  });
});
