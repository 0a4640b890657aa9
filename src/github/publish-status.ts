import type { Verdict } from '../result.js';
import type { GitHubClient } from './client.js';
import { describeError, isReadOnlyError } from './errors.js';
import type { WriteOutcome } from './upsert-comment.js';

/** The commit status context branch protection requires (public name, README.md "Required status check"). */
export const STATUS_CONTEXT = 'agent-pr-gate';
/** GitHub truncates longer status descriptions. */
export const MAX_STATUS_DESCRIPTION = 140;

export type StatusState = 'success' | 'pending' | 'failure' | 'error';

export function statusStateOf(verdict: Verdict): StatusState {
  switch (verdict) {
    case 'pass':
    case 'skipped':
      return 'success';
    case 'needs-review':
      return 'pending';
    case 'fail':
      return 'failure';
  }
}

/** One line of at most 140 characters. */
export function fitStatusDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_STATUS_DESCRIPTION ? line : `${line.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
}

export interface StatusWrite {
  owner: string;
  repo: string;
  sha: string;
  state: StatusState;
  description: string;
  targetUrl: string | null;
}

export async function publishStatus(client: GitHubClient, status: StatusWrite): Promise<WriteOutcome<StatusState>> {
  try {
    await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      owner: status.owner,
      repo: status.repo,
      sha: status.sha,
      state: status.state,
      context: STATUS_CONTEXT,
      description: fitStatusDescription(status.description),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    });
    return { ok: true, value: status.state };
  } catch (error) {
    return {
      ok: false,
      readOnly: isReadOnlyError(error),
      message: `could not set the ${STATUS_CONTEXT} status on ${status.sha.slice(0, 7)}: ${describeError(error)}`,
    };
  }
}
