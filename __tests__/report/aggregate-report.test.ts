import { describe, expect, it } from 'vitest';
import { aggregateReport, median, type ReportPr } from '../../src/report/aggregate-report.js';
import type { Metrics } from '../../src/result.js';
import { reportPr } from './report-pr.js';

const WINDOW = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') };

function metrics(overrides: { total?: number; endToEnd?: number; review?: number | null; rework?: number; changeRequests?: number } = {}): Metrics {
  return {
    commits: { agent: 1, human: 0 },
    interventions: { humanCommits: 0, changeRequests: overrides.changeRequests ?? 0, reviewComments: 0, comments: 0, total: overrides.total ?? 0 },
    reworkCycles: overrides.rework ?? 0,
    forcePushes: 0,
    timeToFirstHumanReview: overrides.review === undefined ? null : overrides.review,
    endToEnd: overrides.endToEnd ?? 3600,
    reworkTime: null,
    tier: 'small',
    size: { files: 1, additions: 1, deletions: 0 },
  };
}

function pr(number: number, agent: string, state: ReportPr['state'], m: Metrics = metrics(), extra: Parameters<typeof reportPr>[0] extends infer T ? Partial<T> : never = {}): ReportPr {
  return reportPr({
    number,
    url: `https://github.com/acme/widgets/pull/${number}`,
    title: `PR ${number}`,
    agent,
    state,
    metrics: m,
    reverted: false,
    closedAfterChangesRequested: false,
    ...extra,
  });
}

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('ignores nulls and is null when nothing is left', () => {
    expect(median([null, 7, null, 1])).toBe(4);
    expect(median([null, null])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe('aggregateReport', () => {
  it('counts states, reverts and the success rate per agent', () => {
    const report = aggregateReport({
      repos: ['acme/widgets'],
      window: WINDOW,
      prs: [
        pr(1, 'copilot', 'merged', metrics(), { reverted: true, revertedBy: { by: '#9', url: 'https://github.com/acme/widgets/pull/9', at: null } }),
        pr(2, 'copilot', 'merged'),
        pr(3, 'copilot', 'merged'),
        pr(4, 'copilot', 'closed', metrics({ changeRequests: 1 }), { closedAfterChangesRequested: true }),
        pr(5, 'copilot', 'open'),
        pr(6, 'codex', 'closed'),
        pr(7, 'codex', 'open'),
      ],
    });
    expect(report.agents.copilot).toMatchObject({ prs: 5, merged: 3, closedUnmerged: 1, open: 1, reverted: 1, successRate: 0.5 });
    expect(report.agents.codex).toMatchObject({ prs: 2, merged: 0, closedUnmerged: 1, open: 1, reverted: 0, successRate: 0 });
    expect(Object.keys(report.agents)).toEqual(['codex', 'copilot']);
    expect(report.failures).toMatchObject([
      {
        number: 1,
        agent: 'copilot',
        title: 'PR 1',
        url: 'https://github.com/acme/widgets/pull/1',
        reason: 'reverted',
        revertedBy: { by: '#9', url: 'https://github.com/acme/widgets/pull/9' },
      },
      { number: 4, agent: 'copilot', title: 'PR 4', url: 'https://github.com/acme/widgets/pull/4', reason: 'closed-after-changes-requested' },
    ]);
  });

  it('gives a null success rate when an agent has only open PRs, and rounds rates to 4 decimals', () => {
    const report = aggregateReport({
      repos: ['acme/widgets'],
      window: WINDOW,
      prs: [pr(1, 'devin', 'open'), pr(2, 'claude', 'merged'), pr(3, 'claude', 'merged'), pr(4, 'claude', 'closed')],
    });
    expect(report.agents.devin?.successRate).toBeNull();
    expect(report.agents.claude?.successRate).toBe(0.6667);
  });

  it('ignores a reverted flag on a PR that was not merged', () => {
    const report = aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: [pr(1, 'cursor', 'closed', metrics(), { reverted: true })] });
    expect(report.agents.cursor).toMatchObject({ reverted: 0, successRate: 0 });
    expect(report.prs[0]?.reverted).toBe(false);
    expect(report.failures).toMatchObject([]);
  });

  it('takes medians over the agent\'s PRs, ignoring PRs without a human review', () => {
    const report = aggregateReport({
      repos: ['acme/widgets'],
      window: WINDOW,
      prs: [
        pr(1, 'copilot', 'merged', metrics({ total: 4, endToEnd: 100, review: null, rework: 1 })),
        pr(2, 'copilot', 'merged', metrics({ total: 1, endToEnd: 300, review: 60 })),
        pr(3, 'copilot', 'open', metrics({ total: 0, endToEnd: 200, review: 120, rework: 2 })),
        pr(4, 'copilot', 'closed', metrics({ total: 9, endToEnd: 50, review: 600 })),
        pr(5, 'codex', 'merged', metrics({ total: 2, endToEnd: 10, review: null })),
      ],
    });
    expect(report.agents.copilot).toMatchObject({
      prs: 4,
      merged: 2,
      closedUnmerged: 1,
      open: 1,
      reverted: 0,
      successRate: 0.6667,
      medianInterventions: 2.5,
      medianEndToEnd: 150,
      medianTimeToFirstHumanReview: 120,
      reworkRate: 0.5,
    });
    expect(report.agents.codex).toMatchObject({
      prs: 1,
      merged: 1,
      closedUnmerged: 0,
      open: 0,
      reverted: 0,
      successRate: 1,
      medianInterventions: 2,
      medianEndToEnd: 10,
      medianTimeToFirstHumanReview: null,
      reworkRate: 0,
    });
  });

  it('writes the report JSON of SPEC §7 with the window, PRs by number and no agents when none', () => {
    const empty = aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: [], incomplete: ['search: 1000 of 1200 PRs listed'] });
    expect(empty).toMatchObject({
      version: 1,
      mode: 'report',
      repo: 'acme/widgets',
      window: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z' },
      agents: {},
      prs: [],
      failures: [],
      incomplete: ['search: 1000 of 1200 PRs listed'],
    });
    const report = aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: [pr(8, 'codex', 'open'), pr(3, 'codex', 'merged')] });
    expect(report.prs.map((p) => [p.number, p.agent, p.state, p.reverted])).toEqual([
      [3, 'codex', 'merged', false],
      [8, 'codex', 'open', false],
    ]);
    expect(report.prs[0]?.metrics).toEqual(metrics());
  });
});
