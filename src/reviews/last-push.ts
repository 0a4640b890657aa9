import type { AgentDefinition, Policy } from '../config/policy.js';
import { classifyCommit } from '../detect/classify.js';
import { normalizeLogin, sameActor, sameLogin } from '../identity.js';
import type { Actor, Commit, GitIdentity, PrSnapshot } from '../snapshot.js';

/**
 * The latest push to the PR's branch, as far as the snapshot shows it: the head commit (its
 * commit time), any later force push (its timeline event, which also names who pushed), and
 * `headSeenAt` (when GitHub saw the head commit on the PR), whichever is latest. The commit time
 * alone is not enough: whoever makes a commit writes its date, so a back-dated commit pushed now
 * would otherwise look older than a label applied before the push.
 */
export interface LastPush {
  /** ISO time of the latest push, or null when the head commit is not in the snapshot. */
  at: string | null;
  /** The head commit, when listed. */
  commit: Commit | null;
  /** The actor of a force push that is the latest push, if any. */
  forcePushedBy: Actor | null;
}

export function findLastPush(snapshot: PrSnapshot): LastPush {
  const commit = snapshot.commits.find((c) => c.sha === snapshot.headSha) ?? null;
  let at = commit ? commit.committedAt : null;
  let forcePushedBy: Actor | null = null;
  for (const event of snapshot.timeline) {
    if (event.type !== 'head_ref_force_pushed') continue;
    if (at !== null && Date.parse(event.createdAt) >= Date.parse(at)) {
      at = event.createdAt;
      forcePushedBy = event.actor;
    }
  }
  // Only the time moves: who pushed is still the force pusher (or the head commit's people).
  const seen = snapshot.headSeenAt;
  if (at !== null && seen && Date.parse(seen) > Date.parse(at)) at = seen;
  return { at, commit, forcePushedBy };
}

function noreplyLogin(email: string): string | null {
  const lower = email.trim().toLowerCase();
  const suffix = '@users.noreply.github.com';
  if (!lower.endsWith(suffix)) return null;
  const local = lower.slice(0, -suffix.length);
  const plus = local.indexOf('+');
  return plus >= 0 ? local.slice(plus + 1) : local;
}

/** Whether a git identity is this account: by linked user, else by name or noreply email. */
export function identityIs(identity: GitIdentity, actor: Actor): boolean {
  if (identity.user) return sameActor(identity.user, actor);
  if (sameLogin(identity.name, actor.login)) return true;
  const login = noreplyLogin(identity.email);
  return login !== null && normalizeLogin(login) === normalizeLogin(actor.login);
}

/**
 * Whether this human pushed the latest commit: the head commit is a human's (its author per
 * `classifyCommit`, or its committer) and it is this person, or they force-pushed last.
 */
export function pushedLatest(lastPush: LastPush, actor: Actor, policy: Policy, agents: readonly AgentDefinition[]): boolean {
  if (lastPush.forcePushedBy && sameActor(lastPush.forcePushedBy, actor)) return true;
  const commit = lastPush.commit;
  if (!commit) return false;
  if (classifyCommit(commit, policy, agents) === 'human' && identityIs(commit.author, actor)) return true;
  return identityIs(commit.committer, actor);
}
