import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { parseResponse } from './schemas.js';
import type { RunnerEnv } from './runner-env.js';

/**
 * The triggering event, from the payload file the runner wrote: which PR to gate (and its base
 * commit, where the policy is read), the merge-queue head commit, or "nothing to do here".
 */

export const PR_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review'] as const;

export type GateEvent =
  | {
      kind: 'pull_request';
      name: string;
      /** The payload's `action` (`opened`, `synchronize`, `labeled`, `submitted`, …), or null when absent. */
      action: string | null;
      owner: string;
      repo: string;
      number: number;
      baseSha: string;
      headSha: string;
    }
  | { kind: 'merge_group'; owner: string; repo: string; headSha: string }
  | WorkflowRunEvent
  | { kind: 'unsupported'; name: string };

/**
 * A `workflow_run` event: review events relayed by an unprivileged workflow (docs/security.md,
 * "Review events"). It names no PR to trust; src/github/find-workflow-run-pr.ts finds it from the
 * run's head commit and branch.
 */
export interface WorkflowRunEvent {
  kind: 'workflow_run';
  action: string | null;
  owner: string;
  repo: string;
  headSha: string;
  /** The run's branch; null when GitHub gave none (a run on a tag, or a deleted branch). */
  headBranch: string | null;
  /** `owner/name` of the repository the head commit came from (a fork for fork PRs). */
  headRepository: { owner: string; fullName: string } | null;
  /** The event that ran the relayed workflow (`pull_request_review`, …). */
  triggeredBy: string;
}

const RepositorySchema = z.object({ name: z.string(), owner: z.object({ login: z.string() }) });

const PullRequestPayloadSchema = z.object({
  action: z.string().optional(),
  pull_request: z.object({
    number: z.number().int(),
    base: z.object({ sha: z.string() }),
    head: z.object({ sha: z.string() }),
  }),
  repository: RepositorySchema.optional(),
});

const MergeGroupPayloadSchema = z.object({
  merge_group: z.object({ head_sha: z.string() }),
  repository: RepositorySchema.optional(),
});

const WorkflowRunPayloadSchema = z.object({
  action: z.string().optional(),
  workflow_run: z.object({
    head_sha: z.string().regex(/^[0-9a-f]{40,64}$/, 'expected a commit SHA'),
    head_branch: z.string().nullable().optional(),
    head_repository: z.object({ full_name: z.string(), owner: z.object({ login: z.string() }) }).nullable().optional(),
    event: z.string().optional(),
  }),
  repository: RepositorySchema.optional(),
});

function readPayload(path: string | null): unknown {
  if (!path) throw new Error('GITHUB_EVENT_PATH is not set: run this as a step of a GitHub Actions workflow');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read the event payload at ${path} (GITHUB_EVENT_PATH)`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`the event payload at ${path} is not JSON`);
  }
}

function repositoryOf(env: RunnerEnv, payload: { repository?: z.infer<typeof RepositorySchema> | undefined }) {
  if (env.repository) return env.repository;
  if (payload.repository) return { owner: payload.repository.owner.login, name: payload.repository.name };
  throw new Error('GITHUB_REPOSITORY is not set and the event payload names no repository');
}

export function readEvent(env: RunnerEnv): GateEvent {
  const name = env.eventName;
  if ((PR_EVENTS as readonly string[]).includes(name)) {
    const payload = parseResponse(PullRequestPayloadSchema, readPayload(env.eventPath), `the ${name} event payload`);
    const repository = repositoryOf(env, payload);
    return {
      kind: 'pull_request',
      name,
      action: payload.action ?? null,
      owner: repository.owner,
      repo: repository.name,
      number: payload.pull_request.number,
      baseSha: payload.pull_request.base.sha,
      headSha: payload.pull_request.head.sha,
    };
  }
  if (name === 'merge_group') {
    const payload = parseResponse(MergeGroupPayloadSchema, readPayload(env.eventPath), 'the merge_group event payload');
    const repository = repositoryOf(env, payload);
    return { kind: 'merge_group', owner: repository.owner, repo: repository.name, headSha: payload.merge_group.head_sha };
  }
  if (name === 'workflow_run') {
    const payload = parseResponse(WorkflowRunPayloadSchema, readPayload(env.eventPath), 'the workflow_run event payload');
    const repository = repositoryOf(env, payload);
    const run = payload.workflow_run;
    return {
      kind: 'workflow_run',
      action: payload.action ?? null,
      owner: repository.owner,
      repo: repository.name,
      headSha: run.head_sha,
      headBranch: run.head_branch || null,
      headRepository: run.head_repository ? { owner: run.head_repository.owner.login, fullName: run.head_repository.full_name } : null,
      triggeredBy: run.event ?? 'unknown',
    };
  }
  return { kind: 'unsupported', name };
}
