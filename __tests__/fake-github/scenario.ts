/**
 * Scenarios for the fake GitHub API: one repository, one PR, and everything around it, written in
 * REST terms (logins as REST spells them: `name[bot]`, `Copilot`). The server derives the GraphQL
 * answers from the same data (GraphQL spellings: `name`, `copilot-swe-agent`), so adapter tests
 * exercise the login mapping for real.
 */

export type FakeActorType = 'User' | 'Bot' | 'Organization';

export interface FakeActor {
  /** REST spelling. */
  login: string;
  id: number;
  type: FakeActorType;
}

export type FakeFileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface FakeFile {
  filename: string;
  status: FakeFileStatus;
  additions: number;
  deletions: number;
  /** Absent for binary or very large files, as GitHub does. */
  patch?: string;
  previous_filename?: string;
}

export interface FakeGitActor {
  name: string;
  email: string;
  date: string;
  /** The linked account. GraphQL only links `User` accounts (a bot's commits have no user there). */
  user: FakeActor | null;
}

export interface FakeCommit {
  sha: string;
  message: string;
  author: FakeGitActor;
  committer: FakeGitActor;
  parents?: number;
}

export type FakeReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface FakeReview {
  id: number;
  user: FakeActor | null;
  /** `DISMISSED` for a dismissed review: add a `review_dismissed` timeline event with the previous state. */
  state: FakeReviewState;
  submitted_at: string | null;
  commit_id: string | null;
  body: string;
  /** The reviewer's relation to the repository (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …); default MEMBER. */
  author_association?: string;
}

export interface FakeReviewComment {
  id: number;
  review_id: number;
  user: FakeActor | null;
  created_at: string;
  path: string;
  line: number | null;
}

export interface FakeIssueComment {
  id: number;
  user: FakeActor | null;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface FakeTimelineEvent {
  /** REST event name: labeled, unlabeled, assigned, review_dismissed, copilot_work_started, … */
  event: string;
  actor: FakeActor | null;
  created_at: string;
  label?: string;
  /** assigned / unassigned. */
  assignee?: FakeActor;
  /** review_requested: a user, or a team as `{ team: 'org/slug' }`. */
  requested_reviewer?: FakeActor | { team: string };
  /** review_dismissed. */
  previous_review_state?: Exclude<FakeReviewState, 'DISMISSED'>;
  review_id?: number;
  /** head_ref_force_pushed: the head the push replaced (its statuses come from `statuses`). */
  before_sha?: string;
  /** comment_deleted: who wrote the deleted comment. */
  deleted_comment_author?: FakeActor | null;
}

/** A commit status as GitHub keeps it: the latest per context and commit. */
export interface FakeStatus {
  context: string;
  state: string;
  description: string;
  created_at: string;
  /** Who set it (the token's identity). */
  creator: FakeActor;
}

export interface FakePullRequest {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  user: FakeActor | null;
  created_at: string;
  merged_at: string | null;
  closed_at: string | null;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  from_fork: boolean;
  labels: string[];
  assignees: FakeActor[];
}

export interface FakeScenario {
  repo: { owner: string; name: string };
  pr: FakePullRequest;
  /** The files GitHub lists (it lists at most 3000). */
  files: FakeFile[];
  /** The PR's changed-file count when it is more than the list (the cap test). */
  totalFiles?: number;
  commits: FakeCommit[];
  /** The PR's commit count when it is more than the list (GitHub lists at most 250). */
  totalCommits?: number;
  reviews: FakeReview[];
  reviewComments: FakeReviewComment[];
  comments: FakeIssueComment[];
  timeline: FakeTimelineEvent[];
  /** File contents per commit: `trees[sha][path] = text`. */
  trees: Record<string, Record<string, string>>;
  /**
   * Commit statuses on the head commit, the latest per context as GitHub keeps them (`created_at`
   * is GitHub's clock). Absent: the head commit has no status.
   */
  headStatuses?: Array<{ context: string; created_at: string }>;
  /**
   * Statuses per commit SHA, the latest per context. The fake's status route writes here, so a
   * later run against the same scenario reads what an earlier one set.
   */
  statuses?: Record<string, FakeStatus[]>;
  /** `owner/name` of the head branch's repository: the base repository unless set (a fork's). */
  headRepository?: string;
  /** Who the token acts as. */
  viewer: FakeActor;
  /** Repository role per login (admin, maintain, write, triage, read); unlisted logins read `read`. */
  permissions: Record<string, string>;
  /** Team members per `org/slug`; a team not listed answers 404 (as when the token cannot see it). */
  teams: Record<string, string[]>;
}

export const T0 = '2026-03-02T09:00:00Z';

export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

export const GITHUB_ACTIONS: FakeActor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const COPILOT: FakeActor = { login: 'Copilot', id: 198982749, type: 'Bot' };
export const ALICE: FakeActor = { login: 'alice', id: 101, type: 'User' };
export const BOB: FakeActor = { login: 'bob', id: 102, type: 'User' };
export const CAROL: FakeActor = { login: 'carol', id: 103, type: 'User' };
export const MALLORY: FakeActor = { login: 'mallory', id: 666, type: 'User' };

export const BASE_SHA = 'b'.repeat(40);

export function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}

export function gitActor(actor: FakeActor | null, minutes: number, name?: string, email?: string): FakeGitActor {
  return {
    name: name ?? actor?.login ?? 'Someone',
    email: email ?? (actor ? `${actor.id}+${actor.login}@users.noreply.github.com` : 'someone@example.com'),
    date: at(minutes),
    user: actor,
  };
}

export function commitBy(actor: FakeActor | null, minutes: number, n: number, message = 'Update code'): FakeCommit {
  const who = gitActor(actor, minutes);
  return { sha: sha(n), message, author: who, committer: who, parents: 1 };
}

/** Added-lines patch of a new file. */
export function addedPatch(lines: string[]): string {
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

export function addedFile(filename: string, lines: string[]): FakeFile {
  return { filename, status: 'added', additions: lines.length, deletions: 0, patch: addedPatch(lines) };
}

/**
 * A typical Copilot PR, asked for by alice: 3 source files, 2 agent commits, bob's approval of
 * the head commit, a conversation comment, and the policy file at the base commit.
 */
export function typicalScenario(overrides: Partial<FakeScenario> = {}): FakeScenario {
  const commits = [commitBy(COPILOT, 1, 1, 'Initial plan'), commitBy(COPILOT, 20, 2, 'Fix the widget rendering')];
  const head = commits.at(-1)?.sha ?? sha(2);
  return {
    repo: { owner: 'acme', name: 'widgets' },
    pr: {
      number: 42,
      title: 'Fix the widget rendering',
      body: 'Fixes #41\n\n<!-- START COPILOT CODING AGENT TIPS -->',
      state: 'open',
      merged: false,
      draft: false,
      user: COPILOT,
      created_at: at(0),
      merged_at: null,
      closed_at: null,
      head: { ref: 'copilot/fix-widget', sha: head },
      base: { ref: 'main', sha: BASE_SHA },
      from_fork: false,
      labels: [],
      assignees: [ALICE, COPILOT],
    },
    files: [
      addedFile('src/widget.ts', ['export function widget() {', '  return 42;', '}']),
      { filename: 'src/render.ts', status: 'modified', additions: 2, deletions: 1, patch: '@@ -1,2 +1,3 @@\n-const a = 1;\n+const a = 2;\n+const b = 3;\n export { a };' },
      addedFile('docs/widget.md', ['# Widget', 'It renders.']),
    ],
    commits,
    reviews: [{ id: 501, user: BOB, state: 'APPROVED', submitted_at: at(60), commit_id: head, body: 'LGTM' }],
    reviewComments: [{ id: 601, review_id: 501, user: BOB, created_at: at(59), path: 'src/widget.ts', line: 2 }],
    comments: [{ id: 701, user: ALICE, body: 'Thanks!', created_at: at(30), updated_at: at(30) }],
    timeline: [
      { event: 'assigned', actor: ALICE, created_at: at(-5), assignee: COPILOT },
      { event: 'copilot_work_started', actor: COPILOT, created_at: at(-4) },
      { event: 'review_requested', actor: COPILOT, created_at: at(25), requested_reviewer: ALICE },
    ],
    trees: {
      [BASE_SHA]: { '.github/agent-pr-gate.yml': 'extends: default\n' },
    },
    viewer: GITHUB_ACTIONS,
    permissions: { alice: 'admin', bob: 'write', carol: 'write' },
    teams: {},
    ...overrides,
  };
}

/** Deep copy, so a test can change a scenario without touching another test's. */
export function cloneScenario(scenario: FakeScenario): FakeScenario {
  return structuredClone(scenario);
}
