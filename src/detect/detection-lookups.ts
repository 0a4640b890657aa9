import type { Policy } from '../config/policy.js';
import { normalizeLogin } from '../identity.js';
import type { PrSnapshot } from '../snapshot.js';
import { buildDetectionContext } from './detection-context.js';
import { findRequester } from './find-requester.js';
import { readAgentLabels, removerToLookUp } from './sticky-labels.js';

/**
 * The logins whose repository permission detection needs: the humans who removed an agent label
 * (the last removal of a label that is no longer on the PR), except the requester and the PR
 * author, whose removal never counts whatever their permission. The gate pipeline's `plan` asks
 * for these (src/gate/plan.ts) and `decide` runs detection again with the answers; a login that
 * could not be looked up keeps the label counting.
 */
export function detectionLookups(policy: Policy, snapshot: PrSnapshot): string[] {
  const ctx = buildDetectionContext(policy, snapshot);
  const logins = new Map<string, string>();
  for (const agent of ctx.agents) {
    const removed = readAgentLabels(ctx, agent).filter((label) => !label.present);
    if (removed.length === 0) continue;
    const requester = findRequester(ctx, agent)?.login ?? null;
    for (const label of removed) {
      const login = removerToLookUp(ctx, label, requester);
      if (login !== null && !logins.has(normalizeLogin(login))) logins.set(normalizeLogin(login), login);
    }
  }
  return [...logins.values()];
}
