import { parseGateState } from '../gate-state.js';
import type { Actor, GateMemory, IssueComment } from '../snapshot.js';
import { findStickyComment, GITHUB_ACTIONS_BOT, isSelf } from './find-sticky-comment.js';
import { STATUS_CONTEXT } from './publish-status.js';
import type { GqlHeadCommit, GqlStatusContext, GqlTimelineItem } from './schemas.js';
import { actorFromGraphql } from './actors-from-api.js';

/** One of our statuses, when `context` is the gate's and was created by the token's own identity. */
function ourStatus(sha: string, context: GqlStatusContext | null | undefined, self: Actor): GateMemory['statuses'][number] | null {
  if (!context || (context.context !== undefined && context.context !== STATUS_CONTEXT)) return null;
  if (!isSelf(actorFromGraphql(context.creator), self)) return null;
  return { sha, state: context.state ?? '', description: context.description ?? '', at: context.createdAt };
}

/**
 * The gate's memory (docs/security.md, "The gate's memory"): the state line of our own sticky
 * comment (marker and identity checked), our statuses on the heads force pushes replaced and on
 * the current head, and the deletions of our comments by anyone but ourselves. Undefined when the
 * query did not ask for them (report mode).
 */
export function gateMemoryFrom(
  headCommit: GqlHeadCommit | null | undefined,
  timeline: readonly GqlTimelineItem[],
  comments: readonly IssueComment[],
  viewer: Actor | null,
): GateMemory | undefined {
  if (headCommit === undefined) return undefined;
  const self = viewer ?? GITHUB_ACTIONS_BOT;
  const sticky = findStickyComment(comments, viewer);
  const statuses: GateMemory['statuses'] = [];
  const deletedComments: GateMemory['deletedComments'] = [];
  for (const item of timeline) {
    if (item.__typename === 'HeadRefForcePushedEvent' && item.beforeCommit) {
      const status = ourStatus(item.beforeCommit.oid, item.beforeCommit.status?.context, self);
      if (status) statuses.push(status);
    }
    if (item.__typename === 'CommentDeletedEvent' && item.createdAt) {
      // Our own deletions (a second comment a concurrent run removed) are not a reason to gate.
      const author = actorFromGraphql(item.deletedCommentAuthor);
      const actor = actorFromGraphql(item.actor);
      if (isSelf(author, self) && !isSelf(actor, self)) deletedComments.push({ at: item.createdAt, by: actor?.login ?? null });
    }
  }
  const head = headCommit?.nodes.at(-1)?.commit;
  const headStatus = head ? ourStatus(head.oid, head.status?.contexts.find((context) => context.context === STATUS_CONTEXT), self) : null;
  if (headStatus) statuses.push(headStatus);
  return { state: sticky ? parseGateState(sticky.body) : null, statuses, deletedComments };
}
