import type {
  Actor,
  BaseFile,
  Commit,
  FileChange,
  IssueComment,
  PrSnapshot,
  Review,
  ReviewComment,
  ReviewState,
  TimelineEvent,
} from '../snapshot.js';
import { EMPTY_LOOKUPS } from '../snapshot.js';
import type {
  GqlBlob,
  GqlComment,
  GqlCommit,
  GqlHeadCommit,
  GqlPullRequest,
  GqlReview,
  GqlTimelineItem,
  RestFile,
  SnapshotQuery,
} from './schemas.js';
import { actorFromGraphql, actorFromRest, identityOf } from './actors-from-api.js';
import { gateMemoryFrom } from './gate-memory-from-api.js';
import { STATUS_CONTEXT } from './publish-status.js';

/**
 * Pure mapping from what the API answered (GraphQL pages, REST files) to a PrSnapshot. Logins are
 * turned into REST spellings so the snapshot is uniform: a GraphQL `Bot` `name` becomes
 * `name[bot]`, and the Copilot coding agent's `copilot-swe-agent` becomes `Copilot`.
 */

/** GitHub's caps on what a PR's lists return. */
export const MAX_LISTED_FILES = 3000;
export const MAX_LISTED_COMMITS = 250;

export interface RestReviewComment {
  id: number;
  user: { login: string; id: number; type?: string | undefined } | null;
  created_at: string;
  path: string;
  line?: number | null | undefined;
  original_line?: number | null | undefined;
}

export interface ApiData {
  repo: { owner: string; name: string };
  /** The base commit the policy and CODEOWNERS were read at. */
  baseSha: string;
  policyPath: string;
  viewer: SnapshotQuery['viewer'];
  policyBlob: GqlBlob;
  codeownersBlobs: Array<{ path: string; blob: GqlBlob }>;
  pr: GqlPullRequest;
  labels: string[];
  commits: GqlCommit[];
  reviews: GqlReview[];
  comments: GqlComment[];
  timeline: GqlTimelineItem[];
  files: RestFile[];
  /** The full REST review comment list, when some review had more inline comments than GraphQL gave. */
  restReviewComments: RestReviewComment[] | null;
}

function commitFrom(node: GqlCommit): Commit {
  const c = node.commit;
  return {
    sha: c.oid,
    message: c.message,
    author: identityOf(c.author),
    committer: identityOf(c.committer),
    authoredAt: c.authoredDate,
    committedAt: c.committedDate,
    parents: c.parents.totalCount,
  };
}

const REVIEW_STATES: readonly ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'PENDING'];

function reviewsFrom(reviews: GqlReview[], timeline: GqlTimelineItem[]): Review[] {
  // A dismissed review reads DISMISSED in GraphQL; the dismissal event keeps what it was.
  const previous = new Map<number, ReviewState>();
  for (const item of timeline) {
    if (item.__typename !== 'ReviewDismissedEvent') continue;
    const id = item.review?.databaseId;
    const state = item.previousReviewState;
    if (id != null && state && (REVIEW_STATES as readonly string[]).includes(state)) previous.set(id, state as ReviewState);
  }
  return reviews.map((review): Review => {
    const id = review.databaseId ?? 0;
    const dismissed = review.state === 'DISMISSED';
    // Without the event (it should always be there) the original state is unknown; a dismissed
    // review never counts as an approval, so COMMENTED is the safe reading.
    const state: ReviewState = dismissed ? (previous.get(id) ?? 'COMMENTED') : (review.state as ReviewState);
    return {
      id,
      author: actorFromGraphql(review.author),
      state,
      dismissed,
      submittedAt: review.submittedAt,
      commitSha: review.commit?.oid ?? null,
      body: review.body,
      authorAssociation: review.authorAssociation,
    };
  });
}

function reviewCommentsFrom(reviews: GqlReview[], rest: RestReviewComment[] | null): ReviewComment[] {
  if (rest) {
    return rest.map((comment) => ({
      id: comment.id,
      author: actorFromRest(comment.user),
      createdAt: comment.created_at,
      path: comment.path,
      line: comment.line ?? comment.original_line ?? null,
    }));
  }
  const out: ReviewComment[] = [];
  for (const review of reviews) {
    for (const comment of review.comments.nodes) {
      if (!comment) continue;
      out.push({
        id: comment.databaseId ?? 0,
        author: actorFromGraphql(comment.author),
        createdAt: comment.createdAt,
        path: comment.path,
        line: comment.line ?? comment.originalLine ?? null,
      });
    }
  }
  // ISO 8601 times in one format sort as text; code-unit order, since localeCompare's first call
  // loads the collator (~10 ms of a run; docs/architecture.md, "Start-up cost").
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
}

function commentFrom(comment: GqlComment): IssueComment {
  return {
    id: comment.databaseId ?? 0,
    author: actorFromGraphql(comment.author),
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    url: comment.url,
  };
}

const TIMELINE_TYPES: Record<string, string> = {
  LabeledEvent: 'labeled',
  UnlabeledEvent: 'unlabeled',
  ReadyForReviewEvent: 'ready_for_review',
  ConvertToDraftEvent: 'convert_to_draft',
  HeadRefForcePushedEvent: 'head_ref_force_pushed',
  AssignedEvent: 'assigned',
  UnassignedEvent: 'unassigned',
  ReviewRequestedEvent: 'review_requested',
  ClosedEvent: 'closed',
  ReopenedEvent: 'reopened',
  MergedEvent: 'merged',
  ReviewDismissedEvent: 'review_dismissed',
};

export function timelineEventFrom(item: GqlTimelineItem): TimelineEvent | null {
  const type = TIMELINE_TYPES[item.__typename];
  if (!type || !item.createdAt) return null;
  const event: TimelineEvent = { type, actor: actorFromGraphql(item.actor), createdAt: item.createdAt };
  if (item.label) event.label = item.label.name;
  if (item.assignee !== undefined) event.subject = actorFromGraphql(item.assignee);
  if (item.requestedReviewer !== undefined) event.subject = actorFromGraphql(item.requestedReviewer);
  return event;
}

export function fileFrom(file: RestFile): FileChange {
  return {
    path: file.filename,
    previousPath: file.previous_filename ?? null,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    patch: file.patch ?? null,
  };
}

function blobText(blob: GqlBlob): string | null {
  if (!blob || blob.__typename !== 'Blob') return null;
  if (blob.isBinary) return null;
  return blob.text ?? null;
}

function baseFile(path: string, blob: GqlBlob): BaseFile {
  return { path, text: blobText(blob) };
}

function viewerFrom(viewer: SnapshotQuery['viewer']): Actor | null {
  if (!viewer) return null;
  const isBot = viewer.login.endsWith('[bot]');
  return { login: viewer.login, id: viewer.databaseId ?? null, type: isBot ? 'Bot' : 'User' };
}

/** One plain sentence per gap between what the PR holds and what the lists returned. */
export function findFetchGaps(data: ApiData): string[] {
  const gaps: string[] = [];
  const totalFiles = data.pr.changedFiles;
  if (data.files.length < totalFiles) gaps.push(`files: ${data.files.length} of ${totalFiles} listed`);
  const totalCommits = data.pr.commits.totalCount;
  if (data.commits.length < totalCommits) gaps.push(`commits: ${data.commits.length} of ${totalCommits} listed`);
  const truncated = [{ path: data.policyPath, blob: data.policyBlob }, ...data.codeownersBlobs].filter(
    (entry) => entry.blob?.__typename === 'Blob' && entry.blob.isTruncated,
  );
  for (const entry of truncated) gaps.push(`${entry.path}: the file at the base commit is too large to read in full`);
  return gaps;
}

/**
 * The earliest `createdAt` among the head commit's status contexts: GitHub's own clock, so the
 * head commit was on the repository by then. `undefined` when the query did not ask (report
 * mode), null when no status says anything. Each context keeps only its latest status, so the
 * gate's own context is left out: every run replaces it, and its time would move the "latest
 * push" forward on every run and end any override applied before the latest run.
 */
export function headStatusSeenAt(headCommit: GqlHeadCommit | null | undefined, headSha: string): string | null | undefined {
  if (headCommit === undefined) return undefined;
  const commit = headCommit?.nodes.at(-1)?.commit;
  if (!commit || commit.oid !== headSha) return null;
  let earliest: string | null = null;
  for (const context of commit.status?.contexts ?? []) {
    if (context.context === STATUS_CONTEXT) continue;
    const time = Date.parse(context.createdAt);
    if (Number.isNaN(time)) continue;
    if (earliest === null || time < Date.parse(earliest)) earliest = context.createdAt;
  }
  return earliest;
}

export function snapshotFromApi(data: ApiData): PrSnapshot {
  const pr = data.pr;
  const codeowners = data.codeownersBlobs.find((entry) => blobText(entry.blob) !== null);
  const headSeenAt = headStatusSeenAt(pr.headCommit, pr.headRefOid);
  const comments = data.comments.map(commentFrom);
  const viewer = viewerFrom(data.viewer);
  const gateMemory = gateMemoryFrom(pr.headCommit, data.timeline, comments, viewer);
  return {
    repo: data.repo,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    url: pr.url,
    state: pr.state === 'MERGED' ? 'merged' : pr.state === 'CLOSED' ? 'closed' : 'open',
    draft: pr.isDraft,
    author: actorFromGraphql(pr.author),
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    headRef: pr.headRefName,
    headSha: pr.headRefOid,
    baseRef: pr.baseRefName,
    baseSha: data.baseSha,
    fromFork: pr.isCrossRepository,
    labels: data.labels,
    assignees: pr.assignees.nodes.map(actorFromGraphql).filter((actor): actor is Actor => actor !== null),
    totals: {
      files: Math.max(pr.changedFiles, data.files.length),
      additions: pr.additions,
      deletions: pr.deletions,
      commits: Math.max(pr.commits.totalCount, data.commits.length),
    },
    files: data.files.map(fileFrom),
    commits: data.commits.map(commitFrom),
    reviews: reviewsFrom(data.reviews, data.timeline),
    reviewComments: reviewCommentsFrom(data.reviews, data.restReviewComments),
    comments,
    timeline: data.timeline.map(timelineEventFrom).filter((event): event is TimelineEvent => event !== null),
    base: {
      policy: baseFile(data.policyPath, data.policyBlob),
      codeowners: codeowners ? baseFile(codeowners.path, codeowners.blob) : null,
    },
    ...(headSeenAt !== undefined ? { headSeenAt } : {}),
    ...(gateMemory !== undefined ? { gateMemory } : {}),
    viewer,
    lookups: structuredClone(EMPTY_LOOKUPS),
    incomplete: findFetchGaps(data),
  };
}
