import type { AgentDefinition, Policy } from '../config/policy.js';
import { classifyActor } from '../detect/classify.js';
import { normalizeLogin } from '../identity.js';
import type { Finding, Override } from '../result.js';
import type { Lookups, Permission, PrSnapshot, TimelineEvent } from '../snapshot.js';
import { findLastPush } from './last-push.js';

/**
 * The override label (docs/security.md): it counts only while it is on the PR, when its latest
 * `labeled` event was made by someone with admin or maintain permission, after the latest push (a
 * new push ends it, as it makes approvals stale), and never when that someone is the PR's author
 * or the requester (whoever asked the agent for the change cannot waive its review, whatever
 * their permission). Anything else is ignored with a note that says why.
 */

const OVERRIDE_PERMISSIONS: readonly Permission[] = ['admin', 'maintain'];

/** Whether an override could change anything: a finding above `allow`, or required approvals. */
export function hasAnythingToOverride(policy: Policy, findings: readonly Finding[]): boolean {
  return policy.reviews.requiredApprovals > 0 || findings.some((finding) => finding.level !== 'allow');
}

function sameLabel(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export type OverrideCandidate =
  | { ok: true; event: TimelineEvent & { actor: NonNullable<TimelineEvent['actor']> } }
  | { ok: false; note: string | null };

function sameLogin(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && normalizeLogin(a) === normalizeLogin(b);
}

/**
 * The `labeled` event that would make the override, once its actor's permission is known; or why
 * there is none (null note: the label is simply not on the PR). `requester` is null when it is not
 * known yet (planning the lookups): the author is still excluded, the requester later.
 */
export function findOverrideCandidate(
  policy: Policy,
  snapshot: PrSnapshot,
  agents: readonly AgentDefinition[],
  requester: string | null = null,
): OverrideCandidate {
  const label = policy.overrides.label;
  if (!label || !snapshot.labels.some((name) => sameLabel(name, label))) return { ok: false, note: null };
  const event = snapshot.timeline.findLast((e) => e.type === 'labeled' && e.label !== undefined && sameLabel(e.label, label));
  const prefix = `override label \`${label}\``;
  if (!event) return { ok: false, note: `${prefix} is on the PR but the timeline does not show who applied it; ignored` };
  const actor = event.actor;
  if (!actor) return { ok: false, note: `${prefix} was applied by a deleted account; ignored` };
  const party = classifyActor(actor, policy, agents);
  if (party !== 'human') {
    return { ok: false, note: `${prefix} applied by ${actor.login} ignored: ${party === 'agent' ? 'an agent' : 'a bot'} cannot override` };
  }
  const role = sameLogin(requester, actor.login) ? 'the requester' : sameLogin(snapshot.author?.login, actor.login) ? 'the PR author' : null;
  if (role !== null) {
    return { ok: false, note: `${prefix} applied by ${actor.login}, ${role}: does not count (an override must come from someone else)` };
  }
  const lastPush = findLastPush(snapshot);
  if (lastPush.at === null) {
    return { ok: false, note: `${prefix} applied by ${actor.login} ignored: the latest push is not in the fetched data` };
  }
  if (!(Date.parse(event.createdAt) > Date.parse(lastPush.at))) {
    return {
      ok: false,
      note: `${prefix} applied by ${actor.login} at ${event.createdAt} ignored: it predates the latest push (${lastPush.at}); apply it again`,
    };
  }
  return { ok: true, event: { ...event, actor } };
}

function permissionOf(lookups: Lookups, login: string): Lookups['permissions'][string] | undefined {
  const exact = lookups.permissions[login];
  if (exact !== undefined) return exact;
  const key = normalizeLogin(login);
  for (const [name, value] of Object.entries(lookups.permissions)) if (normalizeLogin(name) === key) return value;
  return undefined;
}

export function evaluateOverride(
  policy: Policy,
  snapshot: PrSnapshot,
  agents: readonly AgentDefinition[],
  requester: string | null,
): { override: Override | null; notes: string[] } {
  const candidate = findOverrideCandidate(policy, snapshot, agents, requester);
  if (!candidate.ok) return { override: null, notes: candidate.note ? [candidate.note] : [] };
  const { event } = candidate;
  const login = event.actor.login;
  const label = policy.overrides.label;
  const prefix = `override label \`${label}\` applied by ${login}`;
  const permission = permissionOf(snapshot.lookups, login);
  if (permission === undefined) {
    return { override: null, notes: [`${prefix} ignored: their repository permission was not fetched`] };
  }
  if (typeof permission !== 'string') {
    return { override: null, notes: [`${prefix} ignored: ${permission.error}`] };
  }
  if (!OVERRIDE_PERMISSIONS.includes(permission)) {
    return { override: null, notes: [`${prefix} ignored: ${login} has ${permission} permission (an override needs admin or maintain)`] };
  }
  return { override: { label, by: login, at: event.createdAt }, notes: [] };
}
