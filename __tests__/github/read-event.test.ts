import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEvent } from '../../src/github/read-event.js';
import type { RunnerEnv } from '../../src/github/runner-env.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function envFor(eventName: string, payload: unknown): RunnerEnv {
  const dir = mkdtempSync(join(tmpdir(), 'read-event-'));
  dirs.push(dir);
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return {
    eventName,
    eventPath,
    repository: { owner: 'acme', name: 'widgets' },
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    serverUrl: 'https://github.com',
    runUrl: null,
    workflowPath: null,
    debug: false,
    tempDir: null,
    runAttempt: 1,
  };
}

const SHA = 'a'.repeat(40);

describe('readEvent: workflow_run', () => {
  it('reads the run’s head commit, branch and head repository, never its pull_requests list', () => {
    const event = readEvent(
      envFor('workflow_run', {
        action: 'completed',
        workflow_run: {
          head_sha: SHA,
          head_branch: 'cursor/fix',
          event: 'pull_request_review',
          head_repository: { full_name: 'mallory/widgets', owner: { login: 'mallory' } },
          pull_requests: [{ number: 7, head: { sha: SHA }, base: { sha: 'b'.repeat(40) } }],
        },
      }),
    );
    expect(event).toEqual({
      kind: 'workflow_run',
      action: 'completed',
      owner: 'acme',
      repo: 'widgets',
      headSha: SHA,
      headBranch: 'cursor/fix',
      headRepository: { owner: 'mallory', fullName: 'mallory/widgets' },
      triggeredBy: 'pull_request_review',
    });
  });

  it('takes an empty or missing branch and repository as unknown', () => {
    const event = readEvent(envFor('workflow_run', { workflow_run: { head_sha: SHA, head_branch: '' } }));
    expect(event).toMatchObject({ kind: 'workflow_run', action: null, headBranch: null, headRepository: null, triggeredBy: 'unknown' });
  });

  it('refuses a payload without a commit SHA, in one line', () => {
    expect(() => readEvent(envFor('workflow_run', { workflow_run: { head_branch: 'x' } }))).toThrow(
      /^the workflow_run event payload has an unexpected shape at workflow_run\.head_sha: /,
    );
  });
});
