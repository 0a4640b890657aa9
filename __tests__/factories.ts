/**
 * Small factories for core tests: build a PrSnapshot (or a piece of one) with only the fields a
 * test cares about. Defaults describe an open, human-free PR with no files, on 2026-03-02.
 */
import { emptyPolicy, applyPolicyFile, type Policy } from '../src/config/policy.js';
import type { PolicyFile } from '../src/config/schema.js';
import type { GateState } from '../src/gate-state.js';
import type {
  Actor,
  Commit,
  FileChange,
  GitIdentity,
  IssueComment,
  PrSnapshot,
  Review,
  ReviewComment,
  TimelineEvent,
} from '../src/snapshot.js';

export const T0 = '2026-03-02T09:00:00Z';

/** ISO time `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

let nextId = 1000;

export function user(login: string, id?: number): Actor {
  return { login, id: id ?? nextId++, type: 'User' };
}

export function bot(login: string, id?: number): Actor {
  return { login: login.endsWith('[bot]') || login === 'Copilot' ? login : `${login}[bot]`, id: id ?? nextId++, type: 'Bot' };
}

export const COPILOT: Actor = { login: 'Copilot', id: 198982749, type: 'Bot' };
export const DEVIN: Actor = { login: 'devin-ai-integration[bot]', id: 158243242, type: 'Bot' };
export const GITHUB_ACTIONS: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export function identity(actorOrName: Actor | string, email?: string): GitIdentity {
  if (typeof actorOrName === 'string') {
    return { name: actorOrName, email: email ?? `${actorOrName.toLowerCase().replace(/\s+/g, '.')}@example.com`, user: null };
  }
  return {
    name: actorOrName.login,
    email: email ?? `${actorOrName.id ?? 0}+${actorOrName.login}@users.noreply.github.com`,
    user: actorOrName,
  };
}

export function file(path: string, patch: string | null = '', overrides: Partial<FileChange> = {}): FileChange {
  const lines = (patch ?? '').split('\n');
  return {
    path,
    previousPath: null,
    status: 'modified',
    additions: lines.filter((l) => l.startsWith('+')).length,
    deletions: lines.filter((l) => l.startsWith('-')).length,
    patch,
    ...overrides,
  };
}

/** A patch that adds `lines` as a new file's content (hunk header included). */
export function addedPatch(lines: string[]): string {
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}

let commitCounter = 0;
export function commit(author: Actor | GitIdentity | string, minutes: number, overrides: Partial<Commit> = {}): Commit {
  const id: GitIdentity =
    typeof author === 'string' || 'type' in author ? identity(author as Actor | string) : (author as GitIdentity);
  commitCounter += 1;
  return {
    sha: overrides.sha ?? commitCounter.toString(16).padStart(40, 'c'),
    message: 'Update code',
    author: id,
    committer: id,
    authoredAt: at(minutes),
    committedAt: at(minutes),
    parents: 1,
    ...overrides,
  };
}

export function review(author: Actor | null, state: Review['state'], minutes: number, overrides: Partial<Review> = {}): Review {
  return {
    id: nextId++,
    author,
    state,
    dismissed: false,
    submittedAt: at(minutes),
    commitSha: null,
    body: '',
    ...overrides,
  };
}

export function reviewComment(author: Actor | null, minutes: number, path = 'src/index.ts'): ReviewComment {
  return { id: nextId++, author, createdAt: at(minutes), path, line: 1 };
}

export function comment(author: Actor | null, minutes: number, body = 'Looks good'): IssueComment {
  const id = nextId++;
  return {
    id,
    author,
    body,
    createdAt: at(minutes),
    updatedAt: at(minutes),
    url: `https://github.com/acme/widgets/pull/42#issuecomment-${id}`,
  };
}

export function event(type: string, actor: Actor | null, minutes: number, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { type, actor, createdAt: at(minutes), ...extra };
}

/** A snapshot; `commits[last].sha` becomes `headSha` unless given. */
export function createSnapshot(overrides: Partial<PrSnapshot> = {}): PrSnapshot {
  const files = overrides.files ?? [];
  const commits = overrides.commits ?? [];
  const headSha = overrides.headSha ?? commits.at(-1)?.sha ?? 'a'.repeat(40);
  const snapshot: PrSnapshot = {
    repo: { owner: 'acme', name: 'widgets' },
    number: 42,
    title: 'Fix the widget',
    body: '',
    url: 'https://github.com/acme/widgets/pull/42',
    state: 'open',
    draft: false,
    author: user('alice', 1),
    createdAt: T0,
    mergedAt: null,
    closedAt: null,
    headRef: 'fix-widget',
    headSha,
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
    fromFork: false,
    labels: [],
    assignees: [],
    totals: {
      files: files.length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      commits: commits.length,
    },
    files,
    commits,
    reviews: [],
    reviewComments: [],
    comments: [],
    timeline: [],
    base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: null },
    viewer: GITHUB_ACTIONS,
    lookups: { permissions: {}, teams: {} },
    incomplete: [],
    ...overrides,
  };
  if (!overrides.totals) {
    snapshot.totals = {
      files: snapshot.files.length,
      additions: snapshot.files.reduce((n, f) => n + f.additions, 0),
      deletions: snapshot.files.reduce((n, f) => n + f.deletions, 0),
      commits: snapshot.commits.length,
    };
  }
  return snapshot;
}

/** A Copilot-authored PR on a `copilot/` branch, requested by `alice`. */
export function copilotSnapshot(overrides: Partial<PrSnapshot> = {}): PrSnapshot {
  return createSnapshot({
    author: COPILOT,
    headRef: 'copilot/fix-widget',
    assignees: [user('alice', 1), COPILOT],
    timeline: [event('assigned', user('alice', 1), -5, { subject: COPILOT })],
    ...overrides,
  });
}

/** The policy of a file (applied over `extends: none` unless the file says otherwise, for tests). */
export function policyFrom(file: PolicyFile = {}, base: Policy = emptyPolicy()): Policy {
  return applyPolicyFile(base, file);
}

/** A gate state as the gate writes it: a Cursor PR it failed on a network deny, requested by alice. */
export function gateState(overrides: Partial<GateState> = {}): GateState {
  return {
    v: 1,
    agent: 'cursor',
    requester: 'alice',
    verdict: 'fail',
    headSha: 'a'.repeat(40),
    at: '2026-03-02T10:00:00Z',
    since: '2026-03-02T09:00:00Z',
    findings: [{ category: 'network', level: 'deny' }],
    override: null,
    ...overrides,
  };
}
