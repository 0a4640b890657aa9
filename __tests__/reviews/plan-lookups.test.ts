import { describe, expect, it } from 'vitest';
import { planLookups } from '../../src/reviews/plan-lookups.js';
import { bot, copilotSnapshot, event, policyFrom } from '../factories.js';
import { ALICE, BOB, ERIN, FRANK, OVERRIDE_LABEL, agentHead, approve, finding } from './helpers.js';

const CODEOWNERS = '* @acme/core\n/infra/ @acme/infra @ops-lead\n';

function snapshotWith(overrides: Parameters<typeof copilotSnapshot>[0] = {}) {
  return copilotSnapshot({
    commits: [agentHead(0)],
    base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: CODEOWNERS } },
    ...overrides,
  });
}

const sensitive = finding('sensitive-paths', 'review', ['infra/main.tf'], { reviewers: ['@Acme/Platform', 'alice'] });

describe('planLookups', () => {
  it('asks for nothing when nobody approved and no override label is on the PR', () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1, codeowners: true } });
    expect(planLookups(policy, snapshotWith(), [sensitive])).toEqual({ permissions: [], teams: [] });
  });

  it('asks for the teams of review-level reviewers once someone approved', () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1 } });
    const snapshot = snapshotWith({ reviews: [approve(BOB, 10)] });
    expect(planLookups(policy, snapshot, [sensitive])).toEqual({ permissions: [], teams: ['acme/platform'] });
  });

  it('adds the code owner teams of the relevant files when codeowners is on', () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1, codeowners: true } });
    const snapshot = snapshotWith({ reviews: [approve(BOB, 10)] });
    const allowed = finding('dependencies', 'allow', ['package.json']);
    expect(planLookups(policy, snapshot, [sensitive, allowed])).toEqual({ permissions: [], teams: ['acme/platform', 'acme/infra'] });
  });

  it('ignores reviewers of allow and deny findings and approvals by bots', () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1 } });
    const snapshot = snapshotWith({ reviews: [approve(bot('coderabbitai'), 10)] });
    const reviewed = finding('network', 'review', ['a.ts'], { reviewers: ['@acme/net'] });
    expect(planLookups(policy, snapshot, [reviewed])).toEqual({ permissions: [], teams: [] });
  });

  it("asks for the permission of whoever applied the override label after the last push", () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1 } });
    const snapshot = snapshotWith({
      labels: [OVERRIDE_LABEL],
      timeline: [event('labeled', FRANK, 5, { label: OVERRIDE_LABEL }), event('labeled', ERIN, 30, { label: OVERRIDE_LABEL })],
    });
    expect(planLookups(policy, snapshot, [])).toEqual({ permissions: ['erin'], teams: [] });
  });

  it('does not ask about a label applied before the last push, removed, or with nothing to override', () => {
    const labeled = event('labeled', ERIN, 30, { label: OVERRIDE_LABEL });
    const policy = policyFrom({ reviews: { 'required-approvals': 1 } });
    expect(planLookups(policy, snapshotWith({ commits: [agentHead(40)], labels: [OVERRIDE_LABEL], timeline: [labeled] }), [])).toEqual({
      permissions: [],
      teams: [],
    });
    expect(planLookups(policy, snapshotWith({ labels: [], timeline: [labeled] }), [])).toEqual({ permissions: [], teams: [] });
    const nothing = policyFrom({ reviews: { 'required-approvals': 0 } });
    expect(planLookups(nothing, snapshotWith({ labels: [OVERRIDE_LABEL], timeline: [labeled] }), [])).toEqual({
      permissions: [],
      teams: [],
    });
  });

  it('looks up teams even when the only approval may turn out to be the requester (the requester is not known here)', () => {
    const policy = policyFrom({ reviews: { 'required-approvals': 1 } });
    const snapshot = snapshotWith({ reviews: [approve(ALICE, 10)] });
    expect(planLookups(policy, snapshot, [sensitive]).teams).toEqual(['acme/platform']);
  });
});
