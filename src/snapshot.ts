/**
 * PrSnapshot: the one data shape between the GitHub adapter (src/github/) and the pure core.
 *
 * The adapter fills it from the API; detection, policy, reviews, metrics and rendering read it
 * and nothing else. Everything is plain JSON (a snapshot can be saved to a file and evaluated
 * offline), times are ISO 8601 strings, and logins are kept as GitHub's REST API spells them
 * (`name[bot]` for app accounts, `Copilot` for the Copilot coding agent). Compare identities with
 * `sameActor`/`normalizeLogin` from src/identity.ts, never with `===` on raw logins.
 */

import type { GateState } from './gate-state.js';

export type ActorType = 'User' | 'Bot' | 'Organization' | 'Mannequin' | 'Unknown';

/** A GitHub account. `id` is the numeric (database) id when the API gave one. */
export interface Actor {
  login: string;
  id: number | null;
  type: ActorType;
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface FileChange {
  path: string;
  /** The old path of a renamed or copied file. */
  previousPath: string | null;
  status: FileStatus;
  additions: number;
  deletions: number;
  /**
   * The unified diff hunks as the REST files list returns them. `null` when GitHub omitted the
   * patch (binary or very large file): the core must treat the file's content as unseen.
   */
  patch: string | null;
}

/** A git identity of a commit, with the GitHub account GitHub matched it to (if any). */
export interface GitIdentity {
  name: string;
  email: string;
  /** The GitHub account linked to this identity, or null when GitHub could not match it. */
  user: Actor | null;
}

export interface Commit {
  sha: string;
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
  authoredAt: string;
  committedAt: string;
  /** Number of parents; > 1 for merge commits (e.g. "Merge branch 'main' into …"). */
  parents: number;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING';

export interface Review {
  id: number;
  author: Actor | null;
  /** The state the review was submitted with (kept even when it was later dismissed). */
  state: ReviewState;
  /** True when the review was dismissed after submission. */
  dismissed: boolean;
  submittedAt: string | null;
  /** The head commit the review was made on. */
  commitSha: string | null;
  body: string;
  /**
   * The reviewer's relation to the repository as GitHub reports it (`OWNER`, `MEMBER`,
   * `COLLABORATOR`, `CONTRIBUTOR`, `FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`, `NONE`), when known.
   */
  authorAssociation?: string | null;
}

export interface ReviewComment {
  id: number;
  author: Actor | null;
  createdAt: string;
  path: string;
  line: number | null;
}

export interface IssueComment {
  id: number;
  author: Actor | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  url: string;
}

/**
 * A timeline event, flattened. `type` uses the REST timeline names: `labeled`, `unlabeled`,
 * `ready_for_review`, `convert_to_draft`, `head_ref_force_pushed`, `assigned`, `unassigned`,
 * `review_requested`, `closed`, `reopened`, `merged`, `copilot_work_started`,
 * `copilot_work_finished`, … Unknown types are kept and ignored by the core.
 */
export interface TimelineEvent {
  type: string;
  actor: Actor | null;
  createdAt: string;
  /** For labeled/unlabeled. */
  label?: string;
  /** For assigned/unassigned/review_requested. */
  subject?: Actor | null;
}

/** A file read from the PR's base commit. `text: null` means the file does not exist there. */
export interface BaseFile {
  path: string;
  text: string | null;
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/**
 * Answers to lookups the core asked for (see `planLookups`): repository permission per login,
 * and team membership per `org/team`. A lookup that failed carries the reason instead, e.g.
 * "the token cannot read team membership: add the `members: read` organization permission".
 */
export interface Lookups {
  permissions: Record<string, Permission | { error: string }>;
  teams: Record<string, { members: string[] } | { error: string }>;
}

export interface PrSnapshot {
  repo: { owner: string; name: string };
  number: number;
  title: string;
  body: string;
  url: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  author: Actor | null;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  /** True when the head branch lives in another repository (a fork). */
  fromFork: boolean;
  labels: string[];
  assignees: Actor[];
  /** Totals as the PR reports them (they count files the lists below may not hold). */
  totals: { files: number; additions: number; deletions: number; commits: number };
  files: FileChange[];
  commits: Commit[];
  reviews: Review[];
  reviewComments: ReviewComment[];
  comments: IssueComment[];
  timeline: TimelineEvent[];
  /** The policy file and CODEOWNERS as they are on the base commit. */
  base: {
    policy: BaseFile;
    /** The first CODEOWNERS found (.github/, root, docs/), or null when none exists. */
    codeowners: BaseFile | null;
  };
  /**
   * The earliest time the head commit is known to have been on the PR, or null/absent when
   * unknown. Unlike the commit's own dates (written by whoever made the commit, so they can be
   * back-dated), it comes from GitHub: the start of a run triggered by the push itself (a
   * `synchronize` event whose head is this commit), else the earliest commit status set on the
   * head commit (the gate sets one on every run). The real push happened at or before it, so the
   * core takes it as the latest push time when it is later than the commit's date.
   */
  headSeenAt?: string | null;
  /** The gate's memory of this PR; absent when not read (a saved snapshot, report mode). */
  gateMemory?: GateMemory;
  /** The account the token acts as (`github-actions[bot]` for the default token), if known. */
  viewer: Actor | null;
  /**
   * The lookups the snapshot was saved with (`check --save`), or none: the adapter builds every
   * snapshot with empty lookups, and the gate pipeline keeps what it reads later beside the
   * snapshot (src/gate/reads.ts), never in it. The core reads the lookups through the view
   * `decide` builds (snapshot + reads), which is why the field stays here.
   */
  lookups: Lookups;
  /**
   * The adapter's notes on what it could not read, one plain sentence each ("files: 3000 of 3500
   * listed"). The core turns them into structured gaps (`Gap`, src/gate/gaps.ts); anything listed
   * here was not seen, so the verdict cannot be `pass` on it.
   */
  incomplete: string[];
}

/**
 * What the gate itself recorded on earlier runs (docs/security.md, "The gate's memory"), read only
 * from what carries our own identity: the state line of our sticky comment, our `agent-pr-gate`
 * statuses on the heads the PR had (the current one and those replaced by force pushes), and the
 * deletions of our comments by someone else.
 */
export interface GateMemory {
  state: GateState | null;
  /** Our statuses, oldest head first; `at` is when GitHub created the status. */
  statuses: Array<{ sha: string; state: string; description: string; at: string }>;
  /** Comments of ours deleted by another account: when, and by whom. */
  deletedComments: Array<{ at: string; by: string | null }>;
}

export const EMPTY_LOOKUPS: Lookups = { permissions: {}, teams: {} };

/**
 * A dependency manifest the PR touches, read in full at the base and the head commit (the gate
 * pipeline reads these for the `dependencies` category; see docs/architecture.md). `null` means
 * the file does not exist at that commit; `error` says why it could not be read (too large,
 * binary, the request failed): such a manifest is a gap in what the gate saw, never a pass.
 */
export interface ManifestContent {
  /** The path at the head commit (the base is read at the old path of a renamed file). */
  path: string;
  base: string | null;
  head: string | null;
  error?: string;
}
