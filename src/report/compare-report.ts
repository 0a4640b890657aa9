import { formatDuration } from '../render/format-duration.js';
import { outcomes, summarizeRow } from './rows.js';
import type { AgentComparison, Comparison, Interval, ReportPr } from './report-types.js';
import { median, medianDifference, rateDifference } from './stats.js';

/**
 * The comparison of two sides (docs/report-mode.md, "Comparing"): per agent, both sides' rows,
 * b − a with 95% intervals (success rate: Newcombe's score interval; median end-to-end: a seeded
 * bootstrap), and one plain sentence that never calls a difference inside the noise a win. Pure.
 */

/** The two sides: fixed ones (windows, dates), else the two most common cohorts, named in order. */
export function pickSides(prs: readonly ReportPr[], fixed: [string, string] | null): [string, string] | null {
  if (fixed) return fixed;
  const counts = new Map<string, number>();
  for (const pr of prs) if (pr.cohort !== null) counts.set(pr.cohort, (counts.get(pr.cohort) ?? 0) + 1);
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 2);
  if (top.length < 2) return null;
  return [top[0]![0], top[1]![0]].sort((x, y) => x.localeCompare(y)) as [string, string];
}

const signed = (value: number): string => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');
const points = (fraction: number): number => Math.round(fraction * 100);
const spansZero = (interval: Interval): boolean => interval[0] <= 0 && interval[1] >= 0;

/** The one-line reading of an agent's comparison. */
export function readComparison(names: [string, string], comparison: Omit<AgentComparison, 'reading'>): string {
  const [a, b] = names;
  const n = `n = ${comparison.a.closedUnmerged + comparison.a.merged} vs ${comparison.b.closedUnmerged + comparison.b.merged}`;
  const rate = comparison.difference.successRate;
  let text: string;
  if (rate.value === null || rate.interval === null) text = `not enough finished PRs on both sides to compare success (${n})`;
  else if (spansZero(rate.interval)) {
    text = `no clear difference in success: ${signed(points(rate.value))} points for ${b}, 95% interval ${signed(points(rate.interval[0]))}…${signed(points(rate.interval[1]))}, ${n}`;
  } else {
    const bBetter = rate.value > 0;
    const [lo, hi] = bBetter ? rate.interval : [-rate.interval[1], -rate.interval[0]];
    text = `${bBetter ? b : a} merged more often: +${points(Math.abs(rate.value))} points, 95% interval ${signed(points(lo))}…${signed(points(hi))}, ${n}`;
  }
  const time = comparison.difference.medianEndToEnd;
  if (time.value !== null && time.interval !== null && !spansZero(time.interval)) {
    const faster = time.value < 0 ? b : a;
    text += `; ${faster} finished faster (median end-to-end ${formatDuration(Math.abs(time.value))} shorter)`;
  }
  return text;
}

export function compareCohorts(prs: readonly ReportPr[], by: string, fixed: [string, string] | null): Comparison | null {
  const names = pickSides(prs, fixed);
  if (!names) return { by, cohorts: fixed ?? ['', ''], unassigned: prs.filter((pr) => pr.cohort === null).length, agents: {} };
  const [a, b] = names;
  const agents: Record<string, AgentComparison> = {};
  for (const id of [...new Set(prs.map((pr) => pr.agent))].sort()) {
    const sideA = prs.filter((pr) => pr.agent === id && pr.cohort === a);
    const sideB = prs.filter((pr) => pr.agent === id && pr.cohort === b);
    if (sideA.length === 0 && sideB.length === 0) continue;
    const rate = rateDifference(outcomes(sideA), outcomes(sideB));
    const time = medianDifference(
      sideA.map((pr) => pr.metrics.endToEnd),
      sideB.map((pr) => pr.metrics.endToEnd),
      id,
    );
    const ia = median(sideA.map((pr) => pr.metrics.interventions.total));
    const ib = median(sideB.map((pr) => pr.metrics.interventions.total));
    const partial: Omit<AgentComparison, 'reading'> = {
      a: summarizeRow(sideA),
      b: summarizeRow(sideB),
      difference: {
        successRate: { value: rate?.value ?? null, interval: rate?.interval ?? null },
        medianInterventions: ia === null || ib === null ? null : ib - ia,
        medianEndToEnd: { value: time?.value ?? null, interval: time?.interval ?? null },
      },
    };
    agents[id] = { ...partial, reading: readComparison(names, partial) };
  }
  const unassigned = prs.filter((pr) => pr.cohort !== a && pr.cohort !== b).length;
  return { by, cohorts: names, unassigned, agents };
}
