import type { AgentDefinition, Policy } from '../config/policy.js';
import { resolveAgents } from '../detect/agents.js';
import { classifyCommit, isHumanActor } from '../detect/classify.js';
import { commitTail, parseCoAuthor } from '../detect/co-authors.js';
import { sameActor, sameLogin } from '../identity.js';
import { compilePattern } from '../patterns.js';
import { COMMENT_MARKER } from '../render/marker.js';
import type { Detection, Metrics } from '../result.js';
import type { Actor, Commit, PrSnapshot, Review } from '../snapshot.js';

/**
 * Rework and intervention metrics of one PR (docs/architecture.md, "Metrics"). Pure: every time is read from the snapshot,
 * and `now` ends the clock of a PR that is still open. Times are whole seconds.
 *
 * Who counts as what:
 * - Humans are accounts that are neither automation (`[bot]` logins, type Bot, the known reviewer
 *   bots, the policy's `bots:`) nor an authoring agent's identity (src/detect/classify.ts). Reviewer
 *   bots that comment more than any human, the agent's own replies and github-actions never count.
 * - The gate's own comments are left out: any conversation comment that carries the marker, and any
 *   comment written by the account the token acts as (`snapshot.viewer`), which is the gate's
 *   identity even when it is a machine user GitHub shows as a human.
 *
 * Commits:
 * - Merge commits (more than one parent, e.g. "Merge branch 'main' into …" from the Update branch
 *   button) are not counted on either side and do not end a rework cycle: they bring the base
 *   branch in, they are not work on the change.
 * - Commits by automation (a formatter bot, github-actions) are counted on neither side either, but
 *   they are "new commits" for rework, which the spec defines as a commit by anyone.
 * - The author decides (linked account, else git email/name matched to agent identities). A
 *   co-author trailer never makes an agent's commit human (Copilot always credits the requester).
 * - The operator exception. Some agents work under the human's own account: Codex cloud opens the PR
 *   and pushes the commits as the requester, Claude Code and Cursor run on the requester's machine
 *   and commit with the requester's git identity plus a co-author trailer. Counting those commits
 *   as human would make every such PR look like a human rewrite. So a commit authored by the
 *   operator (the PR author when human, or the requester) counts as an agent commit when
 *   1. it carries a co-author trailer of the detected agent (its `trailers` patterns), or
 *   2. the detected agent has no identity of its own (no `authors`, `authorIds`, `commitAuthors`:
 *      the built-in `codex`, a generic label-based agent), so its work cannot be told apart from
 *      the operator's — unless the commit was made in GitHub's web interface (committer `web-flow`:
 *      an accepted review suggestion or an edit in the browser), which no agent does.
 *   Any other human's commit is an intervention, even if that human used an AI tool to write it.
 *   Known limit: a requester who fixes a Codex branch locally under the same account is counted
 *   as the agent; the API gives nothing to tell the two apart.
 */
export function computeMetrics(policy: Policy, snapshot: PrSnapshot, detection: Detection, now: Date): Metrics {
  const agents = resolveAgents(policy);
  const isHuman = (actor: Actor | null | undefined): boolean => isHumanActor(actor, policy, agents);
  const classify = commitClassifier(policy, snapshot, detection, agents);

  let agentCommits = 0;
  let humanCommits = 0;
  for (let c = 0; c < snapshot.commits.length; c += 1) {
    const party = classify(snapshot.commits[c] as Commit);
    if (party === 'agent') agentCommits += 1;
    else if (party === 'human') humanCommits += 1;
  }

  const submitted = snapshot.reviews.filter((review) => review.state !== 'PENDING' && review.submittedAt !== null);
  const humanChangeRequests = submitted.filter((review) => review.state === 'CHANGES_REQUESTED' && isHuman(review.author));
  const reviewComments = snapshot.reviewComments.filter((comment) => isHuman(comment.author)).length;
  const comments = snapshot.comments.filter(
    (comment) => isHuman(comment.author) && !sameActor(comment.author, snapshot.viewer) && !comment.body.includes(COMMENT_MARKER),
  ).length;

  // Commits that can answer a change request: every commit but merges, by anyone.
  const workTimes = snapshot.commits.filter((commit) => commit.parents <= 1).map((commit) => toMs(commit.committedAt));
  const reworkCycles = humanChangeRequests.filter((review) => {
    const at = toMs(review.submittedAt);
    return workTimes.some((time) => time > at);
  }).length;

  return {
    commits: { agent: agentCommits, human: humanCommits },
    interventions: {
      humanCommits,
      changeRequests: humanChangeRequests.length,
      reviewComments,
      comments,
      total: humanCommits + humanChangeRequests.length + reviewComments + comments,
    },
    reworkCycles,
    forcePushes: snapshot.timeline.filter((event) => event.type === 'head_ref_force_pushed').length,
    timeToFirstHumanReview: timeToFirstHumanReview(snapshot, detection, submitted, isHuman),
    endToEnd: seconds(toMs(snapshot.createdAt), endOf(snapshot, now)),
    reworkTime: reworkTime(humanChangeRequests, workTimes),
    tier: tierOf(policy, snapshot),
    size: { files: snapshot.totals.files, additions: snapshot.totals.additions, deletions: snapshot.totals.deletions },
  };
}

type CommitParty = 'agent' | 'human' | 'bot' | 'merge';

function commitClassifier(
  policy: Policy,
  snapshot: PrSnapshot,
  detection: Detection,
  agents: readonly AgentDefinition[],
): (commit: Commit) => CommitParty {
  const agent = detection.agent === null ? null : (agents.find((candidate) => candidate.id === detection.agent) ?? null);
  const operators: Actor[] = [];
  if (snapshot.author && isHumanActor(snapshot.author, policy, agents)) operators.push(snapshot.author);
  const isOperator = (actor: Actor | null): boolean =>
    actor !== null && (operators.some((operator) => sameActor(operator, actor)) || sameLogin(actor.login, detection.requester));
  const sharedAccount = agent !== null && agent.authors.length === 0 && agent.authorIds.length === 0 && agent.commitAuthors.length === 0;
  const trailerPatterns = agent === null ? [] : agent.trailers.map((source) => compilePattern(source));

  return (commit) => {
    if (commit.parents > 1) return 'merge';
    const party = classifyCommit(commit, policy, agents);
    if (party !== 'human' || agent === null || !isOperator(commit.author.user)) return party;
    if (coAuthors(commit.message).some((value) => trailerPatterns.some((pattern) => pattern.test(value)))) return 'agent';
    if (sharedAccount && !isWebCommit(commit)) return 'agent';
    return 'human';
  };
}

/** The `Co-authored-by:` values ("Name <email>") in the trailer part of a commit message. */
function coAuthors(message: string): string[] {
  const values: string[] = [];
  for (const line of commitTail(message).split('\n')) {
    const match = /^\s*co-authored-by:(.*)$/i.exec(line);
    const coAuthor = match?.[1] === undefined ? null : parseCoAuthor(match[1]);
    if (coAuthor && !coAuthor.suggestion) values.push(coAuthor.value);
  }
  return values;
}

/** A commit made in GitHub's web interface: GitHub commits it as `web-flow` / noreply@github.com. */
function isWebCommit(commit: Commit): boolean {
  const committer = commit.committer;
  return sameLogin(committer.user?.login, 'web-flow') || committer.email.trim().toLowerCase() === 'noreply@github.com';
}

/**
 * From the moment the PR was ready for review (creation, or the last `ready_for_review` event when it
 * was a draft) to the first review, of any state, by a human who is neither the PR author nor the
 * requester. Reviews given before that moment (on the draft, or before the PR went back to draft)
 * do not count: the clock measures how long the ready PR waited for a reviewer.
 */
function timeToFirstHumanReview(
  snapshot: PrSnapshot,
  detection: Detection,
  submitted: readonly Review[],
  isHuman: (actor: Actor | null) => boolean,
): number | null {
  let readyAt = toMs(snapshot.createdAt);
  const readyEvents = snapshot.timeline.filter((event) => event.type === 'ready_for_review').map((event) => toMs(event.createdAt));
  if (readyEvents.length > 0) readyAt = Math.max(...readyEvents);
  let first: number | null = null;
  for (const review of submitted) {
    const author = review.author;
    if (!isHuman(author) || sameActor(author, snapshot.author) || sameLogin(author?.login, detection.requester)) continue;
    const at = toMs(review.submittedAt);
    if (at < readyAt) continue;
    if (first === null || at < first) first = at;
  }
  return first === null ? null : seconds(readyAt, first);
}

/** Merged → merge time; closed → close time (the latest close of a reopened PR); open → now. */
function endOf(snapshot: PrSnapshot, now: Date): number {
  if (snapshot.mergedAt !== null) return toMs(snapshot.mergedAt);
  if (snapshot.state !== 'open' && snapshot.closedAt !== null) return toMs(snapshot.closedAt);
  return now.getTime();
}

/** First human change request → the last commit (merges aside) after it; null without both. */
function reworkTime(changeRequests: readonly Review[], workTimes: readonly number[]): number | null {
  if (changeRequests.length === 0) return null;
  const first = Math.min(...changeRequests.map((review) => toMs(review.submittedAt)));
  const after = workTimes.filter((time) => time > first);
  if (after.length === 0) return null;
  return seconds(first, Math.max(...after));
}

/** Small when files and lines are both within the small limits, medium within medium, else large. */
function tierOf(policy: Policy, snapshot: PrSnapshot): Metrics['tier'] {
  const files = snapshot.totals.files;
  const lines = snapshot.totals.additions + snapshot.totals.deletions;
  const { small, medium } = policy.metrics.tiers;
  if (files <= small.maxFiles && lines <= small.maxLines) return 'small';
  if (files <= medium.maxFiles && lines <= medium.maxLines) return 'medium';
  return 'large';
}

function toMs(iso: string | null): number {
  if (iso === null) return Number.NaN;
  return Date.parse(iso);
}

/** Whole seconds from `from` to `to`, never negative (clock skew between git and GitHub). */
function seconds(from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 0;
  return Math.max(0, Math.floor((to - from) / 1000));
}
