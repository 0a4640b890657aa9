import { compareCohorts } from './compare-report.js';
import { suggestGuardrails } from './guardrails.js';
import type { AgentRow, AgentSummary, FailureSample, PermissionRow, ReportJson, ReportPr } from './report-types.js';
import { groupBy, summarizeRow, tierOrder } from './rows.js';
import type { ReportWindow } from './window.js';

/**
 * Report mode's aggregation (docs/report-mode.md, "What the numbers mean"): agent PRs → per-agent
 * rows, per-tier rows, permission counts, the comparison and guardrail suggestions. Pure, and a
 * function of the per-PR records alone, so merged reports are exact (merge-reports.ts).
 *
 * - `successRate` = (merged − reverted) / (merged + closedUnmerged), null when nothing was merged
 *   or closed yet (no outcome is not a 0% success), with its Wilson 95% interval.
 * - Medians ignore nulls, include open PRs (end-to-end runs to the evaluation time), and the
 *   median of an even count is the mean of the middle two. Rates are fractions to 4 decimals.
 */

export type { AgentSummary, FailureSample, ReportJson, ReportPr } from './report-types.js';
export { median } from './stats.js';

export interface AggregateInput {
  repos: readonly string[];
  window: ReportWindow;
  /** Every agent PR read: the window's and, when comparing windows, the second window's. */
  prs: readonly ReportPr[];
  incomplete?: readonly string[];
  /** The `report-compare` value, and its sides when they are fixed (windows, dates). */
  compare?: { by: string; sides: [string, string] | null } | null;
}

function permissionsOf(prs: readonly ReportPr[]): Record<string, PermissionRow> {
  const rows = new Map<string, PermissionRow>();
  for (const pr of prs) {
    if (!pr.gate) continue;
    for (const category of new Set(pr.gate.findings.map((finding) => finding.category))) {
      const levels = pr.gate.findings.filter((finding) => finding.category === category).map((finding) => finding.level);
      const row = rows.get(category) ?? { prs: 0, review: 0, deny: 0, overridden: 0, mergedWithoutPass: 0 };
      row.prs += 1;
      if (levels.includes('deny')) row.deny += 1;
      else if (levels.includes('review')) row.review += 1;
      if (pr.gate.overridden) row.overridden += 1;
      if (pr.mergedWithoutPass) row.mergedWithoutPass += 1;
      rows.set(category, row);
    }
  }
  return Object.fromEntries([...rows.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function summarizeAgent(prs: readonly ReportPr[]): AgentSummary {
  const byTier = groupBy(prs, (pr) => pr.tier);
  const tiers: Record<string, AgentRow> = {};
  for (const tier of tierOrder(byTier.keys())) tiers[tier] = summarizeRow(byTier.get(tier)!);
  return {
    ...summarizeRow(prs),
    tiers,
    permissions: permissionsOf(prs),
    ungated: prs.filter((pr) => pr.gate?.source !== 'state').length,
    evaluated: prs.filter((pr) => pr.gate?.source === 'evaluated').length,
    mergedWithoutPass: prs.filter((pr) => pr.mergedWithoutPass).length,
  };
}

const byRepoAndNumber = (a: ReportPr, b: ReportPr): number => a.repo.localeCompare(b.repo) || a.number - b.number;

export function aggregateReport(input: AggregateInput): ReportJson {
  const all = [...input.prs].sort(byRepoAndNumber);
  const from = input.window.from.getTime();
  const to = input.window.to.getTime();
  const inWindow = all.filter((pr) => {
    const created = Date.parse(pr.createdAt);
    return created >= from && created <= to;
  });
  const byAgent = groupBy(inWindow, (pr) => pr.agent);
  const agents: Record<string, AgentSummary> = {};
  for (const id of [...byAgent.keys()].sort()) agents[id] = summarizeAgent(byAgent.get(id)!);

  const sample = (pr: ReportPr): FailureSample => ({
    repo: pr.repo,
    number: pr.number,
    agent: pr.agent,
    title: pr.title,
    url: pr.url,
    reason: pr.failure!,
    ...(pr.revertedBy ? { revertedBy: pr.revertedBy } : {}),
  });
  const failures = [
    ...inWindow.filter((pr) => pr.failure === 'reverted').map(sample),
    ...inWindow.filter((pr) => pr.failure === 'closed-after-changes-requested').map(sample),
  ];
  const repos = [...new Set(input.repos)].sort();
  return {
    version: 1,
    mode: 'report',
    repo: repos.join(', '),
    repos,
    window: { from: input.window.from.toISOString(), to: input.window.to.toISOString() },
    agents,
    comparison: input.compare ? compareCohorts(all, input.compare.by, input.compare.sides) : null,
    guardrails: suggestGuardrails(inWindow),
    prs: all,
    failures,
    incomplete: [...(input.incomplete ?? [])],
  };
}
