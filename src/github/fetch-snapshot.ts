import type { PrSnapshot } from '../snapshot.js';
import { keepDespiteStatuses } from './answer-despite-statuses.js';
import type { GitHubClient } from './client.js';
import { fetchMorePages } from './fetch-more-pages.js';
import { fetchAllPages, fetchFirstPage } from './fetch-pages.js';
import { SNAPSHOT_QUERY } from './graphql-queries.js';
import { parseResponse, RestFilesSchema, RestReviewCommentsSchema, SnapshotQuerySchema } from './schemas.js';
import { MAX_LISTED_FILES, snapshotFromApi, type ApiData } from './snapshot-from-api.js';

/**
 * Reads one PR into a PrSnapshot in few round trips: the `AgentPrGateSnapshot` GraphQL query and,
 * in parallel, the REST file list (the only place patches come from); then one `AgentPrGateMore`
 * query per extra page of whichever connections have more, and the other file pages at once.
 * A typical PR (≤ 100 of everything) costs 2 requests.
 *
 * `fetchSnapshotStaged` stops after the first page of files and reads the others only when asked:
 * a PR that turns out not to be an agent's needs no patches, and a human PR with 3000 files would
 * otherwise cost 29 more requests for nothing.
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

export async function fetchSnapshot(client: GitHubClient, target: SnapshotTarget): Promise<PrSnapshot> {
  return (await fetchSnapshotStaged(client, target)).complete();
}

export interface StagedSnapshot {
  /** The PR with the first page of its files (all of them when `complete` has nothing to fetch). */
  snapshot: PrSnapshot;
  /** Whether the PR has files beyond the first page, which `complete` would fetch. */
  moreFiles: boolean;
  /** The PR with every file GitHub lists (up to its cap): `snapshot` itself when there are no more. */
  complete: () => Promise<PrSnapshot>;
}

export async function fetchSnapshotStaged(client: GitHubClient, target: SnapshotTarget): Promise<StagedSnapshot> {
  // Both run at once; when both fail, the GraphQL error says more (e.g. which PR was not found).
  const [graphResult, filesResult] = await Promise.allSettled([fetchGraph(client, target), fetchFirstFiles(client, target)]);
  if (graphResult.status === 'rejected') throw graphResult.reason;
  if (filesResult.status === 'rejected') throw filesResult.reason;
  const graph = graphResult.value;
  const overflow = graph.reviews.some((review) => review.comments.totalCount > review.comments.nodes.length);
  const restReviewComments = overflow ? await fetchReviewComments(client, target) : null;
  const firstFiles = filesResult.value;
  const snapshot = snapshotFromApi({ ...graph, files: parseFiles(firstFiles.items), restReviewComments });
  if (!firstFiles.more) return { snapshot, moreFiles: false, complete: async () => snapshot };
  let completed: Promise<PrSnapshot> | null = null;
  const complete = async () => snapshotFromApi({ ...graph, files: parseFiles(await firstFiles.all()), restReviewComments });
  return { snapshot, moreFiles: true, complete: () => (completed ??= complete()) };
}

type Graph = Omit<ApiData, 'files' | 'restReviewComments'>;

async function fetchGraph(client: GitHubClient, target: SnapshotTarget): Promise<Graph> {
  const { owner, name, number, baseSha, configPath } = target;
  const [codeownersGithub, codeownersRoot, codeownersDocs] = CODEOWNERS_PATHS.map((path) => `${baseSha}:${path}`);
  const raw = await keepDespiteStatuses(
    client.graphql(SNAPSHOT_QUERY, {
      owner,
      name,
      number,
      policyExpression: `${baseSha}:${configPath}`,
      codeownersGithub,
      codeownersRoot,
      codeownersDocs,
    }),
  );
  const first = parseResponse(SnapshotQuerySchema, raw, "GitHub's answer to the pull request query");
  const repository = first.repository;
  if (!repository) throw new Error(`repository ${owner}/${name} was not found, or the token cannot read it`);
  const pr = repository.pullRequest;
  if (!pr) throw new Error(`pull request #${number} was not found in ${owner}/${name}`);

  const all = await fetchMorePages(client, { owner, name }, pr);

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
    ...all,
  };
}

function fetchFirstFiles(client: GitHubClient, target: SnapshotTarget) {
  return fetchFirstPage(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    { owner: target.owner, repo: target.name, pull_number: target.number },
    MAX_LISTED_FILES / 100,
  );
}

function parseFiles(items: unknown[]) {
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
