import * as z from 'zod';
import type { GitHubClient } from './client.js';
import type { GateEvent, WorkflowRunEvent } from './read-event.js';
import { parseResponse } from './schemas.js';

/**
 * The PR a `workflow_run` event is about (docs/security.md, "Review events"). The payload's
 * `workflow_run.pull_requests` is empty for PRs from forks (and often otherwise), and it is data
 * of the relayed run, so the PR is looked up instead: the PRs whose head branch (in the head
 * repository) is the run's branch, kept when their head commit is the run's head commit. One
 * request. The PR's base commit comes from that answer: the policy is read there, as for
 * `pull_request_target`.
 */

export type WorkflowRunTarget =
  | { kind: 'found'; event: Extract<GateEvent, { kind: 'pull_request' }> }
  | { kind: 'none' | 'several'; message: string };

const PullsSchema = z.array(
  z.object({
    number: z.number().int(),
    state: z.string(),
    head: z.object({ sha: z.string(), ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
    base: z.object({ sha: z.string() }),
  }),
);

function describeRun(run: WorkflowRunEvent): string {
  const where = run.headRepository ? `${run.headRepository.fullName}:` : '';
  return `the ${run.triggeredBy} run on ${where}${run.headBranch ?? '(no branch)'} at ${run.headSha.slice(0, 7)}`;
}

export async function findWorkflowRunPr(client: GitHubClient, run: WorkflowRunEvent): Promise<WorkflowRunTarget> {
  const headOwner = run.headRepository?.owner ?? run.owner;
  if (run.headBranch === null) {
    return { kind: 'none', message: `${describeRun(run)} has no branch, so no pull request can be found for it` };
  }
  const answer = await client.request('GET /repos/{owner}/{repo}/pulls', {
    owner: run.owner,
    repo: run.repo,
    head: `${headOwner}:${run.headBranch}`,
    state: 'all',
    per_page: 100,
  });
  const pulls = parseResponse(PullsSchema, answer.data, "GitHub's pull request list");
  const headRepository = run.headRepository?.fullName.toLowerCase() ?? `${run.owner}/${run.repo}`.toLowerCase();
  const matching = pulls.filter(
    (pull) => pull.head.sha === run.headSha && pull.head.ref === run.headBranch && pull.head.repo?.full_name.toLowerCase() === headRepository,
  );
  // A branch can head a closed PR and, later, a new one: the open one is the one being reviewed.
  const open = matching.filter((pull) => pull.state === 'open');
  const candidates = matching.length > 1 && open.length > 0 ? open : matching;
  const [pull] = candidates;
  if (!pull) {
    return {
      kind: 'none',
      message: `no pull request has ${describeRun(run)} as its head (the branch may have moved on since; its push runs the gate itself)`,
    };
  }
  if (candidates.length > 1) {
    const numbers = candidates.map((pull) => `#${pull.number}`).join(', ');
    return { kind: 'several', message: `${describeRun(run)} is the head of several pull requests (${numbers}), so none is gated from it` };
  }
  return {
    kind: 'found',
    event: {
      kind: 'pull_request',
      name: 'workflow_run',
      action: run.action,
      owner: run.owner,
      repo: run.repo,
      number: pull.number,
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
    },
  };
}
