import type { AgentDefinition } from '../config/policy.js';
import { trimEndWhere } from '../policy/text.js';
import { isBot, sameLogin } from '../identity.js';
import { compilePattern } from '../patterns.js';
import type { Actor } from '../snapshot.js';
import { agentOfActor, agentOfIdentity, classifyActor, isHumanActor } from './classify.js';
import type { CoAuthor } from './co-authors.js';
import type { DetectionContext } from './detection-context.js';

/**
 * The requester: the human who asked the agent. Sources, most reliable first:
 *
 * 1. the PR author, when a human opened the PR (Codex, Cursor, Claude Code on a laptop);
 * 2. the human who assigned the agent (the `assigned` timeline event for Copilot): GitHub records
 *    it itself, so it goes before any text the agent writes (a trailer or a body line an agent
 *    could be talked into forging, to shift who counts as the requester);
 * 3. a co-author trailer naming a human by a GitHub noreply email (Copilot adds the assigning
 *    human's `Co-authored-by: alice <1+alice@users.noreply.github.com>` to its commits);
 * 4. Devin's `Requested by: NAME (@login)` body line, when it names a login;
 * 5. a co-author trailer naming a human by another email, mapped to a login when one of the PR's
 *    commits links that email to an account; else 6. the `Requested by:` name; else 7. the
 *    trailer's name.
 *
 * A login beats a display name: reviews compare the requester with reviewers' logins.
 */

export interface Requester {
  login: string;
  /** "PR author", "co-author trailer", "Requested by: line" or "assigned the agent". */
  source: string;
}

export const REQUESTER_SOURCES = {
  author: 'PR author',
  trailer: 'co-author trailer',
  requestedBy: 'Requested by: line',
  assigned: 'assigned the agent',
} as const;

export function findRequester(ctx: DetectionContext, agent: AgentDefinition | null): Requester | null {
  const { snapshot, policy, agents } = ctx;
  if (snapshot.author && isHumanActor(snapshot.author, policy, agents)) {
    return { login: snapshot.author.login, source: REQUESTER_SOURCES.author };
  }
  const assigner = agent ? findAssigner(ctx, agent) : null;
  if (assigner) return { login: assigner.login, source: REQUESTER_SOURCES.assigned };

  const humans = ctx.coAuthors.filter((coAuthor) => isHumanCoAuthor(ctx, coAuthor));
  const byNoreply = humans.find((coAuthor) => coAuthor.login !== null);
  if (byNoreply?.login) return { login: byNoreply.login, source: REQUESTER_SOURCES.trailer };

  const requestedBy = readRequestedBy(ctx.body);
  if (requestedBy?.login) return { login: requestedBy.login, source: REQUESTER_SOURCES.requestedBy };

  for (const coAuthor of humans) {
    const login = loginOfEmail(ctx, coAuthor.email);
    if (login) return { login, source: REQUESTER_SOURCES.trailer };
  }
  if (requestedBy) return { login: requestedBy.name, source: REQUESTER_SOURCES.requestedBy };
  const named = humans[0];
  if (named) return { login: named.name, source: REQUESTER_SOURCES.trailer };
  return null;
}

/**
 * A co-author is a human unless it is an agent or bot identity, the Copilot suggestion trailer,
 * or a `noreply@` address (`Claude <noreply@anthropic.com>`, GitHub's own `noreply@github.com`).
 */
export function isHumanCoAuthor(ctx: DetectionContext, coAuthor: CoAuthor): boolean {
  const { policy, agents } = ctx;
  if (coAuthor.suggestion) return false;
  if (coAuthor.name === '' && coAuthor.login === null) return false;
  if (agents.some((agent) => agent.trailers.some((source) => compilePattern(source).test(coAuthor.value)))) return false;
  const user: Actor | null = coAuthor.login
    ? { login: coAuthor.login, id: coAuthor.id, type: coAuthor.login.toLowerCase().endsWith('[bot]') ? 'Bot' : 'User' }
    : null;
  if (agentOfIdentity({ name: coAuthor.name, email: coAuthor.email, user }, agents)) return false;
  if (user && classifyActor(user, policy, agents) !== 'human') return false;
  const email = coAuthor.email.toLowerCase();
  if (email.includes('[bot]') || /^no-?reply@/.test(email)) return false;
  if (coAuthor.name !== '' && isBot({ login: coAuthor.name, id: null, type: 'User' }, policy.bots)) return false;
  return true;
}

/** The login of a human whose commits on this PR use `email`, if GitHub linked them. */
function loginOfEmail(ctx: DetectionContext, email: string): string | null {
  if (email === '') return null;
  const wanted = email.toLowerCase();
  for (const commit of ctx.snapshot.commits) {
    for (const identity of [commit.author, commit.committer]) {
      if (identity.email.toLowerCase() !== wanted || !identity.user) continue;
      if (isHumanActor(identity.user, ctx.policy, ctx.agents)) return identity.user.login;
    }
  }
  return null;
}

/** The human who assigned the agent's account (first such `assigned` event). */
function findAssigner(ctx: DetectionContext, agent: AgentDefinition): Actor | null {
  for (const event of ctx.snapshot.timeline) {
    if (event.type !== 'assigned' || !agentOfActor(event.subject, [agent])) continue;
    if (event.actor && isHumanActor(event.actor, ctx.policy, ctx.agents)) return event.actor;
  }
  return null;
}

export interface RequestedBy {
  name: string;
  login: string | null;
}

// `Requested by: Joe Moura`, `**Requested by:** Joe Moura (@joe)`, `Requested by: @joe`. Linear
// on the body: a literal, then bounded repeats (at most 206 characters tried per occurrence); the
// captured line is parsed with plain string code.
const REQUESTED_BY = /Requested by[*_]{0,2}:[*_ \t]{0,4}[^\n]{1,200}/i;
const LOGIN_IN_LINE = /(?:^|[\s(])@([a-z0-9](?:[a-z0-9-]{0,38}))(?=$|[\s),.;])/i;

/** Devin's `Requested by:` line: the name and, when written, the `@login`. */
export function readRequestedBy(body: string): RequestedBy | null {
  const match = REQUESTED_BY.exec(body);
  if (!match) return null;
  const line = trimEndWhere(match[0].slice('Requested by'.length).replace(/^[*_:\s]+/, ''), '*_');
  if (line === '') return null;
  const login = LOGIN_IN_LINE.exec(line)?.[1] ?? null;
  const paren = line.indexOf(' (');
  const name = (paren > 0 ? line.slice(0, paren) : line).trim().replace(/^@/, '');
  if (login === null && (name === '' || sameLogin(name, 'devin-ai-integration'))) return null;
  return { name: name === '' && login ? login : name, login };
}
