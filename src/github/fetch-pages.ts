import type { GitHubClient } from './client.js';

/**
 * Fetches every page of a REST list: page 1 first, then (from its `Link: rel="last"`) all other
 * pages at once. Stops at `maxPages` (GitHub's own caps, e.g. 30 pages of 100 PR files).
 */
export async function fetchAllPages(
  client: GitHubClient,
  route: string,
  params: Record<string, string | number>,
  maxPages: number,
): Promise<unknown[]> {
  const first = await client.request(route, { ...params, per_page: 100, page: 1 });
  const items = asArray(first.data, route);
  const link = typeof first.headers.link === 'string' ? first.headers.link : '';
  const last = pageOf(link, 'last');
  if (last !== null) {
    const pages = Array.from({ length: Math.min(last, maxPages) - 1 }, (_, index) => index + 2);
    const answers = await Promise.all(pages.map((page) => client.request(route, { ...params, per_page: 100, page })));
    for (const answer of answers) items.push(...asArray(answer.data, route));
    return items;
  }
  // No `last` link (some lists only give `next`): follow `next` one page at a time.
  let next = pageOf(link, 'next');
  while (next !== null && next <= maxPages) {
    const answer = await client.request(route, { ...params, per_page: 100, page: next });
    items.push(...asArray(answer.data, route));
    next = pageOf(typeof answer.headers.link === 'string' ? answer.headers.link : '', 'next');
  }
  return items;
}

function asArray(data: unknown, route: string): unknown[] {
  if (!Array.isArray(data)) throw new Error(`GitHub API response for ${route} is not a list`);
  return [...(data as unknown[])];
}

/** The `page` number of the link with relation `rel` in a `Link` header, or null. */
export function pageOf(link: string, rel: string): number | null {
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (!match || !match[2]?.split(/\s+/).includes(rel)) continue;
    const url = match[1] ?? '';
    const page = new URL(url, 'http://github.invalid').searchParams.get('page');
    const value = page === null ? NaN : Number(page);
    return Number.isInteger(value) && value > 0 ? value : null;
  }
  return null;
}
