import type { Policy } from '../config/policy.js';
import { resolveAgents } from '../detect/agents.js';
import type { Finding } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { findCodeownerGroups } from './codeowner-groups.js';
import { countApprovals } from './count-approvals.js';
import { teamKey } from './match-candidates.js';
import { findOverrideCandidate, hasAnythingToOverride } from './override.js';

/**
 * The API lookups the review rules need before `evaluateReviews` can run, so the gate pipeline
 * (src/gate/plan.ts) asks for them and nothing more:
 * - `permissions`: the login that applied the override label, when the label is on the PR, was
 *   applied by a human after the latest push, and there is something an override would waive;
 * - `teams`: `org/team` of reviewers of review-level findings and of code owners of the relevant
 *   files, only when someone approved (without an approval, membership decides nothing).
 */
export function planLookups(policy: Policy, snapshot: PrSnapshot, findings: Finding[]): { permissions: string[]; teams: string[] } {
  const agents = resolveAgents(policy);
  const permissions: string[] = [];
  if (hasAnythingToOverride(policy, findings)) {
    const candidate = findOverrideCandidate(policy, snapshot, agents);
    if (candidate.ok) permissions.push(candidate.event.actor.login);
  }

  const teams = new Set<string>();
  // The requester is not known here: count without excluding them, a superset of the approvers.
  const { counted } = countApprovals(policy, snapshot, null, agents);
  if (counted.length > 0) {
    const candidates = findings.filter((finding) => finding.level === 'review').flatMap((finding) => finding.reviewers);
    if (policy.reviews.codeowners) {
      candidates.push(...findCodeownerGroups(snapshot, findings).groups.flatMap((group) => group.owners));
    }
    for (const candidate of candidates) {
      const key = teamKey(candidate);
      if (key !== null) teams.add(key);
    }
  }
  return { permissions, teams: [...teams] };
}
