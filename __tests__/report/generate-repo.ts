/**
 * A generated repository for report-mode tests: 500 PRs created in a two-week window (plus a few
 * before and after it), of mixed agents (copilot, codex, claude, devin, cursor) and humans, in
 * every state, with interventions, rework, bot noise, reverts of four kinds, and a few PRs whose
 * connections overflow the first page. Deterministic: the same seed gives the same repository.
 *
 * Each PR comes with its ground truth (agent, state, reverted, and the metric ingredients the
 * generator put in), so tests compute the expected report without the code under test. PRs are
 * stored in the GraphQL shape (src/github/schemas.ts) with full lists; the fake API pages them.
 */

export const OWNER = 'acme';
export const NAME = 'widgets';
export const WINDOW_INPUT = '2026-01-05..2026-01-18';
export const WINDOW_FROM = Date.parse('2026-01-05T00:00:00Z');
export const WINDOW_TO = Date.parse('2026-01-18T23:59:59.999Z');
export const NOW = new Date('2026-02-01T00:00:00Z');

export type AgentId = 'copilot' | 'codex' | 'claude' | 'devin' | 'cursor';
export type Kind = AgentId | 'human';
export type State = 'open' | 'closed' | 'merged';

export interface GqlActorData {
  __typename: 'User' | 'Bot';
  login: string;
  databaseId: number;
}

export interface GqlCommitData {
  commit: {
    oid: string;
    message: string;
    authoredDate: string;
    committedDate: string;
    parents: { totalCount: number };
    author: { name: string; email: string; user: { login: string; databaseId: number } | null };
    committer: { name: string; email: string; user: { login: string; databaseId: number } | null };
  };
}

export interface GqlReviewData {
  databaseId: number;
  author: GqlActorData;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  submittedAt: string;
  body: string;
  commit: { oid: string };
  comments: { totalCount: number; nodes: Array<{ databaseId: number; author: GqlActorData; createdAt: string; path: string; line: number; originalLine: number }> };
}

export interface GqlCommentData {
  databaseId: number;
  author: GqlActorData;
  body: string;
  createdAt: string;
  updatedAt: string;
  url: string;
}

export interface GqlTimelineData {
  __typename: string;
  createdAt: string;
  actor: GqlActorData;
  label?: { name: string };
  assignee?: GqlActorData;
  previousReviewState?: string;
  review?: { databaseId: number };
}

/** A PR as the fake API stores it: GraphQL field names, full lists (no pages yet). */
export interface StoredPr {
  number: number;
  title: string;
  body: string;
  url: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  headRefName: string;
  headRefOid: string;
  baseRefName: string;
  baseRefOid: string;
  isCrossRepository: boolean;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeCommit: { oid: string } | null;
  author: GqlActorData;
  labels: Array<{ name: string }>;
  assignees: GqlActorData[];
  commits: GqlCommitData[];
  reviews: GqlReviewData[];
  comments: GqlCommentData[];
  timelineItems: GqlTimelineData[];
  /** Changed file paths (generate-evaluation.ts); absent: the fake API answers none. */
  files?: string[];
}

/** A commit on the default branch (for `history`). */
export interface StoredCommit {
  oid: string;
  message: string;
  committedDate: string;
  url: string;
}

export interface Truth {
  number: number;
  kind: Kind;
  state: State;
  inWindow: boolean;
  reverted: boolean;
  humanCommits: number;
  changeRequests: number;
  reviewComments: number;
  humanComments: number;
  reworkCycles: number;
  /** Seconds, or null when no human reviewed. */
  timeToFirstHumanReview: number | null;
  endToEnd: number;
  /** A revert PR (not an agent PR); which target it names. */
  revertOf?: number;
}

export interface GeneratedRepo {
  pulls: StoredPr[];
  history: StoredCommit[];
  truth: Truth[];
}

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export const user = (login: string, databaseId: number): GqlActorData => ({ __typename: 'User', login, databaseId });
export const botActor = (login: string, databaseId: number): GqlActorData => ({ __typename: 'Bot', login, databaseId });

const ALICE = user('alice', 101);
const BOB = user('bob', 102);
const CAROL = user('carol', 103);
const DAVE = user('dave', 104);
const ERIN = user('erin', 105);
const FRANK = user('frank', 106);
const COPILOT = botActor('copilot-swe-agent', 198982749);
const CLAUDE = botActor('claude', 209825114);
const DEVIN = botActor('devin-ai-integration', 158243242);
const CODERABBIT = botActor('coderabbitai', 136622811);
const REVIEWER_BOT = botActor('copilot-pull-request-reviewer', 175728472);
const ACTIONS = botActor('github-actions', 41898282);

interface GitId {
  name: string;
  email: string;
  user: { login: string; databaseId: number } | null;
}
const gitUser = (actor: GqlActorData): GitId => ({
  name: actor.login,
  email: `${actor.databaseId}+${actor.login}@users.noreply.github.com`,
  user: { login: actor.login, databaseId: actor.databaseId },
});
const AGENT_GIT: Record<AgentId, GitId> = {
  copilot: { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com', user: null },
  codex: gitUser(ALICE),
  claude: { name: 'claude[bot]', email: '209825114+claude[bot]@users.noreply.github.com', user: null },
  devin: { name: 'devin-ai-integration[bot]', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com', user: null },
  cursor: { name: 'Cursor Agent', email: 'cursoragent@cursor.com', user: null },
};

const TITLES = [
  'Fix `parse()` on empty input',
  'Add retry to the *fetch* helper',
  'Refactor widget | gadget bridge',
  'Bump timeout <to 30s> & document it',
  'Handle [brackets] in names',
  'Speed up the report_builder_cache',
  'Remove dead code in @acme/core',
  'Support emoji 🎉 in labels',
];

interface Spec {
  kind: Kind;
  createdAt: number;
  state: State;
  draftUntil: number | null;
  agentCommits: number;
  humanCommits: number;
  changeRequests: number;
  dismissFirst: boolean;
  inlineComments: number;
  humanComments: number;
  rework: boolean;
  reviewDelay: number | null;
  duration: number;
  overflow: 'comments' | 'commits' | 'reviews' | 'timeline' | null;
  labelRemovedBy?: boolean;
  revert?: { target: Spec; method: 'button' | 'commit' | 'open' | 'closed' };
  title: string;
  number: number;
  mergeSha: string;
}

function sha(rand: () => number): string {
  let out = '';
  for (let i = 0; i < 40; i += 1) out += Math.floor(rand() * 16).toString(16);
  return out;
}

function pick<T>(rand: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rand() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** Every PR ends after its last review round (so a revert always comes after the merge). */
function endAfterReviews(spec: Spec): Spec {
  const draft = spec.draftUntil === null ? 0 : spec.draftUntil - spec.createdAt;
  if (spec.reviewDelay !== null) spec.duration = Math.max(spec.duration, draft + spec.reviewDelay + 240 * MIN);
  return spec;
}

function workSpec(rand: () => number, kind: Kind, createdAt: number): Spec {
  const state = pick<State>(rand, [
    ['merged', 60],
    ['closed', 22],
    ['open', 18],
  ]);
  const changeRequests = pick(rand, [
    [0, 55],
    [1, 28],
    [2, 17],
  ]);
  const reviewed = changeRequests > 0 || rand() < 0.7;
  return endAfterReviews({
    kind,
    createdAt,
    state,
    draftUntil: kind === 'copilot' && rand() < 0.4 ? createdAt + (5 + Math.floor(rand() * 40)) * MIN : null,
    agentCommits: 1 + Math.floor(rand() * 3),
    humanCommits: pick(rand, [
      [0, 70],
      [1, 20],
      [2, 10],
    ]),
    changeRequests,
    dismissFirst: changeRequests === 2 && rand() < 0.5,
    inlineComments: reviewed ? Math.floor(rand() * 4) : 0,
    humanComments: Math.floor(rand() * 4),
    rework: changeRequests > 0 && rand() < 0.6,
    reviewDelay: reviewed ? (30 + Math.floor(rand() * 3000)) * MIN : null,
    duration: (60 + Math.floor(rand() * 4000)) * MIN,
    overflow: null,
    title: TITLES[Math.floor(rand() * TITLES.length)]!,
    number: 0,
    mergeSha: sha(rand),
  });
}

/** Builds the repository: `size` PRs created in the window (and a few outside it). */
export function generateRepo(seed = 20260105, size = 500, options: { kinds?: Array<[Kind, number]> } = {}): GeneratedRepo {
  const rand = prng(seed);
  const specs: Spec[] = [];
  const span = WINDOW_TO - WINDOW_FROM - 6 * 3_600_000;
  const kinds: Array<[Kind, number]> = options.kinds ?? [
    ['copilot', 22],
    ['codex', 18],
    ['claude', 14],
    ['devin', 10],
    ['cursor', 10],
    ['human', 26],
  ];
  // Work PRs in the window, and a few just outside it (which the report must leave out).
  for (let i = 0; i < size - 60; i += 1) specs.push(workSpec(rand, pick(rand, kinds), WINDOW_FROM + Math.floor((rand() * span) / 1000) * 1000));
  for (const offset of [-3, -2, -1]) specs.push(workSpec(rand, 'copilot', WINDOW_FROM + offset * 3_600_000));
  specs.push(workSpec(rand, 'codex', WINDOW_TO + 2 * 3_600_000), workSpec(rand, 'claude', WINDOW_TO + 30 * 3_600_000));

  // Overflowing connections on a few in-window agent PRs.
  const inWindowAgent = specs.filter((s) => s.kind !== 'human' && s.createdAt >= WINDOW_FROM && s.createdAt <= WINDOW_TO);
  const overflowKinds: Array<Spec['overflow']> = ['comments', 'comments', 'commits', 'reviews', 'timeline'];
  overflowKinds.forEach((kind, index) => {
    const spec = inWindowAgent[index * 7]!;
    spec.overflow = kind;
    if (kind === 'commits') spec.kind = 'copilot';
    if (kind === 'timeline') {
      spec.kind = 'copilot';
      spec.draftUntil = spec.createdAt + 50 * MIN;
      spec.reviewDelay = spec.reviewDelay ?? 120 * MIN;
    }
    if (kind === 'reviews') spec.reviewDelay = spec.reviewDelay ?? 90 * MIN;
  });

  for (const spec of specs) endAfterReviews(spec);

  // Reverts: of merged agent PRs (button, commit in a PR, direct push) and of human PRs; plus
  // Revert PRs that were closed or are still open (which revert nothing).
  const merged = specs.filter((s) => s.state === 'merged' && s.createdAt >= WINDOW_FROM && s.createdAt <= WINDOW_TO);
  const directPushes: Array<{ target: Spec; at: number }> = [];
  let choice = 0;
  for (const target of merged) {
    if (rand() >= 0.16) continue;
    const mergedAt = target.createdAt + target.duration;
    const at = mergedAt + (60 + Math.floor(rand() * 2880)) * MIN;
    const method = (['button', 'button', 'commit', 'push', 'closed', 'open'] as const)[choice % 6]!;
    choice += 1;
    if (method === 'push') {
      directPushes.push({ target, at });
      continue;
    }
    const revert = workSpec(rand, 'human', at);
    revert.state = method === 'open' ? 'open' : method === 'closed' ? 'closed' : 'merged';
    revert.revert = { target, method };
    revert.changeRequests = 0;
    revert.rework = false;
    revert.dismissFirst = false;
    revert.duration = 45 * MIN;
    endAfterReviews(revert);
    specs.push(revert);
  }

  // Fill with human PRs so that exactly `size` PRs are created in the window.
  const inWindow = (s: Spec): boolean => s.createdAt >= WINDOW_FROM && s.createdAt <= WINDOW_TO;
  while (specs.filter(inWindow).length < size) specs.push(workSpec(rand, 'human', WINDOW_FROM + Math.floor((rand() * span) / 1000) * 1000));
  while (specs.filter(inWindow).length > size) {
    const index = specs.findIndex((s) => inWindow(s) && s.kind === 'human' && !s.revert);
    specs.splice(index, 1);
  }

  specs.sort((a, b) => a.createdAt - b.createdAt);
  specs.forEach((spec, index) => {
    spec.number = index + 1;
  });

  // One Codex PR whose `codex` label a maintainer removed: detection asks for carol's permission
  // (the label then no longer counts, but the branch and the task link still make it Codex).
  const unlabeled = specs.find((s) => s.kind === 'codex' && inWindow(s));
  if (unlabeled) unlabeled.labelRemovedBy = true;

  const pulls: StoredPr[] = [];
  const truth: Truth[] = [];
  let ids = 5_000_000;
  const nextId = (): number => (ids += 1);
  for (const spec of specs) {
    const built = buildPr(spec, rand, nextId);
    pulls.push(built.pr);
    truth.push(built.truth);
  }

  // Which targets end up reverted (only merged reverts count).
  const revertedNumbers = new Set<number>();
  for (const spec of specs) if (spec.revert && spec.state === 'merged') revertedNumbers.add(spec.revert.target.number);
  for (const push of directPushes) revertedNumbers.add(push.target.number);
  for (const item of truth) item.reverted = revertedNumbers.has(item.number);

  const history: StoredCommit[] = [];
  for (const pr of pulls) {
    if (pr.mergedAt && pr.mergeCommit) {
      // Squash merges; a revert-button PR was squashed with its title only, so only its body
      // (`Reverts owner/repo#N`) says what it reverted.
      const messages = pr.body.startsWith('Reverts ') ? '' : `\n\n${pr.commits.map((c) => c.commit.message).join('\n\n')}`;
      history.push({
        oid: pr.mergeCommit.oid,
        message: `${pr.title} (#${pr.number})${messages}`,
        committedDate: pr.mergedAt,
        url: `https://github.com/${OWNER}/${NAME}/commit/${pr.mergeCommit.oid}`,
      });
    }
  }
  for (const push of directPushes) {
    const oid = sha(rand);
    history.push({
      oid,
      message: `Revert "${push.target.title}"\n\nThis reverts commit ${push.target.mergeSha}.`,
      committedDate: iso(push.at),
      url: `https://github.com/${OWNER}/${NAME}/commit/${oid}`,
    });
  }
  history.sort((a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate));
  return { pulls, history, truth };
}

function buildPr(spec: Spec, rand: () => number, nextId: () => number): { pr: StoredPr; truth: Truth } {
  const number = spec.number;
  const url = `https://github.com/${OWNER}/${NAME}/pull/${number}`;
  const created = spec.createdAt;
  const kind = spec.kind;
  const commits: GqlCommitData[] = [];
  const reviews: GqlReviewData[] = [];
  const comments: GqlCommentData[] = [];
  const timeline: GqlTimelineData[] = [];
  const labels: Array<{ name: string }> = [];
  const assignees: GqlActorData[] = [];
  let body = 'Changes the widget.';
  let title = spec.title;
  let headRefName = `feature/change-${number}`;
  let author: GqlActorData = number % 2 === 0 ? FRANK : DAVE;
  const slug = `change-${number}`;

  const addCommit = (id: GitId, at: number, message: string): void => {
    commits.push({
      commit: {
        oid: sha(rand),
        message,
        authoredDate: iso(at),
        committedDate: iso(at),
        parents: { totalCount: 1 },
        author: id,
        committer: id,
      },
    });
  };

  if (spec.revert) {
    const target = spec.revert.target;
    title = spec.revert.method === 'commit' ? `Undo the change from #${target.number}` : `Revert "${target.title}"`;
    body = spec.revert.method === 'commit' ? 'It broke the nightly build.' : `Reverts ${OWNER}/${NAME}#${target.number}`;
    headRefName = `revert-${target.number}-${slug}`;
    author = CAROL;
  }
  const agentGit = kind === 'human' ? gitUser(author) : AGENT_GIT[kind];
  switch (kind) {
    case 'copilot':
      author = COPILOT;
      headRefName = `copilot/${slug}`;
      body = `Fixes #${number + 1000}\n\n<!-- START COPILOT CODING AGENT TIPS -->\nTips`;
      assignees.push(ALICE, COPILOT);
      timeline.push({ __typename: 'AssignedEvent', createdAt: iso(created - 2 * MIN), actor: ALICE, assignee: COPILOT });
      break;
    case 'codex':
      author = ALICE;
      headRefName = `codex/${slug}`;
      body = `## Summary\n- change\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_${number}abc`;
      timeline.push({ __typename: 'LabeledEvent', createdAt: iso(created), actor: ALICE, label: { name: 'codex' } });
      if (spec.labelRemovedBy) {
        timeline.push({ __typename: 'UnlabeledEvent', createdAt: iso(created + 5 * MIN), actor: CAROL, label: { name: 'codex' } });
      } else {
        labels.push({ name: 'codex' });
      }
      break;
    case 'claude':
      author = CLAUDE;
      headRefName = `claude/${slug}`;
      body = 'Summary of the change.\n\n🤖 Generated with [Claude Code](https://claude.ai/code)';
      break;
    case 'devin':
      author = DEVIN;
      headRefName = `devin/1767000000-${slug}`;
      body = `Link to Devin run: https://app.devin.ai/sessions/${'0123456789abcdef'.repeat(2)}\nRequested by: Erin (@erin)`;
      break;
    case 'cursor':
      author = ERIN;
      headRefName = `cursor/${slug}-a1b2`;
      body = 'Background agent change.';
      break;
    case 'human':
      break;
  }
  const git = kind === 'human' ? gitUser(author) : agentGit;
  const trailer = kind === 'copilot' ? '\n\nCo-authored-by: alice <101+alice@users.noreply.github.com>' : '';
  const agentCommitCount = spec.overflow === 'commits' ? 120 : spec.agentCommits;
  for (let i = 0; i < agentCommitCount; i += 1) addCommit(git, created - (60 - (i % 50)) * MIN + i * 1000, `Work on ${slug} (${i + 1})${trailer}`);
  if (spec.revert && spec.revert.method !== 'open' && spec.revert.method !== 'closed') {
    commits[commits.length - 1]!.commit.message = `Revert "${spec.revert.target.title}"\n\nThis reverts commit ${spec.revert.target.mergeSha}.`;
  } else if (spec.revert) {
    commits[commits.length - 1]!.commit.message = `Revert "${spec.revert.target.title}"\n\nThis reverts commit ${spec.revert.target.mergeSha.slice(0, 10)}.`;
  }
  for (let i = 0; i < spec.humanCommits; i += 1) addCommit(gitUser(BOB), created + (10 + i) * MIN, `Fix a typo (${i + 1})`);

  const readyAt = spec.draftUntil ?? created;
  // Timeline noise to overflow the first page: a triage label put on and taken off.
  if (spec.overflow === 'timeline') {
    for (let i = 0; i < 52; i += 1) {
      timeline.push({ __typename: 'LabeledEvent', createdAt: iso(created + i * 1000), actor: CAROL, label: { name: 'triage' } });
      timeline.push({ __typename: 'UnlabeledEvent', createdAt: iso(created + i * 1000 + 500), actor: CAROL, label: { name: 'triage' } });
    }
  }
  if (spec.draftUntil !== null) timeline.push({ __typename: 'ReadyForReviewEvent', createdAt: iso(spec.draftUntil), actor: ALICE });

  // Bot noise that never counts.
  if (rand() < 0.5) {
    reviews.push(review(nextId, REVIEWER_BOT, 'COMMENTED', created + 3 * MIN, 2));
  }
  if (rand() < 0.5) comments.push(comment(nextId, CODERABBIT, created + 4 * MIN, url, 'Walkthrough …'));
  comments.push(comment(nextId, ACTIONS, created + 5 * MIN, url, '<!-- agent-pr-gate -->\nAgent PR Gate: needs review'));
  if (kind === 'copilot') comments.push(comment(nextId, COPILOT, created + 6 * MIN, url, 'I fixed it.'));
  if (spec.overflow === 'comments') {
    for (let i = 0; i < 130; i += 1) comments.push(comment(nextId, CODERABBIT, created + (7 * 60 + i) * 1000, url, `Nit ${i}`));
  }
  if (spec.overflow === 'reviews') {
    for (let i = 0; i < 104; i += 1) reviews.push(review(nextId, REVIEWER_BOT, 'COMMENTED', created + (2 * 60 + i) * 1000, 0));
  }

  // Human review rounds.
  let last = created + 30 * MIN;
  let firstReview: number | null = null;
  let reworkCycles = 0;
  if (spec.reviewDelay !== null) {
    let at = readyAt + spec.reviewDelay;
    firstReview = at;
    const rounds: GqlReviewData[] = [];
    if (spec.changeRequests === 0) {
      rounds.push(review(nextId, CAROL, spec.state === 'merged' ? 'APPROVED' : 'COMMENTED', at, spec.inlineComments));
    } else {
      for (let i = 0; i < spec.changeRequests; i += 1) {
        rounds.push(review(nextId, i === 0 ? CAROL : DAVE, 'CHANGES_REQUESTED', at, i === 0 ? spec.inlineComments : 0));
        at += 60 * MIN;
      }
      if (spec.dismissFirst) {
        const first = rounds[0]!;
        first.state = 'DISMISSED';
        timeline.push({
          __typename: 'ReviewDismissedEvent',
          createdAt: iso(at),
          actor: DAVE,
          previousReviewState: 'CHANGES_REQUESTED',
          review: { databaseId: first.databaseId },
        });
      }
      if (spec.rework) {
        addCommit(git, at + 30 * MIN, `Address review of ${slug}`);
        reworkCycles = spec.changeRequests;
        at += 60 * MIN;
      }
      if (spec.state === 'merged') rounds.push(review(nextId, DAVE, 'APPROVED', at + 10 * MIN, 0));
    }
    reviews.push(...rounds);
    last = Math.max(last, at + 20 * MIN);
  }
  for (let i = 0; i < spec.humanComments; i += 1) comments.push(comment(nextId, CAROL, created + (40 + i) * MIN, url, `Question ${i + 1}`));
  reviews.sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  timeline.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

  const end = created + spec.duration;
  if (last > end) throw new Error(`generator: PR ${number} ends before its last review`);
  const stateUpper = spec.state === 'merged' ? 'MERGED' : spec.state === 'closed' ? 'CLOSED' : 'OPEN';
  const mergedAt = spec.state === 'merged' ? iso(end) : null;
  const closedAt = spec.state === 'open' ? null : iso(end);

  const additions = 5 + Math.floor(rand() * 300);
  const deletions = Math.floor(rand() * 80);
  const pr: StoredPr = {
    number,
    title,
    body,
    url,
    state: stateUpper,
    isDraft: false,
    createdAt: iso(created),
    mergedAt,
    closedAt,
    headRefName,
    headRefOid: commits[commits.length - 1]!.commit.oid,
    baseRefName: 'main',
    baseRefOid: 'b'.repeat(40),
    isCrossRepository: false,
    additions,
    deletions,
    changedFiles: 1 + Math.floor(rand() * 12),
    mergeCommit: spec.state === 'merged' ? { oid: spec.mergeSha } : null,
    author,
    labels,
    assignees,
    commits,
    reviews,
    comments,
    timelineItems: timeline,
  };
  const endToEnd = Math.floor(((spec.state === 'open' ? NOW.getTime() : end) - created) / 1000);
  const inlineTotal = reviews.filter((r) => r.author === CAROL || r.author === DAVE).reduce((sum, r) => sum + r.comments.totalCount, 0);
  return {
    pr,
    truth: {
      number,
      kind,
      state: spec.state,
      inWindow: created >= WINDOW_FROM && created <= WINDOW_TO,
      reverted: false,
      humanCommits: spec.humanCommits,
      changeRequests: spec.reviewDelay === null ? 0 : spec.changeRequests,
      reviewComments: inlineTotal,
      humanComments: spec.humanComments,
      reworkCycles,
      timeToFirstHumanReview: firstReview === null ? null : Math.floor((firstReview - readyAt) / 1000),
      endToEnd,
      ...(spec.revert ? { revertOf: spec.revert.target.number } : {}),
    },
  };
}

function review(nextId: () => number, author: GqlActorData, state: GqlReviewData['state'], at: number, inline: number): GqlReviewData {
  const id = nextId();
  return {
    databaseId: id,
    author,
    state,
    submittedAt: iso(at),
    body: '',
    commit: { oid: 'c'.repeat(40) },
    comments: {
      totalCount: inline,
      nodes: Array.from({ length: inline }, (_, i) => ({
        databaseId: nextId(),
        author,
        createdAt: iso(at),
        path: `src/file-${i}.ts`,
        line: i + 1,
        originalLine: i + 1,
      })),
    },
  };
}

function comment(nextId: () => number, author: GqlActorData, at: number, prUrl: string, body: string): GqlCommentData {
  const id = nextId();
  return { databaseId: id, author, body, createdAt: iso(at), updatedAt: iso(at), url: `${prUrl}#issuecomment-${id}` };
}
