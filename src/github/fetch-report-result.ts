import type { Policy } from '../config/policy.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import { aggregateReport, type ReportJson } from '../report/aggregate-report.js';
import { evaluateReportPr } from '../report/evaluate-report-pr.js';
import { detectReverts, type RevertTarget } from '../report/reverts.js';
import type { ReportWindow } from '../report/window.js';
import type { GitHubClient } from './client.js';
import { fetchLookups } from './fetch-lookups.js';
import type { ReportData } from './fetch-report.js';

/**
 * The end of report mode once `fetchReport` has read the window; the action (src/report-mode.ts)
 * and the CLI's `report` both call it: the repository permissions of the humans who removed agent
 * labels (sticky detection; each login asked once for the whole window, and every snapshot gets
 * the answers), revert detection, the same detection and metrics per PR as a gate run, and the
 * per-agent aggregation.
 */

export interface ReportTargetWindow {
  repo: { owner: string; name: string };
  window: ReportWindow;
  /** The evaluation time (metrics of open PRs run to it). */
  now: Date;
}

export interface ReportResult {
  report: ReportJson;
  /** API requests of the whole report: the reads' and the permission lookups'. */
  requests: number;
}

export async function fetchReportResult(
  client: GitHubClient,
  policy: Policy,
  data: ReportData<unknown>,
  target: ReportTargetWindow,
): Promise<ReportResult> {
  const { repo, window, now } = target;
  const snapshots = data.snapshots;
  const logins = [...new Set(snapshots.flatMap((snapshot) => detectionLookups(policy, snapshot)))];
  if (logins.length > 0) {
    const lookups = await fetchLookups(client, repo, { permissions: logins, teams: [] });
    for (const snapshot of snapshots) snapshot.lookups = lookups;
  }
  const targets: RevertTarget[] = snapshots
    .filter((snapshot) => snapshot.mergedAt !== null)
    .map((snapshot) => ({ number: snapshot.number, mergedAt: snapshot.mergedAt, mergeCommitSha: data.mergeCommits.get(snapshot.number) ?? null }));
  const reverts = detectReverts(repo, targets, data.revertSources);
  const prs = snapshots.flatMap((snapshot) => {
    const pr = evaluateReportPr(policy, snapshot, reverts.get(snapshot.number) ?? null, now);
    return pr ? [pr] : [];
  });
  return { report: aggregateReport({ repo, window, prs, incomplete: data.incomplete }), requests: data.requests + logins.length };
}
