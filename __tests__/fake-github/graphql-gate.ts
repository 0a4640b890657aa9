import type {
  FakeActor,
  FakeCommit,
  FakeGitActor,
  FakeIssueComment,
  FakeReview,
  FakeScenario,
  FakeStatus,
  FakeTimelineEvent,
} from './scenario.js';
import type { GraphqlHandler, GraphqlHandlerContext } from './server.js';

/**
 * GraphQL answers for the gate's operations (src/github/graphql-queries.ts), built from the
 * scenario the way GitHub would answer: GraphQL login spellings, 100-node pages with cursors,
 * at most 250 commits, dismissed reviews reading DISMISSED, REST-only timeline events left out.
 */

const PAGE = 100;
const MAX_COMMITS = 250;

/** GraphQL spelling of a REST login: `name[bot]` → `name`, `Copilot` → `copilot-swe-agent`. */
export function graphqlLogin(actor: FakeActor): string {
  if (actor.type !== 'Bot') return actor.login;
  if (actor.login === 'Copilot') return 'copilot-swe-agent';
  return actor.login.replace(/\[bot\]$/, '');
}

export function gqlActor(actor: FakeActor | null | undefined) {
  if (!actor) return null;
  return { __typename: actor.type, login: graphqlLogin(actor), databaseId: actor.id };
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** A page of `list` after the opaque cursor `after` (ours: the offset, base64). */
export function pageOf<T>(list: readonly T[], after: unknown, totalCount = list.length): Page<T> {
  const start = typeof after === 'string' && after !== '' ? Number(Buffer.from(after, 'base64').toString('utf8')) : 0;
  const nodes = list.slice(start, start + PAGE);
  const end = start + nodes.length;
  return {
    totalCount,
    pageInfo: { hasNextPage: end < list.length, endCursor: nodes.length > 0 ? Buffer.from(String(end)).toString('base64') : null },
    nodes,
  };
}

function gitActor(actor: FakeGitActor) {
  const user = actor.user && actor.user.type === 'User' ? { login: actor.user.login, databaseId: actor.user.id } : null;
  return { name: actor.name, email: actor.email, user };
}

function commitNode(commit: FakeCommit) {
  return {
    commit: {
      oid: commit.sha,
      message: commit.message,
      authoredDate: commit.author.date,
      committedDate: commit.committer.date,
      parents: { totalCount: commit.parents ?? 1 },
      author: gitActor(commit.author),
      committer: gitActor(commit.committer),
    },
  };
}

function reviewNode(scenario: FakeScenario, review: FakeReview) {
  const comments = scenario.reviewComments.filter((comment) => comment.review_id === review.id);
  return {
    id: `PRR_${review.id}`,
    databaseId: review.id,
    author: gqlActor(review.user),
    authorAssociation: review.author_association ?? 'MEMBER',
    state: review.state,
    submittedAt: review.submitted_at,
    body: review.body,
    commit: review.commit_id ? { oid: review.commit_id } : null,
    comments: {
      totalCount: comments.length,
      nodes: comments.slice(0, PAGE).map((comment) => ({
        databaseId: comment.id,
        author: gqlActor(comment.user),
        createdAt: comment.created_at,
        path: comment.path,
        line: comment.line,
        originalLine: comment.line,
      })),
    },
  };
}

export function commentUrl(scenario: FakeScenario, id: number): string {
  return `https://github.com/${scenario.repo.owner}/${scenario.repo.name}/pull/${scenario.pr.number}#issuecomment-${id}`;
}

function commentNode(scenario: FakeScenario, comment: FakeIssueComment) {
  return {
    databaseId: comment.id,
    author: gqlActor(comment.user),
    body: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    url: commentUrl(scenario, comment.id),
  };
}

const TYPENAMES: Record<string, string> = {
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  ready_for_review: 'ReadyForReviewEvent',
  convert_to_draft: 'ConvertToDraftEvent',
  head_ref_force_pushed: 'HeadRefForcePushedEvent',
  assigned: 'AssignedEvent',
  unassigned: 'UnassignedEvent',
  review_requested: 'ReviewRequestedEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
  merged: 'MergedEvent',
  review_dismissed: 'ReviewDismissedEvent',
  comment_deleted: 'CommentDeletedEvent',
};

function statusContextNode(status: FakeStatus) {
  return { context: status.context, state: status.state.toUpperCase(), description: status.description, createdAt: status.created_at, creator: gqlActor(status.creator) };
}

function timelineNode(scenario: FakeScenario, event: FakeTimelineEvent): Record<string, unknown> | null {
  const __typename = TYPENAMES[event.event];
  if (!__typename) return null; // REST-only events (copilot_work_started, …) are not in GraphQL
  const node: Record<string, unknown> = { __typename, createdAt: event.created_at, actor: gqlActor(event.actor) };
  if (event.label !== undefined) node.label = { name: event.label };
  if (event.event === 'assigned' || event.event === 'unassigned') node.assignee = gqlActor(event.assignee);
  if (event.event === 'review_requested') {
    const reviewer = event.requested_reviewer;
    if (reviewer && 'team' in reviewer) {
      const [org, slug] = reviewer.team.split('/');
      node.requestedReviewer = { __typename: 'Team', slug, organization: { login: org } };
    } else {
      node.requestedReviewer = gqlActor(reviewer);
    }
  }
  if (event.event === 'head_ref_force_pushed') {
    const before = event.before_sha;
    const gate = before ? scenario.statuses?.[before]?.find((status) => status.context === 'agent-pr-gate') : undefined;
    node.beforeCommit = before ? { oid: before, status: gate ? { context: statusContextNode(gate) } : null } : null;
  }
  if (event.event === 'comment_deleted') node.deletedCommentAuthor = gqlActor(event.deleted_comment_author);
  if (event.event === 'review_dismissed') {
    node.previousReviewState = event.previous_review_state ?? 'APPROVED';
    node.review = event.review_id !== undefined ? { databaseId: event.review_id } : null;
  }
  return node;
}

function blob(scenario: FakeScenario, expression: unknown) {
  if (typeof expression !== 'string') return null;
  const colon = expression.indexOf(':');
  const sha = expression.slice(0, colon);
  const path = expression.slice(colon + 1);
  const text = scenario.trees[sha]?.[path];
  return text === undefined ? null : { __typename: 'Blob', text, isBinary: false, isTruncated: false };
}

function connections(scenario: FakeScenario, variables: Record<string, unknown>, include: (name: string) => boolean) {
  const out: Record<string, unknown> = {};
  const commits = scenario.commits.slice(0, MAX_COMMITS);
  if (include('labels')) out.labels = pageOf(scenario.pr.labels.map((name) => ({ name })), variables.labelsAfter);
  if (include('commits')) {
    const page = pageOf(commits, variables.commitsAfter, scenario.totalCommits ?? scenario.commits.length);
    out.commits = { ...page, nodes: page.nodes.map(commitNode) };
  }
  if (include('reviews')) {
    const page = pageOf(scenario.reviews, variables.reviewsAfter);
    out.reviews = { ...page, nodes: page.nodes.map((review) => reviewNode(scenario, review)) };
  }
  if (include('comments')) {
    const page = pageOf(scenario.comments, variables.commentsAfter);
    out.comments = { ...page, nodes: page.nodes.map((comment) => commentNode(scenario, comment)) };
  }
  if (include('timeline')) {
    const nodes = scenario.timeline.map((event) => timelineNode(scenario, event)).filter((node): node is Record<string, unknown> => node !== null);
    out.timelineItems = pageOf(nodes, variables.timelineAfter);
  }
  return out;
}

function notFound(context: GraphqlHandlerContext) {
  const { scenario, variables } = context;
  if (variables.owner !== scenario.repo.owner || variables.name !== scenario.repo.name) {
    return { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${String(variables.owner)}/${String(variables.name)}'.` }] };
  }
  if (variables.number !== scenario.pr.number) {
    return {
      data: { repository: { pullRequest: null } },
      errors: [{ type: 'NOT_FOUND', path: ['repository', 'pullRequest'], message: `Could not resolve to a PullRequest with the number of ${String(variables.number)}.` }],
    };
  }
  return null;
}

/** `headCommit: commits(last: 1)`: the last listed commit, with the head commit's statuses. */
function headCommitNode(scenario: FakeScenario) {
  const last = scenario.commits.at(-1);
  if (!last) return { nodes: [] };
  const isHead = last.sha === scenario.pr.head.sha;
  const contexts = [
    ...(isHead ? (scenario.headStatuses ?? []) : []).map((s) => ({ context: s.context, createdAt: s.created_at, state: 'SUCCESS', description: '', creator: null })),
    ...(scenario.statuses?.[last.sha] ?? []).map(statusContextNode),
  ];
  const status = contexts.length > 0 ? { contexts } : null;
  return { nodes: [{ commit: { oid: last.sha, status } }] };
}

export const snapshotHandler: GraphqlHandler = (context) => {
  const missing = notFound(context);
  if (missing) return missing;
  const { scenario, variables } = context;
  const pr = scenario.pr;
  const additions = scenario.files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = scenario.files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    data: {
      viewer: { login: scenario.viewer.login, databaseId: scenario.viewer.id },
      repository: {
        policyFile: blob(scenario, variables.policyExpression),
        codeownersGithub: blob(scenario, variables.codeownersGithub),
        codeownersRoot: blob(scenario, variables.codeownersRoot),
        codeownersDocs: blob(scenario, variables.codeownersDocs),
        pullRequest: {
          number: pr.number,
          title: pr.title,
          body: pr.body,
          url: `https://github.com/${scenario.repo.owner}/${scenario.repo.name}/pull/${pr.number}`,
          state: pr.merged ? 'MERGED' : pr.state === 'closed' ? 'CLOSED' : 'OPEN',
          isDraft: pr.draft,
          createdAt: pr.created_at,
          mergedAt: pr.merged_at,
          closedAt: pr.closed_at,
          headRefName: pr.head.ref,
          headRefOid: pr.head.sha,
          baseRefName: pr.base.ref,
          baseRefOid: pr.base.sha,
          isCrossRepository: pr.from_fork,
          additions,
          deletions,
          changedFiles: scenario.totalFiles ?? scenario.files.length,
          author: gqlActor(pr.user),
          assignees: { nodes: pr.assignees.filter((actor) => actor.type === 'User').map(gqlActor) },
          ...connections(scenario, variables, () => true),
          headCommit: headCommitNode(scenario),
        },
      },
    },
  };
};

export const moreHandler: GraphqlHandler = (context) => {
  const missing = notFound(context);
  if (missing) return missing;
  const { scenario, variables } = context;
  return { data: { repository: { pullRequest: connections(scenario, variables, (name) => variables[name] === true) } } };
};

/**
 * `AgentPrGateManifests`: each alias (`b0`, `h0`, …) is an `object(expression:)` whose expression
 * is the variable of the same name, answered from `scenario.trees` as GitHub would (null for a
 * file absent at that commit).
 */
export const manifestsHandler: GraphqlHandler = (context) => {
  const { scenario, variables } = context;
  const missing = notFound({ ...context, variables: { ...variables, number: scenario.pr.number } });
  if (missing) return missing;
  const repository: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(variables)) {
    if (!/^[bh]\d+$/.test(name)) continue;
    const found = blob(scenario, expression);
    repository[name] = found && { ...found, byteSize: Buffer.byteLength(found.text, 'utf8') };
  }
  return { data: { repository } };
};

export const GATE_GRAPHQL_HANDLERS: Record<string, GraphqlHandler> = {
  AgentPrGateSnapshot: snapshotHandler,
  AgentPrGateMore: moreHandler,
  AgentPrGateManifests: manifestsHandler,
};
