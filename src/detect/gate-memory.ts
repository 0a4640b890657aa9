import type { AgentDefinition, Policy } from '../config/policy.js';
import type { Detection } from '../result.js';
import type { Actor, GateMemory, PrSnapshot } from '../snapshot.js';
import { resolveAgents } from './agents.js';
import { detectAgent } from './detect-agent.js';

/**
 * Sticky detection through the gate's memory (docs/security.md, "The gate's memory").
 *
 * Every signal detection reads — branch name, PR body, commit authors and trailers, labels — can
 * be rewritten by the requester after the gate has judged the PR: rename the branch, edit the
 * body, force-push the history authored as themselves. So once the gate has judged a PR
 * agent-authored, it stays gated as that agent whatever detection says now; only the override
 * lets it through. The memory is what the gate itself wrote and nobody else can forge as ours:
 * the state line of our own comment, our own `agent-pr-gate` statuses on the PR's heads (their
 * description names the agent, and statuses cannot be deleted), and the fact that a comment of
 * ours was deleted by someone else.
 *
 * Memory only ever adds gating: nothing in it can make a PR that detection sees as an agent's
 * count as a human's.
 */

/** The agent id used when the gate's comment was deleted and nothing else says which agent it was. */
export const UNKNOWN_AGENT = 'unknown';

/** `[cursor] denied: …`: the agent's id first, so statuses on earlier heads name it. */
const STATUS_AGENT = /^\[([^\]\s]{1,100})\] /;

/** The commit status description: the agent's id (when there is one) before the one-line summary. */
export function statusDescription(agent: string | null, summary: string): string {
  return agent === null ? summary : `[${agent}] ${summary}`;
}

/** The agent a status description of ours names, or null ("not an agent PR", a policy error, …). */
export function agentOfStatusDescription(description: string): string | null {
  return STATUS_AGENT.exec(description)?.[1] ?? null;
}

export interface RememberedAgent {
  agent: string;
  requester: string | null;
  /** When the gate first judged the PR agent-authored, as far as the memory tells. */
  since: string;
  /** What the memory rests on, for the reason: "its comment", "its status on 1a2b3c4", … */
  evidence: string;
}

function earliest(times: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const time of times) {
    if (!time || Number.isNaN(Date.parse(time))) continue;
    if (best === null || Date.parse(time) < Date.parse(best)) best = time;
  }
  return best;
}

/** The agent the gate judged this PR to be from, by its own earlier runs; null when it never did. */
export function recallAgent(memory: GateMemory | null | undefined): RememberedAgent | null {
  if (!memory) return null;
  const named = memory.statuses
    .map((status) => ({ ...status, agent: agentOfStatusDescription(status.description) }))
    .filter((status): status is typeof status & { agent: string } => status.agent !== null);
  const state = memory.state;
  const deleted = memory.deletedComments;
  if (state?.agent) {
    return {
      agent: state.agent,
      requester: state.requester,
      since: earliest([state.since, state.at, ...named.map((status) => status.at)]) ?? state.at,
      evidence: 'its comment',
    };
  }
  // Latest first: the agent of the most recent judgement the statuses record.
  const latest = [...named].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (latest) {
    const since = earliest([...named.map((status) => status.at), ...deleted.map((event) => event.at)]) ?? latest.at;
    return { agent: latest.agent, requester: state?.requester ?? null, since, evidence: `its status on ${latest.sha.slice(0, 7)}` };
  }
  // The gate writes a comment only on a PR it judged agent-authored, so a deleted one of ours
  // means it did; which agent, nothing left says.
  const since = earliest(deleted.map((event) => event.at));
  if (since !== null) {
    const by = deleted.find((event) => event.at === since)?.by;
    return { agent: UNKNOWN_AGENT, requester: null, since, evidence: `its comment, deleted${by ? ` by ${by}` : ''}` };
  }
  return null;
}

/** When the gate first judged the PR agent-authored: from memory, else now (when it does now). */
export function gatedSince(detection: Pick<Detection, 'agent'>, memory: GateMemory | null | undefined, now: string): string | null {
  if (detection.agent === null) return null;
  return recallAgent(memory)?.since ?? now;
}

/**
 * Detection with the gate's memory applied: when the gate once judged the PR as an agent's and
 * detection now finds no agent or another one, the PR stays that agent's, and the reason says so.
 * The remembered requester stays the requester (rewritten trailers cannot move the role to
 * someone else, so the requester cannot approve or override their own PR by renaming it).
 */
export interface MemoryContext {
  /** The agent definitions (for the remembered agent's display name). */
  agents?: readonly Pick<AgentDefinition, 'id' | 'name'>[];
  /** The PR's author: the requester when the memory names none and a human authored the PR. */
  author?: Actor | null;
}

/** The context `applyGateMemory` reads, from the policy and the snapshot. */
export function memoryContextOf(policy: Policy, snapshot: Pick<PrSnapshot, 'author'>): MemoryContext {
  return { agents: resolveAgents(policy), author: snapshot.author };
}

export function applyGateMemory(detection: Detection, memory: GateMemory | null | undefined, context: MemoryContext = {}): Detection {
  const remembered = recallAgent(memory);
  if (remembered === null) return detection;
  const requester = remembered.requester ?? detection.requester;
  const requesterSource = remembered.requester !== null && remembered.requester !== detection.requester ? "the gate's memory" : detection.requesterSource;
  if (detection.agent === remembered.agent) return { ...detection, requester, requesterSource };
  const agents = context.agents ?? [];
  const author = context.author?.type === 'User' ? context.author.login : null;
  const definition = agents.find((agent) => agent.id === remembered.agent);
  const was = detection.agent === null ? 'signals since removed' : `detection now points to ${detection.agent}, which does not replace the agent the gate judged`;
  const memoryReason = `gated since ${remembered.since} as ${remembered.agent}; ${was} (from ${remembered.evidence}; only the override lets it through)`;
  return {
    agent: remembered.agent,
    agentName: definition?.name ?? (remembered.agent === UNKNOWN_AGENT ? 'an agent (the gate’s comment was deleted)' : remembered.agent),
    requester: requester ?? author,
    requesterSource: remembered.requester !== null ? "the gate's memory" : requester !== null ? detection.requesterSource : author !== null ? 'PR author' : null,
    signals: detection.signals,
    reason: memoryReason,
    memory: memoryReason,
  };
}

/**
 * Detection as the gate uses it: the signals on the PR, kept gated by the gate's memory
 * (docs/security.md, "The gate's memory"). Both pipeline stages detect through this one function.
 */
export function detectGated(policy: Policy, snapshot: PrSnapshot): Detection {
  return applyGateMemory(detectAgent(policy, snapshot), snapshot.gateMemory, memoryContextOf(policy, snapshot));
}
