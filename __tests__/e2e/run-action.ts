/**
 * Runs the bundled action (`node dist/index.js`) the way the Actions runner does: inputs as
 * INPUT_* variables (dashes kept), the event payload in a file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and GITHUB_API_URL / GITHUB_GRAPHQL_URL pointing at the fake API.
 * The child is spawned asynchronously: the fake server lives in this process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, expect } from 'vitest';
import type { FakeScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/server.js';

/** The bundle under test: dist/index.js (AGENT_PR_GATE_DIST points elsewhere, e.g. a trial build). */
export const DIST = process.env.AGENT_PR_GATE_DIST ?? resolve(import.meta.dirname, '../../dist/index.js');

/** What action.yml passes when the workflow sets nothing. */
export const DEFAULT_INPUTS: Record<string, string> = {
  'github-token': 'ghs_fake_token',
  config: '.github/agent-pr-gate.yml',
  mode: 'gate',
  'fail-on': 'needs-review',
  comment: 'always',
  status: 'true',
  'report-window': '14d',
};

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error …::message` and friends, parsed from stdout. */
  annotations: Array<{ level: string; properties: string; message: string }>;
}

export interface RunOptions {
  event: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** GITHUB_OUTPUT uses heredoc records: `name<<DELIM\nvalue\nDELIM`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name ?? ''] = value.join('\n');
  }
  return outputs;
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (match) out.push({ level: match[1] ?? '', properties: match[2] ?? '', message: match[3] ?? '' });
  }
  return out;
}

export function pullRequestPayload(scenario: FakeScenario, action = 'synchronize') {
  const pr = scenario.pr;
  return {
    action,
    number: pr.number,
    pull_request: {
      number: pr.number,
      state: pr.state,
      title: pr.title,
      user: pr.user ? { login: pr.user.login, id: pr.user.id, type: pr.user.type } : null,
      head: { ref: pr.head.ref, sha: pr.head.sha },
      base: { ref: pr.base.ref, sha: pr.base.sha },
      draft: pr.draft,
      merged: pr.merged,
      changed_files: scenario.totalFiles ?? scenario.files.length,
      commits: scenario.totalCommits ?? scenario.commits.length,
    },
    repository: { name: scenario.repo.name, owner: { login: scenario.repo.owner } },
  };
}

export async function runAction(fake: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-e2e-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output.txt');
    const summaryPath = join(dir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = { ...DEFAULT_INPUTS, ...options.inputs };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: options.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${fake.scenario.repo.owner}/${fake.scenario.repo.name}`,
      GITHUB_API_URL: fake.url,
      GITHUB_GRAPHQL_URL: fake.graphqlUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW_REF: `${fake.scenario.repo.owner}/${fake.scenario.repo.name}/.github/workflows/agent-pr-gate.yml@refs/heads/main`,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: dir,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      ...options.env,
    };
    const child = spawn(process.execPath, [DIST], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      annotations: parseAnnotations(stdout),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For a file of end-to-end runs: checks once that dist/index.js is built, and closes the fake API
 * a test started. `startFake` starts one; `gate` runs the action on a `pull_request_target` event
 * for the scenario's PR (options override the event, inputs and environment).
 */
export function useGateRuns() {
  let fake: FakeGitHub | null = null;
  beforeAll(() => {
    // CI builds dist/ (and checks it matches the sources) before the tests run.
    expect(existsSync(DIST), `${DIST} is missing: run npm run build`).toBe(true);
  });
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });
  const startFake = async (scenario: FakeScenario, options: FakeGitHubOptions = {}): Promise<FakeGitHub> => (fake = await startFakeGitHub(scenario, options));
  const gate = async (scenario: FakeScenario, options: Partial<RunOptions> = {}, fakeOptions: FakeGitHubOptions = {}) => {
    const started = await startFake(scenario, fakeOptions);
    const run = await runAction(started, { event: 'pull_request_target', payload: pullRequestPayload(scenario), ...options });
    return { run, fake: started };
  };
  return { startFake, gate };
}
