import type { GitHubClient } from './client.js';
import { keepDespiteStatuses } from './answer-despite-statuses.js';
import { MORE_CONNECTIONS, MORE_QUERY, type MoreConnection } from './graphql-queries.js';
import { MoreQuerySchema, parseResponse, type GqlComment, type GqlCommit, type GqlReview, type GqlTimelineItem } from './schemas.js';

/**
 * The rest of a pull request's connections after their first page (gate and report mode): one
 * `AgentPrGateMore` query per round, asking for the next page of every connection that has one.
 */

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Connection<T> {
  pageInfo: PageInfo;
  nodes: Array<T | null>;
}

/** A pull request as its first query read it: the first page of each connection. */
export interface FirstPages<R> {
  number: number;
  labels: Connection<{ name: string }>;
  commits: Connection<GqlCommit>;
  reviews: Connection<R>;
  comments: Connection<GqlComment>;
  timelineItems: Connection<GqlTimelineItem>;
}

/** Every node of each connection, first page first. */
export interface AllPages<R> {
  labels: string[];
  commits: GqlCommit[];
  reviews: Array<R | GqlReview>;
  comments: GqlComment[];
  timeline: GqlTimelineItem[];
}

/** A runaway guard: 250 commits / 100 per page is 3 pages; comments and reviews rarely pass 20. */
const MAX_MORE_ROUNDS = 100;

export function present<T>(nodes: Array<T | null>): T[] {
  return nodes.filter((node): node is T => node !== null);
}

function pageInfoOf<R>(pr: FirstPages<R>): Record<MoreConnection, PageInfo> {
  return {
    labels: pr.labels.pageInfo,
    commits: pr.commits.pageInfo,
    reviews: pr.reviews.pageInfo,
    comments: pr.comments.pageInfo,
    timeline: pr.timelineItems.pageInfo,
  };
}

/** The connections of `pr` that have a next page. */
export function nextPages<R>(pr: FirstPages<R>): MoreConnection[] {
  const info = pageInfoOf(pr);
  return MORE_CONNECTIONS.filter((connection) => info[connection].hasNextPage);
}

export async function fetchMorePages<R>(
  client: GitHubClient,
  repo: { owner: string; name: string },
  pr: FirstPages<R>,
): Promise<AllPages<R>> {
  const all: AllPages<R> = {
    labels: present(pr.labels.nodes).map((label) => label.name),
    commits: present(pr.commits.nodes),
    reviews: present(pr.reviews.nodes),
    comments: present(pr.comments.nodes),
    timeline: present(pr.timelineItems.nodes),
  };
  const info = pageInfoOf(pr);
  for (let round = 0; round < MAX_MORE_ROUNDS; round += 1) {
    const wanted = MORE_CONNECTIONS.filter((connection) => info[connection].hasNextPage);
    if (wanted.length === 0) break;
    const variables: Record<string, unknown> = { owner: repo.owner, name: repo.name, number: pr.number };
    for (const connection of MORE_CONNECTIONS) {
      const want = wanted.includes(connection);
      variables[connection] = want;
      variables[`${connection}After`] = want ? info[connection].endCursor : null;
    }
    const raw = await keepDespiteStatuses(client.graphql(MORE_QUERY, variables));
    const more = parseResponse(MoreQuerySchema, raw, "GitHub's answer to the pull request page query");
    const page = more.repository?.pullRequest;
    if (!page) throw new Error(`pull request #${pr.number} disappeared while it was being read`);
    for (const connection of wanted) {
      const answer = connection === 'timeline' ? page.timelineItems : page[connection];
      if (!answer) throw new Error(`GitHub's answer to the pull request page query has no ${connection} page`);
      const before = info[connection].endCursor;
      info[connection] = answer.pageInfo;
      // A cursor that does not move would loop forever; stop that connection instead.
      if (answer.pageInfo.endCursor === before) info[connection] = { hasNextPage: false, endCursor: before };
    }
    if (page.labels) all.labels.push(...present(page.labels.nodes).map((label) => label.name));
    if (page.commits) all.commits.push(...present(page.commits.nodes));
    if (page.reviews) all.reviews.push(...present(page.reviews.nodes));
    if (page.comments) all.comments.push(...present(page.comments.nodes));
    if (page.timelineItems) all.timeline.push(...present(page.timelineItems.nodes));
  }
  return all;
}
