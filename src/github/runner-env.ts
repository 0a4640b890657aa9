/**
 * What the Actions runner tells a step through its environment, read once. Passed around as a
 * plain object so nothing reads `process.env` at import time or deep inside the code.
 */

export interface RunnerEnv {
  eventName: string;
  eventPath: string | null;
  /** From GITHUB_REPOSITORY (`owner/name`). */
  repository: { owner: string; name: string } | null;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  /** The URL of this workflow run, when the runner says which run this is. */
  runUrl: string | null;
  /** The workflow file running the gate (from GITHUB_WORKFLOW_REF), e.g. `.github/workflows/gate.yml`. */
  workflowPath: string | null;
  /** Step debug logging is on (ACTIONS_STEP_DEBUG / RUNNER_DEBUG). */
  debug: boolean;
  /** The runner's temporary directory (RUNNER_TEMP), emptied after each job; null outside a runner. */
  tempDir: string | null;
  /** Which attempt of the run this is (GITHUB_RUN_ATTEMPT): 2 and up for a re-run; 1 when unknown. */
  runAttempt: number;
}

/** `owner/repo/.github/workflows/x.yml@refs/heads/main` → `.github/workflows/x.yml`. */
export function workflowPathOf(workflowRef: string | undefined): string | null {
  if (!workflowRef) return null;
  const withoutRef = workflowRef.split('@')[0] ?? '';
  const parts = withoutRef.split('/');
  if (parts.length < 3) return null;
  const path = parts.slice(2).join('/');
  return path === '' ? null : path;
}

/** GitHub Enterprise Server serves GraphQL at `/api/graphql` next to REST's `/api/v3`. */
export function defaultGraphqlUrl(apiUrl: string): string {
  return /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/api\/v3$/, '/api/graphql') : `${apiUrl}/graphql`;
}

function runAttemptOf(value: string | undefined): number {
  const attempt = Number(value);
  return Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}

export function readRunnerEnv(env: Record<string, string | undefined>): RunnerEnv {
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/(?<!\/)\/+$/, '');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/(?<!\/)\/+$/, '');
  const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && name ? { owner, name } : null;
  const runId = env.GITHUB_RUN_ID;
  const runUrl = repository && runId ? `${serverUrl}/${repository.owner}/${repository.name}/actions/runs/${runId}` : null;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || null,
    repository,
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl)).replace(/(?<!\/)\/+$/, ''),
    serverUrl,
    runUrl,
    workflowPath: workflowPathOf(env.GITHUB_WORKFLOW_REF),
    debug: env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true',
    tempDir: env.RUNNER_TEMP || null,
    runAttempt: runAttemptOf(env.GITHUB_RUN_ATTEMPT),
  };
}
