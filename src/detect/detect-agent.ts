import type { AgentDefinition, Policy } from '../config/policy.js';
import { compileAnyOf, compilePattern } from '../patterns.js';
import type { Detection, Signal, SignalKind } from '../result.js';
import type { Actor, Commit, PrSnapshot } from '../snapshot.js';
import { compileBranchGlobs } from './branch-globs.js';
import { agentOfActor, agentOfIdentity } from './classify.js';
import { type DetectionContext, buildDetectionContext } from './detection-context.js';
import { findRequester } from './find-requester.js';
import { judgeAgentLabels } from './sticky-labels.js';

/**
 * How strongly each kind of signal says which agent wrote the PR (docs/architecture.md, "Detection": PR author identity >
 * commit author identity (most commits) > body signature > branch prefix > label > co-author
 * trailer). Identities cannot be faked by the PR's author; a branch name, a label or a trailer
 * can be typed by anyone, so they only decide when nothing stronger is there.
 *
 * `timeline` (`copilot_work_started`/`_finished`) and `assignee` (the agent's account assigned)
 * rank with the author: only the Copilot agent itself emits the work events, and assigning its
 * account is how a human asks it to write the PR, so both name the author as surely as the author
 * field does. They sit one step below `author` so that the real PR author wins a tie.
 */
export const SIGNAL_RANK: Readonly<Record<SignalKind, number>> = {
  author: 70,
  timeline: 65,
  assignee: 65,
  'commit-author': 50,
  body: 40,
  branch: 30,
  label: 20,
  trailer: 10,
};

/** The timeline events only the Copilot coding agent produces. */
const COPILOT_EVENTS = ['copilot_work_started', 'copilot_work_finished', 'copilot_work_finished_failure'];
const COPILOT_ID = 'copilot';
const MAX_EVIDENCE = 120;

interface Candidate {
  agent: AgentDefinition;
  order: number;
  signals: Signal[];
  /** Commits whose author or committer is this agent. */
  commits: number;
  /** Notes on removed labels. */
  notes: string[];
}

/**
 * Which agent (if any) wrote the PR, every signal that says so, and the human who asked for it.
 *
 * A `codex/` branch alone still makes a Codex PR: Codex is the one agent that leaves no identity
 * (it pushes as the human), so its branch, label and task link are all there is, and a human who
 * names a branch `codex/…` by hand is rare. The cost of a wrong guess is a review request on a
 * human PR, the safe side for a gate; a repository that uses such names can turn the signal off
 * (`agents: [{ id: codex, branches: [] }]`). The reason says when detection rests on weak signals.
 */
export function detectAgent(policy: Policy, snapshot: PrSnapshot): Detection {
  const ctx = buildDetectionContext(policy, snapshot);
  const candidates = ctx.agents
    .map((agent, order) => collectSignals(ctx, agent, order))
    .filter((candidate) => candidate.signals.length > 0 || candidate.notes.length > 0);
  const ranked = candidates.filter((candidate) => candidate.signals.length > 0).sort(compareCandidates);
  const winner = ranked[0];
  if (!winner) {
    const notes = candidates.flatMap((candidate) => candidate.notes);
    return {
      agent: null,
      agentName: null,
      requester: null,
      requesterSource: null,
      signals: [],
      reason: [describeNonAgent(snapshot), ...notes].join('; '),
    };
  }
  const requester = findRequester(ctx, winner.agent);
  return {
    agent: winner.agent.id,
    agentName: winner.agent.name,
    requester: requester?.login ?? null,
    requesterSource: requester?.source ?? null,
    signals: ranked.flatMap((candidate) => candidate.signals),
    reason: describeAgent(winner, ranked.slice(1)),
  };
}

/** Each agent definition's branch globs, compiled once (detection runs more than once a run). */
const branchMatchers = new WeakMap<AgentDefinition, (ref: string) => boolean>();

function branchMatcher(agent: AgentDefinition): (ref: string) => boolean {
  let matcher = branchMatchers.get(agent);
  if (matcher === undefined) {
    matcher = compileBranchGlobs(agent.branches);
    branchMatchers.set(agent, matcher);
  }
  return matcher;
}

function collectSignals(ctx: DetectionContext, agent: AgentDefinition, order: number): Candidate {
  const { snapshot } = ctx;
  const signals: Signal[] = [];
  const add = (kind: SignalKind, value: string): void => {
    const evidence = value.length > MAX_EVIDENCE ? `${value.slice(0, MAX_EVIDENCE - 1)}…` : value;
    if (!signals.some((signal) => signal.kind === kind && signal.value === evidence)) signals.push({ kind, agent: agent.id, value: evidence });
  };
  const notes: string[] = [];

  if (agentOfActor(snapshot.author, [agent]) && snapshot.author) add('author', snapshot.author.login);

  for (const actor of assignedActors(snapshot)) {
    if (agentOfActor(actor, [agent])) add('assignee', actor.login);
  }

  if (agent.id === COPILOT_ID) {
    for (const event of snapshot.timeline) {
      if (COPILOT_EVENTS.includes(event.type)) add('timeline', event.type);
    }
  }

  let commits = 0;
  let committedAs: string | null = null;
  const only = [agent];
  // An index loop, asking the author before the committer: this runs cold, for every agent and commit.
  for (let c = 0; c < snapshot.commits.length; c += 1) {
    const commit = snapshot.commits[c] as Commit;
    const identity = agentOfIdentity(commit.author, only) ? commit.author : agentOfIdentity(commit.committer, only) ? commit.committer : null;
    if (!identity) continue;
    commits += 1;
    committedAs ??= identity.user?.login ?? identity.name;
  }
  if (committedAs !== null) {
    add('commit-author', `${committedAs} (${commits} of ${snapshot.commits.length} ${snapshot.commits.length === 1 ? 'commit' : 'commits'})`);
  }

  // Compiled only when some text is signed (rarely): a cold RE2 compile costs milliseconds.
  const bodyPatterns = ctx.bodySigned || ctx.signedCommitTails.length > 0 ? agent.body.map((source) => compilePattern(source)) : [];
  if (ctx.bodySigned && compileAnyOf(agent.body)?.test(ctx.body)) {
    for (const pattern of bodyPatterns) {
      const match = pattern.find(ctx.body);
      if (match) add('body', match.text.trim());
    }
  }

  if (agent.branches.length > 0 && snapshot.headRef !== '' && branchMatcher(agent)(snapshot.headRef)) {
    add('branch', snapshot.headRef);
  }

  for (const judgement of judgeAgentLabels(ctx, agent)) {
    if (judgement.counts) add('label', judgement.label.label);
    if (judgement.note) notes.push(judgement.note);
  }

  const trailerPatterns = agent.trailers.map((source) => compilePattern(source));
  for (const coAuthor of ctx.coAuthors) {
    // Accepted Copilot review suggestions co-author commits on any PR: not an authorship signal.
    if (coAuthor.suggestion) continue;
    if (trailerPatterns.some((pattern) => pattern.test(coAuthor.value))) add('trailer', coAuthor.value);
  }
  // Tool signatures in commit messages (`Generated with [Claude Code]`, `Claude-Session:`) are
  // as easy to type as a trailer and rank with them.
  for (const tail of ctx.signedCommitTails) {
    for (const pattern of bodyPatterns) {
      const match = pattern.find(tail);
      if (match) add('trailer', match.text.trim());
    }
  }

  signals.sort((a, b) => SIGNAL_RANK[b.kind] - SIGNAL_RANK[a.kind]);
  return { agent, order, signals, commits, notes };
}

/** Current assignees and everyone an `assigned` event ever assigned (the agent may be unassigned later). */
function assignedActors(snapshot: PrSnapshot): Actor[] {
  const actors: Actor[] = [...snapshot.assignees];
  for (const event of snapshot.timeline) {
    if (event.type === 'assigned' && event.subject) actors.push(event.subject);
  }
  return actors;
}

/**
 * Strongest signal first; two agents whose strongest signal is a commit identity are ordered by
 * their number of commits; then by their further signals, strongest first; then definition order.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  const ranksA = a.signals.map((signal) => SIGNAL_RANK[signal.kind]);
  const ranksB = b.signals.map((signal) => SIGNAL_RANK[signal.kind]);
  const topA = ranksA[0] ?? 0;
  const topB = ranksB[0] ?? 0;
  if (topA !== topB) return topB - topA;
  if (topA === SIGNAL_RANK['commit-author'] && a.commits !== b.commits) return b.commits - a.commits;
  for (let i = 1; i < Math.max(ranksA.length, ranksB.length); i += 1) {
    const diff = (ranksB[i] ?? 0) - (ranksA[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.order - b.order;
}

const KIND_TEXT: Record<SignalKind, string> = {
  author: 'PR author',
  'commit-author': 'commit author',
  body: 'PR body',
  branch: 'branch',
  label: 'label',
  trailer: 'commit trailer',
  timeline: 'timeline event',
  assignee: 'assignee',
};

const WEAK_RANK = SIGNAL_RANK.branch;

function describeAgent(winner: Candidate, others: Candidate[]): string {
  const top = winner.signals[0];
  const parts: string[] = [];
  const evidence = top ? `${KIND_TEXT[top.kind]} ${top.value}` : 'no signal';
  const weak = winner.signals.every((signal) => SIGNAL_RANK[signal.kind] <= WEAK_RANK);
  parts.push(`${winner.agent.name} (${winner.agent.id}): ${evidence}${weak ? ' (weak signals only)' : ''}`);
  for (const other of others) {
    const otherTop = other.signals[0];
    if (otherTop) parts.push(`outranks ${other.agent.id} (${KIND_TEXT[otherTop.kind]} ${otherTop.value})`);
  }
  parts.push(...winner.notes);
  return parts.join('; ');
}

function describeNonAgent(snapshot: PrSnapshot): string {
  const author = snapshot.author ? snapshot.author.login : 'unknown';
  const branch = snapshot.headRef === '' ? 'unknown' : snapshot.headRef;
  return `no agent signal: author ${author}, branch ${branch}`;
}
