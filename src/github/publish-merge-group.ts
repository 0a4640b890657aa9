import * as core from '@actions/core';
import type { GitHubClient } from './client.js';
import { publishStatus } from './publish-status.js';
import { escapeForLog } from '../render/escape-log.js';
import { READ_ONLY_HINT } from './publish-gate.js';

/**
 * Merge queue: the PRs in a group already passed their gate, so the group's head commit gets
 * `success`, or a required `agent-pr-gate` check would strand the queue. Never fails the job.
 */
export async function publishMergeGroup(
  client: GitHubClient,
  group: { owner: string; repo: string; headSha: string },
  runUrl: string | null,
): Promise<void> {
  const outcome = await publishStatus(client, {
    owner: group.owner,
    repo: group.repo,
    sha: group.headSha,
    state: 'success',
    description: 'merge queue: every PR in this group passed agent-pr-gate',
    targetUrl: runUrl,
  });
  if (outcome.ok) core.info(`agent-pr-gate: merge group ${group.headSha.slice(0, 7)}: status success`);
  else core.warning(outcome.readOnly ? READ_ONLY_HINT : `agent-pr-gate: ${escapeForLog(outcome.message)}`);
}
