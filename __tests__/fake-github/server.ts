/**
 * A fake GitHub API: a real HTTP server on 127.0.0.1 (random port) that plays the REST endpoints
 * and the GraphQL operations the action uses, from a FakeScenario (scenario.ts). It records every
 * request (method, path, GraphQL operation name) and every write (comments created/edited,
 * statuses set), and can inject faults (HTTP errors, secondary rate limits with `retry-after`,
 * connection resets, slow answers) and play a read-only token (writes answer 403 "Resource not
 * accessible by integration").
 *
 * Point the code at it with GITHUB_API_URL = `fake.url` and GITHUB_GRAPHQL_URL = `fake.graphqlUrl`.
 *
 * EXTENSION POINT — GraphQL operations are dispatched by operation name (`query Name(…)`), so a
 * new query needs only a handler, in its own file:
 *
 *   // __tests__/fake-github/graphql-search.ts
 *   import type { GraphqlHandler } from './server.js';
 *   export const searchHandler: GraphqlHandler = ({ variables, scenario }) => ({ data: { search: … } });
 *
 *   // in the test
 *   const fake = await startFakeGitHub(scenario, { graphql: { AgentPrGateSearch: searchHandler } });
 *
 * A handler returns the whole GraphQL answer (`{ data }` and/or `{ errors }`). Handlers passed in
 * `options.graphql` are added to (and may replace) the gate's built-in ones (graphql-gate.ts).
 * Extra REST routes work the same way through `options.rest` (tried before the built-in routes).
 * An operation without a handler answers a GraphQL error naming it; a REST path without a route
 * answers 404; both are recorded, so tests can assert nothing unexpected was called.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATE_GRAPHQL_HANDLERS, commentUrl } from './graphql-gate.js';
import type { FakeActor, FakeScenario } from './scenario.js';

export interface GraphqlHandlerContext {
  query: string;
  operation: string;
  variables: Record<string, unknown>;
  /** The live scenario (writes made during the run are visible). */
  scenario: FakeScenario;
}
export type GraphqlHandler = (context: GraphqlHandlerContext) => { data?: unknown; errors?: unknown[] };

export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  scenario: FakeScenario;
  baseUrl: string;
}
export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface RestRoute {
  method: string;
  /** Matched against the path (no query string); groups are passed to the handler. */
  path: RegExp;
  handle: (request: RestRequest, match: RegExpExecArray) => RestAnswer;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** GraphQL operation name, for POST /graphql. */
  operation: string | null;
  status: number;
  /** The fault injected into this request, if any. */
  fault: FaultKind['kind'] | null;
  authorization: string | null;
  userAgent: string | null;
}

export interface CommentWrite {
  action: 'create' | 'update' | 'delete';
  id: number;
  body: string;
  /** Who wrote it (the viewer). */
  by: string;
}
export interface StatusWrite {
  sha: string;
  state: string;
  context: string;
  description: string;
  target_url: string | null;
}

export type FaultKind =
  /** `afterHandling`: the request takes effect (a write is made), then the error is answered. */
  | { kind: 'status'; status: number; message?: string; afterHandling?: boolean }
  | { kind: 'secondary-rate-limit'; retryAfter: number }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number };

export type Fault = FaultKind & {
  /** Which requests: all when empty. `path` is a substring or a RegExp of the path. */
  when?: { method?: string; path?: string | RegExp; operation?: string };
  /** How many matching requests get it (default 1; Infinity for all). */
  times?: number;
};

export interface FakeGitHubOptions {
  graphql?: Record<string, GraphqlHandler>;
  rest?: RestRoute[];
  faults?: Fault[];
  /** Writes answer 403 "Resource not accessible by integration". */
  readOnly?: boolean;
}

export interface FakeGitHub {
  url: string;
  graphqlUrl: string;
  scenario: FakeScenario;
  requests: RecordedRequest[];
  writes: { comments: CommentWrite[]; statuses: StatusWrite[] };
  faults: Fault[];
  readOnly: boolean;
  /** Forget recorded requests and writes (the scenario keeps its state). */
  resetLog(): void;
  close(): Promise<void>;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

function json(status: number, body: unknown, headers: Record<string, string> = {}): RestAnswer {
  return { status, body, headers };
}

function restUser(actor: FakeActor | null) {
  return actor ? { login: actor.login, id: actor.id, type: actor.type } : null;
}

function linkHeader(baseUrl: string, path: string, query: URLSearchParams, page: number, last: number): string {
  const link = (p: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.set('page', String(p));
    return `<${baseUrl}${path}?${params.toString()}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(link(page - 1, 'prev'));
  if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) parts.push(link(1, 'first'));
  return parts.join(', ');
}

/** A REST list page with GitHub's Link header. */
function listPage(request: RestRequest, items: readonly unknown[]): RestAnswer {
  const perPage = Math.min(Number(request.query.get('per_page') ?? 30) || 30, 100);
  const page = Math.max(Number(request.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const body = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(request.baseUrl, request.path, request.query, page, last);
  return json(200, body, link ? { link } : {});
}

const MAX_FILES = 3000;

function builtinRoutes(recordWrite: (write: CommentWrite | StatusWrite, kind: 'comment' | 'status') => void): RestRoute[] {
  const repoPath = '/repos/([^/]+)/([^/]+)';
  const sameRepo = (request: RestRequest, match: RegExpExecArray) =>
    match[1] === request.scenario.repo.owner && match[2] === request.scenario.repo.name;
  const samePr = (request: RestRequest, match: RegExpExecArray) => sameRepo(request, match) && Number(match[3]) === request.scenario.pr.number;
  let nextCommentId = 9_000_001;

  return [
    {
      method: 'GET',
      path: new RegExp(`^${repoPath}/pulls/(\\d+)/files$`),
      handle: (request, match) => (samePr(request, match) ? listPage(request, request.scenario.files.slice(0, MAX_FILES)) : json(404, NOT_FOUND)),
    },
    {
      method: 'GET',
      path: new RegExp(`^${repoPath}/pulls/(\\d+)/comments$`),
      handle: (request, match) =>
        samePr(request, match)
          ? listPage(
              request,
              request.scenario.reviewComments.map((comment) => ({
                id: comment.id,
                pull_request_review_id: comment.review_id,
                user: restUser(comment.user),
                created_at: comment.created_at,
                path: comment.path,
                line: comment.line,
                original_line: comment.line,
              })),
            )
          : json(404, NOT_FOUND),
    },
    {
      method: 'GET',
      path: new RegExp(`^${repoPath}/issues/(\\d+)/comments$`),
      handle: (request, match) => {
        if (!samePr(request, match)) return json(404, NOT_FOUND);
        const since = request.query.get('since');
        const comments = request.scenario.comments.filter((comment) => !since || Date.parse(comment.updated_at) >= Date.parse(since));
        return listPage(
          request,
          comments.map((comment) => ({
            id: comment.id,
            user: restUser(comment.user),
            body: comment.body,
            created_at: comment.created_at,
            updated_at: comment.updated_at,
            html_url: commentUrl(request.scenario, comment.id),
          })),
        );
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^${repoPath}/issues/(\\d+)/comments$`),
      handle: (request, match) => {
        if (!samePr(request, match)) return json(404, NOT_FOUND);
        const body = (request.body as { body?: unknown } | null)?.body;
        if (typeof body !== 'string' || body === '') return json(422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
        if (body.length > 65_536) return json(422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }] });
        // GitHub's times are to the second; ids grow in creation order.
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const comment = { id: nextCommentId++, user: request.scenario.viewer, body, created_at: now, updated_at: now };
        request.scenario.comments.push(comment);
        recordWrite({ action: 'create', id: comment.id, body, by: request.scenario.viewer.login }, 'comment');
        return json(201, { id: comment.id, body, user: restUser(comment.user), html_url: commentUrl(request.scenario, comment.id) });
      },
    },
    {
      method: 'PATCH',
      path: new RegExp(`^${repoPath}/issues/comments/(\\d+)$`),
      handle: (request, match) => {
        if (!sameRepo(request, match)) return json(404, NOT_FOUND);
        const comment = request.scenario.comments.find((item) => item.id === Number(match[3]));
        if (!comment) return json(404, NOT_FOUND);
        const body = (request.body as { body?: unknown } | null)?.body;
        if (typeof body !== 'string' || body === '') return json(422, { message: 'Validation Failed' });
        comment.body = body;
        comment.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        recordWrite({ action: 'update', id: comment.id, body, by: request.scenario.viewer.login }, 'comment');
        return json(200, { id: comment.id, body, user: restUser(comment.user), html_url: commentUrl(request.scenario, comment.id) });
      },
    },
    {
      method: 'DELETE',
      path: new RegExp(`^${repoPath}/issues/comments/(\\d+)$`),
      handle: (request, match) => {
        if (!sameRepo(request, match)) return json(404, NOT_FOUND);
        const index = request.scenario.comments.findIndex((item) => item.id === Number(match[3]));
        const comment = request.scenario.comments[index];
        if (!comment) return json(404, NOT_FOUND);
        // The token may delete only what it wrote (the gate never deletes anyone else's comment).
        if (comment.user?.id !== request.scenario.viewer.id) return json(403, { message: 'Must have admin rights to Repository.' });
        request.scenario.comments.splice(index, 1);
        recordWrite({ action: 'delete', id: comment.id, body: '', by: request.scenario.viewer.login }, 'comment');
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^${repoPath}/statuses/([0-9a-f]{40})$`),
      handle: (request, match) => {
        if (!sameRepo(request, match)) return json(404, NOT_FOUND);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const state = body.state;
        if (typeof state !== 'string' || !['error', 'failure', 'pending', 'success'].includes(state)) {
          return json(422, { message: 'Validation Failed', errors: [{ field: 'state', code: 'invalid' }] });
        }
        const description = typeof body.description === 'string' ? body.description : '';
        if (description.length > 140) {
          return json(422, { message: 'Validation Failed', errors: [{ field: 'description', code: 'custom', message: 'description is too long (maximum is 140 characters)' }] });
        }
        const status: StatusWrite = {
          sha: match[3] ?? '',
          state,
          context: typeof body.context === 'string' ? body.context : 'default',
          description,
          target_url: typeof body.target_url === 'string' ? body.target_url : null,
        };
        recordWrite(status, 'status');
        // GitHub keeps the latest status per context and commit; a later run reads it back.
        const statuses = (request.scenario.statuses ??= {});
        const kept = (statuses[status.sha] ?? []).filter((item) => item.context !== status.context);
        statuses[status.sha] = [...kept, { context: status.context, state, description, created_at: new Date().toISOString(), creator: request.scenario.viewer }];
        return json(201, { id: 1, state, context: status.context, description, target_url: status.target_url });
      },
    },
    {
      // The PR list, filtered by `head=owner:branch` as GitHub does (the scenario's one PR).
      method: 'GET',
      path: new RegExp(`^${repoPath}/pulls$`),
      handle: (request, match) => {
        if (!sameRepo(request, match)) return json(404, NOT_FOUND);
        const { scenario } = request;
        const headRepo = scenario.headRepository ?? `${scenario.repo.owner}/${scenario.repo.name}`;
        const head = request.query.get('head');
        const state = request.query.get('state') ?? 'open';
        const listed = head === null || head === `${headRepo.split('/')[0]}:${scenario.pr.head.ref}`;
        const pr = scenario.pr;
        const shown = listed && (state === 'all' || state === pr.state);
        return listPage(request, shown ? [{ number: pr.number, state: pr.state, head: { ref: pr.head.ref, sha: pr.head.sha, repo: { full_name: headRepo } }, base: { ref: pr.base.ref, sha: pr.base.sha } }] : []);
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^${repoPath}/collaborators/([^/]+)/permission$`),
      handle: (request, match) => {
        if (!sameRepo(request, match)) return json(404, NOT_FOUND);
        const login = decodeURIComponent(match[3] ?? '');
        const role = request.scenario.permissions[login] ?? 'read';
        const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
        return json(200, { permission, role_name: role, user: { login } });
      },
    },
    {
      method: 'GET',
      path: /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/,
      handle: (request, match) => {
        const members = request.scenario.teams[`${match[1]}/${match[2]}`];
        if (!members) return json(404, NOT_FOUND);
        return listPage(request, members.map((login, index) => ({ login, id: 5000 + index, type: 'User' })));
      },
    },
  ];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function operationOf(body: unknown): { query: string; operation: string; variables: Record<string, unknown> } {
  const payload = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  const query = typeof payload.query === 'string' ? payload.query : '';
  const named = typeof payload.operationName === 'string' ? payload.operationName : /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1];
  const variables = typeof payload.variables === 'object' && payload.variables !== null ? (payload.variables as Record<string, unknown>) : {};
  return { query, operation: named ?? '(anonymous)', variables };
}

function matches(fault: Fault, method: string, path: string, operation: string | null): boolean {
  const when = fault.when ?? {};
  if (when.method && when.method !== method) return false;
  if (when.operation && when.operation !== operation) return false;
  if (when.path) {
    if (typeof when.path === 'string' ? !path.includes(when.path) : !when.path.test(path)) return false;
  }
  return (fault.times ?? 1) > 0;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeGitHub(scenario: FakeScenario, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const graphqlHandlers: Record<string, GraphqlHandler> = { ...GATE_GRAPHQL_HANDLERS, ...options.graphql };
  const requests: RecordedRequest[] = [];
  const writes: FakeGitHub['writes'] = { comments: [], statuses: [] };
  const recordWrite = (write: CommentWrite | StatusWrite, kind: 'comment' | 'status') => {
    if (kind === 'comment') writes.comments.push(write as CommentWrite);
    else writes.statuses.push(write as StatusWrite);
  };
  const routes = [...(options.rest ?? []), ...builtinRoutes(recordWrite)];
  let baseUrl = '';

  const fake: FakeGitHub = {
    url: '',
    graphqlUrl: '',
    scenario,
    requests,
    writes,
    faults: [...(options.faults ?? [])],
    readOnly: options.readOnly ?? false,
    resetLog() {
      requests.length = 0;
      writes.comments.length = 0;
      writes.statuses.length = 0;
    },
    close: async () => undefined,
  };

  const send = (response: ServerResponse, answer: RestAnswer) => {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const body = parseJson(text);
    const isGraphql = url.pathname === '/graphql';
    const gql = isGraphql ? operationOf(body) : null;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      operation: gql?.operation ?? null,
      status: 0,
      fault: null,
      authorization: request.headers.authorization ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    };
    requests.push(record);
    let replaceAnswer: RestAnswer | null = null;
    const reply = (answer: RestAnswer) => {
      const final = replaceAnswer ?? answer;
      record.status = final.status;
      send(response, final);
    };

    const fault = fake.faults.find((item) => matches(item, method, url.pathname, record.operation));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      record.fault = fault.kind;
      if (fault.kind === 'reset') {
        record.status = -1;
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'slow') await sleep(fault.delayMs);
      if (fault.kind === 'status') {
        const answer = json(fault.status, { message: fault.message ?? (fault.status >= 500 ? 'Server Error' : 'Error') });
        if (!fault.afterHandling) {
          reply(answer);
          return;
        }
        replaceAnswer = answer;
      }
      if (fault.kind === 'secondary-rate-limit') {
        reply(
          json(
            403,
            { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
            { 'retry-after': String(fault.retryAfter), 'x-ratelimit-remaining': '4000' },
          ),
        );
        return;
      }
    }

    if (!request.headers.authorization) {
      reply(json(401, { message: 'Requires authentication' }));
      return;
    }

    if (gql) {
      const handler = graphqlHandlers[gql.operation];
      if (!handler) {
        reply(json(200, { errors: [{ message: `fake GitHub has no handler for the GraphQL operation ${gql.operation}` }] }));
        return;
      }
      reply(json(200, handler({ ...gql, scenario: fake.scenario })));
      return;
    }

    if (fake.readOnly && WRITE_METHODS.has(method)) {
      reply(json(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }));
      return;
    }

    for (const route of routes) {
      if (route.method !== method) continue;
      const match = route.path.exec(url.pathname);
      if (!match) continue;
      reply(route.handle({ method, path: url.pathname, query: url.searchParams, body, scenario: fake.scenario, baseUrl }, match));
      return;
    }
    reply(json(404, NOT_FOUND));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, json(500, { message: `fake GitHub crashed: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  fake.url = baseUrl;
  fake.graphqlUrl = `${baseUrl}/graphql`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** Requests that reached a handler (faulted attempts excluded), e.g. for budget assertions. */
export function countRequests(fake: FakeGitHub, filter: (request: RecordedRequest) => boolean = () => true): number {
  return fake.requests.filter(filter).length;
}
