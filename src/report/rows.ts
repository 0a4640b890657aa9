import type { AgentRow, ReportPr } from './report-types.js';
import { median, rate, wilson } from './stats.js';

/** One row of numbers over a set of agent PRs (docs/report-mode.md, "What the numbers mean"). Pure. */

const isSuccess = (pr: ReportPr): boolean => pr.state === 'merged' && !pr.reverted;

export function summarizeRow(prs: readonly ReportPr[]): AgentRow {
  const merged = prs.filter((pr) => pr.state === 'merged');
  const closedUnmerged = prs.filter((pr) => pr.state === 'closed').length;
  const reverted = merged.filter((pr) => pr.reverted).length;
  const outcomes = merged.length + closedUnmerged;
  return {
    prs: prs.length,
    merged: merged.length,
    closedUnmerged,
    open: prs.filter((pr) => pr.state === 'open').length,
    reverted,
    successRate: rate(merged.length - reverted, outcomes),
    successRateInterval: wilson(merged.length - reverted, outcomes),
    medianInterventions: median(prs.map((pr) => pr.metrics.interventions.total)) ?? 0,
    medianEndToEnd: median(prs.map((pr) => pr.metrics.endToEnd)) ?? 0,
    medianTimeToFirstHumanReview: median(prs.map((pr) => pr.metrics.timeToFirstHumanReview)),
    reworkRate: rate(prs.filter((pr) => pr.metrics.reworkCycles > 0).length, prs.length) ?? 0,
  };
}

/** Success outcomes for an interval: successes among merged + closed. */
export function outcomes(prs: readonly ReportPr[]): { successes: number; n: number } {
  const decided = prs.filter((pr) => pr.state !== 'open');
  return { successes: decided.filter(isSuccess).length, n: decided.length };
}

export function groupBy<K>(prs: readonly ReportPr[], key: (pr: ReportPr) => K): Map<K, ReportPr[]> {
  const out = new Map<K, ReportPr[]>();
  for (const pr of prs) {
    const k = key(pr);
    const list = out.get(k);
    if (list) list.push(pr);
    else out.set(k, [pr]);
  }
  return out;
}

/** Tier names: small, medium, large first, then the user's own alphabetically. */
export function tierOrder(names: Iterable<string>): string[] {
  const fixed = ['small', 'medium', 'large'];
  return [...new Set(names)].sort((a, b) => {
    const ia = fixed.indexOf(a);
    const ib = fixed.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a.localeCompare(b);
  });
}

