import * as z from 'zod';
import { REJECTED, shapeCheck } from './shape-check.js';

/**
 * Shapes of the GitHub API responses the adapter reads, parsed once at the boundary
 * (`parseResponse`). Only the fields we use are listed; unknown fields are dropped. When GitHub
 * changes a shape, the parse fails with one line naming the field, instead of a crash later in
 * the core.
 */

/** A GraphQL `Actor` (or an `Assignee`/`RequestedReviewer` union member) as `ActorFields` selects it. */
export const GqlActorSchema = z.object({
  __typename: z.string(),
  login: z.string().optional(),
  databaseId: z.number().int().nullable().optional(),
  // Team members of the RequestedReviewer union.
  slug: z.string().optional(),
  organization: z.object({ login: z.string() }).optional(),
});
export type GqlActor = z.infer<typeof GqlActorSchema>;

const PageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

function page<T extends z.ZodType>(node: T) {
  return z.object({
    totalCount: z.number().int(),
    pageInfo: PageInfoSchema,
    nodes: z.array(node.nullable()),
  });
}

const GitActorSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  user: z.object({ login: z.string(), databaseId: z.number().int().nullable() }).nullable(),
});

export const GqlCommitSchema = z.object({
  commit: z.object({
    oid: z.string(),
    message: z.string(),
    authoredDate: z.string(),
    committedDate: z.string(),
    parents: z.object({ totalCount: z.number().int() }),
    author: GitActorSchema.nullable(),
    committer: GitActorSchema.nullable(),
  }),
});
export type GqlCommit = z.infer<typeof GqlCommitSchema>;

export const GqlReviewStateSchema = z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']);

export const GqlReviewCommentSchema = z.object({
  databaseId: z.number().int().nullable(),
  author: GqlActorSchema.nullable(),
  createdAt: z.string(),
  path: z.string(),
  line: z.number().int().nullable(),
  originalLine: z.number().int().nullable().optional(),
});

export const GqlReviewSchema = z.object({
  databaseId: z.number().int().nullable(),
  author: GqlActorSchema.nullable(),
  /** `CommentAuthorAssociation`: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, MANNEQUIN, NONE. */
  authorAssociation: z.string(),
  state: GqlReviewStateSchema,
  submittedAt: z.string().nullable(),
  body: z.string(),
  commit: z.object({ oid: z.string() }).nullable(),
  comments: z.object({ totalCount: z.number().int(), nodes: z.array(GqlReviewCommentSchema.nullable()) }),
});
export type GqlReview = z.infer<typeof GqlReviewSchema>;

export const GqlCommentSchema = z.object({
  databaseId: z.number().int().nullable(),
  author: GqlActorSchema.nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  url: z.string(),
});
export type GqlComment = z.infer<typeof GqlCommentSchema>;

/** A commit status context as the gate's memory reads it (its own `agent-pr-gate` context). */
export const GqlStatusContextSchema = z.object({
  context: z.string().optional(),
  state: z.string().optional(),
  description: z.string().nullable().optional(),
  createdAt: z.string(),
  creator: GqlActorSchema.nullable().optional(),
});
export type GqlStatusContext = z.infer<typeof GqlStatusContextSchema>;

/** One timeline item; which fields are present depends on `__typename`. */
export const GqlTimelineItemSchema = z.object({
  __typename: z.string(),
  createdAt: z.string().optional(),
  actor: GqlActorSchema.nullable().optional(),
  label: z.object({ name: z.string() }).nullable().optional(),
  assignee: GqlActorSchema.nullable().optional(),
  requestedReviewer: GqlActorSchema.nullable().optional(),
  previousReviewState: GqlReviewStateSchema.optional(),
  review: z.object({ databaseId: z.number().int().nullable() }).nullable().optional(),
  /** HeadRefForcePushedEvent: the replaced head, with the gate's status on it (null when none). */
  beforeCommit: z
    .object({ oid: z.string(), status: z.object({ context: GqlStatusContextSchema.nullable() }).nullable() })
    .nullable()
    .optional(),
  /** CommentDeletedEvent. */
  deletedCommentAuthor: GqlActorSchema.nullable().optional(),
});
export type GqlTimelineItem = z.infer<typeof GqlTimelineItemSchema>;

const LabelSchema = z.object({ name: z.string() });

export const CommitPageSchema = page(GqlCommitSchema);
export const ReviewPageSchema = page(GqlReviewSchema);
export const CommentPageSchema = page(GqlCommentSchema);
export const TimelinePageSchema = page(GqlTimelineItemSchema);
export const LabelPageSchema = page(LabelSchema);
export type CommitPage = z.infer<typeof CommitPageSchema>;
export type ReviewPage = z.infer<typeof ReviewPageSchema>;
export type CommentPage = z.infer<typeof CommentPageSchema>;
export type TimelinePage = z.infer<typeof TimelinePageSchema>;
export type LabelPage = z.infer<typeof LabelPageSchema>;

const BlobSchema = z
  .object({
    __typename: z.string(),
    text: z.string().nullable().optional(),
    isBinary: z.boolean().nullable().optional(),
    isTruncated: z.boolean().optional(),
  })
  .nullable();
export type GqlBlob = z.infer<typeof BlobSchema>;

/** A manifest read at one commit (`AgentPrGateManifests`): the blob with its size, or null when absent. */
export const ManifestBlobSchema = z
  .object({
    __typename: z.string(),
    text: z.string().nullable().optional(),
    isBinary: z.boolean().nullable().optional(),
    isTruncated: z.boolean().optional(),
    byteSize: z.number().int().optional(),
  })
  .nullable();
export type GqlManifestBlob = z.infer<typeof ManifestBlobSchema>;

/** The answer of `AgentPrGateManifests`: each alias (`b0`, `h0`, …) a blob or null. */
export const ManifestsQuerySchema = z.object({
  repository: z.record(z.string(), ManifestBlobSchema).nullable(),
});

/**
 * `headCommit: commits(last: 1) { … status { contexts { context createdAt } } }` (the gate's query
 * only; report mode does not ask). `status` is null when the commit has no status.
 */
export const GqlHeadCommitSchema = z.object({
  nodes: z.array(
    z
      .object({
        commit: z.object({
          oid: z.string(),
          status: z.object({ contexts: z.array(GqlStatusContextSchema.extend({ context: z.string() })) }).nullable(),
        }),
      })
      .nullable(),
  ),
});
export type GqlHeadCommit = z.infer<typeof GqlHeadCommitSchema>;

export const GqlPullRequestSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  isDraft: z.boolean(),
  createdAt: z.string(),
  mergedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  headRefName: z.string(),
  headRefOid: z.string(),
  baseRefName: z.string(),
  baseRefOid: z.string(),
  isCrossRepository: z.boolean(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changedFiles: z.number().int(),
  author: GqlActorSchema.nullable(),
  labels: LabelPageSchema,
  assignees: z.object({ nodes: z.array(GqlActorSchema.nullable()) }),
  commits: CommitPageSchema,
  reviews: ReviewPageSchema,
  comments: CommentPageSchema,
  timelineItems: TimelinePageSchema,
  headCommit: GqlHeadCommitSchema.nullable().optional(),
});
export type GqlPullRequest = z.infer<typeof GqlPullRequestSchema>;

/** The answer to `AgentPrGateSnapshot` (src/github/graphql-queries.ts). */
export const SnapshotQuerySchema = z.object({
  viewer: z.object({ login: z.string(), databaseId: z.number().int().nullable() }).nullable(),
  repository: z
    .object({
      policyFile: BlobSchema,
      codeownersGithub: BlobSchema,
      codeownersRoot: BlobSchema,
      codeownersDocs: BlobSchema,
      pullRequest: GqlPullRequestSchema.nullable(),
    })
    .nullable(),
});
export type SnapshotQuery = z.infer<typeof SnapshotQuerySchema>;

/** The answer to `AgentPrGateMore`: only the connections that were asked for are present. */
export const MoreQuerySchema = z.object({
  repository: z
    .object({
      pullRequest: z
        .object({
          labels: LabelPageSchema.optional(),
          commits: CommitPageSchema.optional(),
          reviews: ReviewPageSchema.optional(),
          comments: CommentPageSchema.optional(),
          timelineItems: TimelinePageSchema.optional(),
        })
        .nullable(),
    })
    .nullable(),
});
export type MoreQuery = z.infer<typeof MoreQuerySchema>;

/** REST `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` items. */
export const RestFileSchema = z.object({
  filename: z.string(),
  status: z.enum(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']),
  additions: z.number().int(),
  deletions: z.number().int(),
  patch: z.string().optional(),
  previous_filename: z.string().optional(),
});
export const RestFilesSchema = z.array(RestFileSchema);
export type RestFile = z.infer<typeof RestFileSchema>;

const RestUserSchema = z
  .object({ login: z.string(), id: z.number().int(), type: z.string().optional() })
  .nullable();

/** REST `GET /repos/{owner}/{repo}/pulls/{pull_number}/comments` items (inline review comments). */
export const RestReviewCommentsSchema = z.array(
  z.object({
    id: z.number().int(),
    user: RestUserSchema,
    created_at: z.string(),
    path: z.string(),
    line: z.number().int().nullable().optional(),
    original_line: z.number().int().nullable().optional(),
  }),
);

/** REST issue comment (create/update answers). */
export const RestIssueCommentSchema = z.object({
  id: z.number().int(),
  html_url: z.string(),
  body: z.string().optional(),
  user: RestUserSchema.optional(),
  created_at: z.string().optional(),
});
export type RestIssueComment = z.infer<typeof RestIssueCommentSchema>;

/** REST `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
export const RestPermissionSchema = z.object({
  permission: z.string(),
  role_name: z.string().optional(),
});

/** REST `GET /orgs/{org}/teams/{team_slug}/members` items. */
export const RestTeamMembersSchema = z.array(z.object({ login: z.string(), id: z.number().int() }));

/** Thrown when a response does not have the shape we read: the API drifted (or a proxy answered). */
export class ApiShapeError extends Error {
  constructor(what: string, path: string, problem: string) {
    super(`${what} has an unexpected shape at ${path || '(root)'}: ${problem}`);
    this.name = 'ApiShapeError';
  }
}

/**
 * Parses `data` with `schema`; on drift throws one line naming the first offending field. The
 * schema's fast check (src/github/shape-check.ts) answers first; zod parses only what it rejects.
 */
export function parseResponse<T extends z.ZodType>(schema: T, data: unknown, what: string): z.infer<T> {
  const checked = shapeCheck(schema)(data);
  if (checked !== REJECTED) return checked as z.infer<T>;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  throw new ApiShapeError(what, path, issue?.message ?? 'does not match');
}
