import type { AgentDefinition } from '../config/policy.js';
import { sameLogin } from '../identity.js';
import type { Permission, TimelineEvent } from '../snapshot.js';
import { classifyActor } from './classify.js';
import type { DetectionContext } from './detection-context.js';
import { findRequester } from './find-requester.js';

/**
 * Sticky agent labels. A label that marks a PR as an agent's keeps marking it after it is removed
 * (the timeline keeps the `labeled` event), unless the removal was made by a human with write
 * access who neither asked for the change (the requester) nor opened the PR. Otherwise whoever
 * wants the gate gone could just remove the label. When the remover's permission is unknown (not
 * looked up, or the lookup failed) the label still counts: detection fails closed.
 */

export interface AgentLabel {
  /** The label as the PR or its timeline spells it. */
  label: string;
  /** True when the label is on the PR now. */
  present: boolean;
  /** The last `unlabeled` event after the last `labeled` one, when the label is gone. */
  removal: TimelineEvent | null;
}

export interface LabelJudgement {
  label: AgentLabel;
  /** Whether the label still marks the PR. */
  counts: boolean;
  /** Why, when the label was removed ("label codex was removed by alice, the requester; it still counts"). */
  note: string | null;
}

const WRITE_ACCESS: readonly Permission[] = ['write', 'maintain', 'admin'];

/**
 * Each of the agent's labels that is on the PR now or was ever put on it. The timeline is read in
 * the order the API returns it (oldest first).
 */
export function readAgentLabels(ctx: DetectionContext, agent: AgentDefinition): AgentLabel[] {
  const out: AgentLabel[] = [];
  for (const wanted of agent.labels) {
    const key = wanted.toLowerCase();
    const current = ctx.snapshot.labels.find((label) => label.toLowerCase() === key);
    let labeled: string | null = null;
    let removal: TimelineEvent | null = null;
    for (const event of ctx.snapshot.timeline) {
      if (event.label?.toLowerCase() !== key) continue;
      if (event.type === 'labeled') {
        labeled = event.label;
        removal = null;
      } else if (event.type === 'unlabeled' && labeled !== null) {
        removal = event;
      }
    }
    if (current !== undefined) out.push({ label: current, present: true, removal: null });
    else if (labeled !== null) out.push({ label: labeled, present: false, removal });
  }
  return out;
}

/** Whether each of the agent's labels still marks the PR, and why. */
export function judgeAgentLabels(ctx: DetectionContext, agent: AgentDefinition): LabelJudgement[] {
  const labels = readAgentLabels(ctx, agent);
  if (labels.every((label) => label.present)) return labels.map((label) => ({ label, counts: true, note: null }));
  const requester = findRequester(ctx, agent);
  return labels.map((label) => judgeLabel(ctx, label, requester?.login ?? null));
}

/**
 * The login whose permission decides a removed label, or null when no lookup can change the
 * outcome (no removal event, removed by automation, by the requester or by the PR author).
 */
export function removerToLookUp(ctx: DetectionContext, label: AgentLabel, requester: string | null): string | null {
  if (label.present || !label.removal?.actor) return null;
  const actor = label.removal.actor;
  if (classifyActor(actor, ctx.policy, ctx.agents) !== 'human') return null;
  if (sameLogin(actor.login, requester) || sameLogin(actor.login, ctx.snapshot.author?.login)) return null;
  return actor.login;
}

function judgeLabel(ctx: DetectionContext, label: AgentLabel, requester: string | null): LabelJudgement {
  if (label.present) return { label, counts: true, note: null };
  const kept = (why: string): LabelJudgement => ({
    label,
    counts: true,
    note: `label ${label.label} was removed ${why}; it still counts`,
  });
  const actor = label.removal?.actor;
  if (!label.removal) return kept('(the timeline does not say by whom)');
  if (!actor) return kept('by a deleted account');
  const party = classifyActor(actor, ctx.policy, ctx.agents);
  if (party !== 'human') return kept(`by ${actor.login}, which is ${party === 'agent' ? 'an agent' : 'automation'}`);
  if (sameLogin(actor.login, requester)) return kept(`by ${actor.login}, the requester`);
  if (sameLogin(actor.login, ctx.snapshot.author?.login)) return kept(`by ${actor.login}, the PR author`);
  const permission = lookUpPermission(ctx, actor.login);
  if (permission === undefined) return kept(`by ${actor.login}, whose permission was not looked up`);
  if (typeof permission !== 'string') return kept(`by ${actor.login}, whose permission could not be checked (${permission.error})`);
  if (!WRITE_ACCESS.includes(permission)) return kept(`by ${actor.login}, who has ${permission} permission (write needed)`);
  return {
    label,
    counts: false,
    note: `label ${label.label} was removed by ${actor.login} (${permission} permission), who is not the requester`,
  };
}

function lookUpPermission(ctx: DetectionContext, login: string): Permission | { error: string } | undefined {
  const permissions = ctx.snapshot.lookups.permissions;
  const exact = Object.hasOwn(permissions, login) ? permissions[login] : undefined;
  if (exact !== undefined) return exact;
  const key = Object.keys(permissions).find((candidate) => sameLogin(candidate, login));
  return key === undefined ? undefined : permissions[key];
}
