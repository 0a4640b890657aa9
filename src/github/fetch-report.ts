import type { RevertSource } from '../report/reverts.js';
import type { PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { fetchMorePages, nextPages, present, type AllPages } from './fetch-more-pages.js';
import { fetchReviewComments, mapLimit } from './fetch-report-comments.js';
import { searchRange, searchTime } from './fetch-report-search.js';
import { REPORT_CONTEXT_QUERY, REPORT_HISTORY_QUERY } from './report-queries.js';
import { ContextSchema, HistoryAnswerSchema, type ReportPullRequest } from './report-schemas.js';
import { parseResponse, type GqlPullRequest, type GqlReview } from './schemas.js';
import { snapshotFromApi, type RestReviewComment } from './snapshot-from-api.js';

/**
 * Report mode's reads (docs/report-mode.md, "API use": ≤ 0.1 requests per PR on average). Everything is
 * batched; the count does not grow with what each PR holds, only with how many PRs there are:
 *
 * 1. one context query: the token's identity, the policy file at the default branch head, and
 *    the first 100 commits of the default branch since the window start (revert commits pushed
 *    directly; further history pages follow, 100 commits each);
 * 2. GraphQL search, 50 PRs per request, each with what detection and metrics read (author, body,
 *    branch, labels, assignees, the first 100 commits, reviews, comments and timeline events) and
 *    its first 50 changed paths (path areas; report-queries.ts). A
 *    search answers at most 1000 results, so a window with more is split in halves until each
 *    part has at most 1000;
 * 3. when the window ends before now, one search for `Revert` PRs merged after it (they can still
 *    revert PRs of the window);
 * 4. the next pages of a connection, only for the few PRs that have more than 100 of something
 *    (`AgentPrGateMore`, shared with gate mode);
 * 5. the repository's inline review comments since the window start, 100 per request (REST), in
 *    place of each review's comment list: asking for those inside a 50-PR search page would be
 *    50 × 100 × 100 nodes, past GitHub's 500,000-node limit per query, and would cost the
 *    default token's GraphQL points 15 times over.
 *
 * Pure mapping is shared with gate mode (`snapshotFromApi`), so report numbers come from the same
 * snapshot shape and the same core as a gate run.
 */

/** Default-branch history pages read at most (100 commits each). */
export const MAX_HISTORY_PAGES = 100;
/** Follow-up pages fetched at the same time. */
const FOLLOW_UP_CONCURRENCY = 4;

// ---- The result. ----

export interface ReportTarget {
  owner: string;
  name: string;
  /** The policy file path (the `config` input), read at the default branch head. */
  configPath: string;
  from: Date;
  to: Date;
  /** The evaluation time (revert PRs are looked for up to it). */
  now: Date;
}

export { searchTime };

export interface ReportProgress {
  /** One line of progress. */
  log: (message: string) => void;
  /** Runs `work` inside a collapsible log group (core.group in the action). */
  group: <T>(name: string, work: () => Promise<T>) => Promise<T>;
}

export interface ReportData<P> {
  defaultBranch: string | null;
  /** What `readPolicy` made of the policy file at the default branch head. */
  policy: P;
  /** Every PR created in the window (agents and humans), by number. */
  snapshots: PrSnapshot[];
  /** The merge commit of each merged PR of the window, by number. */
  mergeCommits: Map<number, string>;
  /** The first changed file paths of each PR of the window (report-queries.ts), by number; absent when the answer had none. */
  filePaths: Map<number, string[]>;
  /** Everything that can revert a PR: the PRs of the window and after it, and default-branch commits. */
  revertSources: RevertSource[];
  /** One plain sentence per gap in what was read. */
  incomplete: string[];
  /** API requests made. */
  requests: number;
}

const NO_PROGRESS: ReportProgress = { log: () => undefined, group: (_name, work) => work() };

interface Counter {
  requests: number;
}

function counted(client: GitHubClient, counter: Counter): GitHubClient {
  const request = ((route: string, params?: Record<string, unknown>) => {
    counter.requests += 1;
    return client.request(route, params);
  }) as unknown as GitHubClient['request'];
  return {
    request,
    graphql: (query, variables) => {
      counter.requests += 1;
      return client.graphql(query, variables);
    },
  };
}

/**
 * Reads everything report mode needs. `readPolicy` gets the policy file's text (null when absent)
 * as soon as it is read, before the PRs: when it throws (an invalid policy), nothing more is read.
 */
export async function fetchReport<P>(
  client: GitHubClient,
  target: ReportTarget,
  readPolicy: (text: string | null) => P,
  progress: ReportProgress = NO_PROGRESS,
): Promise<ReportData<P>> {
  const counter: Counter = { requests: 0 };
  const api = counted(client, counter);
  const incomplete: string[] = [];
  const repo = `${target.owner}/${target.name}`;

  const context = await progress.group('Reading the policy and the default branch', async () => {
    const result = await fetchContext(api, target, incomplete);
    progress.log(`default branch ${result.defaultBranch ?? '(none)'}: ${result.history.length} commits since ${target.from.toISOString()}`);
    return result;
  });
  const policy = readPolicy(context.policyText);

  const window = `${searchTime(target.from.getTime())}..${searchTime(target.to.getTime())}`;
  const prs = await progress.group(`Searching PRs of ${repo} created ${window}`, async () => {
    const found = await searchRange(api, repo, target.from.getTime(), target.to.getTime(), '', incomplete, progress);
    const unique = [...new Map(found.map((pr) => [pr.number, pr])).values()];
    progress.log(`${unique.length} PRs created in the window`);
    return unique;
  });

  const later =
    target.now.getTime() - target.to.getTime() >= 1000
      ? await progress.group('Looking for Revert PRs merged after the window', async () => {
          const found = await searchRange(
            api,
            repo,
            target.to.getTime() + 1000,
            target.now.getTime(),
            'is:merged Revert in:title',
            incomplete,
            progress,
          );
          progress.log(`${found.length} Revert PRs after the window`);
          return found;
        })
      : [];

  const snapshots = await progress.group(`Reading ${prs.length} PRs`, async () => {
    const reviewComments = await fetchReviewComments(api, target, incomplete);
    const overflowing = prs.filter((pr) => nextPages(pr).length > 0);
    if (overflowing.length > 0) progress.log(`${overflowing.length} PRs have more than 100 of something: reading their next pages`);
    const full = await mapLimit(prs, FOLLOW_UP_CONCURRENCY, (pr) => completePr(api, target, pr));
    progress.log(`${counter.requests} API requests so far`);
    return full.map((item) => toSnapshot(target, context.viewer, item, reviewComments.get(item.pr.number) ?? [], incomplete));
  });

  const mergeCommits = new Map<number, string>();
  const filePaths = new Map<number, string[]>();
  for (const pr of prs) {
    if (pr.mergedAt && pr.mergeCommit) mergeCommits.set(pr.number, pr.mergeCommit.oid);
    if (pr.files?.nodes) filePaths.set(pr.number, present(pr.files.nodes).map((node) => node.path));
  }

  const revertSources: RevertSource[] = snapshots.map((snapshot) => ({
    kind: 'pr',
    number: snapshot.number,
    url: snapshot.url,
    title: snapshot.title,
    body: snapshot.body,
    merged: snapshot.mergedAt !== null,
    mergedAt: snapshot.mergedAt,
    commitMessages: snapshot.commits.map((commit) => commit.message),
  }));
  const inWindow = new Set(snapshots.map((snapshot) => snapshot.number));
  for (const pr of later) {
    if (inWindow.has(pr.number)) continue;
    revertSources.push({
      kind: 'pr',
      number: pr.number,
      url: pr.url,
      title: pr.title,
      body: pr.body,
      merged: pr.mergedAt !== null,
      mergedAt: pr.mergedAt,
      commitMessages: present(pr.commits.nodes).map((node) => node.commit.message),
    });
  }
  for (const commit of context.history) {
    revertSources.push({ kind: 'commit', sha: commit.oid, url: commit.url, message: commit.message, committedAt: commit.committedDate });
  }

  return {
    defaultBranch: context.defaultBranch,
    policy,
    snapshots: snapshots.sort((a, b) => a.number - b.number),
    mergeCommits,
    filePaths,
    revertSources,
    incomplete,
    requests: counter.requests,
  };
}

// ---- 1. Context and history. ----

interface HistoryCommit {
  oid: string;
  message: string;
  committedDate: string;
  url: string;
}

interface Context {
  viewer: { login: string; databaseId: number | null } | null;
  policyText: string | null;
  defaultBranch: string | null;
  history: HistoryCommit[];
}

async function fetchContext(api: GitHubClient, target: ReportTarget, incomplete: string[]): Promise<Context> {
  const base = { owner: target.owner, name: target.name, since: target.from.toISOString() };
  const raw = await api.graphql(REPORT_CONTEXT_QUERY, { ...base, policyExpression: `HEAD:${target.configPath}`, after: null });
  const answer = parseResponse(ContextSchema, raw, 'the report context query');
  const repository = answer.repository;
  if (!repository) throw new Error(`repository ${target.owner}/${target.name} was not found, or the token cannot read it`);
  const blob = repository.policyFile;
  const policyText = blob && blob.__typename === 'Blob' && !blob.isBinary ? (blob.text ?? null) : null;
  const history: HistoryCommit[] = [];
  let page = repository.defaultBranchRef?.target?.history;
  for (let pages = 1; page; pages += 1) {
    history.push(...present(page.nodes));
    if (!page.pageInfo.hasNextPage) break;
    if (pages >= MAX_HISTORY_PAGES) {
      incomplete.push(`default branch history: only the latest ${history.length} commits were searched for revert commits`);
      break;
    }
    const more = await api.graphql(REPORT_HISTORY_QUERY, { ...base, after: page.pageInfo.endCursor });
    page = parseResponse(HistoryAnswerSchema, more, 'the default branch history query').repository?.defaultBranchRef?.target?.history;
  }
  return { viewer: answer.viewer, policyText, defaultBranch: repository.defaultBranchRef?.name ?? null, history };
}

// ---- 4. The next pages of overflowing connections. ----

interface FullPr extends AllPages<GqlReview> {
  pr: ReportPullRequest;
}

/** Review comments come from the REST list (5.), so reviews carry none here. */
function withoutComments(review: Omit<GqlReview, 'comments'>): GqlReview {
  return { ...review, comments: { totalCount: 0, nodes: [] } };
}

async function completePr(api: GitHubClient, target: ReportTarget, pr: ReportPullRequest): Promise<FullPr> {
  const all = await fetchMorePages(api, target, pr);
  return { pr, ...all, reviews: all.reviews.map(withoutComments) };
}

// ---- Mapping. ----

function toSnapshot(
  target: ReportTarget,
  viewer: Context['viewer'],
  full: FullPr,
  reviewComments: RestReviewComment[],
  incomplete: string[],
): PrSnapshot {
  const pr: GqlPullRequest = { ...full.pr, reviews: { ...full.pr.reviews, nodes: full.reviews } };
  const snapshot = snapshotFromApi({
    repo: { owner: target.owner, name: target.name },
    baseSha: full.pr.baseRefOid,
    policyPath: target.configPath,
    viewer,
    policyBlob: null,
    codeownersBlobs: [],
    pr,
    labels: full.labels,
    commits: full.commits,
    reviews: full.reviews,
    comments: full.comments,
    timeline: full.timeline,
    files: [],
    restReviewComments: reviewComments,
  });
  // Report mode reads no file lists (metrics use the PR's totals); other gaps are worth saying.
  snapshot.incomplete = snapshot.incomplete.filter((gap) => !gap.startsWith('files:'));
  for (const gap of snapshot.incomplete) incomplete.push(`#${snapshot.number}: ${gap}`);
  return snapshot;
}
