/**
 * Shared pieces for the review-rule tests: people, commits, findings and a detection of a Copilot
 * PR requested by alice. Built on __tests__/factories.ts.
 */
import type { CategoryId } from '../../src/config/policy.js';
import type { Level } from '../../src/config/schema.js';
import type { Detection, Finding } from '../../src/result.js';
import type { Actor, Review } from '../../src/snapshot.js';
import { COPILOT, commit, review, user } from '../factories.js';

export const ALICE = user('alice', 1); // the requester
export const BOB = user('bob', 2);
export const CAROL = user('carol', 3);
export const DAVE = user('dave', 4);
export const ERIN = user('erin', 5);
export const FRANK = user('frank', 6);

export const HEAD = 'f00dfeed'.padEnd(40, '0');
export const OLD = 'abc1234'.padEnd(40, '9');
export const OVERRIDE_LABEL = 'agent-pr-gate/override';

/** The agent's head commit, pushed at minute 0 unless told. */
export function agentHead(minutes = 0) {
  return commit(COPILOT, minutes, { sha: HEAD });
}

export function agentOld(minutes = -30) {
  return commit(COPILOT, minutes, { sha: OLD });
}

export function approve(actor: Actor | null, minutes: number, sha = HEAD, overrides: Partial<Review> = {}): Review {
  return review(actor, 'APPROVED', minutes, { commitSha: sha, ...overrides });
}

export function requestChanges(actor: Actor | null, minutes: number, sha = HEAD, overrides: Partial<Review> = {}): Review {
  return review(actor, 'CHANGES_REQUESTED', minutes, { commitSha: sha, ...overrides });
}

export function finding(
  category: CategoryId,
  level: Level,
  files: string[],
  options: { reviewers?: string[]; rule?: string; message?: string } = {},
): Finding {
  const out: Finding = {
    category,
    level,
    files,
    message: options.message ?? `changes ${files.join(', ')}`,
    locations: [],
    reviewers: options.reviewers ?? [],
    satisfied: false,
  };
  if (options.rule !== undefined) out.rule = options.rule;
  return out;
}

export function detection(requester: string | null = 'alice'): Detection {
  return {
    agent: 'copilot',
    agentName: 'GitHub Copilot coding agent',
    requester,
    requesterSource: requester ? 'assigned the agent' : null,
    signals: [{ kind: 'author', agent: 'copilot', value: 'Copilot' }],
    reason: 'authored by Copilot',
  };
}

export const NOT_AGENT: Detection = {
  agent: null,
  agentName: null,
  requester: null,
  requesterSource: null,
  signals: [],
  reason: 'no agent signal',
};
