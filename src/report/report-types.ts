import type { Metrics } from '../result.js';

/**
 * The `report` JSON of report mode (docs/report-mode.md, "The JSON"): every number is recomputed
 * from `prs`, the per-PR records, so reports of several repositories merge exactly
 * (merge-reports.ts) and nothing is ever averaged.
 */

export type ReportPrState = 'open' | 'closed' | 'merged';
export type FailureReason = 'reverted' | 'closed-after-changes-requested';
/** `[lo, hi]`, fractions (success rates) or seconds (durations). */
export type Interval = [number, number];

/** What the gate said about a PR: its own last state (from our comment), or a fresh evaluation. */
export interface PrGate {
  source: 'state' | 'evaluated';
  verdict: 'pass' | 'needs-review' | 'fail' | 'skipped';
  /** The head the verdict was for. */
  headSha: string;
  findings: Array<{ category: string; level: 'allow' | 'review' | 'deny'; rule?: string }>;
  overridden: boolean;
}

/** One agent PR, everything the aggregation needs. */
export interface ReportPr {
  /** `owner/name`. */
  repo: string;
  number: number;
  agent: string;
  state: ReportPrState;
  url: string;
  title: string;
  createdAt: string;
  reverted: boolean;
  revertedBy?: { by: string; url: string };
  failure: FailureReason | null;
  /** From a tier label (`metrics.tiers.<name>.labels`), else the size tier. */
  tier: string;
  /** The comparison side the PR falls on; null when it falls on none. */
  cohort: string | null;
  /** Top directories of its changed files (`(root)` for files at the top); null when unknown. */
  areas: string[] | null;
  /** The gate's last state (or an evaluation with report-evaluate); null when never gated. */
  gate: PrGate | null;
  /** Merged while the gate's last state for the merged head was not `pass` (or there was none). */
  mergedWithoutPass: boolean;
  metrics: Metrics;
}

/** The per-agent (and per-tier, per-side) numbers. */
export interface AgentRow {
  prs: number;
  merged: number;
  closedUnmerged: number;
  open: number;
  reverted: number;
  successRate: number | null;
  /** Wilson 95% interval of `successRate`; null with it. */
  successRateInterval: Interval | null;
  medianInterventions: number;
  medianEndToEnd: number;
  medianTimeToFirstHumanReview: number | null;
  reworkRate: number;
}

export interface PermissionRow {
  /** The agent's PRs with a finding of this category (any level). */
  prs: number;
  review: number;
  deny: number;
  overridden: number;
  mergedWithoutPass: number;
}

export interface AgentSummary extends AgentRow {
  tiers: Record<string, AgentRow>;
  /** By category, from the gate's state of each PR. */
  permissions: Record<string, PermissionRow>;
  /** PRs the gate never judged (no state in our own comment), evaluated or not. */
  ungated: number;
  /** PRs judged by report-evaluate instead of a gate state. */
  evaluated: number;
  mergedWithoutPass: number;
}

export interface FailureSample {
  repo: string;
  number: number;
  agent: string;
  title: string;
  url: string;
  reason: FailureReason;
  revertedBy?: { by: string; url: string };
}

export interface Difference {
  value: number | null;
  interval: Interval | null;
}

export interface AgentComparison {
  a: AgentRow;
  b: AgentRow;
  /** b − a. Success rate in fractions, end-to-end in seconds. */
  difference: { successRate: Difference; medianInterventions: number | null; medianEndToEnd: Difference };
  /** One plain sentence. */
  reading: string;
}

export interface Comparison {
  /** The `report-compare` value. */
  by: string;
  /** Side names: `a` first (earlier for dates and windows). */
  cohorts: [string, string];
  /** Agent PRs on neither side. */
  unassigned: number;
  agents: Record<string, AgentComparison>;
}

export interface Guardrail {
  agent: string;
  yaml: string;
  why: string;
  evidence: { failures: string[]; prs: number; of: number };
}

export interface ReportJson {
  version: 1;
  mode: 'report';
  /** `owner/name`, or the repositories joined by `, ` after a merge. */
  repo: string;
  repos: string[];
  window: { from: string; to: string };
  agents: Record<string, AgentSummary>;
  comparison: Comparison | null;
  guardrails: Guardrail[];
  prs: ReportPr[];
  failures: FailureSample[];
  incomplete: string[];
}
