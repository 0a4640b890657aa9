import type { Actor, ActorType, GitIdentity } from '../snapshot.js';
import type { GqlActor, GqlCommit } from './schemas.js';
import type { RestReviewComment } from './snapshot-from-api.js';

/**
 * GitHub's actors as the snapshot spells them (docs/architecture.md, "Data contract"): logins in
 * REST spelling, so a GraphQL `Bot` `name` becomes `name[bot]` and the Copilot coding agent's
 * `copilot-swe-agent` becomes `Copilot`.
 */

const ACTOR_TYPES: Record<string, ActorType> = {
  User: 'User',
  Bot: 'Bot',
  Organization: 'Organization',
  Mannequin: 'Mannequin',
};

/** REST spelling of a GraphQL Bot login. */
export function restBotLogin(login: string): string {
  if (login === 'copilot-swe-agent') return 'Copilot';
  return login.endsWith('[bot]') ? login : `${login}[bot]`;
}

export function actorFromGraphql(actor: GqlActor | null | undefined): Actor | null {
  if (!actor) return null;
  if (actor.__typename === 'Team') {
    const org = actor.organization?.login;
    return { login: org && actor.slug ? `@${org}/${actor.slug}` : `@${actor.slug ?? 'team'}`, id: null, type: 'Unknown' };
  }
  if (actor.login === undefined) return null;
  const type = ACTOR_TYPES[actor.__typename] ?? 'Unknown';
  return {
    login: type === 'Bot' ? restBotLogin(actor.login) : actor.login,
    id: actor.databaseId ?? null,
    type,
  };
}

export function actorFromRest(user: RestReviewComment['user']): Actor | null {
  if (!user) return null;
  const type = ACTOR_TYPES[user.type ?? ''] ?? (user.login.endsWith('[bot]') ? 'Bot' : 'User');
  return { login: user.login, id: user.id, type };
}

export function identityOf(git: GqlCommit['commit']['author']): GitIdentity {
  const user = git?.user;
  return {
    name: git?.name ?? '',
    email: git?.email ?? '',
    user: user ? { login: user.login, id: user.databaseId ?? null, type: user.login.endsWith('[bot]') ? 'Bot' : 'User' } : null,
  };
}
