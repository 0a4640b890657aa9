/**
 * The GraphQL documents of a gate run. The operation names are part of the contract with the fake
 * API in __tests__/fake-github/, which dispatches on them.
 *
 * `AgentPrGateSnapshot` reads everything but the file list in one round trip: the PR, its first
 * 100 labels/commits/reviews (with their inline comments)/comments/timeline events, the head
 * commit's status contexts, the policy file and the CODEOWNERS candidates at the base commit, and
 * the token's identity.
 * `AgentPrGateMore` fetches the next page of each connection that has one, all in one request
 * (`@include` switches off the connections that are done).
 *
 * The pull request selection and its fragments (`pullRequestFields`, `pullRequestFragments`) are
 * shared with report mode's search (src/github/fetch-report.ts), so both answers parse with the
 * same schemas.
 */

import { STATUS_CONTEXT } from './publish-status.js';

export const SNAPSHOT_OPERATION = 'AgentPrGateSnapshot';
export const MORE_OPERATION = 'AgentPrGateMore';

/** Timeline event types the core reads (GraphQL names; mapped to REST names in map-snapshot.ts). */
export const TIMELINE_ITEM_TYPES = [
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  'READY_FOR_REVIEW_EVENT',
  'CONVERT_TO_DRAFT_EVENT',
  'HEAD_REF_FORCE_PUSHED_EVENT',
  'ASSIGNED_EVENT',
  'UNASSIGNED_EVENT',
  'REVIEW_REQUESTED_EVENT',
  'CLOSED_EVENT',
  'REOPENED_EVENT',
  'MERGED_EVENT',
  'REVIEW_DISMISSED_EVENT',
  'COMMENT_DELETED_EVENT',
] as const;


export const PAGE_SIZE = 100;

// ---- Selections shared by the gate's documents and report mode's (src/github/fetch-report.ts). ----

/** Every actor (author, assignee, requested reviewer…) is read with these fields. */
export const ACTOR_FRAGMENT = `
fragment ActorFields on Actor {
  __typename
  login
  ... on User { databaseId }
  ... on Bot { databaseId }
  ... on Mannequin { databaseId }
  ... on Organization { databaseId }
}
`;

export const LABEL_PAGE_FRAGMENT = `
fragment LabelPage on LabelConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes { name }
}
`;

export const COMMIT_PAGE_FRAGMENT = `
fragment CommitPage on PullRequestCommitConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    commit {
      oid
      message
      authoredDate
      committedDate
      parents(first: 1) { totalCount }
      author { name email user { login databaseId } }
      committer { name email user { login databaseId } }
    }
  }
}
`;

/** The fragment name of a review page, with or without each review's first 100 inline comments. */
function reviewPageName(reviewComments: boolean): string {
  return reviewComments ? 'ReviewPage' : 'ReviewPageWithoutComments';
}

/**
 * A page of reviews. Report mode leaves out each review's inline comments: inside a 50-PR search
 * page they would be 50 × 100 × 100 nodes, past GitHub's 500,000-node limit per query.
 */
export function reviewPageFragment(reviewComments: boolean): string {
  const comments = reviewComments
    ? `
    comments(first: 100) {
      totalCount
      nodes { databaseId author { ...ActorFields } createdAt path line originalLine }
    }`
    : '';
  return `
fragment ${reviewPageName(reviewComments)} on PullRequestReviewConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    databaseId
    author { ...ActorFields }
    authorAssociation
    state
    submittedAt
    body
    commit { oid }${comments}
  }
}
`;
}

export const COMMENT_PAGE_FRAGMENT = `
fragment CommentPage on IssueCommentConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes { databaseId author { ...ActorFields } body createdAt updatedAt url }
}
`;

export const TIMELINE_PAGE_FRAGMENT = `
fragment TimelinePage on PullRequestTimelineItemsConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on LabeledEvent { createdAt actor { ...ActorFields } label { name } }
    ... on UnlabeledEvent { createdAt actor { ...ActorFields } label { name } }
    ... on ReadyForReviewEvent { createdAt actor { ...ActorFields } }
    ... on ConvertToDraftEvent { createdAt actor { ...ActorFields } }
    ... on HeadRefForcePushedEvent {
      createdAt
      actor { ...ActorFields }
      beforeCommit { oid status { context(name: "${STATUS_CONTEXT}") { state description createdAt creator { ...ActorFields } } } }
    }
    ... on AssignedEvent { createdAt actor { ...ActorFields } assignee { ...ActorFields } }
    ... on UnassignedEvent { createdAt actor { ...ActorFields } assignee { ...ActorFields } }
    ... on ReviewRequestedEvent {
      createdAt
      actor { ...ActorFields }
      requestedReviewer { __typename ...ActorFields ... on Team { slug organization { login } } }
    }
    ... on ClosedEvent { createdAt actor { ...ActorFields } }
    ... on ReopenedEvent { createdAt actor { ...ActorFields } }
    ... on MergedEvent { createdAt actor { ...ActorFields } }
    ... on ReviewDismissedEvent { createdAt actor { ...ActorFields } previousReviewState review { databaseId } }
    ... on CommentDeletedEvent { createdAt actor { ...ActorFields } deletedCommentAuthor { ...ActorFields } }
  }
}
`;

/** The `itemTypes` argument of every timeline connection. */
export const TIMELINE_ITEM_TYPES_ARGUMENT = `[${TIMELINE_ITEM_TYPES.join(', ')}]`;

export interface PullRequestSelection {
  /** Whether each review carries its first 100 inline comments. */
  reviewComments: boolean;
  /** Fields added after `changedFiles` (report mode: `mergeCommit { oid }`). */
  extraFields?: string;
}

/**
 * The fields read of a pull request, the same in both modes (so the answers parse with the same
 * schemas and map with the same code). The fragments it spreads are `pullRequestFragments`.
 */
export function pullRequestFields(selection: PullRequestSelection): string {
  const extra = selection.extraFields ? `\n  ${selection.extraFields}` : '';
  return `
  number
  title
  body
  url
  state
  isDraft
  createdAt
  mergedAt
  closedAt
  headRefName
  headRefOid
  baseRefName
  baseRefOid
  isCrossRepository
  additions
  deletions
  changedFiles${extra}
  author { ...ActorFields }
  labels(first: 100) { ...LabelPage }
  assignees(first: 100) { nodes { ...ActorFields } }
  commits(first: 100) { ...CommitPage }
  reviews(first: 100) { ...${reviewPageName(selection.reviewComments)} }
  comments(first: 100) { ...CommentPage }
  timelineItems(first: 100, itemTypes: ${TIMELINE_ITEM_TYPES_ARGUMENT}) { ...TimelinePage }
`;
}

/** The fragment definitions `pullRequestFields` (and `AgentPrGateMore`) spread, each once. */
export function pullRequestFragments(selection: Pick<PullRequestSelection, 'reviewComments'>): string {
  return [
    ACTOR_FRAGMENT,
    LABEL_PAGE_FRAGMENT,
    COMMIT_PAGE_FRAGMENT,
    reviewPageFragment(selection.reviewComments),
    COMMENT_PAGE_FRAGMENT,
    TIMELINE_PAGE_FRAGMENT,
  ].join('');
}

// ---- The gate's documents. ----

/**
 * The gate also reads the head commit's commit statuses (the latest status of each context, with
 * the time GitHub created it): the earliest of them bounds when the head commit reached the PR,
 * which the commit's own dates cannot (whoever makes a commit writes them). `commits(last: 1)` is
 * the head even when the PR has more commits than the first page. The gate's own status there
 * (with its creator and description) is part of the gate's memory, as are its statuses on the
 * heads force pushes replaced (`HeadRefForcePushedEvent.beforeCommit`) and the deletions of its
 * comments (`CommentDeletedEvent`): docs/security.md, "The gate's memory".
 */
export const HEAD_COMMIT_FIELD =
  'headCommit: commits(last: 1) { nodes { commit { oid status { contexts { context createdAt state description creator { ...ActorFields } } } } } }';

const GATE_SELECTION: PullRequestSelection = { reviewComments: true, extraFields: HEAD_COMMIT_FIELD };
const FRAGMENTS = pullRequestFragments(GATE_SELECTION);

export const SNAPSHOT_QUERY = `
query ${SNAPSHOT_OPERATION}(
  $owner: String!
  $name: String!
  $number: Int!
  $policyExpression: String!
  $codeownersGithub: String!
  $codeownersRoot: String!
  $codeownersDocs: String!
) {
  viewer { login databaseId }
  repository(owner: $owner, name: $name) {
    policyFile: object(expression: $policyExpression) { __typename ... on Blob { text isBinary isTruncated } }
    codeownersGithub: object(expression: $codeownersGithub) { __typename ... on Blob { text isBinary isTruncated } }
    codeownersRoot: object(expression: $codeownersRoot) { __typename ... on Blob { text isBinary isTruncated } }
    codeownersDocs: object(expression: $codeownersDocs) { __typename ... on Blob { text isBinary isTruncated } }
    pullRequest(number: $number) {${pullRequestFields(GATE_SELECTION)}}
  }
}
${FRAGMENTS}`;

export const MORE_QUERY = `
query ${MORE_OPERATION}(
  $owner: String!
  $name: String!
  $number: Int!
  $labels: Boolean!
  $labelsAfter: String
  $commits: Boolean!
  $commitsAfter: String
  $reviews: Boolean!
  $reviewsAfter: String
  $comments: Boolean!
  $commentsAfter: String
  $timeline: Boolean!
  $timelineAfter: String
) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      labels(first: 100, after: $labelsAfter) @include(if: $labels) { ...LabelPage }
      commits(first: 100, after: $commitsAfter) @include(if: $commits) { ...CommitPage }
      reviews(first: 100, after: $reviewsAfter) @include(if: $reviews) { ...ReviewPage }
      comments(first: 100, after: $commentsAfter) @include(if: $comments) { ...CommentPage }
      timelineItems(first: 100, after: $timelineAfter, itemTypes: ${TIMELINE_ITEM_TYPES_ARGUMENT}) @include(if: $timeline) { ...TimelinePage }
    }
  }
}
${FRAGMENTS}`;

/** The connections `AgentPrGateMore` can continue, with the variable names it uses. */
export const MORE_CONNECTIONS = ['labels', 'commits', 'reviews', 'comments', 'timeline'] as const;
export type MoreConnection = (typeof MORE_CONNECTIONS)[number];

export const MANIFESTS_OPERATION = 'AgentPrGateManifests';

/**
 * `AgentPrGateManifests`: `count` files at two commits in one request, each an aliased
 * `object(expression:)` (`b0`/`h0` = the first file at base/head, …). The expressions are
 * variables named like their aliases, so no path is ever spliced into the document.
 */
export function manifestsQuery(count: number): string {
  const aliases = Array.from({ length: count }, (_, index) => [`b${index}`, `h${index}`]).flat();
  const variables = aliases.map((alias) => `$${alias}: String!`).join(' ');
  const fields = aliases.map((alias) => `    ${alias}: object(expression: $${alias}) { __typename ... on Blob { text isBinary isTruncated byteSize } }`);
  return `
query ${MANIFESTS_OPERATION}($owner: String! $name: String! ${variables}) {
  repository(owner: $owner, name: $name) {
${fields.join('\n')}
  }
}`;
}
