import * as z from 'zod';
import type { RevertSource } from '../report/reverts.js';
import type { PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { pageOf } from './fetch-pages.js';
import { fetchMorePages, nextPages, present, type AllPages } from './fetch-more-pages.js';
import { pullRequestFields, pullRequestFragments, type PullRequestSelection } from './graphql-queries.js';
import {
  GqlPullRequestSchema,
  GqlReviewSchema,
  parseResponse,
  RestReviewCommentsSchema,
  ReviewPageSchema,
  type GqlPullRequest,
  type GqlReview,
} from './schemas.js';
import { snapshotFromApi, type RestReviewComment } from './snapshot-from-api.js';

/**
 * Report mode's reads (docs/report-mode.md, "API use": ≤ 3 requests per agent PR on average).
 * Everything is batched; the count does not grow with what each PR holds, only with how many PRs
 * there are:
 *
 * 1. one context query: the token's identity, the policy file at the default branch head, and
 *    the first 100 commits of the default branch since the window start (revert commits pushed
 *    directly; further history pages follow, 100 commits each);
 * 2. GraphQL search, 50 PRs per request, each with what detection and metrics read (author, body,
 *    branch, labels, assignees, the first 100 commits, reviews, comments and timeline events). A
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

export const REPORT_SEARCH_OPERATION = 'AgentPrGateReportSearch';
export const REPORT_CONTEXT_OPERATION = 'AgentPrGateReportContext';
export const REPORT_HISTORY_OPERATION = 'AgentPrGateReportHistory';

/** PRs per search request (GitHub allows up to 100; 50 keeps each answer's size moderate). */
export const SEARCH_PAGE_SIZE = 50;
/** GitHub's search answers at most this many results per query. */
export const SEARCH_RESULT_CAP = 1000;
/** Default-branch history pages read at most (100 commits each). */
export const MAX_HISTORY_PAGES = 100;
/** Review comment pages read at most (100 each). */
export const MAX_REVIEW_COMMENT_PAGES = 300;
/** Follow-up pages fetched at the same time. */
const FOLLOW_UP_CONCURRENCY = 4;

// The pull request fields of AgentPrGateSnapshot (src/github/graphql-queries.ts), so the answer
// parses with the same schemas and maps with the same code; reviews leave out their inline
// comments (see 5. above) and `mergeCommit` is added for revert detection.
const REPORT_SELECTION: PullRequestSelection = { reviewComments: false, extraFields: 'mergeCommit { oid }' };

export const REPORT_SEARCH_QUERY = `
query ${REPORT_SEARCH_OPERATION}($q: String!, $first: Int!, $after: String) {
  search(type: ISSUE, query: $q, first: $first, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { __typename ...ReportPullRequest }
  }
}

fragment ReportPullRequest on PullRequest {${pullRequestFields(REPORT_SELECTION)}}
${pullRequestFragments(REPORT_SELECTION)}`;

const HISTORY_FIELDS = `
history(first: 100, since: $since, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { oid message committedDate url }
}`;

export const REPORT_CONTEXT_QUERY = `
query ${REPORT_CONTEXT_OPERATION}($owner: String!, $name: String!, $policyExpression: String!, $since: GitTimestamp!, $after: String) {
  viewer { login databaseId }
  repository(owner: $owner, name: $name) {
    policyFile: object(expression: $policyExpression) { __typename ... on Blob { text isBinary isTruncated } }
    defaultBranchRef { name target { __typename ... on Commit { ${HISTORY_FIELDS} } } }
  }
}`;

export const REPORT_HISTORY_QUERY = `
query ${REPORT_HISTORY_OPERATION}($owner: String!, $name: String!, $since: GitTimestamp!, $after: String) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { __typename ... on Commit { ${HISTORY_FIELDS} } } }
  }
}`;

// ---- Schemas of the answers (the shared ones, with reviews without comments). ----

const ReportReviewSchema = GqlReviewSchema.omit({ comments: true });
const ReportPullRequestSchema = GqlPullRequestSchema.extend({
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  reviews: ReviewPageSchema.extend({ nodes: z.array(ReportReviewSchema.nullable()) }),
});
type ReportPullRequest = z.infer<typeof ReportPullRequestSchema>;

const SearchAnswerSchema = z.object({
  search: z.object({
    issueCount: z.number().int(),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    // Search can answer Issue nodes too; PullRequest nodes are parsed one by one (below).
    nodes: z.array(z.looseObject({ __typename: z.string() }).nullable()),
  }),
});

const HistorySchema = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(z.object({ oid: z.string(), message: z.string(), committedDate: z.string(), url: z.string() }).nullable()),
});

const TargetSchema = z.object({ __typename: z.string(), history: HistorySchema.optional() }).nullable();

const ContextSchema = z.object({
  viewer: z.object({ login: z.string(), databaseId: z.number().int().nullable() }).nullable(),
  repository: z
    .object({
      policyFile: z
        .object({ __typename: z.string(), text: z.string().nullable().optional(), isBinary: z.boolean().nullable().optional() })
        .nullable(),
      defaultBranchRef: z.object({ name: z.string(), target: TargetSchema }).nullable(),
    })
    .nullable(),
});

const HistoryAnswerSchema = z.object({
  repository: z.object({ defaultBranchRef: z.object({ target: TargetSchema }).nullable() }).nullable(),
});

const RestRepoReviewCommentsSchema = z.array(RestReviewCommentsSchema.element.extend({ pull_request_url: z.string() }));

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
  /** Everything that can revert a PR: the PRs of the window and after it, and default-branch commits. */
  revertSources: RevertSource[];
  /** One plain sentence per gap in what was read. */
  incomplete: string[];
  /** API requests made. */
  requests: number;
}

const NO_PROGRESS: ReportProgress = { log: () => undefined, group: (_name, work) => work() };

/** `2026-01-05T00:00:00+00:00`: the datetime form search qualifiers take, to the second. */
export function searchTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

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
  for (const pr of prs) if (pr.mergedAt && pr.mergeCommit) mergeCommits.set(pr.number, pr.mergeCommit.oid);

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
async function searchRange(
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

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
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

// ---- 5. Review comments. ----

/** The repository's inline review comments since the window start, by PR number. */
async function fetchReviewComments(api: GitHubClient, target: ReportTarget, incomplete: string[]): Promise<Map<number, RestReviewComment[]>> {
  const route = 'GET /repos/{owner}/{repo}/pulls/comments' as const;
  const params = { owner: target.owner, repo: target.name, sort: 'created' as const, direction: 'asc' as const, since: target.from.toISOString(), per_page: 100 };
  // Page 1 says how many pages there are; the rest are read a few at a time (not all at once:
  // a long window can have hundreds, and GitHub's secondary limits punish bursts).
  const first = await api.request(route, { ...params, page: 1 });
  const last = pageOf(typeof first.headers.link === 'string' ? first.headers.link : '', 'last') ?? 1;
  const pages = Array.from({ length: Math.min(last, MAX_REVIEW_COMMENT_PAGES) - 1 }, (_, index) => index + 2);
  const rest = await mapLimit(pages, FOLLOW_UP_CONCURRENCY, async (page) => (await api.request(route, { ...params, page })).data);
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
