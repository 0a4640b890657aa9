import * as z from 'zod';
import type { GitHubClient } from '../github/client.js';
import { fetchSnapshot } from '../github/fetch-snapshot.js';
import { parseResponse } from '../github/schemas.js';
import type { PrSnapshot } from '../snapshot.js';
import type { PrRef } from './parse-target.js';

/**
 * The CLI's read of a PR: the snapshot (policy and CODEOWNERS at the base commit), as the action
 * reads it. Without an event payload the base commit comes from the PR itself: one extra request.
 * Once the policy in force is known, `fetchGateLookups` (src/github/) adds the lookups it needs.
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
