import type { Metrics } from '../result.js';
import type { RevertInfo } from './reverts.js';
import type { ReportWindow } from './window.js';

/**
 * Report mode's aggregation (docs/report-mode.md): agent PRs of a window → per-agent numbers. Pure.
 *
 * Choices, kept honest in the JSON types:
 * - `successRate` = (merged − reverted) / (merged + closedUnmerged), or `null` when nothing was
 *   merged or closed (only open PRs): no outcome yet is not a 0% success.
 * - Medians ignore `null` values; `medianTimeToFirstHumanReview` is `null` when no PR of the agent
 *   got a human review. Every agent listed has at least one PR, so the other medians and
 *   `reworkRate` are always numbers. The median of an even count is the mean of the middle two.
 * - Medians include open PRs (their end-to-end time runs to the evaluation time, as in gate mode).
 * - Rates are fractions (0.75), rounded to 4 decimals.
 */

export type ReportPrState = 'open' | 'closed' | 'merged';

/** One agent PR as report mode sees it (from detection + metrics of its snapshot). */
export interface ReportPrInput {
  number: number;
  url: string;
  title: string;
  agent: string;
  state: ReportPrState;
  metrics: Metrics;
  /** Merged, then reverted by a later merged PR or a revert commit. */
  reverted: boolean;
  /** What reverted it, for the failure samples' links. */
  revertedBy?: RevertInfo | null;
  /** Closed without merging after a human requested changes. */
  closedAfterChangesRequested: boolean;
}

export interface AgentSummary {
  prs: number;
  merged: number;
  closedUnmerged: number;
  open: number;
  reverted: number;
  successRate: number | null;
  medianInterventions: number;
  medianEndToEnd: number;
  medianTimeToFirstHumanReview: number | null;
  reworkRate: number;
}

export type FailureReason = 'reverted' | 'closed-after-changes-requested';

export interface FailureSample {
  number: number;
  agent: string;
  title: string;
  url: string;
  reason: FailureReason;
  /** For `reverted`: `#123` or a short sha, and its link. */
  revertedBy?: { by: string; url: string };
}

/** The `report` JSON of report mode (docs/report-mode.md, version 1). */
export interface ReportJson {
  version: 1;
  mode: 'report';
  /** `owner/name`. */
  repo: string;
  window: { from: string; to: string };
  /** Keyed by agent id, ids in alphabetical order. */
  agents: Record<string, AgentSummary>;
  /** Every agent PR of the window, by number. */
  prs: Array<{ number: number; agent: string; state: ReportPrState; url: string; title: string; reverted: boolean; metrics: Metrics }>;
  /** Reverted PRs, then PRs closed after changes were requested; each group by number. */
  failures: FailureSample[];
  /** One plain sentence per gap in what was fetched (empty when the report saw everything). */
  incomplete: string[];
}

export interface AggregateInput {
  repo: { owner: string; name: string };
  window: ReportWindow;
  prs: readonly ReportPrInput[];
  incomplete?: readonly string[];
}

/** The median of the non-null values, or null when there are none. */
export function median(values: ReadonlyArray<number | null>): number | null {
  const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

function summarize(prs: readonly ReportPrInput[]): AgentSummary {
  const merged = prs.filter((pr) => pr.state === 'merged');
  const closedUnmerged = prs.filter((pr) => pr.state === 'closed').length;
  const reverted = merged.filter((pr) => pr.reverted).length;
  return {
    prs: prs.length,
    merged: merged.length,
    closedUnmerged,
    open: prs.filter((pr) => pr.state === 'open').length,
    reverted,
    successRate: rate(merged.length - reverted, merged.length + closedUnmerged),
    medianInterventions: median(prs.map((pr) => pr.metrics.interventions.total)) ?? 0,
    medianEndToEnd: median(prs.map((pr) => pr.metrics.endToEnd)) ?? 0,
    medianTimeToFirstHumanReview: median(prs.map((pr) => pr.metrics.timeToFirstHumanReview)),
    reworkRate: rate(prs.filter((pr) => pr.metrics.reworkCycles > 0).length, prs.length) ?? 0,
  };
}

export function aggregateReport(input: AggregateInput): ReportJson {
  const prs = [...input.prs].sort((a, b) => a.number - b.number);
  const byAgent = new Map<string, ReportPrInput[]>();
  for (const pr of prs) {
    const list = byAgent.get(pr.agent) ?? [];
    list.push(pr);
    byAgent.set(pr.agent, list);
  }
  const agents: Record<string, AgentSummary> = {};
  for (const id of [...byAgent.keys()].sort()) agents[id] = summarize(byAgent.get(id)!);

  const isReverted = (pr: ReportPrInput): boolean => pr.state === 'merged' && pr.reverted;
  const failures: FailureSample[] = [
    ...prs.filter(isReverted).map((pr): FailureSample => ({
      number: pr.number,
      agent: pr.agent,
      title: pr.title,
      url: pr.url,
      reason: 'reverted',
      ...(pr.revertedBy ? { revertedBy: { by: pr.revertedBy.by, url: pr.revertedBy.url } } : {}),
    })),
    ...prs
      .filter((pr) => pr.state === 'closed' && pr.closedAfterChangesRequested)
      .map((pr): FailureSample => ({ number: pr.number, agent: pr.agent, title: pr.title, url: pr.url, reason: 'closed-after-changes-requested' })),
  ];

  return {
    version: 1,
    mode: 'report',
    repo: `${input.repo.owner}/${input.repo.name}`,
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    agents,
    prs: prs.map((pr) => ({
      number: pr.number,
      agent: pr.agent,
      state: pr.state,
      url: pr.url,
      title: pr.title,
      reverted: isReverted(pr),
      metrics: pr.metrics,
    })),
    failures,
    incomplete: [...(input.incomplete ?? [])],
  };
}
