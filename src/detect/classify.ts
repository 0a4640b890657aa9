import type { AgentDefinition, Policy } from '../config/policy.js';
import { isBot, normalizeLogin, sameLogin } from '../identity.js';
import type { Actor, Commit, GitIdentity } from '../snapshot.js';

/**
 * Who is who: an authoring agent, automation, or a human. Reviews and metrics both ask this, so
 * there is one answer. An account is human only when it is neither a bot (src/identity.ts, the
 * policy's `bots:`) nor an authoring agent's identity.
 */

export type Party = 'agent' | 'bot' | 'human';

/**
 * The account behind accepted Copilot code-review suggestions (`Co-authored-by: Copilot
 * <175728472+Copilot@users.noreply.github.com>`). Its login is also `Copilot`, like the coding
 * agent's (198982749), but it did not author the change: it is automation, never an agent or a human.
 */
export const COPILOT_SUGGESTION_ID = 175728472;
export const COPILOT_SUGGESTION_EMAIL = '175728472+copilot@users.noreply.github.com';

/** True for the identity of accepted Copilot review suggestions (by account id or noreply email). */
export function isCopilotSuggestionIdentity(identity: { email?: string; user?: Actor | null; id?: number | null }): boolean {
  if (identity.id === COPILOT_SUGGESTION_ID || identity.user?.id === COPILOT_SUGGESTION_ID) return true;
  return identity.email?.trim().toLowerCase() === COPILOT_SUGGESTION_EMAIL;
}

/**
 * An agent's identities, normalised once: detection, reviews and metrics ask about every commit,
 * review and comment for every agent, and normalising the agent's lists each time cost more than
 * the question. Agent definitions are never changed once the policy is loaded.
 */
interface AgentIdentities {
  /** Normalised logins of `authors` and `commit-authors`. */
  logins: ReadonlySet<string>;
  /** `commit-authors` entries holding `@`, trimmed and lower-cased. */
  emails: ReadonlySet<string>;
  /** The other `commit-authors` entries, as normalizeLogin reads them. */
  names: ReadonlySet<string>;
}

const agentIdentities = new WeakMap<AgentDefinition, AgentIdentities>();

function identitiesOf(agent: AgentDefinition): AgentIdentities {
  let known = agentIdentities.get(agent);
  if (known === undefined) {
    const logins = new Set<string>();
    for (const author of [...agent.authors, ...agent.commitAuthors]) if (author) logins.add(normalizeLogin(author));
    const emails = new Set<string>();
    const names = new Set<string>();
    for (const entry of agent.commitAuthors) {
      const value = entry.trim().toLowerCase();
      if (value.includes('@')) emails.add(value);
      else names.add(normalizeLogin(value));
    }
    known = { logins, emails, names };
    agentIdentities.set(agent, known);
  }
  return known;
}

function matchesAgentLogin(login: string, agent: AgentDefinition): boolean {
  return login !== '' && identitiesOf(agent).logins.has(normalizeLogin(login));
}

/** The agent whose identity this account is, or null. */
export function agentOfActor(actor: Actor | null | undefined, agents: readonly AgentDefinition[]): AgentDefinition | null {
  if (!actor || actor.id === COPILOT_SUGGESTION_ID) return null;
  // Index loops here and below: asked for every commit, review and comment, cold.
  for (let a = 0; a < agents.length; a += 1) {
    const agent = agents[a] as AgentDefinition;
    if (actor.id != null && agent.authorIds.includes(actor.id)) return agent;
    if (matchesAgentLogin(actor.login, agent)) return agent;
  }
  return null;
}

export function classifyActor(actor: Actor | null | undefined, policy: Policy, agents: readonly AgentDefinition[]): Party {
  if (actor?.id === COPILOT_SUGGESTION_ID) return 'bot';
  if (agentOfActor(actor, agents)) return 'agent';
  if (isBot(actor, policy.bots)) return 'bot';
  return 'human';
}

export function isHumanActor(actor: Actor | null | undefined, policy: Policy, agents: readonly AgentDefinition[]): boolean {
  return classifyActor(actor, policy, agents) === 'human';
}

/** The agent a git identity belongs to: by linked account, else by email or name. */
export function agentOfIdentity(identity: GitIdentity, agents: readonly AgentDefinition[]): AgentDefinition | null {
  if (isCopilotSuggestionIdentity(identity)) return null;
  const byUser = agentOfActor(identity.user, agents);
  if (byUser) return byUser;
  const email = identity.email.trim().toLowerCase();
  const name = normalizeLogin(identity.name);
  for (let a = 0; a < agents.length; a += 1) {
    const agent = agents[a] as AgentDefinition;
    const known = identitiesOf(agent);
    if (known.emails.has(email) || known.names.has(name)) return agent;
  }
  return null;
}

/**
 * Who wrote a commit: the author's GitHub account when GitHub linked one, else the git author's
 * email or name matched against agent identities. An unlinked identity that matches no agent and
 * no bot counts as a human (a person committing with an email GitHub does not know).
 */
export function classifyCommit(commit: Commit, policy: Policy, agents: readonly AgentDefinition[]): Party {
  if (agentOfIdentity(commit.author, agents)) return 'agent';
  if (isCopilotSuggestionIdentity(commit.author)) return 'bot';
  const user = commit.author.user;
  if (user) return isBot(user, policy.bots) ? 'bot' : 'human';
  const name = commit.author.name.trim();
  if (name.toLowerCase().endsWith('[bot]') || policy.bots.some((b) => sameLogin(b, name))) return 'bot';
  return 'human';
}
