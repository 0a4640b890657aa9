import { describe, expect, it } from 'vitest';
import { readRunnerEnv, workflowPathOf } from '../../src/github/runner-env.js';

describe('readRunnerEnv', () => {
  it('reads the runner environment', () => {
    expect(
      readRunnerEnv({
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_EVENT_PATH: '/tmp/event.json',
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: 'http://127.0.0.1:9/',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '123',
        GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/gate.yml@refs/heads/main',
        RUNNER_DEBUG: '1',
        RUNNER_TEMP: '/home/runner/work/_temp',
        GITHUB_RUN_ATTEMPT: '2',
      }),
    ).toEqual({
      eventName: 'pull_request_target',
      eventPath: '/tmp/event.json',
      repository: { owner: 'acme', name: 'widgets' },
      apiUrl: 'http://127.0.0.1:9',
      graphqlUrl: 'http://127.0.0.1:9/graphql',
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/acme/widgets/actions/runs/123',
      workflowPath: '.github/workflows/gate.yml',
      debug: true,
      tempDir: '/home/runner/work/_temp',
      runAttempt: 2,
    });
  });

  it('derives GitHub Enterprise Server’s GraphQL URL from /api/v3', () => {
    expect(readRunnerEnv({ GITHUB_API_URL: 'https://ghe.acme.dev/api/v3' }).graphqlUrl).toBe('https://ghe.acme.dev/api/graphql');
  });

  it('works without a runner', () => {
    const env = readRunnerEnv({});
    expect([env.repository, env.runUrl, env.workflowPath, env.debug, env.apiUrl, env.tempDir, env.runAttempt]).toEqual([
      null,
      null,
      null,
      false,
      'https://api.github.com',
      null,
      1,
    ]);
  });

  it('reads an unusable GITHUB_RUN_ATTEMPT as the first attempt', () => {
    expect(['0', 'x', '1.5', ''].map((value) => readRunnerEnv({ GITHUB_RUN_ATTEMPT: value }).runAttempt)).toEqual([1, 1, 1, 1]);
  });
});

describe('workflowPathOf', () => {
  it('keeps nested workflow paths and drops the ref', () => {
    expect(workflowPathOf('o/r/.github/workflows/sub/gate.yaml@refs/pull/1/merge')).toBe('.github/workflows/sub/gate.yaml');
    expect(workflowPathOf('nonsense')).toBeNull();
  });
});
