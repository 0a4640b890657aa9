import * as z from 'zod';
import { GqlPullRequestSchema, GqlReviewSchema, RestReviewCommentsSchema, ReviewPageSchema } from './schemas.js';

/** The schemas of report mode's answers (report-queries.ts), beside the gate's (schemas.ts). */

const ReportReviewSchema = GqlReviewSchema.omit({ comments: true });

export const ReportPullRequestSchema = GqlPullRequestSchema.extend({
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  reviews: ReviewPageSchema.extend({ nodes: z.array(ReportReviewSchema.nullable()) }),
  // Optional: an answer without it (an older stand-in) means "paths unknown", never "no files".
  files: z
    .object({ totalCount: z.number().int(), nodes: z.array(z.object({ path: z.string() }).nullable()).nullable() })
    .nullable()
    .optional(),
});
export type ReportPullRequest = z.infer<typeof ReportPullRequestSchema>;

export const SearchAnswerSchema = z.object({
  search: z.object({
    issueCount: z.number().int(),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    // Search can answer Issue nodes too; PullRequest nodes are parsed one by one.
    nodes: z.array(z.looseObject({ __typename: z.string() }).nullable()),
  }),
});

const HistorySchema = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(z.object({ oid: z.string(), message: z.string(), committedDate: z.string(), url: z.string() }).nullable()),
});

const TargetSchema = z.object({ __typename: z.string(), history: HistorySchema.optional() }).nullable();

export const ContextSchema = z.object({
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

export const HistoryAnswerSchema = z.object({
  repository: z.object({ defaultBranchRef: z.object({ target: TargetSchema }).nullable() }).nullable(),
});

export const RestRepoReviewCommentsSchema = z.array(RestReviewCommentsSchema.element.extend({ pull_request_url: z.string() }));
