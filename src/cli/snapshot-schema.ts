import * as z from 'zod';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { GateStateSchema } from '../gate-state.js';

/**
 * The zod schema of a saved PrSnapshot (`agent-pr-gate check --save pr.json`), so `evaluate
 * --snapshot pr.json` rejects a hand-edited or truncated file with one line naming the field
 * instead of crashing inside the core. It mirrors src/snapshot.ts exactly; the type assertions
 * at the bottom make tsc fail when the two drift apart. Unknown keys are dropped (a snapshot saved
 * by a newer version still loads).
 */

const ActorSchema = z.object({
  login: z.string(),
  id: z.number().int().nullable(),
  type: z.enum(['User', 'Bot', 'Organization', 'Mannequin', 'Unknown']),
});

const IsoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 time');

const FileChangeSchema = z.object({
  path: z.string(),
  previousPath: z.string().nullable(),
  status: z.enum(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']),
  additions: z.number().int().min(0),
  deletions: z.number().int().min(0),
  patch: z.string().nullable(),
});

const GitIdentitySchema = z.object({
  name: z.string(),
  email: z.string(),
  user: ActorSchema.nullable(),
});

const CommitSchema = z.object({
  sha: z.string(),
  message: z.string(),
  author: GitIdentitySchema,
  committer: GitIdentitySchema,
  authoredAt: IsoTime,
  committedAt: IsoTime,
  parents: z.number().int().min(0),
});

const ReviewSchema = z.object({
  id: z.number().int(),
  author: ActorSchema.nullable(),
  state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'PENDING']),
  dismissed: z.boolean(),
  submittedAt: IsoTime.nullable(),
  commitSha: z.string().nullable(),
  body: z.string(),
  authorAssociation: z.string().nullable().optional(),
});

const ReviewCommentSchema = z.object({
  id: z.number().int(),
  author: ActorSchema.nullable(),
  createdAt: IsoTime,
  path: z.string(),
  line: z.number().int().nullable(),
});

const IssueCommentSchema = z.object({
  id: z.number().int(),
  author: ActorSchema.nullable(),
  body: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  url: z.string(),
});

const TimelineEventSchema = z.object({
  type: z.string(),
  actor: ActorSchema.nullable(),
  createdAt: IsoTime,
  label: z.string().optional(),
  subject: ActorSchema.nullable().optional(),
});

const BaseFileSchema = z.object({ path: z.string(), text: z.string().nullable() });

const PermissionSchema = z.enum(['admin', 'maintain', 'write', 'triage', 'read', 'none']);
const LookupErrorSchema = z.object({ error: z.string() });

export const PrSnapshotSchema = z.object({
  repo: z.object({ owner: z.string().min(1), name: z.string().min(1) }),
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  state: z.enum(['open', 'closed', 'merged']),
  draft: z.boolean(),
  author: ActorSchema.nullable(),
  createdAt: IsoTime,
  mergedAt: IsoTime.nullable(),
  closedAt: IsoTime.nullable(),
  headRef: z.string(),
  headSha: z.string(),
  baseRef: z.string(),
  baseSha: z.string(),
  fromFork: z.boolean(),
  labels: z.array(z.string()),
  assignees: z.array(ActorSchema),
  totals: z.object({
    files: z.number().int().min(0),
    additions: z.number().int().min(0),
    deletions: z.number().int().min(0),
    commits: z.number().int().min(0),
  }),
  files: z.array(FileChangeSchema),
  commits: z.array(CommitSchema),
  reviews: z.array(ReviewSchema),
  reviewComments: z.array(ReviewCommentSchema),
  comments: z.array(IssueCommentSchema),
  timeline: z.array(TimelineEventSchema),
  base: z.object({ policy: BaseFileSchema, codeowners: BaseFileSchema.nullable() }),
  headSeenAt: IsoTime.nullable().optional(),
  gateMemory: z
    .object({
      state: GateStateSchema.nullable(),
      statuses: z.array(z.object({ sha: z.string(), state: z.string(), description: z.string(), at: IsoTime })),
      deletedComments: z.array(z.object({ at: IsoTime, by: z.string().nullable() })),
    })
    .optional(),
  viewer: ActorSchema.nullable(),
  lookups: z.object({
    permissions: z.record(z.string(), z.union([PermissionSchema, LookupErrorSchema])),
    teams: z.record(z.string(), z.union([z.object({ members: z.array(z.string()) }), LookupErrorSchema])),
  }),
  incomplete: z.array(z.string()),
});

const ManifestContentSchema = z.object({
  path: z.string(),
  base: z.string().nullable(),
  head: z.string().nullable(),
  error: z.string().optional(),
});

/**
 * A saved run (`check --save`): the snapshot as the adapter built it, with the lookups the run
 * answered in its `lookups` field (as older saves hold them) and the manifest contents it read in
 * a field of their own, `manifests` (absent in older saves: then the patches are all there is).
 */
export const SavedRunSchema = PrSnapshotSchema.extend({ manifests: z.array(ManifestContentSchema).optional() });

// Compile-time proof that the schema and src/snapshot.ts describe the same shape: each type is
// assignable to the other, and every object on the way has the same keys (so a field added to
// PrSnapshot, even an optional one, must be added here, or saved snapshots would silently lose it).
type Parsed = z.infer<typeof PrSnapshotSchema>;
type KeysMatch<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type SameKeys<A, B> = [A] extends [readonly (infer EA)[]]
  ? [B] extends [readonly (infer EB)[]]
    ? SameKeys<EA, EB>
    : false
  : [A] extends [object]
    ? [B] extends [object]
      ? KeysMatch<A, B> extends true
        ? false extends { [K in keyof A & keyof B]-?: SameKeys<NonNullable<A[K]>, NonNullable<B[K]>> }[keyof A & keyof B]
          ? false
          : true
        : false
      : false
    : true;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
const schemaMatchesType: Same<Parsed, PrSnapshot> = true;
const manifestMatchesType: Same<z.infer<typeof ManifestContentSchema>, ManifestContent> = true;
void schemaMatchesType;
void manifestMatchesType;
