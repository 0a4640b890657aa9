/**
 * The rule of docs/security.md for workflows that hold a write token: they run only from events
 * that take the workflow file from the default branch (never pull_request / pull_request_review,
 * which run the PR's own version of the file with a write token on same-repository branches), and
 * they never check out, fetch or run a pull request's ref.
 */
import type { Yaml } from '../cli/workflow-check.js';

/** Events whose run takes the workflow file (and code) from the pull request. */
const PR_CODE_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
/** Expressions that name a pull request's head: its code, not the base's. */
const PR_HEAD = /github\.(head_ref|event\.(pull_request\.head|workflow_run\.(head_sha|head_branch|head_commit|head_repository|pull_requests))|event\.merge_group\.head)/;
const PR_REFS = /refs\/pull\/|pull\/\$\{\{/;

type Permissions = Yaml | string | undefined;

function writes(permissions: Permissions): boolean {
  if (permissions === undefined) return true; // the repository default may be write-all
  if (typeof permissions === 'string') return permissions !== 'read-all';
  return Object.values(permissions).some((access) => access === 'write');
}

/** Each way a workflow breaks the rule, as a sentence; empty when it keeps it. */
export function writeTokenProblems(workflow: Yaml): string[] {
  const problems: string[] = [];
  const jobs = (workflow.jobs ?? {}) as Record<string, Yaml>;
  const events = Object.keys((workflow.on ?? {}) as Yaml);
  for (const [id, job] of Object.entries(jobs)) {
    const permissions = (job.permissions ?? workflow.permissions) as Permissions;
    if (!writes(permissions)) continue;
    if (workflow.permissions === undefined && job.permissions === undefined) problems.push(`job ${id}: declares no permissions (the default token may write)`);
    for (const event of events.filter((name) => PR_CODE_EVENTS.includes(name))) {
      problems.push(`job ${id}: has a write token on ${event}, which runs the pull request's own workflow file`);
    }
    for (const [index, step] of ((job.steps ?? []) as Yaml[]).entries()) {
      const where = `job ${id} step ${index + 1}`;
      const uses = typeof step.uses === 'string' ? step.uses : '';
      const text = JSON.stringify({ run: step.run, with: step.with, env: step.env });
      if (uses.startsWith('actions/checkout@') && (step.with as Yaml | undefined)?.ref !== undefined) {
        problems.push(`${where}: checks out a ref of its own choosing (${String((step.with as Yaml).ref)}) with a write token`);
      }
      if (PR_HEAD.test(text) || PR_REFS.test(text)) problems.push(`${where}: refers to a pull request's head with a write token`);
    }
  }
  return problems;
}
