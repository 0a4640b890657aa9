import type { GitHubClient } from './client.js';
import { pageOf } from './fetch-pages.js';
import { RestRepoReviewCommentsSchema } from './report-schemas.js';
import { parseResponse } from './schemas.js';
import type { RestReviewComment } from './snapshot-from-api.js';

/**
 * Report mode's inline review comments (docs/report-mode.md, "API use"): the repository's whole
 * list since the window start, 100 per request, in place of each review's comment list — asking
 * for those inside a 50-PR search page would be 50 × 100 × 100 nodes, past GitHub's 500,000-node
 * limit per query.
 */

/** Review comment pages read at most (100 each). */
export const MAX_REVIEW_COMMENT_PAGES = 300;
/** Follow-up pages fetched at the same time. */
const CONCURRENCY = 4;

/** `work` over `items`, at most `limit` at a time, results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The repository's inline review comments since `since`, by PR number. */
export async function fetchReviewComments(
  api: GitHubClient,
  target: { owner: string; name: string; from: Date },
  incomplete: string[],
): Promise<Map<number, RestReviewComment[]>> {
  const route = 'GET /repos/{owner}/{repo}/pulls/comments' as const;
  const params = { owner: target.owner, repo: target.name, sort: 'created' as const, direction: 'asc' as const, since: target.from.toISOString(), per_page: 100 };
  // Page 1 says how many pages there are; the rest are read a few at a time (not all at once:
  // a long window can have hundreds, and GitHub's secondary limits punish bursts).
  const first = await api.request(route, { ...params, page: 1 });
  const last = pageOf(typeof first.headers.link === 'string' ? first.headers.link : '', 'last') ?? 1;
  const pages = Array.from({ length: Math.min(last, MAX_REVIEW_COMMENT_PAGES) - 1 }, (_, index) => index + 2);
  const rest = await mapLimit(pages, CONCURRENCY, async (page) => (await api.request(route, { ...params, page })).data);
  const items = [first.data, ...rest].flatMap((data) => (Array.isArray(data) ? (data as unknown[]) : []));
  if (last > MAX_REVIEW_COMMENT_PAGES) {
    incomplete.push(`review comments: only the first ${items.length} since the window start were read`);
  }
  const comments = parseResponse(RestRepoReviewCommentsSchema, items, 'the repository review comments list');
  const byPr = new Map<number, RestReviewComment[]>();
  for (const comment of comments) {
    const number = Number(/\/pulls\/(\d+)$/.exec(comment.pull_request_url)?.[1]);
    if (!Number.isInteger(number)) continue;
    const list = byPr.get(number) ?? [];
    list.push(comment);
    byPr.set(number, list);
  }
  return byPr;
}
