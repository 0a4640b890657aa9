/**
 * `agent-pr-gate report` against report mode's fake API (__tests__/report/fake-report-api.ts)
 * serving a generated repository: the per-agent counts must match the generator's ground truth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/report/aggregate-report.js';
import { startFakeReportApi, type FakeReportApi } from '../report/fake-report-api.js';
import { generateRepo, NAME, NOW, OWNER, WINDOW_INPUT, type GeneratedRepo } from '../report/generate-repo.js';
import { cli } from './cli-harness.js';

let repo: GeneratedRepo;
let api: FakeReportApi;

beforeAll(async () => {
  repo = generateRepo(20260301, 100);
  api = await startFakeReportApi({ owner: OWNER, name: NAME, pulls: repo.pulls, history: repo.history });
});
afterAll(async () => {
  await api.close();
});

const env = () => ({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: api.url });

describe('agent-pr-gate report', () => {
  it('prints the report JSON whose per-agent counts match the repository', async () => {
    const run = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--json'], { env: env(), now: NOW.toISOString() });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.mode).toBe('report');
    expect(report.repo).toBe(`${OWNER}/${NAME}`);
    expect(report.window).toEqual({ from: '2026-01-05T00:00:00.000Z', to: '2026-01-18T23:59:59.999Z' });
    const truth = repo.truth.filter((t) => t.inWindow && t.kind !== 'human');
    const expected: Record<string, { prs: number; merged: number; closedUnmerged: number; open: number; reverted: number }> = {};
    for (const t of truth) {
      const row = (expected[t.kind] ??= { prs: 0, merged: 0, closedUnmerged: 0, open: 0, reverted: 0 });
      row.prs += 1;
      if (t.state === 'merged') row.merged += 1;
      if (t.state === 'closed') row.closedUnmerged += 1;
      if (t.state === 'open') row.open += 1;
      if (t.state === 'merged' && t.reverted) row.reverted += 1;
    }
    const actual = Object.fromEntries(
      Object.entries(report.agents).map(([id, agent]) => [id, { prs: agent.prs, merged: agent.merged, closedUnmerged: agent.closedUnmerged, open: agent.open, reverted: agent.reverted }]),
    );
    expect(actual).toEqual(expected);
    expect(report.prs).toHaveLength(truth.length);
    expect(run.stderr.split('\n')[0]).toBe(`Reading agent PRs of ${OWNER}/${NAME} created 2026-01-05T00:00:00.000Z .. 2026-01-18T23:59:59.999Z from ${api.url} …`);
  });

  it('prints the summary markdown without --json', async () => {
    const run = await cli(['report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT], { env: env(), now: NOW.toISOString() });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`## Agent PR report: ${OWNER}/${NAME}`);
  });

  it('rejects a bad window and a bad repository with exit 2', async () => {
    expect(await cli(['report', `${OWNER}/${NAME}`, '--window', 'fortnight'], { env: env() })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'agent-pr-gate: --window "fortnight" is not a duration or a range: use Nh, Nd or Nw (e.g. 14d) or an ISO range such as 2026-01-01..2026-01-15 (see `agent-pr-gate report --help`)\n',
    });
    expect((await cli(['report', 'acme'], { env: env() })).code).toBe(2);
  });
});
