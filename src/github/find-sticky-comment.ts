import { sameActor } from '../identity.js';
import { COMMENT_MARKER } from '../render/render-comment.js';
import type { Actor, IssueComment } from '../snapshot.js';

/** The identity of the default `GITHUB_TOKEN`, used when the API did not say who the token is. */
export const GITHUB_ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/**
 * Our sticky comment: the oldest comment that carries the marker AND was written by the identity
 * the token acts as. A marker in anyone else's comment is ignored, so nobody can make the gate
 * edit (or hide behind) a comment they planted.
 */
export function findStickyComment(comments: readonly IssueComment[], viewer: Actor | null): IssueComment | null {
  const self = viewer ?? GITHUB_ACTIONS_BOT;
  const ours = comments.filter((comment) => comment.body.includes(COMMENT_MARKER) && sameActor(comment.author, self));
  ours.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return ours[0] ?? null;
}
