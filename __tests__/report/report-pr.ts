import type { ReportPr } from '../../src/report/report-types.js';

/**
 * A per-PR record of the report JSON for aggregation tests, with plain defaults. `reverted: true`
 * and `closedAfterChangesRequested: true` set `failure` as evaluate-report-pr.ts does.
 */
export function reportPr(base: Omit<Partial<ReportPr>, 'number' | 'agent' | 'state'> & Pick<ReportPr, 'number' | 'agent' | 'state' | 'metrics'> & { closedAfterChangesRequested?: boolean; revertedBy?: { by: string; url: string; at?: string | null } }): ReportPr {
  const { closedAfterChangesRequested, revertedBy, ...rest } = base;
  const reverted = rest.state === 'merged' && (rest.reverted ?? false);
  return {
    repo: 'acme/widgets',
    url: `https://github.com/acme/widgets/pull/${rest.number}`,
    title: `PR ${rest.number}`,
    createdAt: '2026-03-02T00:00:00Z',
    tier: rest.metrics.tier,
    cohort: null,
    areas: null,
    gate: null,
    mergedWithoutPass: rest.state === 'merged',
    ...rest,
    reverted,
    ...(reverted && revertedBy ? { revertedBy: { by: revertedBy.by, url: revertedBy.url } } : {}),
    failure: reverted ? 'reverted' : rest.state === 'closed' && closedAfterChangesRequested ? 'closed-after-changes-requested' : null,
  };
}
