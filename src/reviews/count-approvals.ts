import type { AgentDefinition, Policy } from '../config/policy.js';
import { agentOfActor, classifyActor } from '../detect/classify.js';
import { normalizeLogin, sameActor, sameLogin } from '../identity.js';
import type { IgnoredApproval } from '../result.js';
import type { Actor, PrSnapshot, Review } from '../snapshot.js';
import { findLastPush, pushedLatest } from './last-push.js';

/**
 * Counted approvals (docs/architecture.md, "Review rules"). Per reviewer, the latest review that is APPROVED or
 * CHANGES_REQUESTED decides, as on GitHub: a later COMMENTED review changes nothing, a dismissed
 * one leaves the reviewer without a standing opinion. An approval counts when it is by a human who
 * is neither the PR author nor (with `exclude-requester`) the requester, did not push the latest
 * commit, and approved the head commit (with `approvals-after-last-push`). Every approval that
 * does not count is listed with its reason.
 */

export interface CountedApproval {
  login: string;
  actor: Actor;
  review: Review;
}

export interface ApprovalTally {
  counted: CountedApproval[];
  ignored: IgnoredApproval[];
  /** Humans whose latest deciding review requests changes and was not dismissed. */
  changesRequestedBy: string[];
}

const GHOST: Actor = { login: 'ghost', id: null, type: 'Unknown' };

function submittedTime(review: Review): number {
  const time = review.submittedAt ? Date.parse(review.submittedAt) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * GitHub's branch protection counts only approvals from people with write access. The review's
 * author association tells, without an extra request, who certainly has none: contributors and
 * outsiders. (OWNER, MEMBER and COLLABORATOR may still be read-only; reviewer lists and code
 * owners narrow those further.) Unknown association: trusted, as in snapshots without it.
 */
const NO_WRITE_ASSOCIATIONS = new Set(['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE', 'MANNEQUIN']);

function lacksWriteAccess(review: Review): boolean {
  return review.authorAssociation != null && NO_WRITE_ASSOCIATIONS.has(review.authorAssociation.toUpperCase());
}

function staleDetail(sha: string | null): string {
  return sha ? `approved an older commit (${sha.slice(0, 7)})` : 'approved an unknown commit';
}

interface ReviewerHistory {
  actor: Actor;
  approved: boolean;
  latest: Review | null;
}

function groupByReviewer(reviews: readonly Review[]): ReviewerHistory[] {
  const ordered = reviews
    .filter((review) => review.state !== 'PENDING' && review.submittedAt !== null)
    .map((review, index) => ({ review, index }))
    .sort((a, b) => submittedTime(a.review) - submittedTime(b.review) || a.review.id - b.review.id || a.index - b.index);
  const byLogin = new Map<string, ReviewerHistory>();
  for (const { review } of ordered) {
    const actor = review.author ?? GHOST;
    const key = normalizeLogin(actor.login);
    let history = byLogin.get(key);
    if (!history) {
      history = { actor, approved: false, latest: null };
      byLogin.set(key, history);
    }
    if (review.state === 'APPROVED') history.approved = true;
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') history.latest = review;
  }
  return [...byLogin.values()];
}

export function countApprovals(
  policy: Policy,
  snapshot: PrSnapshot,
  requester: string | null,
  agents: readonly AgentDefinition[],
): ApprovalTally {
  const tally: ApprovalTally = { counted: [], ignored: [], changesRequestedBy: [] };
  const lastPush = findLastPush(snapshot);
  const ignore = (login: string, reason: string, detail: string): void => {
    tally.ignored.push({ login, reason, detail });
  };
  for (const { actor, approved, latest } of groupByReviewer(snapshot.reviews)) {
    if (!latest) continue;
    const login = actor.login;
    const party = classifyActor(actor === GHOST ? null : actor, policy, agents);
    if (party !== 'human') {
      if (!approved) continue;
      if (party === 'agent') {
        const agent = agentOfActor(actor, agents);
        ignore(login, 'agent', agent ? `is an agent (${agent.name})` : 'is an agent');
      } else {
        ignore(login, 'bot', actor === GHOST ? 'is a deleted account' : 'is a bot');
      }
      continue;
    }
    if (latest.state === 'CHANGES_REQUESTED') {
      if (!latest.dismissed) tally.changesRequestedBy.push(login);
      if (approved) ignore(login, 'superseded', 'requested changes after approving');
      continue;
    }
    if (policy.reviews.excludeRequester && sameLogin(login, requester)) {
      ignore(login, 'requester', 'requested the change');
    } else if (sameActor(actor, snapshot.author)) {
      ignore(login, 'author', 'opened the PR');
    } else if (latest.dismissed) {
      ignore(login, 'dismissed', 'approval was dismissed');
    } else if (lacksWriteAccess(latest)) {
      ignore(login, 'no-write-access', 'has no write access to the repository');
    } else if (pushedLatest(lastPush, actor, policy, agents)) {
      ignore(login, 'last-pusher', 'pushed the latest commit');
    } else if (policy.reviews.approvalsAfterLastPush && latest.commitSha !== snapshot.headSha) {
      ignore(login, 'stale', staleDetail(latest.commitSha));
    } else {
      tally.counted.push({ login, actor, review: latest });
    }
  }
  return tally;
}
