import { sameActor, sameLogin } from '../identity.js';
import { COMMENT_MARKER } from '../render/render-comment.js';
import type { Actor, IssueComment } from '../snapshot.js';

/** The identity of the default `GITHUB_TOKEN`, used when the API did not say who the token is. */
export const GITHUB_ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/**
 * Our sticky comment: the oldest comment that carries the marker AND was written by the identity
 * the token acts as. A marker in anyone else's comment is ignored, so nobody can make the gate
 * edit (or hide behind) a comment they planted.
 */
/**
 * Whether `author` is the token's own account. By id first; GraphQL can report an app's account
 * with an id of another kind than the comment author's (viewer vs Bot node), so two Bot accounts
 * with the same login are the same too: nobody but the app can hold a `[bot]` login. A user
 * account with a look-alike login (`acme-gate` for `acme-gate[bot]`) never matches.
 */
export function isSelf(author: Actor | null, self: Actor): boolean {
  if (!author) return false;
  if (sameActor(author, self)) return true;
  return author.type === 'Bot' && self.type === 'Bot' && sameLogin(author.login, self.login);
}

/**
 * Every comment of ours (marker and identity), oldest first. GitHub gives creation times to the
 * second and comment ids in creation order, so the id breaks ties: two runs that both look at the
 * same list agree on which one is the oldest.
 */
export function findOurComments(comments: readonly IssueComment[], viewer: Actor | null): IssueComment[] {
  const self = viewer ?? GITHUB_ACTIONS_BOT;
  const ours = comments.filter((comment) => comment.body.includes(COMMENT_MARKER) && isSelf(comment.author, self));
  return ours.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

export function findStickyComment(comments: readonly IssueComment[], viewer: Actor | null): IssueComment | null {
  return findOurComments(comments, viewer)[0] ?? null;
}
