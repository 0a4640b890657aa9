import * as z from 'zod';
import type { GitHubClient } from '../github/client.js';
import { fetchSnapshotStaged, type StagedSnapshot } from '../github/fetch-snapshot.js';
import { parseResponse } from '../github/schemas.js';
import type { PrRef } from './parse-target.js';

/**
 * The CLI's read of a PR: the snapshot (policy and CODEOWNERS at the base commit), as the action
 * reads it. Without an event payload the base commit comes from the PR itself: one extra request.
 * Once the policy in force is known, the gate pipeline (src/gate/pipeline.ts) reads the rest.
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

/** The first round of reads (src/github/fetch-snapshot.ts): the gate pipeline reads the rest. */
export async function fetchPrSnapshotStaged(client: GitHubClient, ref: PrRef, configPath: string): Promise<StagedSnapshot> {
  const baseSha = await fetchBaseSha(client, ref);
  return fetchSnapshotStaged(client, { owner: ref.owner, name: ref.name, number: ref.number, baseSha, configPath });
}
