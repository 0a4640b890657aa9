import type { GitHubClient } from './client.js';
import type { ReportProgress } from './fetch-report.js';
import { REPORT_SEARCH_QUERY, SEARCH_PAGE_SIZE, SEARCH_RESULT_CAP } from './report-queries.js';
import { ReportPullRequestSchema, SearchAnswerSchema, type ReportPullRequest } from './report-schemas.js';
import { parseResponse } from './schemas.js';

/** `2026-01-05T00:00:00+00:00`: the datetime form search qualifiers take, to the second. */
export function searchTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

// ---- 2./3. Search. ----

function pullRequestsOf(nodes: Array<{ __typename: string } | null>): ReportPullRequest[] {
  return nodes
    .filter((node) => node?.__typename === 'PullRequest')
    .map((node) => parseResponse(ReportPullRequestSchema, node, 'a pull request in the search results'));
}

/**
 * Every PR of `repo` created in [from, to] (milliseconds, to the second) matching `extra`. When a
 * range holds more than the search cap, it is split in two and each half searched on its own.
 */
export async function searchRange(
  api: GitHubClient,
  repo: string,
  from: number,
  to: number,
  extra: string,
  incomplete: string[],
  progress: ReportProgress,
): Promise<ReportPullRequest[]> {
  const range = `${searchTime(from)}..${searchTime(to)}`;
  const q = `repo:${repo} is:pr created:${range}${extra ? ` ${extra}` : ''} sort:created-asc`;
  const out: ReportPullRequest[] = [];
  let after: string | null = null;
  for (;;) {
    const raw = await api.graphql(REPORT_SEARCH_QUERY, { q, first: SEARCH_PAGE_SIZE, after });
    const { search } = parseResponse(SearchAnswerSchema, raw, 'the pull request search');
    const seconds = Math.floor(to / 1000) - Math.floor(from / 1000);
    if (after === null && search.issueCount > SEARCH_RESULT_CAP && seconds >= 1) {
      const middle = Math.floor(from / 1000) * 1000 + Math.floor(seconds / 2) * 1000;
      progress.log(`${search.issueCount} PRs created ${range}: more than search returns at once, splitting the range`);
      const first = await searchRange(api, repo, from, middle, extra, incomplete, progress);
      const second = await searchRange(api, repo, middle + 1000, to, extra, incomplete, progress);
      return [...first, ...second];
    }
    out.push(...pullRequestsOf(search.nodes));
    if (!search.pageInfo.hasNextPage || search.pageInfo.endCursor === null || search.pageInfo.endCursor === after) {
      if (search.issueCount > SEARCH_RESULT_CAP) {
        incomplete.push(`search: ${out.length} of ${search.issueCount} PRs created ${range} listed (GitHub search returns at most ${SEARCH_RESULT_CAP})`);
      }
      break;
    }
    after = search.pageInfo.endCursor;
    if (out.length >= SEARCH_RESULT_CAP) break;
  }
  return out;
}

