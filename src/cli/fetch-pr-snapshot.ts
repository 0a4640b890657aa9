import { z } from 'zod';
import type { Policy } from '../config/policy.js';
import { detectAgent } from '../detect/detect-agent.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import type { GitHubClient } from '../github/client.js';
import { fetchLookups } from '../github/fetch-lookups.js';
import { fetchSnapshot } from '../github/fetch-snapshot.js';
import { parseResponse } from '../github/schemas.js';
import { evaluatePolicy } from '../policy/evaluate-policy.js';
import { planLookups } from '../reviews/plan-lookups.js';
import type { PrSnapshot } from '../snapshot.js';
import type { PrRef } from './parse-target.js';

/**
 * The CLI's read of a PR, in the two steps the action takes: the snapshot (policy and CODEOWNERS
 * at the base commit), then — once the policy in force is known — the lookups it needs
 * (permissions of label removers and override appliers, team members). Without an event payload
 * the base commit comes from the PR itself: one extra request.
 */

const PullSchema = z.object({ base: z.object({ sha: z.string() }) });

export async function fetchBaseSha(client: GitHubClient, ref: PrRef): Promise<string> {
  const answer = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: ref.owner,
    repo: ref.name,
    pull_number: ref.number,
  });
  return parseResponse(PullSchema, answer.data, 'the pull request').base.sha;
}

export async function fetchPrSnapshot(client: GitHubClient, ref: PrRef, configPath: string): Promise<PrSnapshot> {
  const baseSha = await fetchBaseSha(client, ref);
  return fetchSnapshot(client, { owner: ref.owner, name: ref.name, number: ref.number, baseSha, configPath });
}

/**
 * The snapshot with `lookups` filled for `policy`, as the action asks for them (src/main.ts):
 * label removers for sticky detection always, override and team lookups only on agent PRs.
 */
export async function fetchSnapshotLookups(
  client: GitHubClient,
  policy: Policy,
  snapshot: PrSnapshot,
  workflowPath: string | null,
): Promise<PrSnapshot> {
  const permissions = detectionLookups(policy, snapshot);
  const teams: string[] = [];
  if (detectAgent(policy, snapshot).agent !== null) {
    const planned = planLookups(policy, snapshot, evaluatePolicy(policy, snapshot, { workflowPath }));
    permissions.push(...planned.permissions);
    teams.push(...planned.teams);
  }
  if (permissions.length === 0 && teams.length === 0) return snapshot;
  const lookups = await fetchLookups(client, snapshot.repo, { permissions, teams });
  return { ...snapshot, lookups };
}
