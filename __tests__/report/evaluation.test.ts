/**
 * The two-week evaluation end to end (docs/report-mode.md): report mode (the action's code, in
 * process) and the CLI against the fake API serving generate-evaluation.ts's repository. Every
 * expected number comes from the generator's ground truth, not from the code under test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readRunnerEnv } from '../../src/github/runner-env.js';
import { parseInputs } from '../../src/inputs.js';
import { aggregateReport } from '../../src/report/aggregate-report.js';
import { mergeReports } from '../../src/report/merge-reports.js';
import type { ReportJson } from '../../src/report/report-types.js';
import { REPORT_FILE, runReportMode } from '../../src/report-mode.js';
import { cli } from '../cli/cli-harness.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';
import { startFakeReportApi, type FakeReportApi } from './fake-report-api.js';
import { EVALUATION_POLICY, generateEvaluation, type EvaluationRepo } from './generate-evaluation.js';
import { NAME, NOW, OWNER, WINDOW_INPUT } from './generate-repo.js';

const POLICY_PATH = '.github/agent-pr-gate.yml';
let repo: EvaluationRepo;
let api: FakeReportApi;
let report: ReportJson;
let dir: string;

function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.round(Math.max(0, centre - half) * 1e4) / 1e4, Math.round(Math.min(1, centre + half) * 1e4) / 1e4];
}

beforeAll(async () => {
  repo = generateEvaluation();
  api = await startFakeReportApi({ owner: OWNER, name: NAME, pulls: repo.pulls, history: repo.history, files: { [POLICY_PATH]: EVALUATION_POLICY } });
  dir = mkdtempSync(join(tmpdir(), 'evaluation-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
  vi.stubEnv('GITHUB_STEP_SUMMARY', join(dir, 'summary'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const env = readRunnerEnv({ GITHUB_REPOSITORY: `${OWNER}/${NAME}`, GITHUB_API_URL: api.url, GITHUB_EVENT_NAME: 'schedule', RUNNER_TEMP: dir });
  const values: Record<string, string> = { mode: 'report', 'report-window': WINDOW_INPUT, 'report-compare': 'label:model/', 'github-token': 't' };
  const inputs = parseInputs((name) => values[name] ?? '');
  const client = createGitHubClient({ token: 't', apiUrl: env.apiUrl, graphqlUrl: env.graphqlUrl, ...TEST_PACING });
  await runReportMode(inputs, client, env, { now: NOW });
  vi.restoreAllMocks();
  report = JSON.parse(readFileSync(join(dir, REPORT_FILE), 'utf8')) as ReportJson;
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const agentNumbers = (agent: string): number[] =>
  repo.truth.filter((t) => t.inWindow && t.kind === agent).map((t) => t.number);

describe('the two-week evaluation report', () => {
  it('has both agents, each with tiers (labels first) and Wilson intervals on every success rate', () => {
    expect(Object.keys(report.agents)).toEqual(['claude', 'copilot']);
    for (const [id, agent] of Object.entries(report.agents)) {
      const numbers = agentNumbers(id);
      const labelled = numbers.filter((n) => repo.evaluation.get(n)!.tierLabel === 'tier/long');
      expect(labelled.length).toBeGreaterThan(0);
      for (const n of labelled) expect(report.prs.find((pr) => pr.number === n)!.tier).toBe('large');
      expect(Object.values(agent.tiers).reduce((sum, row) => sum + row.prs, 0)).toBe(numbers.length);
      const decided = agent.merged + agent.closedUnmerged;
      expect(agent.successRateInterval).toEqual(wilson(agent.merged - agent.reverted, decided));
      for (const row of Object.values(agent.tiers)) {
        if (row.successRate !== null) expect(row.successRateInterval).toEqual(wilson(row.merged - row.reverted, row.merged + row.closedUnmerged));
      }
    }
    const summary = readFileSync(join(dir, 'summary'), 'utf8');
    expect(summary).toContain('### By tier');
    expect(summary).toMatch(/\| `claude` \| `large` \|/);
  });

  it('compares the model cohorts per agent, reading a difference inside the noise as none', () => {
    const comparison = report.comparison!;
    expect(comparison.by).toBe('label:model/');
    expect(comparison.cohorts).toEqual(['a', 'b']);
    for (const id of ['claude', 'copilot']) {
      const numbers = agentNumbers(id);
      const side = (c: string) => numbers.filter((n) => repo.evaluation.get(n)!.cohort === c).length;
      const row = comparison.agents[id]!;
      expect([row.a.prs, row.b.prs]).toEqual([side('a'), side('b')]);
      const interval = row.difference.successRate.interval!;
      expect(interval[0]).toBeLessThanOrEqual(row.difference.successRate.value!);
      expect(interval[1]).toBeGreaterThanOrEqual(row.difference.successRate.value!);
      if (interval[0] <= 0 && interval[1] >= 0) expect(row.reading).toMatch(/^no clear difference in success/);
      else expect(row.reading).toMatch(/merged more often: \+\d+ points, 95% interval/);
      expect(row.difference.medianEndToEnd.interval).not.toBeNull();
    }
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toContain('### Comparison: a vs b');
  });

  it('counts permissions, ungated PRs and merges without a pass from our own gate states only', () => {
    for (const [id, agent] of Object.entries(report.agents)) {
      const truths = agentNumbers(id).map((n) => repo.evaluation.get(n)!);
      expect(agent.ungated).toBe(truths.filter((t) => t.state === null).length);
      expect(agent.mergedWithoutPass).toBe(truths.filter((t) => t.mergedWithoutPass).length);
      const expected: Record<string, { prs: number; review: number; deny: number; overridden: number; mergedWithoutPass: number }> = {};
      for (const t of truths) {
        for (const finding of t.state?.findings ?? []) {
          const row = (expected[finding.category] ??= { prs: 0, review: 0, deny: 0, overridden: 0, mergedWithoutPass: 0 });
          row.prs += 1;
          if (finding.level === 'deny') row.deny += 1;
          if (finding.level === 'review') row.review += 1;
          if (t.state!.override) row.overridden += 1;
          if (t.mergedWithoutPass) row.mergedWithoutPass += 1;
        }
      }
      expect(agent.permissions).toEqual(expected);
    }
    const planted = report.prs.find((pr) => pr.number === repo.planted)!;
    expect(planted.gate).toBeNull();
    expect(planted.mergedWithoutPass).toBe(true);
  });

  it('suggests guardrails that validate, with the failing PRs as evidence', () => {
    expect(report.guardrails.length).toBeGreaterThan(0);
    for (const guardrail of report.guardrails) {
      expect(loadPolicy(guardrail.yaml, 'guardrail.yml').ok).toBe(true);
      expect(guardrail.evidence.failures.length).toBeGreaterThanOrEqual(3);
      expect(guardrail.evidence.prs).toBeLessThanOrEqual(guardrail.evidence.of);
    }
    const infra = report.guardrails.find((g) => g.yaml.includes('"infra/**"'));
    expect(infra).toBeDefined();
    const failing = new Set(report.prs.filter((pr) => pr.agent === infra!.agent && pr.failure !== null && pr.areas?.includes('infra/')).map((pr) => pr.url));
    expect(new Set(infra!.evidence.failures)).toEqual(failing);
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toContain('### Suggested guardrails');
  });

  it('merges two halves into exactly the report over the union', () => {
    const window = { from: new Date(report.window.from), to: new Date(report.window.to) };
    const half = (odd: number) =>
      aggregateReport({ repos: report.repos, window, prs: report.prs.filter((pr) => pr.number % 2 === odd), compare: { by: 'label:model/', sides: null } });
    expect(mergeReports([half(0), half(1)])).toEqual(report);
  });

  it('gives the same cohorts by label, by a body pattern and by a date split, through the CLI', async () => {
    const env = { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: api.url };
    const byPattern = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--compare', 'pattern:^Model: (\\S+)', '--json'], { env, now: NOW.toISOString() });
    expect(byPattern.code).toBe(0);
    const pattern = JSON.parse(byPattern.stdout) as ReportJson;
    expect(pattern.prs.map((pr) => pr.cohort)).toEqual(report.prs.map((pr) => pr.cohort));
    const bySplit = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--compare', 'split:2026-01-12', '--json'], { env, now: NOW.toISOString() });
    const split = JSON.parse(bySplit.stdout) as ReportJson;
    expect(split.comparison!.cohorts).toEqual(['before 2026-01-12', 'from 2026-01-12']);
    expect(split.prs.map((pr) => (pr.cohort === 'before 2026-01-12' ? 'a' : 'b'))).toEqual(report.prs.map((pr) => pr.cohort));
  }, 60_000);

  it('evaluates the ungated PRs with the current policy within 2 more requests each (--evaluate)', async () => {
    const env = { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: api.url };
    const before = api.total();
    const plain = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--json'], { env, now: NOW.toISOString() });
    const plainRequests = api.total() - before;
    const evaluated = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--json', '--evaluate'], { env, now: NOW.toISOString() });
    const evaluatedRequests = api.total() - before - plainRequests;
    expect(plain.code).toBe(0);
    const result = JSON.parse(evaluated.stdout) as ReportJson;
    const ungated = result.prs.filter((pr) => pr.gate?.source !== 'state');
    expect(ungated.length).toBeGreaterThan(0);
    expect(ungated.every((pr) => pr.gate?.source === 'evaluated')).toBe(true);
    expect(evaluatedRequests - plainRequests).toBeLessThanOrEqual(2 * ungated.length);
    expect(evaluatedRequests - plainRequests).toBeGreaterThanOrEqual(ungated.length);
    // The fake files carry `curl … | sh`: the current policy's network category sees it.
    expect(ungated.some((pr) => pr.gate!.findings.some((f) => f.category === 'network'))).toBe(true);
    expect(Object.values(result.agents).reduce((sum, agent) => sum + agent.evaluated, 0)).toBe(ungated.length);
  }, 60_000);
});
