import type { Policy } from '../config/policy.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import type { GitHubClient } from '../github/client.js';
import { fetchLookups } from '../github/fetch-lookups.js';
import type { ReportData } from '../github/fetch-report.js';
import { aggregateReport, type ReportJson } from '../report/aggregate-report.js';
import { evaluateReportPr } from '../report/evaluate-report-pr.js';
import { detectReverts, type RevertTarget } from '../report/reverts.js';
import type { ReportWindow } from '../report/window.js';

/**
 * The tail of report mode after the reads, as src/report-mode.ts does it in the action: the
 * permissions of label removers (sticky detection), revert detection, the same detection and
 * metrics per PR, and the per-agent aggregation.
 */
export async function buildReport(
  client: GitHubClient,
  repo: { owner: string; name: string },
  window: ReportWindow,
  data: ReportData<Policy>,
  now: Date,
): Promise<ReportJson> {
  const policy = data.policy;
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
  return aggregateReport({ repo, window, prs, incomplete: data.incomplete });
}
