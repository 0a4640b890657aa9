import type { Policy } from '../config/policy.js';
import type { PrSnapshot } from '../snapshot.js';
import { aggregateReport } from './aggregate-report.js';
import { fixedSides, type CompareSpec } from './cohorts.js';
import { evaluateReportPr } from './evaluate-report-pr.js';
import type { PrGate, ReportJson } from './report-types.js';
import { detectReverts, type RevertSource, type RevertTarget } from './reverts.js';
import type { TierLabels } from './tier-labels.js';
import type { ReportWindow } from './window.js';

/**
 * The report from what was read (docs/report-mode.md): revert detection, each PR through the
 * gate's detection and metrics (evaluate-report-pr.ts), then the aggregation. Pure: the adapter
 * (src/github/fetch-report-result.ts) did every read.
 */

export interface ReportReads {
  snapshots: readonly PrSnapshot[];
  mergeCommits: ReadonlyMap<number, string>;
  filePaths: ReadonlyMap<number, readonly string[]>;
  revertSources: readonly RevertSource[];
  incomplete: readonly string[];
}

export interface ReportOptions {
  repo: { owner: string; name: string };
  window: ReportWindow;
  now: Date;
  tierLabels: TierLabels;
  compare: CompareSpec | null;
  /** Fresh evaluations of ungated PRs (report-evaluate), by number. */
  evaluated?: ReadonlyMap<number, PrGate>;
  /** The gate's app login when it is not the token's identity (`--gate-login`). */
  gateLogin?: string | null;
}

export function buildReport(policy: Policy, reads: ReportReads, options: ReportOptions): ReportJson {
  const repo = `${options.repo.owner}/${options.repo.name}`;
  const targets: RevertTarget[] = reads.snapshots
    .filter((snapshot) => snapshot.mergedAt !== null)
    .map((snapshot) => ({ number: snapshot.number, mergedAt: snapshot.mergedAt, mergeCommitSha: reads.mergeCommits.get(snapshot.number) ?? null }));
  const reverts = detectReverts(options.repo, targets, reads.revertSources);
  const prs = reads.snapshots.flatMap((snapshot) => {
    const pr = evaluateReportPr(policy, snapshot, reverts.get(snapshot.number) ?? null, options.now, {
      repo,
      window: options.window,
      tierLabels: options.tierLabels,
      compare: options.compare,
      filePaths: reads.filePaths.get(snapshot.number) ?? null,
      evaluated: options.evaluated?.get(snapshot.number) ?? null,
      gateLogin: options.gateLogin ?? null,
    });
    return pr ? [pr] : [];
  });
  const compare = options.compare ? { by: options.compare.input, sides: fixedSides(options.compare, options.window) } : null;
  return aggregateReport({ repos: [repo], window: options.window, prs, incomplete: reads.incomplete, compare });
}
