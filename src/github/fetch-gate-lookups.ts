import type { Policy } from '../config/policy.js';
import { planGateLookups } from '../evaluate.js';
import type { Finding } from '../result.js';
import type { Lookups, PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { fetchLookups } from './fetch-lookups.js';

/**
 * The lookups a gate run needs before it can decide (SPEC §3, §4): `planGateLookups` says which
 * (permissions of label removers and override appliers, members of reviewer teams; nothing for a
 * non-agent PR), and `fetchLookups` asks them all at once. The action and the CLI both call this.
 */

export interface GateLookups {
  /** The answers; the snapshot's own lookups when nothing needed asking. */
  lookups: Lookups;
  /** The permission findings the plan evaluated, for `evaluateGate` (null: not an agent PR). */
  findings: Finding[] | null;
}

export async function fetchGateLookups(
  client: GitHubClient,
  policy: Policy,
  snapshot: PrSnapshot,
  workflowPath: string | null,
): Promise<GateLookups> {
  const plan = planGateLookups(policy, snapshot, { workflowPath });
  if (plan.permissions.length === 0 && plan.teams.length === 0) return { lookups: snapshot.lookups, findings: plan.findings };
  const lookups = await fetchLookups(client, snapshot.repo, { permissions: plan.permissions, teams: plan.teams });
  return { lookups, findings: plan.findings };
}
