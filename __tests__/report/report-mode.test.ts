/**
 * Report mode end to end against a fake GitHub API on 127.0.0.1 serving a generated repository of
 * 500 PRs. The expected numbers come from the generator's ground truth, not from the code under
 * test; the request count is checked against the budget (≤ 3 per agent PR).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';
import { readRunnerEnv } from '../../src/github/runner-env.js';
import { parseInputs } from '../../src/inputs.js';
import type { AgentRow, ReportJson } from '../../src/report/report-types.js';
import { ReportWindowError } from '../../src/report/window.js';
import { MAX_OUTPUT_LENGTH, REPORT_FILE, reportOutput, runReportMode } from '../../src/report-mode.js';
import { startFakeReportApi, type FakeReportApi } from './fake-report-api.js';
import { generateRepo, NAME, NOW, OWNER, WINDOW_INPUT, type GeneratedRepo, type Truth } from './generate-repo.js';

const POLICY_PATH = '.github/agent-pr-gate.yml';

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const interventions = (t: Truth): number => t.humanCommits + t.changeRequests + t.reviewComments + t.humanComments;

/** The per-agent numbers of SPEC §6, from the ground truth alone. */
function expectedAgents(truth: Truth[]): Record<string, Omit<AgentRow, 'successRateInterval'>> {
  const agentPrs = truth.filter((t) => t.inWindow && t.kind !== 'human');
  const out: Record<string, Omit<AgentRow, 'successRateInterval'>> = {};
  for (const id of [...new Set(agentPrs.map((t) => t.kind))].sort()) {
    const prs = agentPrs.filter((t) => t.kind === id);
    const merged = prs.filter((t) => t.state === 'merged').length;
    const closed = prs.filter((t) => t.state === 'closed').length;
    const reverted = prs.filter((t) => t.state === 'merged' && t.reverted).length;
    out[id] = {
      prs: prs.length,
      merged,
      closedUnmerged: closed,
      open: prs.filter((t) => t.state === 'open').length,
      reverted,
      successRate: merged + closed === 0 ? null : round4((merged - reverted) / (merged + closed)),
      medianInterventions: median(prs.map(interventions))!,
      medianEndToEnd: median(prs.map((t) => t.endToEnd))!,
      medianTimeToFirstHumanReview: median(prs.flatMap((t) => (t.timeToFirstHumanReview === null ? [] : [t.timeToFirstHumanReview]))),
      reworkRate: round4(prs.filter((t) => t.reworkCycles > 0).length / prs.length),
    };
  }
  return out;
}

/** The outputs a step wrote to GITHUB_OUTPUT (`name<<delimiter` blocks). */
function readOutputs(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  const out: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) out[match[1]!] = match[3]!;
  return out;
}

interface Run {
  dir: string;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  file: ReportJson;
}

let dir: string;
let stdout: string[];
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-mode-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  process.exitCode = 0;
  rmSync(dir, { recursive: true, force: true });
});

async function runAgainst(api: FakeReportApi, window = WINDOW_INPUT): Promise<Run> {
  // The report file goes to the runner's temp directory (RUNNER_TEMP).
  const env = readRunnerEnv({ GITHUB_REPOSITORY: `${OWNER}/${NAME}`, GITHUB_API_URL: api.url, GITHUB_EVENT_NAME: 'schedule', RUNNER_TEMP: dir });
  const inputs = parseInputs((name) => ({ mode: 'report', 'report-window': window, 'github-token': 'test-token' })[name] ?? '');
  const client = createGitHubClient({ token: inputs.githubToken, apiUrl: env.apiUrl, graphqlUrl: env.graphqlUrl, ...TEST_PACING });
  await runReportMode(inputs, client, env, { now: NOW });
  const outputs = readOutputs(join(dir, 'output'));
  return {
    dir,
    outputs,
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
    log: stdout.join(''),
    file: JSON.parse(readFileSync(join(dir, REPORT_FILE), 'utf8')) as ReportJson,
  };
}

describe('report mode on a generated repository of 500 PRs', () => {
  let repo: GeneratedRepo;
  let api: FakeReportApi;
  let run: Run;

  beforeAll(async () => {
    repo = generateRepo();
    api = await startFakeReportApi({
      owner: OWNER,
      name: NAME,
      pulls: repo.pulls,
      history: repo.history,
      files: { [POLICY_PATH]: 'bots: [renovate-helper]\n' },
      permissions: { carol: 'write' },
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('generates the repository it claims to (500 PRs in the window, every agent, reverts of each kind)', () => {
    const inWindow = repo.truth.filter((t) => t.inWindow);
    expect(inWindow).toHaveLength(500);
    expect(repo.truth.length).toBeGreaterThan(500);
    const kinds = new Set(inWindow.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(['claude', 'codex', 'copilot', 'cursor', 'devin', 'human']);
    const revertPrs = repo.truth.filter((t) => t.revertOf !== undefined);
    const agentTruth = new Map(repo.truth.map((t) => [t.number, t]));
    // Merged revert PRs of agent PRs, unmerged ones that revert nothing, and reverts of human PRs.
    expect(revertPrs.some((t) => t.state === 'merged' && agentTruth.get(t.revertOf!)?.kind !== 'human')).toBe(true);
    expect(revertPrs.some((t) => t.state !== 'merged' && agentTruth.get(t.revertOf!)?.reverted === false)).toBe(true);
    expect(revertPrs.some((t) => agentTruth.get(t.revertOf!)?.kind === 'human')).toBe(true);
    // A revert-button PR merged after the window: only the search after the window finds it.
    expect(revertPrs.some((t) => !t.inWindow && t.state === 'merged' && repo.pulls[t.number - 1]!.body.startsWith('Reverts '))).toBe(true);
    // Reverted PRs with no revert PR at all: reverted by a commit pushed to the default branch.
    const byPr = new Set(revertPrs.filter((t) => t.state === 'merged').map((t) => t.revertOf));
    expect(repo.truth.some((t) => t.reverted && !byPr.has(t.number))).toBe(true);
  });

  it('reports exact per-agent numbers within the request budget', async () => {
    run = await runAgainst(api);
    const expected = expectedAgents(repo.truth);
    expect(run.file.agents).toMatchObject(expected);
    expect(Object.keys(run.file.agents)).toEqual(['claude', 'codex', 'copilot', 'cursor', 'devin']);

    const agentPrs = repo.truth.filter((t) => t.inWindow && t.kind !== 'human');
    const requests = api.total();
    console.info(`report mode: ${requests} API requests for ${agentPrs.length} agent PRs (${repo.truth.filter((t) => t.inWindow).length} PRs in the window); budget ${3 * agentPrs.length}`);
    console.info(JSON.stringify(Object.fromEntries(api.requests)));
    expect(requests).toBeLessThanOrEqual(3 * agentPrs.length);
    // 10 search pages of 50, one search after the window, the context, a few history and
    // review-comment pages, the overflowing PRs' next pages, one permission lookup.
    expect(api.requests.get('graphql:AgentPrGateReportSearch')).toBe(11);
    expect(api.requests.get('graphql:AgentPrGateReportContext')).toBe(1);
    expect(api.requests.get('graphql:AgentPrGateMore')).toBe(5);
    expect(api.requests.get('GET /repos/acme/widgets/collaborators/{username}/permission')).toBe(1);
    expect(requests).toBeLessThanOrEqual(40);
  });

  it('gives every agent PR the metrics the generator put in, and no other PR', () => {
    const truth = new Map(repo.truth.map((t) => [t.number, t]));
    const expectedNumbers = repo.truth.filter((t) => t.inWindow && t.kind !== 'human').map((t) => t.number);
    expect(run.file.prs.map((pr) => pr.number)).toEqual(expectedNumbers);
    for (const pr of run.file.prs) {
      const t = truth.get(pr.number)!;
      expect({
        number: pr.number,
        agent: pr.agent,
        state: pr.state,
        reverted: pr.reverted,
        humanCommits: pr.metrics.interventions.humanCommits,
        changeRequests: pr.metrics.interventions.changeRequests,
        reviewComments: pr.metrics.interventions.reviewComments,
        comments: pr.metrics.interventions.comments,
        reworkCycles: pr.metrics.reworkCycles,
        timeToFirstHumanReview: pr.metrics.timeToFirstHumanReview,
        endToEnd: pr.metrics.endToEnd,
      }).toEqual({
        number: t.number,
        agent: t.kind,
        state: t.state,
        reverted: t.reverted,
        humanCommits: t.humanCommits,
        changeRequests: t.changeRequests,
        reviewComments: t.reviewComments,
        comments: t.humanComments,
        reworkCycles: t.reworkCycles,
        timeToFirstHumanReview: t.timeToFirstHumanReview,
        endToEnd: t.endToEnd,
      });
    }
  });

  it('lists the failure samples with links: reverted PRs, then PRs closed after changes were requested', () => {
    const agentPrs = repo.truth.filter((t) => t.inWindow && t.kind !== 'human');
    const reverted = agentPrs.filter((t) => t.state === 'merged' && t.reverted).map((t) => t.number);
    const closed = agentPrs.filter((t) => t.state === 'closed' && t.changeRequests > 0).map((t) => t.number);
    expect(reverted.length).toBeGreaterThan(3);
    expect(run.file.failures.map((f) => [f.reason, f.number])).toEqual([
      ...reverted.map((n) => ['reverted', n]),
      ...closed.map((n) => ['closed-after-changes-requested', n]),
    ]);
    for (const failure of run.file.failures) expect(failure.url).toBe(`https://github.com/acme/widgets/pull/${failure.number}`);
    const withLinks = run.file.failures.filter((f) => f.reason === 'reverted');
    expect(withLinks.every((f) => f.revertedBy && /^https:\/\/github\.com\/acme\/widgets\/(pull|commit)\//.test(f.revertedBy.url))).toBe(true);
  });

  it('writes the outputs, the JSON file and the job summary, with progress in log groups', () => {
    expect(run.outputs['report-path']).toBe(join(run.dir, REPORT_FILE));
    expect(run.outputs.report).not.toContain('\n');
    expect(JSON.parse(run.outputs.report!)).toEqual(run.file);
    expect(run.file).toMatchObject({
      version: 1,
      mode: 'report',
      repo: 'acme/widgets',
      window: { from: '2026-01-05T00:00:00.000Z', to: '2026-01-18T23:59:59.999Z' },
      incomplete: [],
    });
    expect(run.summary).toContain('## Agent PR report: acme/widgets');
    expect(run.summary).toContain('| Agent | PRs | Merged | Closed unmerged | Open | Reverted | Success rate (95% interval) |');
    expect(run.summary).toContain('```mermaid\nxychart-beta');
    expect(run.summary).toContain('```mermaid\npie title Agent PRs by agent');
    expect(run.summary).toContain('**Reverted after merge**');
    expect(run.log).toContain('::group::Searching PRs of acme/widgets created 2026-01-05T00:00:00+00:00..2026-01-18T23:59:59+00:00');
    expect(run.log).toContain('::endgroup::');
    expect(run.log).toMatch(/agent-pr-gate: \d+ agent PRs of 500 PRs in the window \(claude \d+, codex \d+, copilot \d+, cursor \d+, devin \d+\)/);
    expect(run.log).not.toContain('::error');
  });
});

describe('report mode on a window with more PRs than one search returns', () => {
  it('splits the search and still reports every PR exactly', async () => {
    const repo = generateRepo(7, 1200);
    const api = await startFakeReportApi({ owner: OWNER, name: NAME, pulls: repo.pulls, history: repo.history, permissions: { carol: 'write' } });
    try {
      const run = await runAgainst(api);
      expect(run.file.agents).toMatchObject(expectedAgents(repo.truth));
      expect(run.file.prs).toHaveLength(repo.truth.filter((t) => t.inWindow && t.kind !== 'human').length);
      expect(run.file.incomplete).toEqual([]);
      expect(run.log).toContain('more than search returns at once, splitting the range');
      const agentPrs = repo.truth.filter((t) => t.inWindow && t.kind !== 'human').length;
      console.info(`report mode (1200 PRs): ${api.total()} API requests for ${agentPrs} agent PRs`);
      expect(api.total()).toBeLessThanOrEqual(3 * agentPrs);
    } finally {
      await api.close();
    }
  });
});

describe('report mode failures', () => {
  it('fails on an invalid policy file before reading any PR, with an annotation', async () => {
    const repo = generateRepo(3, 100);
    const api = await startFakeReportApi({
      owner: OWNER,
      name: NAME,
      pulls: repo.pulls,
      history: repo.history,
      files: { [POLICY_PATH]: 'permissions:\n  workflow: deny\n' },
    });
    try {
      const env = readRunnerEnv({ GITHUB_REPOSITORY: `${OWNER}/${NAME}`, GITHUB_API_URL: api.url });
      const inputs = parseInputs((name) => ({ mode: 'report', 'report-window': WINDOW_INPUT, 'github-token': 't' })[name] ?? '');
      await runReportMode(inputs, createGitHubClient({ token: 't', apiUrl: api.url, ...TEST_PACING }), env, { now: NOW, tempDir: dir });
      expect(process.exitCode).toBe(1);
      const log = stdout.join('');
      expect(log).toMatch(/::error title=agent-pr-gate policy error,file=\.github\/agent-pr-gate\.yml,line=2,col=3::/);
      expect(log).toMatch(/::error::agent-pr-gate: policy error: \.github\/agent-pr-gate\.yml:2:3/);
      expect([...api.requests.keys()]).toEqual(['graphql:AgentPrGateReportContext']);
      expect(readOutputs(join(dir, 'output'))).toEqual({});
    } finally {
      await api.close();
    }
  });

  it('rejects a window it cannot read with a one-line error', async () => {
    const env = readRunnerEnv({ GITHUB_REPOSITORY: `${OWNER}/${NAME}` });
    const inputs = { ...parseInputs((name) => ({ mode: 'gate', 'github-token': 't' })[name] ?? ''), mode: 'report' as const, reportWindow: '2026-02-30..2026-03-01' };
    const client = createGitHubClient({ token: 't', apiUrl: 'http://127.0.0.1:9', ...TEST_PACING });
    await expect(runReportMode(inputs, client, env, { now: NOW, tempDir: dir })).rejects.toThrow(ReportWindowError);
  });
});

describe('reportOutput', () => {
  it('leaves the PR list to the file when the one-line JSON would be too long for a step output', () => {
    const base: ReportJson = {
      version: 1,
      mode: 'report',
      repo: 'acme/widgets',
      repos: ['acme/widgets'],
      window: { from: '2026-01-05T00:00:00.000Z', to: '2026-01-18T23:59:59.999Z' },
      agents: {},
      comparison: null,
      guardrails: [],
      prs: [],
      failures: [],
      incomplete: [],
    };
    expect(reportOutput(base)).toBe(JSON.stringify(base));
    const pr: ReportJson['prs'][number] = {
      repo: 'acme/widgets',
      number: 1,
      agent: 'codex',
      state: 'open',
      url: 'u',
      title: 'x'.repeat(1000),
      createdAt: '2026-01-06T00:00:00Z',
      reverted: false,
      failure: null,
      tier: 'small',
      cohort: null,
      areas: null,
      gate: null,
      mergedWithoutPass: false,
      metrics: {} as ReportJson['prs'][number]['metrics'],
    };
    const big: ReportJson = { ...base, prs: Array.from({ length: Math.ceil(MAX_OUTPUT_LENGTH / 1000) + 1 }, (_, i) => ({ ...pr, number: i + 1 })) };
    const output = JSON.parse(reportOutput(big)) as ReportJson;
    expect(output.prs).toEqual([]);
    expect(output.incomplete).toEqual([`prs: ${big.prs.length} PRs left out of this output (too long); the file at report-path has them`]);
  });
});
