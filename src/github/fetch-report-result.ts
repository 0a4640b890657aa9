import type { Policy } from '../config/policy.js';
import { detectAgent } from '../detect/detect-agent.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import { buildReport, type ReportOptions } from '../report/build-report.js';
import { evaluateUngated } from '../report/evaluate-ungated.js';
import { gateOf } from '../report/evaluate-report-pr.js';
import type { PrGate, ReportJson } from '../report/report-types.js';
import type { PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { fetchLookups } from './fetch-lookups.js';
import { mapLimit } from './fetch-report-comments.js';
import type { ReportData } from './fetch-report.js';
import { parseResponse, RestFilesSchema } from './schemas.js';
import { fileFrom } from './snapshot-from-api.js';

/**
 * The reads of report mode after `fetchReport` (docs/report-mode.md, "API use"): the repository
 * permissions of the humans who removed agent labels (each login asked once for the whole
 * window), and with `report-evaluate` the file lists of agent PRs the gate never judged (at most
 * EVALUATE_FILE_PAGES requests each). Then the pure report (src/report/build-report.ts).
 */

/** File pages read per ungated PR (100 files each): the budget is 2 more requests per PR (docs/report-mode.md). */
export const EVALUATE_FILE_PAGES = 2;

export interface ReportResult {
  report: ReportJson;
  /** API requests of the whole report: the reads', the permission lookups' and the evaluations'. */
  requests: number;
}

export type ReportResultOptions = Omit<ReportOptions, 'evaluated'> & { evaluate?: boolean };

async function fetchFiles(client: GitHubClient, repo: { owner: string; name: string }, snapshot: PrSnapshot): Promise<{ snapshot: PrSnapshot; requests: number }> {
  const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files' as const;
  const items: unknown[] = [];
  let requests = 0;
  for (let page = 1; page <= EVALUATE_FILE_PAGES; page += 1) {
    const answer = await client.request(route, { owner: repo.owner, repo: repo.name, pull_number: snapshot.number, per_page: 100, page });
    requests += 1;
    const data = Array.isArray(answer.data) ? (answer.data as unknown[]) : [];
    items.push(...data);
    if (data.length < 100) break;
  }
  const files = parseResponse(RestFilesSchema, items, "GitHub's pull request files list").map(fileFrom);
  const incomplete = [...snapshot.incomplete];
  if (files.length < snapshot.totals.files) incomplete.push(`files: ${files.length} of ${snapshot.totals.files} listed`);
  return { snapshot: { ...snapshot, files, incomplete }, requests };
}

export async function fetchReportResult(client: GitHubClient, policy: Policy, data: ReportData<unknown>, options: ReportResultOptions): Promise<ReportResult> {
  const { repo } = options;
  const logins = [...new Set(data.snapshots.flatMap((snapshot) => detectionLookups(policy, snapshot)))];
  let snapshots = data.snapshots;
  if (logins.length > 0) {
    const lookups = await fetchLookups(client, repo, { permissions: logins, teams: [] });
    snapshots = snapshots.map((snapshot) => ({ ...snapshot, lookups }));
  }
  let requests = data.requests + logins.length;
  const evaluated = new Map<number, PrGate>();
  if (options.evaluate) {
    const ungated = snapshots.filter((snapshot) => gateOf(snapshot, options.gateLogin ?? null) === null && detectAgent(policy, snapshot).agent !== null);
    const results = await mapLimit(ungated, 4, (snapshot) => fetchFiles(client, repo, snapshot));
    for (const result of results) {
      requests += result.requests;
      evaluated.set(result.snapshot.number, evaluateUngated(policy, result.snapshot, options.now));
    }
  }
  const report = buildReport(policy, { ...data, snapshots }, { ...options, evaluated });
  return { report, requests };
}
