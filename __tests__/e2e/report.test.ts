/**
 * Report mode through the bundle (`node dist/index.js` with `mode: report`): main.ts imports its
 * code with import(), which a gate run never reaches, so this run is what proves that path works in
 * the bundle. A small generated repository keeps it quick: report mode keeps the throttling
 * plugin's 1 s query spacing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import type { ReportJson } from '../../src/report/report-types.js';
import type { FakeGitHub } from '../fake-github/server.js';
import { startFakeReportApi, type FakeReportApi } from '../report/fake-report-api.js';
import { EVALUATION_POLICY, generateEvaluation } from '../report/generate-evaluation.js';
import { generateRepo, NAME, OWNER, WINDOW_INPUT, type GeneratedRepo } from '../report/generate-repo.js';
import { runAction } from './run-action.js';

let repo: GeneratedRepo;
let api: FakeReportApi;

beforeAll(async () => {
  repo = generateRepo(7, 120);
  api = await startFakeReportApi({ owner: OWNER, name: NAME, pulls: repo.pulls, history: repo.history, files: {} });
});

afterAll(async () => {
  await api?.close();
});

describe('dist/index.js in report mode', () => {
  it('reports every agent PR of the window and writes the report output and file', async () => {
    // runAction needs the API's URLs and the repository; the report API serves both REST and GraphQL.
    const target = { url: api.url, graphqlUrl: `${api.url}/graphql`, scenario: { repo: { owner: OWNER, name: NAME } } } as unknown as FakeGitHub;
    const run = await runAction(target, { event: 'schedule', payload: {}, inputs: { mode: 'report', 'report-window': WINDOW_INPUT } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.outputs.report ?? '{}') as ReportJson;
    const agentPrs = repo.truth.filter((t) => t.inWindow && t.kind !== 'human');
    expect(agentPrs.length).toBeGreaterThan(0);
    expect(report.prs.map((pr) => pr.number).sort((a, b) => a - b)).toEqual(agentPrs.map((t) => t.number).sort((a, b) => a - b));
    expect(run.outputs['report-path']).toMatch(/agent-pr-gate-report\.json$/);
    expect(run.summary).toContain('Agent PR report');
  }, 60_000);

  it('runs the two-week evaluation: tiers, intervals, the comparison, permissions and guardrails', async () => {
    const evaluation = generateEvaluation(20260112, 160);
    const served = await startFakeReportApi({
      owner: OWNER,
      name: NAME,
      pulls: evaluation.pulls,
      history: evaluation.history,
      files: { '.github/agent-pr-gate.yml': EVALUATION_POLICY },
    });
    try {
      const target = { url: served.url, graphqlUrl: `${served.url}/graphql`, scenario: { repo: { owner: OWNER, name: NAME } } } as unknown as FakeGitHub;
      const run = await runAction(target, {
        event: 'schedule',
        payload: {},
        inputs: { mode: 'report', 'report-window': WINDOW_INPUT, 'report-compare': 'label:model/' },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.outputs.report ?? '{}') as ReportJson;
      expect(Object.keys(report.agents)).toEqual(['claude', 'copilot']);
      for (const agent of Object.values(report.agents)) {
        expect(Object.keys(agent.tiers)).toContain('large');
        expect(agent.successRateInterval).toHaveLength(2);
        expect(agent.permissions['sensitive-paths']?.prs).toBeGreaterThan(0);
        expect(agent.ungated).toBeGreaterThan(0);
        expect(agent.mergedWithoutPass).toBeGreaterThan(0);
      }
      expect(report.comparison?.cohorts).toEqual(['a', 'b']);
      expect(Object.values(report.comparison!.agents).every((agent) => agent.reading.length > 0)).toBe(true);
      expect(report.guardrails.length).toBeGreaterThan(0);
      for (const guardrail of report.guardrails) expect(loadPolicy(guardrail.yaml, 'guardrail.yml').ok).toBe(true);
      for (const heading of ['### By tier', '### Comparison: a vs b', '### Permissions', '### Suggested guardrails', '```mermaid']) {
        expect(run.summary).toContain(heading);
      }
    } finally {
      await served.close();
    }
  }, 90_000);
});
