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
  | { kind: 'unsupported'; name: string };

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
  return { kind: 'unsupported', name };
}
