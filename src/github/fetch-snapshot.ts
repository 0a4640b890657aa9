import type { PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { fetchAllPages } from './fetch-pages.js';
import {
  MORE_CONNECTIONS,
  MORE_QUERY,
  SNAPSHOT_QUERY,
  type MoreConnection,
} from './graphql-queries.js';
import {
  MoreQuerySchema,
  parseResponse,
  RestFilesSchema,
  RestReviewCommentsSchema,
  SnapshotQuerySchema,
  type GqlComment,
  type GqlCommit,
  type GqlReview,
  type GqlTimelineItem,
} from './schemas.js';
import { MAX_LISTED_FILES, snapshotFromApi, type ApiData } from './snapshot-from-api.js';

/**
 * Reads one PR into a PrSnapshot in few round trips: the `AgentPrGateSnapshot` GraphQL query and,
 * in parallel, the REST file list (the only place patches come from); then one `AgentPrGateMore`
 * query per extra page of whichever connections have more, and the other file pages at once.
 * A typical PR (≤ 100 of everything) costs 2 requests.
 *
 * The policy file and CODEOWNERS are read at the base commit (from the event payload), never at
 * the head: the PR cannot change the rules it is judged by.
 */

export interface SnapshotTarget {
  owner: string;
  name: string;
  number: number;
  /** The PR's base commit, from the event payload. */
  baseSha: string;
  /** The policy file path (the `config` input). */
  configPath: string;
}

/** Where GitHub looks for CODEOWNERS, in its order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** A runaway guard: 250 commits / 100 per page is 3 pages; comments and reviews rarely pass 20. */
const MAX_MORE_ROUNDS = 100;

export async function fetchSnapshot(client: GitHubClient, target: SnapshotTarget): Promise<PrSnapshot> {
  // Both run at once; when both fail, the GraphQL error says more (e.g. which PR was not found).
  const [graphResult, filesResult] = await Promise.allSettled([fetchGraph(client, target), fetchFiles(client, target)]);
  if (graphResult.status === 'rejected') throw graphResult.reason;
  if (filesResult.status === 'rejected') throw filesResult.reason;
  const graph = graphResult.value;
  const files = filesResult.value;
  const overflow = graph.reviews.some((review) => review.comments.totalCount > review.comments.nodes.length);
  const restReviewComments = overflow ? await fetchReviewComments(client, target) : null;
  return snapshotFromApi({ ...graph, files, restReviewComments });
}

type Graph = Omit<ApiData, 'files' | 'restReviewComments'>;

interface Accumulated {
  labels: Array<{ name: string }>;
  commits: GqlCommit[];
  reviews: GqlReview[];
  comments: GqlComment[];
  timeline: GqlTimelineItem[];
}

function present<T>(nodes: Array<T | null>): T[] {
  return nodes.filter((node): node is T => node !== null);
}

async function fetchGraph(client: GitHubClient, target: SnapshotTarget): Promise<Graph> {
  const { owner, name, number, baseSha, configPath } = target;
  const [codeownersGithub, codeownersRoot, codeownersDocs] = CODEOWNERS_PATHS.map((path) => `${baseSha}:${path}`);
  const raw = await client.graphql(SNAPSHOT_QUERY, {
    owner,
    name,
    number,
    policyExpression: `${baseSha}:${configPath}`,
    codeownersGithub,
    codeownersRoot,
    codeownersDocs,
  });
  const first = parseResponse(SnapshotQuerySchema, raw, "GitHub's answer to the pull request query");
  const repository = first.repository;
  if (!repository) throw new Error(`repository ${owner}/${name} was not found, or the token cannot read it`);
  const pr = repository.pullRequest;
  if (!pr) throw new Error(`pull request #${number} was not found in ${owner}/${name}`);

  const acc: Accumulated = {
    labels: present(pr.labels.nodes),
    commits: present(pr.commits.nodes),
    reviews: present(pr.reviews.nodes),
    comments: present(pr.comments.nodes),
    timeline: present(pr.timelineItems.nodes),
  };
  const pageInfo: Record<MoreConnection, { hasNextPage: boolean; endCursor: string | null }> = {
    labels: pr.labels.pageInfo,
    commits: pr.commits.pageInfo,
    reviews: pr.reviews.pageInfo,
    comments: pr.comments.pageInfo,
    timeline: pr.timelineItems.pageInfo,
  };

  for (let round = 0; round < MAX_MORE_ROUNDS; round++) {
    const wanted = MORE_CONNECTIONS.filter((connection) => pageInfo[connection].hasNextPage);
    if (wanted.length === 0) break;
    const variables: Record<string, unknown> = { owner, name, number };
    for (const connection of MORE_CONNECTIONS) {
      const want = wanted.includes(connection);
      variables[connection] = want;
      variables[`${connection}After`] = want ? pageInfo[connection].endCursor : null;
    }
    const more = parseResponse(MoreQuerySchema, await client.graphql(MORE_QUERY, variables), "GitHub's answer to the pull request page query");
    const page = more.repository?.pullRequest;
    if (!page) throw new Error(`pull request #${number} disappeared while it was being read`);
    for (const connection of wanted) {
      const answer = connection === 'timeline' ? page.timelineItems : page[connection];
      if (!answer) throw new Error(`GitHub's answer to the pull request page query has no ${connection} page`);
      const before = pageInfo[connection].endCursor;
      pageInfo[connection] = answer.pageInfo;
      // A cursor that does not move would loop forever; stop that connection instead.
      if (answer.pageInfo.endCursor === before) pageInfo[connection] = { hasNextPage: false, endCursor: before };
    }
    if (page.labels) acc.labels.push(...present(page.labels.nodes));
    if (page.commits) acc.commits.push(...present(page.commits.nodes));
    if (page.reviews) acc.reviews.push(...present(page.reviews.nodes));
    if (page.comments) acc.comments.push(...present(page.comments.nodes));
    if (page.timelineItems) acc.timeline.push(...present(page.timelineItems.nodes));
  }

  return {
    repo: { owner, name },
    baseSha,
    policyPath: configPath,
    viewer: first.viewer,
    policyBlob: repository.policyFile,
    codeownersBlobs: [
      { path: CODEOWNERS_PATHS[0], blob: repository.codeownersGithub },
      { path: CODEOWNERS_PATHS[1], blob: repository.codeownersRoot },
      { path: CODEOWNERS_PATHS[2], blob: repository.codeownersDocs },
    ],
    pr,
    labels: acc.labels.map((label) => label.name),
    commits: acc.commits,
    reviews: acc.reviews,
    comments: acc.comments,
    timeline: acc.timeline,
  };
}

async function fetchFiles(client: GitHubClient, target: SnapshotTarget) {
  const items = await fetchAllPages(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    { owner: target.owner, repo: target.name, pull_number: target.number },
    MAX_LISTED_FILES / 100,
  );
  return parseResponse(RestFilesSchema, items, "GitHub's pull request files list");
}

async function fetchReviewComments(client: GitHubClient, target: SnapshotTarget) {
  const items = await fetchAllPages(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
    { owner: target.owner, repo: target.name, pull_number: target.number },
    1000,
  );
  return parseResponse(RestReviewCommentsSchema, items, "GitHub's pull request review comments list");
}
